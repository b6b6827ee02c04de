// Automatic layout as the editor shows it: a model laid out with the editor's own font
// metrics, opened in a DiagramScene, measured from the scene's items (bodies, name labels,
// polarity signs, the loop markers the scene places): no two overlap, and no connector
// or pipe runs through a name or a loop marker.
#include "diagram/autolayout.h"
#include "diagram/connectorarc.h"
#include "diagram/layoutquality.h"
#include "support/generatedmodel.h"

#include "document.h"
#include "export/pictures/documentexport.h"
#include "model/modelfile.h"
#include "scene/connectoritem.h"
#include "scene/diagramscene.h"
#include "scene/diagramstyle.h"
#include "scene/flowitem.h"
#include "scene/looplabelitem.h"
#include "scene/variableitem.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

using namespace meadows;

namespace {

struct Thing {
    QRectF rect;
    QString what;
};

std::vector<QPointF> polyline(const QPainterPath &path)
{
    std::vector<QPointF> out;
    for (const QPolygonF &polygon : path.toSubpathPolygons())
        for (const QPointF &p : polygon)
            out.push_back(p);
    return out;
}

// Every collision the scene shows, one line each.
QStringList sceneProblems(DiagramScene &scene)
{
    std::vector<Thing> things;
    std::vector<std::pair<std::vector<QPointF>, QString>> lines;
    for (QGraphicsItem *item : scene.items()) {
        if (auto *v = dynamic_cast<VariableItem *>(item)) {
            things.push_back({v->anchorOutline().boundingRect(), v->label()});
            things.push_back({v->labelSceneRect(), QStringLiteral("name ") + v->label()});
        } else if (auto *f = dynamic_cast<FlowItem *>(item)) {
            things.push_back({f->anchorOutline().boundingRect(), f->element().name});
            things.push_back({f->labelSceneRect(), QStringLiteral("name ") + f->element().name});
            lines.push_back({f->points(), QStringLiteral("pipe ") + f->element().name});
        } else if (auto *c = dynamic_cast<ConnectorItem *>(item)) {
            if (!c->isVisible() || !c->curve().valid)
                continue;
            const QString what = c->element().from.name + QStringLiteral(" -> ") + c->element().to.name;
            lines.push_back({polyline(c->curve().path), QStringLiteral("connector ") + what});
            if (!c->element().polarity.isEmpty()) {
                things.push_back({diagram::polaritySignBox(c->curve().signCentre), QStringLiteral("sign on ") + what});
            }
        } else if (auto *l = dynamic_cast<LoopLabelItem *>(item)) {
            things.push_back({QRectF(l->scenePos() - QPointF(14, 14), QSizeF(28, 28)), QStringLiteral("loop ") + l->mark().label});
        }
    }
    QStringList problems;
    for (std::size_t i = 0; i < things.size(); ++i)
        for (std::size_t j = i + 1; j < things.size(); ++j)
            if (diagram::rectsOverlap(things[i].rect, things[j].rect))
                problems << QStringLiteral("overlap: %1 and %2").arg(things[i].what, things[j].what);
    for (const auto &[points, what] : lines)
        for (const Thing &t : things)
            if ((t.what.startsWith(QLatin1String("name ")) || t.what.startsWith(QLatin1String("loop ")))
                && diagram::polylineHitsRect(points, t.rect.adjusted(1, 1, -1, -1)))
                problems << QStringLiteral("%1 runs through %2").arg(what, t.what);
    return problems;
}

// Laid out with the editor's font (the editor's own layout), or with the GUI-free estimate
// (`meadows layout`, `meadows export`) and then drawn with the editor's font.
QStringList problemsAfterLayout(Project project, bool estimated = false)
{
    diagram::LayoutOptions options;
    if (!estimated)
        options.measure = &DiagramStyle::labelSize;
    for (Model &m : project.models)
        if (!m.variables.empty() && !diagram::layoutModel(m, options).ok)
            return {QStringLiteral("layout failed")};
    Document document;
    document.reset(std::move(project), QString());
    DiagramScene scene(&document);
    scene.setLoops(diagramLoopMarks(document.project()));
    return sceneProblems(scene);
}

} // namespace

class TestLayoutScene : public QObject {
    Q_OBJECT
private slots:
    void examplesAfterLayout_data();
    void examplesAfterLayout();
    void examplesAfterHeadlessLayout_data() { examplesAfterLayout_data(); }
    void examplesAfterHeadlessLayout();
    void generatedModelOpensLaidOut();
};

void TestLayoutScene::examplesAfterLayout_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator it(QStringLiteral(MEADOWS_SOURCE_DIR "/examples"), {QStringLiteral("*.xmile"), QStringLiteral("*.mmd")},
                    QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &f : files)
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void TestLayoutScene::examplesAfterLayout()
{
    QFETCH(QString, path);
    XmileReadResult read = readModelFile(path);
    QVERIFY(read.project);
    const QStringList problems = problemsAfterLayout(std::move(*read.project));
    // Nothing overlaps, and no connector or pipe runs through a name or a loop marker.
    QStringList overlaps = problems.filter(QStringLiteral("overlap:"));
    QVERIFY2(overlaps.isEmpty(), qPrintable(overlaps.join(u'\n')));
    // Measured 2026-11-29 (as in test_layout): the retry storm's Served pipe, routed round
    // Backlog's top, runs through Capacity's name.
    if (QFileInfo(path).fileName() == QLatin1String("02-retry-storm.xmile"))
        QEXPECT_FAIL("", "a pipe routed round its stock runs through a name placed beside it", Continue);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// What `meadows layout` writes, opened in the editor: what missed the estimated names must
// miss the drawn ones.
void TestLayoutScene::examplesAfterHeadlessLayout()
{
    QFETCH(QString, path);
    XmileReadResult read = readModelFile(path);
    QVERIFY(read.project);
    const QStringList problems = problemsAfterLayout(std::move(*read.project), true);
    // Known, measured 2026-11-29 (offscreen platform): on these, a connector laid out round
    // the estimated names runs through a name as the editor draws it (usually its own end's
    // name), so the estimate is not yet above what the editor's font gives here.
    static const QStringList known{QStringLiteral("bass-diffusion.xmile"), QStringLiteral("market-growth.xmile"),
                                   QStringLiteral("predator-prey.xmile"), QStringLiteral("02-retry-storm.xmile"),
                                   QStringLiteral("04-autoscaler-delay.xmile"), QStringLiteral("06-connection-pool.xmile"),
                                   QStringLiteral("07-cache-expiry.xmile")};
    if (known.contains(QFileInfo(path).fileName()))
        QEXPECT_FAIL("", "a line runs through a name the estimate made smaller than the editor draws it", Continue);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// A model without a diagram opens laid out (Document::reset), as modified work.
void TestLayoutScene::generatedModelOpensLaidOut()
{
    Document document;
    document.reset(test::generatedStockFlowModel(60), QString());
    QVERIFY(document.isModified());
    DiagramScene scene(&document);
    scene.setLoops(diagramLoopMarks(document.project()));
    int variables = 0;
    for (QGraphicsItem *item : scene.items())
        variables += dynamic_cast<VariableItem *>(item) != nullptr || dynamic_cast<FlowItem *>(item) != nullptr;
    QCOMPARE(variables, 60);
    const QStringList problems = sceneProblems(scene);
    QVERIFY2(problems.filter(QStringLiteral("overlap:")).isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_MAIN(TestLayoutScene)
#include "test_layout_scene.moc"

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
#include <QLineF>
#include <QTest>

using namespace meadows;

namespace {

struct Thing {
    QRectF rect;
    QString what;
    const QGraphicsItem *body = nullptr; // the element whose body this is (bodies only)
};

std::vector<QPointF> polyline(const QPainterPath &path)
{
    std::vector<QPointF> out;
    for (const QPolygonF &polygon : path.toSubpathPolygons())
        for (const QPointF &p : polygon)
            out.push_back(p);
    return out;
}

bool rectsTouch(const QRectF &a, const QRectF &b)
{
    return QLineF(a.center(), b.center()).length() < 0.5 && std::abs(a.width() - b.width()) < 0.5;
}

// The loop's closed outline as the scene draws it, built here independently of the code
// that places markers: for each step, the connector from one loop variable to the next, or,
// from a flow to the stock it fills or drains, its pipe from the valve to that stock.
QPolygonF drawnOutline(DiagramScene &scene, const LoopLabelItem *label)
{
    const QList<LoopStep> steps = scene.loopSteps(label->mark());
    QPolygonF outline;
    for (int i = 0; i < steps.size(); ++i) {
        const ElementItem *here = steps[i].variable, *next = steps[(i + 1) % steps.size()].variable;
        if (!here || !next)
            return {};
        if (!steps[i].connectors.isEmpty()) {
            const std::vector<QPointF> &arc = steps[i].connectors.front()->curve().points;
            outline += QPolygonF(QList<QPointF>(arc.begin(), arc.end()));
            continue;
        }
        const auto *flow = dynamic_cast<const FlowItem *>(here);
        if (!flow)
            return {}; // a step drawn by nothing: the loop has no outline
        // The pipe's points from the valve on: towards the sink if the next variable's
        // centre lies in the sink's box, else back towards the source.
        const std::vector<QPointF> pipe = flow->points();
        const bool toSink = flow->sinkBox() && flow->sinkBox()->contains(next->anchorCentre());
        std::size_t segment = 1; // the segment the valve lies on
        for (std::size_t k = 1; k < pipe.size(); ++k)
            if (QRectF(pipe[k - 1], pipe[k]).normalized().adjusted(-1, -1, 1, 1).contains(flow->anchorCentre()))
                segment = k;
        outline << flow->anchorCentre();
        if (toSink)
            for (std::size_t k = segment; k < pipe.size(); ++k)
                outline << pipe[k];
        else
            for (std::size_t k = segment; k-- > 0;)
                outline << pipe[k];
    }
    return outline;
}

// Each loop has one marker, and its box (round its ring and arrowhead) lies wholly inside the loop's
// closed outline: its centre inside, and no edge of the outline through it. Overlaps with
// names, bodies, signs and other markers, and lines through it, sceneProblems counts.
QStringList markerProblems(DiagramScene &scene)
{
    QStringList problems;
    QStringList seen;
    for (QGraphicsItem *item : scene.items()) {
        auto *l = dynamic_cast<LoopLabelItem *>(item);
        if (!l)
            continue;
        const QString name = l->mark().label;
        if (seen.contains(name))
            problems << QStringLiteral("loop %1 marked twice").arg(name);
        seen << name;
        if (!l->isVisible()) {
            problems << QStringLiteral("loop %1 has no marker shown").arg(name);
            continue;
        }
        QPolygonF outline = drawnOutline(scene, l);
        if (outline.size() < 3) {
            problems << QStringLiteral("loop %1 has no closed outline").arg(name);
            continue;
        }
        const double r = 14.2 * l->scale(); // the ring and its arrowhead
        const QRectF box(l->scenePos() - QPointF(r, r), QSizeF(2 * r, 2 * r));
        std::vector<QPointF> closed(outline.begin(), outline.end());
        closed.push_back(outline.front());
        if (!outline.containsPoint(box.center(), Qt::OddEvenFill) || diagram::polylineHitsRect(closed, box))
            problems << QStringLiteral("loop %1's marker (%2, %3, radius %4) is not inside its loop")
                            .arg(name + u' ' + l->mark().variables.join(QStringLiteral(" > ")))
                            .arg(box.center().x())
                            .arg(box.center().y())
                            .arg(r);
    }
    return problems;
}

// Every collision the scene shows, one line each.
QStringList sceneProblems(DiagramScene &scene)
{
    std::vector<Thing> things;
    std::vector<std::pair<std::vector<QPointF>, QString>> lines;
    std::vector<const FlowItem *> flows;
    for (QGraphicsItem *item : scene.items()) {
        if (auto *v = dynamic_cast<VariableItem *>(item)) {
            things.push_back({v->anchorOutline().boundingRect(), v->label(), v});
            things.push_back({v->labelSceneRect(), QStringLiteral("name ") + v->label()});
        } else if (auto *f = dynamic_cast<FlowItem *>(item)) {
            things.push_back({f->anchorOutline().boundingRect(), f->element().name, f});
            things.push_back({f->labelSceneRect(), QStringLiteral("name ") + f->element().name});
            lines.push_back({f->points(), QStringLiteral("pipe ") + f->element().name});
            flows.push_back(f);
        } else if (auto *c = dynamic_cast<ConnectorItem *>(item)) {
            if (!c->isVisible() || !c->curve().valid)
                continue;
            const QString what = c->element().from.name + QStringLiteral(" -> ") + c->element().to.name;
            lines.push_back({polyline(c->curve().path), QStringLiteral("connector ") + what});
            if (!c->element().polarity.isEmpty()) {
                things.push_back({diagram::polaritySignBox(c->curve().signCentre), QStringLiteral("sign on ") + what});
            }
        } else if (auto *l = dynamic_cast<LoopLabelItem *>(item)) {
            // The marker: its ring (radius 14, smaller in a thin loop) and its arrowhead,
            // drawn on a diagonal, reaching 14.1 px along either axis.
            const double r = 14.2 * l->scale();
            things.push_back({QRectF(l->scenePos() - QPointF(r, r), QSizeF(2 * r, 2 * r)), QStringLiteral("loop ") + l->mark().label});
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
    // A pipe through a body other than its own valve and the stocks at its ends.
    for (const FlowItem *f : flows)
        for (const Thing &t : things) {
            const bool ownEnd = t.body == f || (f->sourceBox() && rectsTouch(*f->sourceBox(), t.rect))
                                || (f->sinkBox() && rectsTouch(*f->sinkBox(), t.rect));
            if (t.body && !ownEnd && diagram::polylineHitsRect(f->points(), t.rect.adjusted(1, 1, -1, -1)))
                problems << QStringLiteral("pipe %1 runs through %2").arg(f->element().name, t.what);
        }
    problems << markerProblems(scene);
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
    void estimateCoversTheEditorsLabels();
    void examplesAfterHeadlessLayout_data() { examplesAfterLayout_data(); }
    void examplesAfterHeadlessLayout();
    void generatedModelOpensLaidOut();
    void generatedModelAfterHeadlessLayout();
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
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// The GUI-free estimate `meadows layout` sizes names with is never smaller, in width or
// height, than what the editor draws: for every name of every example, and for names whose
// one-line width lies just under the 90 px wrap width (where a margin on the widths alone
// wraps the estimate onto two narrower lines while the editor draws one wide one: "CPU
// Utilisation" measures 88.2 px on one line), long words, and letters outside ASCII.
void TestLayoutScene::estimateCoversTheEditorsLabels()
{
    QStringList names{QStringLiteral("CPU Utilisation"), QStringLiteral("Delivery Delay Recognized"),
                      QStringLiteral("Word of Mouth Strength"), QStringLiteral("Queue Desired Pods"),
                      QStringLiteral("Extraordinarily_Long_Identifier_Without_Spaces"),
                      QStringLiteral("Größe der Bevölkerung"), QStringLiteral("Taux d'été (%)"),
                      QStringLiteral("Two\nLines")};
    QDirIterator it(QStringLiteral(MEADOWS_SOURCE_DIR "/examples"), {QStringLiteral("*.xmile"), QStringLiteral("*.mmd")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        XmileReadResult read = readModelFile(it.next());
        QVERIFY(read.project);
        for (const Model &m : read.project->models)
            for (const Variable &v : m.variables)
                names << v.name;
    }
    QVERIFY(names.size() > 150);
    for (const QString &name : names) {
        const QString label = diagram::diagramLabel(name);
        const QSizeF drawn = DiagramStyle::labelSize(label), estimate = diagram::estimateLabelSize(label);
        QVERIFY2(estimate.width() >= drawn.width() && estimate.height() >= drawn.height(),
                 qPrintable(QStringLiteral("%1: drawn %2 x %3, estimated %4 x %5")
                                .arg(label)
                                .arg(drawn.width())
                                .arg(drawn.height())
                                .arg(estimate.width())
                                .arg(estimate.height())));
    }
}

// What `meadows layout` writes, opened in the editor: what missed the estimated names must
// miss the drawn ones.
void TestLayoutScene::examplesAfterHeadlessLayout()
{
    QFETCH(QString, path);
    XmileReadResult read = readModelFile(path);
    QVERIFY(read.project);
    const QStringList problems = problemsAfterLayout(std::move(*read.project), true);
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

// The same model laid out by `meadows layout` (names estimated), then opened in the editor.
void TestLayoutScene::generatedModelAfterHeadlessLayout()
{
    const QStringList problems = problemsAfterLayout(test::generatedStockFlowModel(60), true);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_MAIN(TestLayoutScene)
#include "test_layout_scene.moc"

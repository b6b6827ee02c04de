// Automatic layout as the editor shows it: a model laid out with the editor's own font
// metrics, opened in a DiagramScene, measured from the scene's items (bodies, name labels,
// polarity signs, the loop markers the scene places): no two overlap, and no connector
// or pipe runs through a name or a loop marker.
#include "diagram/autolayout.h"
#include "diagram/labelgeometry.h"
#include "sceneproblems.h"
#include "support/generatedmodel.h"

#include "document.h"
#include "export/pictures/documentexport.h"
#include "model/modelfile.h"
#include "scene/diagramscene.h"
#include "scene/diagramstyle.h"
#include "scene/flowitem.h"
#include "scene/variableitem.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

using namespace meadows;
using meadows::test::sceneProblems;

namespace {

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
    void labelsReadTheNamesEscapes();
    void examplesAfterHeadlessLayout_data() { examplesAfterLayout_data(); }
    void examplesAfterHeadlessLayout();
    void generatedModelOpensLaidOut();
    void generatedModelAfterHeadlessLayout();
};

// A label shows the name as read: "\\n" breaks the line, "\\\\" is one backslash (a Vensim
// name keeps its own), underscores are spaces.
void TestLayoutScene::labelsReadTheNamesEscapes()
{
    QCOMPARE(diagram::diagramLabel(QStringLiteral("size of one\\ntime_harvest")), QStringLiteral("size of one\ntime harvest"));
    QCOMPARE(diagram::diagramLabel(QStringLiteral("x \\\\ y")), QStringLiteral("x \\ y"));
    QCOMPARE(diagram::diagramLabel(QStringLiteral("Stock with \\\\n Newline")), QStringLiteral("Stock with \\n Newline"));
}

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

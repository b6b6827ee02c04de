// The examples as shipped: each diagram as hand-drawn in its file, opened in the editor with
// no automatic layout, must read cleanly: every loop's marker inside its own loop, off every
// line, once; no two of bodies, names, polarity signs and markers overlapping; no connector or
// pipe through a name or a marker (issue 17). The same measure as after layout
// (test_layout_scene), on the drawings themselves.
#include "sceneproblems.h"

#include "document.h"
#include "export/pictures/documentexport.h"
#include "model/modelfile.h"
#include "scene/diagramscene.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QTest>

using namespace meadows;

class TestShippedDiagrams : public QObject {
    Q_OBJECT
private slots:
    void readsCleanlyAsDrawn_data();
    void readsCleanlyAsDrawn();
};

// One row per XMILE example (the Mermaid one has no drawing of its own: it is laid out on
// opening, which test_layout_scene covers).
void TestShippedDiagrams::readsCleanlyAsDrawn_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator it(QStringLiteral(MEADOWS_SOURCE_DIR "/examples"), {QStringLiteral("*.xmile")}, QDir::Files,
                    QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    QCOMPARE(files.size(), 18); // 6 classics and 12 incidents: a lost example is a failure too
    for (const QString &f : files)
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void TestShippedDiagrams::readsCleanlyAsDrawn()
{
    QFETCH(QString, path);
    XmileReadResult read = readModelFile(path);
    QVERIFY(read.project);
    Document document;
    document.reset(std::move(*read.project), path);
    // Opened as drawn: a file with a diagram is not laid out again (Document::reset lays out
    // only models without one, and marks that as unsaved work).
    QVERIFY(!document.isModified());
    DiagramScene scene(&document);
    scene.setLoops(diagramLoopMarks(document.project())); // the markers, as the editor places them
    QVERIFY(!scene.items().isEmpty());
    const QStringList problems = test::sceneProblems(scene);
    for (const QString &problem : problems) // in full: QVERIFY2 cuts a long message short
        qInfo("%s: %s", qPrintable(QFileInfo(path).fileName()), qPrintable(problem));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_MAIN(TestShippedDiagrams)
#include "test_shipped_diagrams.moc"

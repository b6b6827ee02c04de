// Files in the editor: every test model opens and is drawn where the file says, a broken
// file keeps what was open, large diagrams render, unsaved work is neither thrown away
// without asking nor lost when the editor is killed.
#include "commands/addvariable.h"
#include "commands/changevalue.h"
#include "diagram/diagramgeometry.h"
#include "document.h"
#include "editortesting.h"
#include "files/autosave.h"
#include "mainwindow.h"
#include "model/names.h"
#include "model/xmilereader.h"
#include "model/xmilewriter.h"
#include "panels/equationeditor.h"
#include "panels/gfcurveview.h"
#include "panels/graphicalfunctioneditor.h"
#include "panels/propertiespanel.h"
#include "scene/connectoritem.h"
#include "scene/diagramscene.h"
#include "scene/elementitem.h"
#include "scene/diagramstyle.h"
#include "scene/diagramview.h"
#include "scene/problemmarks.h"
#include "solver/references.h"
#include "support/inlinemdl.h"
#include "support/testfiles.h"

#include <QAbstractItemView>
#include <QAbstractSeries>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QCompleter>
#include <QDirIterator>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QFile>
#include <QGraphicsView>
#include <QLabel>
#include <QProcess>
#include <QTableWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace meadows;
using namespace meadows::testing;

namespace {

// Messages Qt or the editor print while a test runs: there should be none.
QStringList g_messages;
void collectMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtDebugMsg && !message.contains(QLatin1String("XDG_RUNTIME_DIR")))
        g_messages << message;
}

} // namespace

class TestEditorFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init() { m_recovery.reset(); }

    // `meadows --screenshot PNG MODEL...` run offscreen: the picture, or a null image when the
    // run fails or does not finish within a minute.
    // The picture `--screenshot` takes of `model`; null unless it exits with `exitCode`.
    QImage screenshot(const QStringList &model, int exitCode = 0)
    {
        QTemporaryDir dir;
        QProcess shot;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("MEADOWS_RECOVERY_DIR"), m_recovery.path());
        shot.setProcessEnvironment(env);
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        shot.start(QStringLiteral(MEADOWS_EXECUTABLE), QStringList{QStringLiteral("--screenshot"), png} + model);
        return shot.waitForFinished(60000) && shot.exitCode() == exitCode ? QImage(png) : QImage();
    }

    void opensEveryTestModelWithoutGeometryWarnings()
    {
        QStringList files;
        QDirIterator it(kTestData + QStringLiteral("/test-models"), {QStringLiteral("*.xmile"), QStringLiteral("*.stmx")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        QVERIFY(files.size() >= 30);
        for (const QString &file : files) {
            g_messages.clear();
            const auto previous = qInstallMessageHandler(collectMessages);
            MainWindow window;
            const bool opened = window.openFile(file);
            qInstallMessageHandler(previous);
            QVERIFY2(opened, qPrintable(file));
            QVERIFY2(window.scene()->geometryWarnings().isEmpty(), qPrintable(file + QLatin1String(": ") + window.scene()->geometryWarnings().join(QStringLiteral("; "))));
            QVERIFY2(g_messages.isEmpty(), qPrintable(file + QLatin1String(": ") + g_messages.join(QStringLiteral("; "))));
            // Every element the file places has an item, and every connector between
            // two drawn variables has a visible curve.
            const Document &doc = *window.document();
            for (const ViewElement &e : doc.view().elements) {
                if (e.type == ViewElement::Type::Other)
                    continue;
                ElementItem *item = window.scene()->itemForUid(*e.uid);
                QVERIFY2(item, qPrintable(file));
                if (e.type == ViewElement::Type::Connector && doc.elementUidForName(e.from.name) >= 0
                    && doc.elementUidForName(e.to.name) >= 0 && canonicalName(e.from.name) != canonicalName(e.to.name)) {
                    QVERIFY2(static_cast<ConnectorItem *>(item)->curve().valid, qPrintable(file + QLatin1String(": ") + e.from.name));
                }
            }
        }
    }

    void aBrokenFileIsReportedAndTheOpenModelKept()
    {
        MainWindow window;
        window.setQuiet(true);
        window.show();
        QVERIFY(window.openFile(kTeacup));
        QVERIFY(!window.openFile(kTestData + QStringLiteral("/broken/truncated.xmile")));
        QVERIFY2(window.statusText().startsWith(QLatin1String("Cannot open truncated.xmile: ")), qPrintable(window.statusText()));
        QCOMPARE(window.document()->filePath(), kTeacup); // what was open stays open
        QVERIFY(window.document()->variable(u"Teacup Temperature"));
        // And the screenshot mode, which must never wait for a click, still finishes, and says
        // in its exit code (1) that the file did not open.
        QVERIFY(screenshot({kTestData + QStringLiteral("/broken/truncated.xmile")}, 1).width() > 100);
        // A device or a pipe named like a model is refused as the commands refuse it: /dev/zero
        // was read until memory ran out, and a pipe waited for ever for a writer.
        QTemporaryDir dir;
        const QString zero = dir.filePath(QStringLiteral("zero.mdl")), pipe = dir.filePath(QStringLiteral("pipe.xmile"));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), zero));
        QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {pipe}), 0);
        for (const QString &path : {zero, pipe}) {
            QVERIFY(!window.openFile(path));
            QVERIFY2(window.statusText().endsWith(QLatin1String(": error: not a file")), qPrintable(window.statusText()));
            QCOMPARE(window.document()->filePath(), kTeacup);
        }
    }

    // A Vensim model dropped on the diagram opens, as File > Open would open it: SIR.mdl's
    // flow "Succumbing" is on the diagram and the title names the file read.
    void aVensimModelDroppedOnTheDiagramOpens()
    {
        MainWindow window;
        window.setQuiet(true);
        window.show();
        QVERIFY(window.openFile(kTeacup));
        QVERIFY(!window.scene()->itemForName(QStringLiteral("Succumbing")));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(kTestData + QStringLiteral("/test-models-vensim/samples/SIR/SIR.mdl"))});
        auto *view = window.findChild<DiagramView *>();
        QVERIFY(view);
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &drop);
        QTRY_VERIFY(window.scene()->itemForName(QStringLiteral("Succumbing")));
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("SIR.mdl")), qPrintable(window.windowTitle()));
    }

    // A model whose one name is 100,000 characters opens in under 100 MB (it took 9.8 GB:
    // Qt Charts shortens a legend one character at a time): the chart's legend holds the name
    // shortened in the middle, as the diagram draws it.
    void aVeryLongNameIsShortenedInTheLegend()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.mdl"));
        const QString name = QString(50000, u'a') + QString(50000, u'z');
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(("{UTF-8}\n" + name + " = 1 ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\n"
                 "SAVEPER = 1 ~~|\n").toUtf8());
        f.close();
        MainWindow window;
        window.setQuiet(true);
        window.show();
        QVERIFY(window.openFile(path));
        const QString shortened = QString(80, u'a') + QChar(0x2026) + QString(79, u'z');
        QStringList legends;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            legends.clear();
            for (QChartView *view : window.findChildren<QChartView *>())
                for (QAbstractSeries *s : view->chart()->series())
                    legends << s->name();
            return !legends.isEmpty();
        }()), 10000);
        QCOMPARE(legends, QStringList{shortened});
        // The Properties heading holds it shortened too, and wraps: selecting it had widened
        // its dock until the diagram beside it was a strip.
        window.resize(1400, 900);
        QTRY_COMPARE(window.width(), 1400);
        const int diagramWidth = window.centralWidget()->width();
        window.scene()->clearSelection();
        window.scene()->itemForName(name)->setSelected(true);
        auto *heading = window.findChild<PropertiesPanel *>()->findChild<QLabel *>();
        QTRY_VERIFY(heading->text().startsWith(shortened));
        QVERIFY(heading->wordWrap());
        QCoreApplication::processEvents();
        QVERIFY2(window.centralWidget()->width() >= diagramWidth - 10,
                 qPrintable(QStringLiteral("%1 then %2").arg(diagramWidth).arg(window.centralWidget()->width())));
    }

    // `--screenshot` draws the Overview too (it used to be left blank): where the window puts
    // the Overview, the picture holds the diagram's lines and names: colours that an empty
    // model's picture, taken the same way, does not have there.
    // What reading a file warned of is said in the status bar, not dropped: a Vensim model
    // whose settings name no method Meadows knows (line 13) and that uses a function Meadows
    // lacks (line 3, column 5). The status bar counts them; its tooltip lists them with their
    // places. A model opened next without warnings says nothing of them. What compiling warns
    // of is counted with them: an XMILE method Meadows lacks (RK2).
    void warningsFromReadingAreShown()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.mdl"));
        QVERIFY(testing::writeAll(path, QByteArray("{UTF-8}\ns = INTEG(s * 0.1, 1) ~~|\nd = FIND ZERO(s, 0, 1) ~~|\nINITIAL TIME = 0 ~~|\n"
                                                   "FINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n")
                                            + test::kMdlSketchHead + "*View 1\n///---\\\\\\\n:L<%^E!@\n15:0,0,0,x\n"));
        MainWindow window;
        window.setQuiet(true);
        QVERIFY(window.openFile(path));
        // Save writes XMILE: it asks for a name rather than replace the .mdl it was read from.
        // The title names the file read, not "Untitled".
        QVERIFY(window.document()->filePath().isEmpty());
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("w.mdl (imported; Save writes XMILE)")), qPrintable(window.windowTitle()));
        const QStringList warnings = window.document()->readWarnings();
        QVERIFY2(warnings.contains(path + QStringLiteral(":13:1: warning: the settings line '15:0,0,0,x' names no "
                                                         "integration method Meadows knows: it is read as Euler's")),
                 qPrintable(warnings.join(u'\n')));
        QVERIFY2(warnings.contains(path + QStringLiteral(":3:5: warning: the Vensim function FIND ZERO is not supported")),
                 qPrintable(warnings.join(u'\n')));
        const auto labels = window.statusBar()->findChildren<QLabel *>();
        const auto said = std::find_if(labels.begin(), labels.end(), [](QLabel *l) {
            return l->text().contains(QLatin1String("2 warning(s): hover here"));
        });
        QVERIFY(said != labels.end());
        for (const QString &w : warnings)
            QVERIFY((*said)->toolTip().contains(w));
        QVERIFY(window.openFile(kTeacup));
        QVERIFY(window.document()->readWarnings().isEmpty());
        QVERIFY(!(*said)->text().contains(QLatin1String("warning")));
        QVERIFY((*said)->toolTip().isEmpty());
        const QString gear = kTestData + QStringLiteral("/hostile/method_gear.xmile");
        QVERIFY(window.openFile(gear));
        window.problemMarks()->recheckNow();
        QVERIFY2((*said)->text().contains(QLatin1String("1 warning(s): hover here")), qPrintable((*said)->text()));
        QVERIFY2((*said)->toolTip().contains(QLatin1String("the integration method 'Gear' is not one Meadows implements")),
                 qPrintable((*said)->toolTip()));
    }

    void theScreenshotDrawsTheOverview()
    {
        const QString model = QStringLiteral(MEADOWS_TEST_DATA "/../../examples/incidents/02-retry-storm.xmile");
        const QImage storm = screenshot({model}), empty = screenshot({});
        QVERIFY(!storm.isNull() && !empty.isNull());
        // The same window, laid out as the screenshot's was, says where the Overview is.
        MainWindow window;
        window.setQuiet(true);
        window.resize(1500, 940);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(model));
        QCOMPARE(storm.size(), window.size());
        QGraphicsView *overview = nullptr;
        for (QGraphicsView *v : window.findChildren<QGraphicsView *>())
            if (v->metaObject()->className() == QByteArray("meadows::Minimap"))
                overview = v;
        QVERIFY(overview && overview->isVisible());
        const QRect area(overview->mapTo(&window, QPoint(0, 0)), overview->size());
        // The colours of a blank Overview: its background and the viewport's box.
        QSet<QRgb> blank;
        for (int y = area.top(); y <= area.bottom(); ++y)
            for (int x = area.left(); x <= area.right(); ++x)
                blank.insert(empty.pixel(x, y));
        QVERIFY(blank.size() < 200);
        int drawn = 0; // pixels of a colour far from all of those
        for (int y = area.top(); y <= area.bottom(); ++y)
            for (int x = area.left(); x <= area.right(); ++x) {
                const QRgb c = storm.pixel(x, y);
                const bool far = std::all_of(blank.cbegin(), blank.cend(), [c](QRgb b) {
                    return std::abs(qRed(c) - qRed(b)) + std::abs(qGreen(c) - qGreen(b)) + std::abs(qBlue(c) - qBlue(b)) > 60;
                });
                drawn += far ? 1 : 0;
            }
        // The diagram's connectors, stock and names: a few percent of the 300 by 90 pixels.
        QVERIFY2(drawn >= 200, qPrintable(QString::number(drawn)));
    }

    void teacupIsDrawnWhereTheFileSays()
    {
        MainWindow window;
        QVERIFY(window.openFile(kTeacup));
        ElementItem *stock = window.scene()->itemForName(QStringLiteral("Teacup Temperature"));
        QVERIFY(stock);
        QCOMPARE(stock->pos(), QPointF(207, 181)); // XMILE positions are centres
        ElementItem *connector = nullptr;
        for (const ViewElement &e : window.document()->view().elements)
            if (e.type == ViewElement::Type::Connector && e.from.name == QLatin1String("Characteristic_Time"))
                connector = window.scene()->itemForUid(*e.uid);
        QVERIFY(connector);
        const ConnectorCurve &curve = static_cast<ConnectorItem *>(connector)->curve();
        QVERIFY(curve.valid);
        // Angle 270 from (308,120) straight down to the valve at (308,181): it leaves the
        // circle's bottom and stops at the valve's rim, heading down.
        QVERIFY(qAbs(curve.start.x() - 308) < 0.5 && curve.start.y() > 120 && curve.start.y() < 131);
        QVERIFY(curve.end.y() < 181 && curve.end.y() > 170);
        QVERIFY(curve.endDirection.y() > 0.99);
    }

    void aLargeDiagramOpensAndRenders()
    {
        // 1,000 chains of stock, flow, aux and two connectors: 5,000 elements.
        QString variables, view;
        int uid = 1;
        for (int i = 0; i < 1000; ++i) {
            const int x = (i % 40) * 180, y = (i / 40) * 140;
            variables += QStringLiteral("<stock name=\"S%1\"><eqn>10</eqn><outflow>F%1</outflow></stock>"
                                        "<flow name=\"F%1\"><eqn>S%1*A%1</eqn></flow><aux name=\"A%1\"><eqn>0.1</eqn></aux>").arg(i);
            view += QStringLiteral("<stock name=\"S%1\" x=\"%2\" y=\"%3\"/>"
                                   "<flow name=\"F%1\" x=\"%4\" y=\"%3\"><pts><pt x=\"%5\" y=\"%3\"/><pt x=\"%6\" y=\"%3\"/></pts></flow>"
                                   "<aux name=\"A%1\" x=\"%4\" y=\"%7\"/>")
                        .arg(i).arg(x).arg(y).arg(x + 60).arg(x + 22.5).arg(x + 110).arg(y + 50);
            view += QStringLiteral("<connector uid=\"%1\" angle=\"90\"><from>A%3</from><to>F%3</to></connector>"
                                   "<connector uid=\"%2\" angle=\"300\"><from>S%3</from><to>F%3</to></connector>")
                        .arg(uid).arg(uid + 1).arg(i);
            uid += 2;
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.xmile"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("<xmile xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" version=\"1.0\"><header/>"
                               "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs><model><variables>%1</variables>"
                               "<views><view>%2</view></views></model></xmile>").arg(variables, view).toUtf8());
        f.close();

        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Speed is measured in benchmarks, never asserted here: this checks that a
        // 5,000-element diagram opens whole and renders, fitted and panned.
        QVERIFY(window.openFile(path));
        QCOMPARE(countItems(window), 5000);
        QVERIFY(window.scene()->geometryWarnings().isEmpty());
        window.view()->fitDiagram();
        QVERIFY(!window.view()->viewport()->grab().isNull());
        window.view()->setZoom(1);
        for (int i = 0; i < 10; ++i) {
            window.view()->centerOn(300 + i * 400, 1000);
            QVERIFY(!window.view()->viewport()->grab().isNull());
        }
    }

    void theDiagramFollowsADarkPalette()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(kTeacup));
        QVERIFY(!DiagramStyle::current().dark);
        const QPalette light = QApplication::palette();
        QPalette dark = light;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        QApplication::setPalette(dark);
        QTRY_VERIFY(DiagramStyle::current().dark);
        const QImage image = window.view()->viewport()->grab().toImage();
        image.save(QDir::temp().filePath(QStringLiteral("meadows-editor-dark.png")));
        QVERIFY(image.pixelColor(5, 5).lightness() < 60); // the canvas went dark
        QApplication::setPalette(light);
        QTRY_VERIFY(!DiagramStyle::current().dark);
    }

    // Save As onto a spreadsheet the model reads its constants from is refused, and the
    // workbook is left as it was; the model saves elsewhere, and over its own file again.
    void saveNeverReplacesASpreadsheetTheModelRead()
    {
        QTemporaryDir dir;
        const QString workbook = dir.filePath(QStringLiteral("numbers.xlsx"));
        QVERIFY(QFile::copy(kTestData + QStringLiteral("/spreadsheets/numbers.xlsx"), workbook));
        const QString model = dir.filePath(QStringLiteral("reads.mdl"));
        QVERIFY(testing::writeAll(model, "{UTF-8}\nscalar = GET XLS CONSTANTS('numbers.xlsx', 'params', 'C9') ~~|\n"
                                         "INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n"));
        const QByteArray before = testing::readAll(workbook);
        MainWindow window;
        window.setQuiet(true);
        QVERIFY(window.openFile(model));
        QVERIFY(!window.saveTo(workbook));
        QCOMPARE(testing::readAll(workbook), before);
        const QString saved = dir.filePath(QStringLiteral("reads.xmile"));
        QVERIFY(window.saveTo(saved));
        QVERIFY(window.saveTo(saved));
        QVERIFY(testing::readAll(saved).contains("<xmile"));
    }

    void unsavedChangesAreNotThrownAwayWithoutAsking()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openFile(kTeacup));
        Document *doc = window.document();
        window.scene()->setTool(DiagramScene::Tool::Stock);
        click(window.view(), {600, 600});
        QVERIFY(doc->isModified());
        QAction *newAction = nullptr;
        for (QAction *a : window.findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(QKeySequence::New))
                newAction = a;
        QVERIFY(newAction);
        const auto answerWith = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [button]() {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                box->button(button)->click();
            });
        };
        answerWith(QMessageBox::Cancel);
        newAction->trigger();
        QVERIFY(doc->variable(u"Stock 1")); // kept
        QCOMPARE(doc->filePath(), kTeacup);
        answerWith(QMessageBox::Discard);
        newAction->trigger();
        QVERIFY(doc->model().variables.empty());
        QVERIFY(!doc->isModified());
        QVERIFY(window.windowTitle().startsWith(tr("Untitled")));
    }

    void autosaveIsRecoveredAfterTheEditorIsKilled()
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MEADOWS_EDITOR_TEST_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("MEADOWS_RECOVERY_DIR"), m_recovery.path());
        env.insert(QStringLiteral("MEADOWS_AUTOSAVE_MS"), QStringLiteral("100"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains("AUTOSAVED") && timer.elapsed() < 30000) {
            child.waitForReadyRead(500);
            out += child.readAllStandardOutput();
        }
        QVERIFY2(out.contains("AUTOSAVED"), out.constData());
        child.kill(); // SIGKILL: no chance to clean up
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        MainWindow window;
        const auto sessions = window.autosave()->recoverableSessions();
        QCOMPARE(int(sessions.size()), 1);
        QVERIFY(window.autosave()->recover(sessions.front()));
        QVERIFY(window.document()->variable(u"Stock 1"));
        QVERIFY(window.document()->variable(u"Variable 1"));
        QVERIFY(window.document()->isModified());
        // Once recovered, it is not offered again.
        QVERIFY(MainWindow().autosave()->recoverableSessions().empty());
    }

private:
    IsolatedRecovery m_recovery;
};

// The child of the recovery test: draws two things, waits for the autosave, says so,
// and keeps running until it is killed.
static int runRecoveryChild(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    MainWindow window;
    window.show();
    DiagramView *view = window.view();
    view->setZoom(1);
    QTest::qWait(50);
    window.scene()->setTool(DiagramScene::Tool::Stock);
    click(view, {0, 0});
    window.scene()->setTool(DiagramScene::Tool::Aux);
    click(view, {80, 60});
    QDir dir(qEnvironmentVariable("MEADOWS_RECOVERY_DIR"));
    for (int i = 0; i < 300 && dir.entryList({QStringLiteral("*.xmile")}, QDir::Files).isEmpty(); ++i)
        QTest::qWait(20);
    std::printf("AUTOSAVED\n");
    std::fflush(stdout);
    return app.exec();
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("MEADOWS_EDITOR_TEST_CHILD"))
        return runRecoveryChild(argc, argv);
    QApplication app(argc, argv);
    TestEditorFiles test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_editor_files.moc"

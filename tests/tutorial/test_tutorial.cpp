// The README's five-minute tutorial, done the way a person does it: keys and mouse on the
// diagram, equations typed into the properties panel, ticks, Save run and the loop list
// clicked. It draws the retry storm, finds R1 and the metastable backlog, adds a circuit
// breaker, and sees B1 win. When MEADOWS_TUTORIAL_SHOTS names a folder, it also writes the
// pictures the README shows.
#include "editor/editortesting.h"
#include "live/livetesting.h"

#include "gui/document.h"
#include "gui/live/livepanels.h"
#include "gui/live/liveworkspace.h"
#include "gui/live/loopspanel.h"
#include "gui/i18n/language.h"
#include "gui/mainwindow.h"
#include "gui/panels/equationeditor.h"
#include "gui/panels/propertiespanel.h"
#include "gui/scene/diagramscene.h"
#include "gui/scene/diagramview.h"
#include "model/project.h"
#include "model/xmilereader.h"
#include "scene/looplabelitem.h"
#include "solver/simulation.h"

#include <QChartView>
#include <QCheckBox>
#include <QLineSeries>
#include <QRegularExpression>
#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace meadows;
using namespace meadows::testing;

namespace {

QPointF centreOf(const Document &doc, const QString &name)
{
    const ViewElement *e = elementNamed(doc, name);
    return e && e->x && e->y ? QPointF(*e->x, *e->y) : QPointF();
}

double finalValue(const Results &results, const QString &name)
{
    for (std::size_t c = 0; c < results.names.size(); ++c)
        if (results.names[c] == name)
            return results.at(results.rows() - 1, c);
    return qQNaN();
}

double largestValue(const Results &results, const QString &name)
{
    double most = -qInf();
    for (std::size_t c = 0; c < results.names.size(); ++c)
        if (results.names[c] == name)
            for (std::size_t r = 0; r < results.rows(); ++r)
                most = std::max(most, results.at(r, c));
    return most;
}

QListWidget *listNamed(QWidget *parent, const QString &accessibleName)
{
    for (QListWidget *list : parent->findChildren<QListWidget *>())
        if (list->accessibleName() == accessibleName)
            return list;
    return nullptr;
}

// The pen a chart draws a series with, as Qt Charts has it.
std::optional<QPen> seriesPen(QWidget *plot, const QString &name)
{
    for (QChartView *view : plot->findChildren<QChartView *>())
        for (QAbstractSeries *series : view->chart()->series())
            if (series->name() == name)
                return static_cast<QLineSeries *>(series)->pen();
    return std::nullopt;
}

QStringList loopNames(const LoopsPanel *loops)
{
    QStringList names;
    for (const LoopRow &row : loops->loops())
        names << row.name + QLatin1Char(' ') + row.variables.join(QStringLiteral(" -> "));
    return names;
}

} // namespace

class TestTutorial : public QObject {
    Q_OBJECT

private:
    MainWindow *m_window = nullptr;

    DiagramView *view() const { return m_window->view(); }
    Document *doc() const { return m_window->document(); }

    void shot(const QString &name)
    {
        const QString folder = qEnvironmentVariable("MEADOWS_TUTORIAL_SHOTS");
        if (folder.isEmpty())
            return;
        QTest::qWait(300); // let the charts and loop labels settle into the picture
        QDir().mkpath(folder);
        QVERIFY(m_window->grab().save(QDir(folder).filePath(name)));
    }

    // A click on empty canvas, as a person does before pressing a tool's key after typing
    // in the properties panel: the keys are the canvas's shortcuts.
    void focusCanvas()
    {
        // The offscreen platform leaves the equation completer's popup the active window
        // after it hides (a window system gives activation back); a person's window is active.
        if (!m_window->isActiveWindow()) {
            m_window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(m_window));
        }
        click(view(), {650, 60});
        QCOMPARE(QApplication::focusWidget(), view());
    }

    // Places an element with the tool's key, then double-clicks it and types its name.
    void place(Qt::Key toolKey, QPointF at, const QString &name)
    {
        focusCanvas();
        QTest::keyClick(view(), toolKey);
        click(view(), at);
        rename(at, name);
    }

    void rename(QPointF at, const QString &name)
    {
        doubleClick(view(), at);
        QLineEdit *editor = view()->renameEditor();
        QVERIFY2(editor, qPrintable(name));
        editor->selectAll();
        QTest::keyClicks(editor, name);
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY2(doc()->variable(name), qPrintable(name));
    }

    void flow(QPointF from, QPointF to, const QString &name)
    {
        const QStringList before = variableNames();
        focusCanvas();
        QTest::keyClick(view(), Qt::Key_F);
        drag(view(), from, to);
        QStringList after = variableNames();
        for (const QString &n : before)
            after.removeAll(n);
        QCOMPARE(after.size(), 1);
        rename(centreOf(*doc(), after.first()), name);
    }

    void connect(const QString &from, const QString &to)
    {
        focusCanvas();
        QTest::keyClick(view(), Qt::Key_C);
        drag(view(), centreOf(*doc(), from), centreOf(*doc(), to));
        bool found = false;
        for (const ViewElement &e : doc()->view().elements)
            found = found || (e.type == ViewElement::Type::Connector && e.from.name == from && e.to.name == to);
        QVERIFY2(found, qPrintable(from + QStringLiteral(" -> ") + to));
    }

    // Clicks the variable, types its equation into the properties panel, Ctrl+Enter.
    void equation(const QString &name, const QString &text)
    {
        click(view(), centreOf(*doc(), name));
        PropertiesPanel *panel = m_window->properties();
        QCOMPARE(panel->variableName(), name);
        EquationEditor *editor = panel->equationEditor();
        QTest::mouseClick(editor->viewport(), Qt::LeftButton);
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(doc()->variable(name)->equation, text);
    }

    QStringList variableNames() const
    {
        QStringList names;
        for (const Variable &v : doc()->model().variables)
            names << v.name;
        return names;
    }

    // Unticks every charted variable but `keep` in the Results panel's list, with the mouse.
    void tickOnly(const QString &keep)
    {
        LiveWorkspace *w = m_window->live()->workspace();
        QListWidget *list = listNamed(w, QStringLiteral("Variables to chart"));
        QVERIFY(list);
        for (const QString &name : w->shownVariables())
            if (name != keep)
                QVERIFY2(clickCheckBox(list, name), qPrintable(name));
        if (!w->shownVariables().contains(keep))
            QVERIFY(clickCheckBox(list, keep));
        QCOMPARE(w->shownVariables(), QStringList{keep});
    }

    // Waits for the run and the loop search of the model as it is now.
    void settle()
    {
        LiveWorkspace *w = m_window->live()->workspace();
        // The workspace follows the document at once; its run is of the latest edit once the
        // scheduler has neither a debounce nor a run under way (results arrive with that).
        QCOMPARE(w->project().mainModel(), doc()->model());
        QTRY_VERIFY_WITH_TIMEOUT(!w->scheduler()->isBusy() && w->currentResults() && !w->showsStaleResults()
                                     && w->bannerText().isEmpty() && !m_window->live()->loops()->isBusy(), 20000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(installTranslations(QStringLiteral("en"))); // as the editor starts: "2 loops", not "2 loop(s)"
    }

    void retryStormThenCircuitBreaker()
    {
        MainWindow window;
        m_window = &window;
        window.setQuiet(true);
        window.resize(1500, 940);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        view()->setFocus();
        view()->setZoom(1);
        view()->centerOn(300, 220);

        // 1. A stock, a flow in and a flow out.
        place(Qt::Key_S, {300, 220}, QStringLiteral("Backlog"));
        flow({110, 220}, {300, 220}, QStringLiteral("Load"));
        flow({300, 220}, {490, 220}, QStringLiteral("Served"));

        // 2. Capacity, latency and retries, and the links between them.
        place(Qt::Key_A, {480, 360}, QStringLiteral("Capacity"));
        place(Qt::Key_A, {300, 360}, QStringLiteral("Latency"));
        place(Qt::Key_A, {120, 360}, QStringLiteral("Retries"));
        connect(QStringLiteral("Capacity"), QStringLiteral("Served"));
        connect(QStringLiteral("Capacity"), QStringLiteral("Latency"));
        connect(QStringLiteral("Backlog"), QStringLiteral("Latency"));
        connect(QStringLiteral("Latency"), QStringLiteral("Retries"));
        connect(QStringLiteral("Served"), QStringLiteral("Retries"));
        connect(QStringLiteral("Retries"), QStringLiteral("Load"));

        // 3. The equations; the backlog cannot go below zero, so Served is simply the capacity.
        equation(QStringLiteral("Backlog"), QStringLiteral("0"));
        QCheckBox *nonNegative = window.properties()->findChild<QCheckBox *>(QStringLiteral("nonNegativeBox"));
        QVERIFY(nonNegative && nonNegative->isVisible());
        QTest::mouseClick(nonNegative, Qt::LeftButton, {}, QPoint(6, nonNegative->height() / 2));
        QVERIFY(doc()->variable(u"Backlog")->nonNegative);
        equation(QStringLiteral("Load"), QStringLiteral("80 + Retries"));
        equation(QStringLiteral("Served"), QStringLiteral("Capacity"));
        equation(QStringLiteral("Capacity"), QStringLiteral("100 - STEP(70, 20) + STEP(70, 25)"));
        equation(QStringLiteral("Latency"), QStringLiteral("Backlog / Capacity"));
        equation(QStringLiteral("Retries"), QStringLiteral("Served * MIN(1, MAX(0, Latency - 1))"));

        // 4. R1 is found, and the backlog never recovers from five minutes of lost capacity.
        settle();
        const std::shared_ptr<const Results> storm = window.live()->workspace()->currentResults();
        QVERIFY(storm);
        QCOMPARE(loopNames(window.live()->loops()),
                 QStringList{QStringLiteral("R1 Backlog -> Latency -> Retries -> Load")});
        QCOMPARE(window.live()->loops()->loops().front().polarity, QStringLiteral("reinforcing"));
        QVERIFY2(finalValue(*storm, QStringLiteral("Backlog")) > 5000, qPrintable(QString::number(finalValue(*storm, QStringLiteral("Backlog")))));
        QCOMPARE(finalValue(*storm, QStringLiteral("Load")), 180.0); // 80 new + 100 retries, forever
        // Only the backlog on the chart (ticked in the Results panel), and this run kept with
        // Save run….
        LiveWorkspace *workspace = window.live()->workspace();
        tickOnly(QStringLiteral("Backlog"));
        QAbstractButton *saveRun = toolbarButton(workspace, QStringLiteral("Save run…"));
        QVERIFY(saveRun);
        QVERIFY(clickAndAnswer(saveRun, QStringLiteral("retry storm")));
        QCOMPARE(workspace->runs()->runs().size(), std::size_t(1));
        QCOMPARE(workspace->runs()->runs().front().name, QStringLiteral("retry storm"));
        QCOMPARE(workspace->runs()->runs().front().results, storm);
        shot(QStringLiteral("tutorial-1-retry-storm.png"));

        // 5. A circuit breaker: it lets fewer requests through as latency passes a minute.
        place(Qt::Key_A, {205, 100}, QStringLiteral("Breaker"));
        connect(QStringLiteral("Latency"), QStringLiteral("Breaker"));
        connect(QStringLiteral("Breaker"), QStringLiteral("Load"));
        equation(QStringLiteral("Breaker"), QStringLiteral("MIN(1, MAX(0.1, 2 - Latency))"));
        equation(QStringLiteral("Load"), QStringLiteral("(80 + Retries) * Breaker"));

        // 6. B1 appears, the backlog drains once capacity returns, and B1 dominated while it did.
        settle();
        const std::shared_ptr<const Results> fixed = window.live()->workspace()->currentResults();
        QVERIFY(fixed);
        QCOMPARE(loopNames(window.live()->loops()),
                 (QStringList{QStringLiteral("B1 Backlog -> Latency -> Breaker -> Load"),
                              QStringLiteral("R1 Backlog -> Latency -> Retries -> Load")}));
        QVERIFY(std::abs(finalValue(*fixed, QStringLiteral("Backlog"))) < 1e-9);
        QCOMPARE(finalValue(*fixed, QStringLiteral("Load")), 80.0);
        QVERIFY(largestValue(*fixed, QStringLiteral("Backlog")) < 100);
        LoopsPanel *loops = window.live()->loops();
        QTRY_VERIFY_WITH_TIMEOUT(!loops->dominancePlot()->points(QStringLiteral("B1")).isEmpty(), 10000);
        double b1 = 0, r1 = 0; // summed absolute scores over the run
        for (const QPointF &p : loops->dominancePlot()->points(QStringLiteral("B1")))
            b1 += std::abs(p.y());
        for (const QPointF &p : loops->dominancePlot()->points(QStringLiteral("R1")))
            r1 += std::abs(p.y());
        QVERIFY2(b1 > 2 * r1, qPrintable(QStringLiteral("B1 %1, R1 %2").arg(b1).arg(r1)));
        // The chart: the backlog now, solid, and the saved retry storm, dashed. The storm's
        // backlog is more than tenfold the recovering one's, so it has a chart of its own
        // rather than flattening it.
        tickOnly(QStringLiteral("Backlog"));
        const std::optional<QPen> now = seriesPen(workspace->plot(), QStringLiteral("Backlog"));
        const std::optional<QPen> saved = seriesPen(workspace->plot(), QStringLiteral("Backlog (retry storm)"));
        QVERIFY(now && saved);
        QCOMPARE(now->style(), Qt::SolidLine);
        QCOMPARE(saved->style(), Qt::DashLine);
        QCOMPARE(workspace->plot()->paneCount(), 2);
        QVERIFY(workspace->plot()->paneOf(QStringLiteral("Backlog")) != workspace->plot()->paneOf(QStringLiteral("Backlog (retry storm)")));
        // Picking B1 in the loop list labels it on the diagram and highlights it.
        QTreeWidget *loopList = loops->findChild<QTreeWidget *>();
        QVERIFY(loopList);
        QVERIFY(clickRow(loopList, QStringLiteral("B1")));
        LoopLabelItem *b1Label = nullptr;
        for (QGraphicsItem *item : window.scene()->items())
            if (auto *label = dynamic_cast<LoopLabelItem *>(item); label && label->mark().label == QLatin1String("B1"))
                b1Label = label;
        QVERIFY(b1Label);
        QVERIFY(b1Label->isVisible());
        QVERIFY(b1Label->isHighlighted());
        QCOMPARE(b1Label->mark().variables, (QStringList{QStringLiteral("Backlog"), QStringLiteral("Latency"),
                                                         QStringLiteral("Breaker"), QStringLiteral("Load")}));
        QVERIFY(view()->viewport()->rect().contains(view()->mapFromScene(b1Label->sceneBoundingRect().center())));
        shot(QStringLiteral("tutorial-2-breaker.png"));

        // 7. What was drawn saves as a model the command line reads the same way.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("retry-storm.xmile"));
        QVERIFY(window.saveTo(path));
        // The README says what a new model runs for; the saved file agrees.
        const XmileReadResult savedFile = readXmileFile(path);
        QVERIFY(savedFile.project);
        const QString readme = QString::fromUtf8(readAll(QStringLiteral(MEADOWS_SOURCE_DIR "/README.md")));
        const QRegularExpressionMatch said = QRegularExpression(QStringLiteral("a new model runs from (\\S+) to (\\S+) in steps of (\\S+?)[;,)]")).match(readme);
        QVERIFY(said.hasMatch());
        QCOMPARE(said.captured(1).toDouble(), savedFile.project->simSpecs.start);
        QCOMPARE(said.captured(2).toDouble(), savedFile.project->simSpecs.stop);
        QCOMPARE(said.captured(3).toDouble(), savedFile.project->simSpecs.dt);
        QProcess cli;
        cli.start(QStringLiteral(MEADOWS_EXECUTABLE), {QStringLiteral("loops"), path});
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 0);
        const QString table = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(table.contains(QLatin1String("B1    balancing    4       Backlog -> Latency -> Breaker -> Load")), qPrintable(table));
        QVERIFY2(table.contains(QLatin1String("R1    reinforcing  4       Backlog -> Latency -> Retries -> Load")), qPrintable(table));
        m_window = nullptr;
    }
};

QTEST_MAIN(TestTutorial)
#include "test_tutorial.moc"

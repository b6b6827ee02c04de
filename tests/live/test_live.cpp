// The live-simulation machinery: scheduling, cancelling, decimating, plotting, comparing.
#include "gui/live/chartscale.h"
#include "gui/live/decimation.h"
#include "gui/live/liveworkspace.h"
#include "gui/live/sliderpanel.h"
#include "gui/live/sliderrange.h"
#include "gui/live/plotview.h"
#include "gui/live/runcomparisonmodel.h"
#include "gui/live/runstore.h"
#include "gui/live/seriescolors.h"
#include "gui/live/simulationscheduler.h"
#include "support/inlinemdl.h"
#include "support/inlinemodel.h"
#include "model/xmilewriter.h"
#include "support/referencedata.h"

#include <QChartView>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace meadows;

namespace {
Project teacup()
{
    const QByteArray text = test::xmile(QStringLiteral(
        "<stock name=\"T\"><eqn>180</eqn><outflow>loss</outflow></stock>"
        "<flow name=\"loss\"><eqn>(T - room) / 10</eqn></flow>"
        "<aux name=\"room\"><eqn>70</eqn></aux>"), QStringLiteral("<start>0</start><stop>30</stop><dt>0.25</dt>"));
    return *readXmile(text, QStringLiteral("teacup.xmile")).project;
}

std::shared_ptr<const Results> run(const Project &p, const FlattenOptions &o = {})
{
    const CompileResult c = compileProject(p, o);
    return std::make_shared<const Results>(*simulate(*c.model).results);
}
} // namespace

class TestLive : public QObject {
    Q_OBJECT
private slots:
    void decimationKeepsExtremesAndOrder();
    void burstOfEditsGivesOneRunOfTheLatest();
    void staleRunIsCancelledAndNeverShown();
    void errorsComeBackWithoutResults();
    void plotShowsTheEngineValues();
    void logScaleDropsNonPositivePoints();
    void comparisonTableValues();
    void runStoreNamesAndExports();
    void colorsAreStable();
    void sliderRangeFromValue();
    void sliderRangeFromUnits();
    void sliderRangeDeclaredInTheFile();
    void draggingASliderRedrawsWithTheEngineValues();
    void anErrorKeepsTheLastResultsGreyedWithABanner();
    void anIndexOutOfRangeIsShownAtItsEquation();
    void sliderRangeCanBeSet();
    void anEmptySliderPanelSaysWhy();
    void savedRunsOverlayAsGhosts();
    void ticksAreOneTwoOrFiveTimesAPowerOfTen();
    void differentUnitsAndSizesGetChartsOfTheirOwn();
    void aTimeCursorFollowsPlayAndThePointer();
};

void TestLive::decimationKeepsExtremesAndOrder()
{
    const std::size_t n = 100000;
    std::vector<double> xy(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        xy[2 * i] = double(i);
        xy[2 * i + 1] = std::sin(double(i) / 1000.0) + (i == 54321 ? 5.0 : 0.0); // one spike
    }
    const QList<QPointF> pts = decimate(xy.data(), xy.data() + 1, n, 2, 500);
    QVERIFY(pts.size() <= 2000);
    QVERIFY(pts.size() >= 500);
    QCOMPARE(pts.front(), QPointF(0, 0));
    QCOMPARE(pts.back().x(), double(n - 1));
    double top = -10;
    for (qsizetype i = 1; i < pts.size(); ++i) {
        QVERIFY(pts[i].x() >= pts[i - 1].x());
        top = std::max(top, pts[i].y());
    }
    QCOMPARE(top, xy[2 * 54321 + 1]); // the spike survives
    // Few points: all of them, unchanged.
    QCOMPARE(decimate(xy.data(), xy.data() + 1, 100, 2, 500).size(), 100);
}

void TestLive::burstOfEditsGivesOneRunOfTheLatest()
{
    SimulationScheduler s;
    QSignalSpy finished(&s, &SimulationScheduler::finished);
    const Project p = teacup();
    for (int room = 60; room <= 70; ++room) {
        FlattenOptions o;
        o.overrides.push_back({QStringLiteral("room"), double(room)});
        s.request(p, o);
    }
    QTRY_COMPARE(finished.size(), 1);
    QTest::qWait(120); // nothing else arrives
    QCOMPARE(finished.size(), 1);
    const auto outcome = finished.at(0).at(0).value<SimulationOutcome>();
    QCOMPARE(outcome.generation, s.latestGeneration());
    FlattenOptions last;
    last.overrides.push_back({QStringLiteral("room"), 70.0});
    const auto expected = run(p, last);
    QCOMPARE(outcome.results->data, expected->data);
}

void TestLive::staleRunIsCancelledAndNeverShown()
{
    // A long run (a million steps), then a change: the first must not report.
    SimulationScheduler s;
    QSignalSpy started(&s, &SimulationScheduler::started);
    QSignalSpy finished(&s, &SimulationScheduler::finished);
    const Project p = teacup();
    RunOptions slow;
    slow.dt = 1e-5;
    slow.saveStep = 1;
    s.requestNow(p, {}, slow);
    QTRY_COMPARE(started.size(), 1);
    FlattenOptions changed;
    changed.overrides.push_back({QStringLiteral("room"), 20.0});
    s.request(p, changed);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    const auto outcome = finished.at(0).at(0).value<SimulationOutcome>();
    QCOMPARE(outcome.generation, quint64(2));
    const int room = outcome.results->column(QStringLiteral("room"));
    QCOMPARE(outcome.results->at(0, std::size_t(room)), 20.0);
}

void TestLive::errorsComeBackWithoutResults()
{
    Project p = teacup();
    p.mainModel().findVariable(u"loss")->equation = QStringLiteral("(T - ) / 10");
    SimulationScheduler s;
    QSignalSpy finished(&s, &SimulationScheduler::finished);
    s.requestNow(p);
    QTRY_COMPARE(finished.size(), 1);
    const auto outcome = finished.at(0).at(0).value<SimulationOutcome>();
    QVERIFY(!outcome.results);
    QVERIFY(!outcome.diagnostics.empty());
    QVERIFY(outcome.diagnostics.front().message.contains(QLatin1String("in 'loss'")));
}

void TestLive::plotShowsTheEngineValues()
{
    const auto results = run(teacup());
    auto plot = createPlotView();
    plot->resize(600, 400);
    const int col = results->column(QStringLiteral("T"));
    plot->setSeries({PlotSeries{QStringLiteral("T"), Qt::blue, results, col, false, {}, {}}});
    const QList<QPointF> pts = plot->points(QStringLiteral("T"));
    QCOMPARE(pts.size(), qsizetype(results->rows())); // 121 points: nothing to thin
    for (qsizetype i = 0; i < pts.size(); ++i) {
        QCOMPARE(pts[i].x(), results->at(std::size_t(i), 0));
        QCOMPARE(pts[i].y(), results->at(std::size_t(i), std::size_t(col)));
    }
}

void TestLive::logScaleDropsNonPositivePoints()
{
    const QByteArray text = test::xmile(QStringLiteral("<aux name=\"wave\"><eqn>SIN(TIME)</eqn></aux>"),
                                        QStringLiteral("<start>0</start><stop>10</stop><dt>0.5</dt>"));
    const XmileReadResult read = readXmile(text, QStringLiteral("w.xmile"));
    QVERIFY(read.project);
    const auto results = run(*read.project);
    auto plot = createPlotView();
    plot->setSeries({PlotSeries{QStringLiteral("wave"), Qt::red, results, 1, false, {}, {}}});
    QCOMPARE(plot->points(QStringLiteral("wave")).size(), 21);
    plot->setLogScale(true);
    QVERIFY(plot->logScale());
    // SIN(t) > 0 at t = 0.5 ... 3 (below pi) and 6.5 ... 9 (between 2 pi and 3 pi): 6 + 6
    // of the 21 points; sin(0) = 0 is dropped too.
    const QList<QPointF> pts = plot->points(QStringLiteral("wave"));
    QCOMPARE(pts.size(), 12);
    QCOMPARE(pts.front().x(), 0.5);
    QCOMPARE(pts.back().x(), 9.0);
    for (const QPointF &q : pts)
        QVERIFY(q.y() > 0);
}

void TestLive::comparisonTableValues()
{
    const Project p = teacup();
    FlattenOptions warm;
    warm.overrides.push_back({QStringLiteral("room"), 90});
    const auto a = run(p), b = run(p, warm);
    RunComparisonModel model;
    model.setRuns(QStringLiteral("baseline"), a, QStringLiteral("warm room"), b);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.headerData(RunComparisonModel::FinalB, Qt::Horizontal).toString(), QStringLiteral("warm room at end"));
    int tRow = -1;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, RunComparisonModel::Variable).data().toString() == QLatin1String("T"))
            tRow = r;
    QVERIFY(tRow >= 0);
    const double endA = a->at(a->rows() - 1, std::size_t(a->column(QStringLiteral("T"))));
    const double endB = b->at(b->rows() - 1, std::size_t(b->column(QStringLiteral("T"))));
    QCOMPARE(model.index(tRow, RunComparisonModel::FinalA).data().toDouble(), endA);
    QCOMPARE(model.index(tRow, RunComparisonModel::Difference).data().toDouble(), endB - endA);
    QCOMPARE(model.index(tRow, RunComparisonModel::PeakA).data().toDouble(), 180.0);
}

void TestLive::runStoreNamesAndExports()
{
    RunStore store;
    QSignalSpy changed(&store, &RunStore::changed);
    const auto r = run(teacup());
    QCOMPARE(store.add(QStringLiteral("baseline"), r), 0);
    store.add(QStringLiteral("baseline"), r, {{QStringLiteral("room"), 90.0}});
    QCOMPARE(store.runs()[1].name, QStringLiteral("baseline 2"));
    QCOMPARE(changed.size(), 2);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.csv"));
    QCOMPARE(store.exportCsv(0, path), QString());
    const test::Table t = test::readTable(path);
    QCOMPARE(t.rows.size(), r->rows());
    QCOMPARE(t.columns.value(1), QStringLiteral("t"));
    QCOMPARE(store.exportCsv(5, path), QStringLiteral("There is no such run."));
    store.remove(0);
    QCOMPARE(store.runs().size(), std::size_t(1));
}

void TestLive::colorsAreStable()
{
    SeriesColors colors;
    const QColor queue = colors.colorFor(QStringLiteral("Queue"));
    const QColor load = colors.colorFor(QStringLiteral("Load"));
    QVERIFY(queue != load);
    QCOMPARE(colors.colorFor(QStringLiteral("queue")), queue); // same variable, any spelling
    for (int i = 0; i < 20; ++i)
        colors.colorFor(QStringLiteral("v%1").arg(i));
    QCOMPARE(colors.colorFor(QStringLiteral("Queue")), queue);
}

void TestLive::sliderRangeFromValue()
{
    const SliderRange r = defaultRange(70);
    QCOMPARE(r.min, 0.0);
    QCOMPARE(r.max, 140.0);
    QCOMPARE(r.step, 1.4);
    QCOMPARE(defaultRange(-3).min, -6.0);
    QCOMPARE(defaultRange(0).max, 1.0);
}

void TestLive::sliderRangeFromUnits()
{
    Project p = makeNewProject({});
    p.simSpecs.stop = 120;
    p.simSpecs.timeUnits = QStringLiteral("Minutes");
    const auto range = [&p](const char *units, double value) {
        Variable v;
        v.name = QStringLiteral("c");
        v.equation = QString::number(value);
        v.units = QLatin1String(units);
        const SliderRange r = rangeFor(v, value, p);
        return QStringLiteral("%1..%2 by %3").arg(r.min).arg(r.max).arg(r.step);
    };
    QCOMPARE(range("fraction", 0), QStringLiteral("0..1 by 0.01"));
    QCOMPARE(range("dmnl", 0.3), QStringLiteral("0..1 by 0.01"));
    QCOMPARE(range("dmnl", 1), QStringLiteral("0..2 by 0.02"));   // a multiplier may grow
    QCOMPARE(range("%", 20), QStringLiteral("0..100 by 1"));
    QCOMPARE(range("minutes", 20), QStringLiteral("0..40 by 0.4"));
    QCOMPARE(range("Minute", 90), QStringLiteral("0..120 by 1.2")); // not past the run's end
    QCOMPARE(range("pods", 3), QStringLiteral("0..6 by 1"));
    QCOMPARE(range("requests/minute", 80), QStringLiteral("0..160 by 1.6"));
    QCOMPARE(range("", 70), QStringLiteral("0..140 by 1.4"));
}

// Vensim writes a slider's range after the units: "Dmnl [0,9,1]" is 0 to 9 in steps of 1,
// "[0,0.2]" 0 to 0.2 (in hundredths, the default step). A range that leaves out the value
// (5 in [0,2]) or a bound ('?') gives the range made from the value and units instead. Saved
// as XMILE (<range>, the step as meadows:step) and read back, the ranges stay.
void TestLive::sliderRangeDeclaredInTheFile()
{
    const QString text = QStringLiteral("mode = 0 ~ Dmnl [0,9,1] ~|\npadding = 0.1 ~ Dmnl [0,0.2] ~|\n"
                                        "outside = 5 ~ Dmnl [0,2] ~|\nopen = 3 ~ Dmnl [?,10] ~|\n");
    const XmileReadResult read = test::readMdl(text);
    QVERIFY(read.project);
    const QByteArray xml = writeXmile(*read.project);
    QVERIFY(xml.contains("xmlns:meadows=")); // meadows:step is in a declared namespace
    const XmileReadResult saved = readXmile(xml, QStringLiteral("saved.xmile"));
    QVERIFY(saved.project);
    for (const Project *p : {&*read.project, &*saved.project}) {
        const auto range = [p](const char *name, double value) {
            const Variable *v = p->mainModel().findVariable(QString::fromLatin1(name));
            const SliderRange r = v ? rangeFor(*v, value, *p) : SliderRange{-1, -1, -1};
            return QStringLiteral("%1..%2 by %3").arg(r.min).arg(r.max).arg(r.step);
        };
        QCOMPARE(range("mode", 0), QStringLiteral("0..9 by 1"));
        QCOMPARE(range("padding", 0.1), QStringLiteral("0..0.2 by 0.002"));
        QCOMPARE(range("outside", 5), QStringLiteral("0..10 by 0.1"));
        QCOMPARE(range("open", 3), QStringLiteral("0..6 by 0.06"));
    }
}

void TestLive::draggingASliderRedrawsWithTheEngineValues()
{
    LiveWorkspace w;
    w.resize(900, 500);
    w.show();
    w.sliderPanel()->show();
    w.setProject(teacup());
    QTRY_VERIFY(w.currentResults());
    QCOMPARE(w.shownVariables(), QStringList{QStringLiteral("T")}); // the stock, at first
    QCOMPARE(w.sliderPanel()->sliders(), QStringList{QStringLiteral("room")});
    QSlider *slider = w.sliderPanel()->sliderFor(QStringLiteral("room"));
    QVERIFY(slider);
    const auto before = w.currentResults();
    // A user presses Page Up twice on the slider: 70 -> 84 -> 98 (a tenth of 0..140 each).
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageUp);
    QTest::keyClick(slider, Qt::Key_PageUp);
    const double room = w.sliderPanel()->value(QStringLiteral("room"));
    QVERIFY2(std::fabs(room - 98) < 1e-9, qPrintable(QString::number(room, 'g', 17)));
    QTRY_VERIFY(w.currentResults() != before && w.currentResults()->at(0, std::size_t(w.currentResults()->column(QStringLiteral("room")))) == room);
    FlattenOptions o;
    o.overrides.push_back({QStringLiteral("room"), room});
    const auto expected = run(teacup(), o);
    const int col = expected->column(QStringLiteral("T"));
    const QList<QPointF> pts = w.plot()->points(QStringLiteral("T"));
    QCOMPARE(pts.size(), qsizetype(expected->rows()));
    for (qsizetype i = 0; i < pts.size(); ++i)
        QCOMPARE(pts[i].y(), expected->at(std::size_t(i), std::size_t(col)));
}

void TestLive::sliderRangeCanBeSet()
{
    LiveWorkspace w;
    w.setProject(teacup());
    SliderPanel *p = w.sliderPanel();
    // The range is shown at the slider's two ends (the labels that do not name it): 0 to twice
    // the value at first.
    const auto ends = [p]() {
        QStringList texts;
        for (QLabel *label : p->sliderFor(QStringLiteral("room"))->parentWidget()->findChildren<QLabel *>())
            if (!label->buddy())
                texts << label->text();
        return texts;
    };
    QCOMPARE(ends(), (QStringList{QStringLiteral("0"), QStringLiteral("140")}));
    p->setRange(QStringLiteral("room"), {50, 60, 1});
    QCOMPARE(p->range(QStringLiteral("room")).max, 60.0);
    QCOMPARE(ends(), (QStringList{QStringLiteral("50"), QStringLiteral("60")}));
    QSlider *slider = p->sliderFor(QStringLiteral("room"));
    QTest::keyClick(slider, Qt::Key_End);
    QCOMPARE(p->value(QStringLiteral("room")), 60.0);
    QTest::keyClick(slider, Qt::Key_Home);
    QCOMPARE(p->value(QStringLiteral("room")), 50.0);
    // A value typed beyond the range widens it, and the ends say so.
    p->setValue(QStringLiteral("room"), 75);
    QCOMPARE(ends(), (QStringList{QStringLiteral("50"), QStringLiteral("75")}));
}

void TestLive::anEmptySliderPanelSaysWhy()
{
    // A stock and a flow, no constant: no slider, and a note saying why.
    const QByteArray text = test::xmile(QStringLiteral("<stock name=\"T\"><eqn>180</eqn><outflow>loss</outflow></stock>"
                                                       "<flow name=\"loss\"><eqn>T / 10</eqn></flow>"),
                                        QStringLiteral("<start>0</start><stop>30</stop><dt>0.25</dt>"));
    SliderPanel panel;
    panel.resize(300, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setProject(*readXmile(text, QStringLiteral("noconstants.xmile")).project);
    QVERIFY(panel.sliders().isEmpty());
    const auto note = [&panel]() -> QLabel * {
        for (QLabel *label : panel.findChildren<QLabel *>())
            if (label->isVisible() && label->text().startsWith(QStringLiteral("No constants")))
                return label;
        return nullptr;
    };
    QVERIFY(note());
    QVERIFY(note()->text().contains(QStringLiteral("a slider appears here for each constant")));
    // A model with a constant: its slider, and the note gone.
    panel.setProject(teacup());
    QCOMPARE(panel.sliders(), QStringList{QStringLiteral("room")});
    QVERIFY(panel.sliderFor(QStringLiteral("room"))->isVisible());
    QVERIFY(!note());
    // A constant whose name holds a backslash (XMILE writes it \\\\, as a Vensim name's) has
    // its slider too, named as shown, and takes a value.
    panel.setProject(*readXmile(test::xmile(QStringLiteral("<aux name=\"x \\\\ y\"><eqn>2</eqn></aux>")),
                                QStringLiteral("backslash.xmile"))
                          .project);
    QCOMPARE(panel.sliders(), QStringList{QStringLiteral("x \\ y")});
    panel.setValue(QStringLiteral("x \\ y"), 3);
    QCOMPARE(panel.value(QStringLiteral("x \\ y")), 3.0);
}

void TestLive::anErrorKeepsTheLastResultsGreyedWithABanner()
{
    LiveWorkspace w;
    w.setProject(teacup());
    QTRY_VERIFY(w.currentResults());
    const auto good = w.currentResults();
    const QList<QPointF> before = w.plot()->points(QStringLiteral("T"));
    Project broken = teacup();
    broken.mainModel().findVariable(u"loss")->equation = QStringLiteral("(T - room / 10");
    QSignalSpy finished(w.scheduler(), &SimulationScheduler::finished);
    w.setProject(broken);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY2(w.bannerText().contains(QLatin1String("in 'loss'")), qPrintable(w.bannerText()));
    QVERIFY(w.showsStaleResults());
    QCOMPARE(w.currentResults(), good);
    QCOMPARE(w.plot()->points(QStringLiteral("T")), before);
    // Fixing the equation clears the banner.
    w.setProject(teacup());
    QTRY_VERIFY(w.bannerText().isEmpty());
    QVERIFY(!w.showsStaleResults());
}

// level[INT(TIME / 4) + 1] leaves level's 3 elements at time 12: the run stops, and the
// banner (and the status bar's problem, runProblemChanged) says so at the equation's place,
// as `meadows run` does: line 1, after <xmile ...><header>... the file is written on one line.
void TestLive::anIndexOutOfRangeIsShownAtItsEquation()
{
    const QByteArray text = test::xmile(
        QStringLiteral("<aux name=\"level\"><dimensions><dim name=\"C\"/></dimensions><eqn>4, 2, 9</eqn></aux>"
                       "<aux name=\"picked\"><eqn>level[INT(TIME / 4) + 1]</eqn></aux>"),
        QStringLiteral("<start>0</start><stop>12</stop><dt>1</dt>"), QStringLiteral("Euler"),
        QStringLiteral("<dimensions><dim name=\"C\" size=\"3\"/></dimensions>"));
    LiveWorkspace w;
    QSignalSpy problem(&w, &LiveWorkspace::runProblemChanged);
    w.setProject(*readXmile(text, QStringLiteral("index.xmile")).project);
    QTRY_VERIFY(!w.bannerText().isEmpty());
    QVERIFY(!w.currentResults());
    const QString said = QStringLiteral("error: in 'picked': the subscript of 'level' is 4 at time 12, outside 'C' (1 to 3)");
    QVERIFY2(w.bannerText().startsWith(QStringLiteral("index.xmile:1:")) && w.bannerText().contains(said), qPrintable(w.bannerText()));
    QVERIFY(!problem.isEmpty());
    QVERIFY(problem.last().at(0).toString().contains(said));
}

void TestLive::savedRunsOverlayAsGhosts()
{
    LiveWorkspace w;
    w.setProject(teacup());
    QTRY_VERIFY(w.currentResults());
    QCOMPARE(w.saveCurrentRun(QStringLiteral("baseline")), 0);
    QCOMPARE(w.plot()->points(QStringLiteral("T (baseline)")).size(), qsizetype(w.currentResults()->rows()));
    w.setRunShown(0, false);
    QVERIFY(w.plot()->points(QStringLiteral("T (baseline)")).isEmpty());
}

void TestLive::ticksAreOneTwoOrFiveTimesAPowerOfTen()
{
    // 0..90 in at most 6 steps: 90 / 6 = 15, the next nice step up is 20, so 0..100 by 20
    // (not 0..90 by 22.5).
    NiceScale s = niceScale(0, 90);
    QCOMPARE(s.min, 0.0);
    QCOMPARE(s.max, 100.0);
    QCOMPARE(s.step, 20.0);
    // 0..1125: 187.5 a step at least, so 200, and 0..1200 (not 375 or 1125).
    s = niceScale(0, 1125);
    QCOMPARE(s.step, 200.0);
    QCOMPARE(s.max, 1200.0);
    // 18.9..183.7: 27.5 a step at least, so 50, and 0..200.
    s = niceScale(18.9, 183.7);
    QCOMPARE(s.step, 50.0);
    QCOMPARE(s.min, 0.0);
    QCOMPARE(s.max, 200.0);
    QCOMPARE(tickLabelFormat(20), QStringLiteral("%.0f"));
    QCOMPARE(tickLabelFormat(0.2), QStringLiteral("%.1f"));
    QCOMPARE(tickLabelFormat(0.05), QStringLiteral("%.2f"));
    // The chart's axis uses them: teacup's T falls from 180 towards 70, so 0..200 by 50
    // (zero kept at the bottom of a quantity that never goes below it).
    const auto results = run(teacup());
    auto plot = createPlotView();
    plot->resize(600, 400);
    plot->setSeries({PlotSeries{QStringLiteral("T"), Qt::blue, results, results->column(QStringLiteral("T")), false, {}, {}}});
    QCOMPARE(plot->valueTicks(0), (QList<double>{0, 50, 100, 150, 200}));
}

void TestLive::differentUnitsAndSizesGetChartsOfTheirOwn()
{
    const QByteArray text = test::xmile(QStringLiteral(
        "<aux name=\"small\"><eqn>3</eqn><units>pods</units></aux>"
        "<aux name=\"big\"><eqn>3000</eqn><units>pods</units></aux>"
        "<aux name=\"same\"><eqn>2 + TIME / 10</eqn><units>pods</units></aux>"
        "<aux name=\"other\"><eqn>4</eqn><units>seconds</units></aux>"), QStringLiteral("<start>0</start><stop>30</stop><dt>1</dt>"));
    const auto results = run(*readXmile(text, QStringLiteral("units.xmile")).project);
    QList<PlotSeries> series;
    for (const char *name : {"small", "big", "same", "other"}) {
        const QString n = QLatin1String(name);
        series << PlotSeries{n, Qt::black, results, results->column(n), false, n, n == QLatin1String("other") ? QStringLiteral("seconds") : QStringLiteral("pods")};
    }
    auto plot = createPlotView();
    plot->resize(600, 600);
    plot->setSeries(series);
    // Largest first: big (3000 pods) has a chart; same (peaks at 5 pods) is not within
    // tenfold of it, so another; other is in seconds, a third; small (3 pods) is within
    // tenfold of same and joins it. Numbered from the first series' chart.
    QCOMPARE(plot->paneCount(), 3);
    QCOMPARE(plot->paneOf(QStringLiteral("small")), 0);
    QCOMPARE(plot->paneOf(QStringLiteral("same")), 0);
    QCOMPARE(plot->paneOf(QStringLiteral("big")), 1);
    QCOMPARE(plot->paneOf(QStringLiteral("other")), 2);
    QCOMPARE(plot->points(QStringLiteral("big")).size(), 31);
    plot->setSharedAxis(true);
    QCOMPARE(plot->paneCount(), 1);
    QCOMPARE(plot->paneOf(QStringLiteral("other")), 0);
}

void TestLive::aTimeCursorFollowsPlayAndThePointer()
{
    LiveWorkspace w;
    w.resize(900, 500);
    w.show();
    w.setProject(teacup());
    QTRY_VERIFY(w.currentResults());
    QVERIFY(std::isnan(w.plot()->timeCursor())); // at the end: no cursor
    w.setTimeIndex(40); // dt 0.25: row 40 is t = 10
    QCOMPARE(w.plot()->timeCursor(), 10.0);
    const auto r = w.currentResults();
    const double t10 = r->at(40, std::size_t(r->column(QStringLiteral("T"))));
    QVERIFY2(w.plot()->readout().contains(QStringLiteral("T %1").arg(t10, 0, 'g', 5)), qPrintable(w.plot()->readout()));
    w.setTimeIndex(-1);
    QVERIFY(std::isnan(w.plot()->timeCursor()));
    QVERIFY(w.plot()->readout().isEmpty());
    w.play(true);
    QVERIFY(std::isfinite(w.plot()->timeCursor()));
    w.play(false);
    w.setTimeIndex(-1);
    // The pointer over the chart shows its own cursor while it stays.
    auto *view = w.plot()->findChild<QChartView *>();
    QVERIFY(view);
    const QRectF area = view->chart()->plotArea();
    const QPoint middle = view->mapFromScene(area.center());
    QTest::mouseMove(view->viewport(), middle);
    QMouseEvent move(QEvent::MouseMove, middle, view->viewport()->mapToGlobal(middle), Qt::NoButton, Qt::NoButton, {});
    QApplication::sendEvent(view->viewport(), &move);
    QTRY_VERIFY(w.plot()->readout().startsWith(QLatin1String("t = 1")));
}

QTEST_MAIN(TestLive)
#include "test_live.moc"

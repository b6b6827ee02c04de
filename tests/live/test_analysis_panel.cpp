// The Analysis panel as a user drives it: the tab clicked, the constant chosen by typing
// its name, ranges typed, Run and Cancel pressed. Numbers against closed forms: logistic
// growth with a constant harvest, dx/dt = r x (1 - x/K) - H (r = 1, K = 100), has the
// equilibria x = K/2 (1 ± sqrt(1 - 4H/(rK))) = 50 (1 ± sqrt(1 - H/25)); the upper one is
// stable (slope r (1 - 2x/K) < 0), the lower one unstable, and they meet and vanish at
// the fold H = rK/4 = 25, x = K/2 = 50.
#include "analysis/analysismodels.h"

#include "analysis/analysispanel.h"
#include "analysis/bifurcationchart.h"
#include "analysis/bifurcationtab.h"
#include "analysis/equilibriatab.h"
#include "analysis/parameterrow.h"
#include "analysis/recoverymapview.h"
#include "analysis/recoverytab.h"
#include "analysis/sensitivitytab.h"
#include "gui/live/livepanels.h"
#include "gui/live/liveworkspace.h"
#include "gui/live/sliderpanel.h"
#include "gui/mainwindow.h"

#include "solver/analysis/sensitivity.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QListView>
#include <QHeaderView>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QProgressBar>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

namespace {
const QString kRetryStorm = QStringLiteral(MEADOWS_TEST_DATA "/../../examples/incidents/02-retry-storm.xmile");

// The editor, its Analysis dock in front, on a model.
struct Editor {
    QTemporaryDir dir;
    MainWindow window;
    AnalysisPanel *panel = nullptr;

    explicit Editor(const QByteArray &model)
    {
        const QString path = dir.filePath(QStringLiteral("model.xmile"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(model);
        f.close();
        open(path);
    }
    explicit Editor(const QString &path) { open(path); }
    void open(const QString &path)
    {
        window.setQuiet(true);
        window.resize(1500, 940);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        window.live()->analysisDock()->raise();
        panel = window.live()->analysis();
    }
    // Clicks the tab as a user does.
    void clickTab(QWidget *tab)
    {
        QTabBar *bar = panel->tabs()->tabBar();
        const int index = panel->indexOf(tab);
        QVERIFY(index >= 0);
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(index).center());
        QCOMPARE(panel->tabs()->currentIndex(), index);
        QVERIFY(tab->isVisible());
    }
};

// Opens the list of constants and picks one.
void choose(QComboBox *combo, const QString &name)
{
    const int index = combo->findText(name);
    QVERIFY2(index >= 0, qPrintable(name));
    QTest::mouseClick(combo, Qt::LeftButton);
    QAbstractItemView *view = combo->view();
    QTRY_VERIFY(view->isVisible());
    // The arrow keys to the item and Return (a click in the list right after it opened is
    // taken for the end of the click that opened it).
    QTest::keyClick(view, Qt::Key_Home);
    for (int i = 0; i < index; ++i)
        QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE(combo->currentText(), name);
}

void type(QAbstractSpinBox *box, const QString &text)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Tab);
}

void setRow(ParameterRow *row, const QString &name, const QString &from, const QString &to, const QString &points = {})
{
    choose(row->combo(), name);
    type(row->fromBox(), from);
    type(row->toBox(), to);
    if (!points.isEmpty())
        type(row->pointsBox(), points);
}

double cell(QTableWidget *t, int row, const QString &column)
{
    for (int c = 0; c < t->columnCount(); ++c)
        if (t->horizontalHeaderItem(c)->text() == column)
            return t->item(row, c)->text().toDouble();
    return std::nan("");
}

QString text(QTableWidget *t, int row, const QString &column)
{
    for (int c = 0; c < t->columnCount(); ++c)
        if (t->horizontalHeaderItem(c)->text() == column)
            return t->item(row, c)->text();
    return {};
}
} // namespace

class TestAnalysisPanel : public QObject {
    Q_OBJECT
private slots:
    void equilibriaTableFollowsTheSliders();
    void bifurcationChartOfLogisticHarvest();
    void cancelStopsALongSweep();
    void sensitivityBandsOnTheResultsChart();
    void sensitivityNormalAndTriangular();
    void retryStormTippingPoints();
    void postmortemChartsTheBifurcationShown();
};

// H = 16: x = 50 (1 ± 0.6) = 20 (eigenvalue 1 - 2·20/100 = 0.6, unstable) and 80 (-0.6,
// stable). The H slider moved to 21: x = 50 (1 ± 0.4) = 30 (0.4) and 70 (-0.4).
void TestAnalysisPanel::equilibriaTableFollowsTheSliders()
{
    Editor e(logisticHarvest(16));
    e.clickTab(e.panel->equilibria());
    QTableWidget *t = e.panel->equilibria()->table();
    QTRY_COMPARE_WITH_TIMEOUT(t->rowCount(), 2, 10000);
    QStringList headers;
    for (int c = 0; c < t->columnCount(); ++c)
        headers << t->horizontalHeaderItem(c)->text();
    QCOMPARE(headers, (QStringList{QStringLiteral("#"), QStringLiteral("X"), QStringLiteral("Eigenvalues"), QStringLiteral("Stability"),
                                   QStringLiteral("Oscillatory"), QStringLiteral("Kink")}));
    QVERIFY(std::fabs(cell(t, 0, QStringLiteral("X")) - 20) < 1e-6);
    QVERIFY(std::fabs(cell(t, 1, QStringLiteral("X")) - 80) < 1e-6);
    QVERIFY(std::fabs(cell(t, 0, QStringLiteral("Eigenvalues")) - 0.6) < 1e-4);
    QVERIFY(std::fabs(cell(t, 1, QStringLiteral("Eigenvalues")) + 0.6) < 1e-4);
    QCOMPARE(text(t, 0, QStringLiteral("Stability")), QStringLiteral("unstable"));
    QCOMPARE(text(t, 1, QStringLiteral("Stability")), QStringLiteral("stable"));
    QCOMPARE(text(t, 1, QStringLiteral("Oscillatory")), QStringLiteral("no"));
    QCOMPARE(text(t, 1, QStringLiteral("Kink")), QString());
    // "2 equilibria" with the English plural forms loaded, "2 equilibrium(s)" without.
    QVERIFY(e.panel->equilibria()->job()->status().startsWith(QStringLiteral("2 equilibri")));
    QVERIFY(e.panel->equilibria()->job()->status().contains(QStringLiteral(" at time 0 (from ")));

    e.window.live()->workspace()->sliderPanel()->setValue(QStringLiteral("H"), 21);
    QTRY_VERIFY_WITH_TIMEOUT(std::fabs(cell(t, 0, QStringLiteral("X")) - 30) < 1e-6, 10000);
    QCOMPARE(t->rowCount(), 2);
    QVERIFY(std::fabs(cell(t, 1, QStringLiteral("X")) - 70) < 1e-6);
    QVERIFY(std::fabs(cell(t, 0, QStringLiteral("Eigenvalues")) - 0.4) < 1e-4);
    QVERIFY(std::fabs(cell(t, 1, QStringLiteral("Eigenvalues")) + 0.4) < 1e-4);
}

// H from 0 to 40 in 81 values: every point of a solid (stable) stretch on the upper
// branch 50 (1 + sqrt(1 - H/25)), every point of a dashed one on the lower branch, and the
// fold marked at H = 25, X = 50.
void TestAnalysisPanel::bifurcationChartOfLogisticHarvest()
{
    Editor e(logisticHarvest(10));
    BifurcationTab *tab = e.panel->bifurcation();
    e.clickTab(tab);
    setRow(tab->parameter(), QStringLiteral("H"), QStringLiteral("0"), QStringLiteral("40"), QStringLiteral("81"));
    QTest::mouseClick(tab->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->job()->isBusy() && !tab->summary().isEmpty(), 20000);
    QCOMPARE(tab->stockChoice()->currentText(), QStringLiteral("X"));

    int solid = 0, dashed = 0;
    for (QAbstractSeries *s : tab->chart()->chart()->series()) {
        auto *line = qobject_cast<QLineSeries *>(s);
        if (!line || qobject_cast<QScatterSeries *>(s))
            continue;
        const bool stable = line->pen().style() == Qt::SolidLine;
        QVERIFY(stable || line->pen().style() == Qt::DashLine);
        for (const QPointF &p : line->points()) {
            QVERIFY(p.x() <= 25 + 1e-9);
            const double root = std::sqrt(std::max(0.0, 1 - p.x() / 25));
            const double expected = 50 * (1 + (stable ? root : -root));
            // Near the fold the branches are a square root apart: compare there loosely.
            QVERIFY2(std::fabs(p.y() - expected) < (p.x() > 24.9 ? 1.0 : 1e-5),
                     qPrintable(QStringLiteral("H = %1: X = %2, expected %3").arg(p.x()).arg(p.y()).arg(expected)));
            (stable ? solid : dashed)++;
        }
    }
    // 51 grid values from 0 to 25 on each branch (the fold's end point may add one).
    QVERIFY2(solid >= 50 && dashed >= 50, qPrintable(QStringLiteral("%1 solid, %2 dashed").arg(solid).arg(dashed)));

    const Continuation &c = tab->outcome().continuation;
    QCOMPARE(c.folds.size(), std::size_t(1));
    QVERIFY(std::fabs(c.folds[0].value - 25) < 1e-5);
    const QStringList labels = tab->chart()->markLabels();
    QCOMPARE(labels.size(), 1);
    QVERIFY2(labels[0].startsWith(QStringLiteral("tipping point (fold): H = 25, X = ")), qPrintable(labels[0]));
    QVERIFY(std::fabs(labels[0].section(QStringLiteral("X = "), 1).toDouble() - 50) < 0.1);
    QVERIFY(tab->summary().startsWith(QStringLiteral("Tipping point (fold) at H = 25:")));
}

// A grid of 10,000 runs of 200,000 steps each (minutes of work): Cancel stops it within
// a second or two, nothing half-done is shown, and the window kept handling events.
void TestAnalysisPanel::cancelStopsALongSweep()
{
    QByteArray slow = logisticHarvest(10);
    slow.replace("<dt>0.125</dt>", "<dt>0.0001</dt>");
    Editor e(slow);
    RecoveryTab *tab = e.panel->recovery();
    e.clickTab(tab);
    setRow(tab->first(), QStringLiteral("H"), QStringLiteral("0"), QStringLiteral("20"), QStringLiteral("100"));
    setRow(tab->second(), QStringLiteral("r"), QStringLiteral("0.5"), QStringLiteral("1.5"), QStringLiteral("100"));
    QTest::mouseClick(tab->runButton(), Qt::LeftButton);
    QVERIFY(tab->job()->isBusy());
    QVERIFY(tab->job()->cancelButton()->isVisible());
    // The event loop turns while the grid runs: a 20 ms timer fires about 25 times in 0.5 s.
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&ticks]() { ++ticks; });
    ticker.start(20);
    QTRY_VERIFY_WITH_TIMEOUT(tab->job()->progressBar()->maximum() > 0 && tab->job()->progressBar()->value() > 0, 20000);
    QTest::qWait(500);
    QVERIFY2(ticks >= 15, qPrintable(QString::number(ticks)));
    QVERIFY(tab->job()->isBusy());
    QVERIFY(tab->job()->progressBar()->value() < 500); // far from done

    QElapsedTimer stopping;
    stopping.start();
    QTest::mouseClick(tab->job()->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->job()->isBusy(), 5000);
    QVERIFY2(stopping.elapsed() < 3000, qPrintable(QString::number(stopping.elapsed())));
    QCOMPARE(tab->job()->status(), QStringLiteral("Cancelled."));
    QVERIFY(!tab->job()->cancelButton()->isVisible());
    QCOMPARE(tab->view()->map().points(), std::size_t(0));
}

// S(t) = S0 + rate t with rate uniform on [0, 2], 100 Latin-hypercube runs: sorted, the
// k-th draw lies in the k-th stratum [(k-1)/100, k/100) of the probability, so at t = 10
// (S = 10 rate) p5 (rank 4.95, strata 5 and 6) lies in [0.8, 1.2], p50 (rank 49.5) in
// [9.8, 10.2] and p95 (rank 94.05) in [18.8, 19.2]. The chart's bands are the library's.
void TestAnalysisPanel::sensitivityBandsOnTheResultsChart()
{
    Editor e(linearRamp());
    SensitivityTab *tab = e.panel->sensitivity();
    e.clickTab(tab);
    LiveWorkspace *w = e.window.live()->workspace();
    QTRY_VERIFY(w->currentResults());
    QCOMPARE(w->shownVariables(), QStringList{QStringLiteral("S")});
    setRow(tab->parameter(), QStringLiteral("rate"), QStringLiteral("0"), QStringLiteral("2"));
    type(tab->runs(), QStringLiteral("100"));
    type(tab->seed(), QStringLiteral("7"));
    QTest::mouseClick(tab->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!w->plot()->bandPoints(QStringLiteral("S"), 50).isEmpty(), 20000);

    const ParameterizedModel model(projectFrom(linearRamp()), {QStringLiteral("rate")});
    Distribution uniform;
    uniform.a = 0;
    uniform.b = 2;
    const SensitivityResult expected = runSensitivity(model, {uniform}, 100, 7, Sampling::LatinHypercube);
    QVERIFY(expected.bands);
    for (int p : {5, 25, 50, 75, 95}) {
        const QList<QPointF> drawn = w->plot()->bandPoints(QStringLiteral("S"), p);
        const int column = expected.bands->column(QStringLiteral("S:p%1").arg(p));
        QCOMPARE(drawn.size(), qsizetype(expected.bands->rows()));
        for (qsizetype r = 0; r < drawn.size(); ++r) {
            QCOMPARE(drawn[r].x(), expected.bands->at(std::size_t(r), 0));
            QCOMPARE(drawn[r].y(), expected.bands->at(std::size_t(r), std::size_t(column)));
        }
    }
    const auto atTen = [&](int p) { return w->plot()->bandPoints(QStringLiteral("S"), p).constLast().y(); };
    QCOMPARE(w->plot()->bandPoints(QStringLiteral("S"), 50).constLast().x(), 10.0);
    QVERIFY(atTen(5) >= 0.8 && atTen(5) <= 1.2);
    QVERIFY(atTen(50) >= 9.8 && atTen(50) <= 10.2);
    QVERIFY(atTen(95) >= 18.8 && atTen(95) <= 19.2);
    QVERIFY(atTen(25) < atTen(50) && atTen(50) < atTen(75));

    // The toggle hides and shows them.
    QTest::mouseClick(tab->showBands(), Qt::LeftButton);
    QVERIFY(w->plot()->bandPoints(QStringLiteral("S"), 50).isEmpty());
    QTest::mouseClick(tab->showBands(), Qt::LeftButton);
    QCOMPARE(w->plot()->bandPoints(QStringLiteral("S"), 95).constLast().y(), atTen(95));
    // An edit makes them another model's: they go.
    e.window.live()->workspace()->sliderPanel()->setValue(QStringLiteral("S0"), 5);
    QTRY_VERIFY(w->plot()->bandPoints(QStringLiteral("S"), 50).isEmpty());
    QCOMPARE(tab->job()->status(), QStringLiteral("The model changed: run again for its bands."));
}

// The same ramp, S(10) = 10 rate, with rate drawn from a normal and then a triangular
// distribution chosen and typed in the panel. 1000 Latin-hypercube runs: the order
// statistics at ranks 49.95 (p5), 499.5 (p50) and 949.05 (p95) come from the strata
// [0.049, 0.051], [0.499, 0.501] and [0.949, 0.951] of the probability, so each percentile
// lies between the distribution's quantiles there:
//   normal(1, 0.2): 1 + 0.2 z with z = Phi^-1(u); Phi^-1(0.049) = -1.6546, Phi^-1(0.051) =
//     -1.6352, Phi^-1(0.499) = -0.0025, Phi^-1(0.501) = 0.0025 (and symmetric for p95);
//   triangular(0, 1, 4): F(x) = x^2 / 4 up to the mode, 1 - (4 - x)^2 / 12 above it, so
//     x = 2 sqrt(u) (p5: 0.4427..0.4517) and 4 - sqrt(12 (1 - u)) (p50: 1.5481..1.5530).
void TestAnalysisPanel::sensitivityNormalAndTriangular()
{
    Editor e(linearRamp());
    SensitivityTab *tab = e.panel->sensitivity();
    e.clickTab(tab);
    LiveWorkspace *w = e.window.live()->workspace();
    QTRY_VERIFY(w->currentResults());
    setRow(tab->parameter(), QStringLiteral("rate"), QStringLiteral("0"), QStringLiteral("2"));
    QCOMPARE(tab->distribution()->text(), QStringLiteral("uniform(0, 2)"));
    choose(tab->kind(), QStringLiteral("normal"));
    // Proposed from the range: centred, the range six standard deviations wide.
    QCOMPARE(tab->distribution()->text(), QStringLiteral("normal(1, 0.333333)"));
    const auto typeDistribution = [&](const QString &text) {
        tab->distribution()->setFocus();
        QTest::keyClick(tab->distribution(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(tab->distribution(), text);
    };
    // A mistake is said, and nothing is added.
    typeDistribution(QStringLiteral("normal(1, -0.2)"));
    QTest::mouseClick(tab->addButton(), Qt::LeftButton);
    QCOMPARE(tab->varied()->count(), 0);
    QVERIFY2(tab->job()->status().contains(QStringLiteral("needs sd > 0")), qPrintable(tab->job()->status()));
    typeDistribution(QStringLiteral("normal(1, 0.2)"));
    QTest::mouseClick(tab->addButton(), Qt::LeftButton);
    QCOMPARE(tab->varied()->count(), 1);
    QCOMPARE(tab->varied()->item(0)->text(), QStringLiteral("rate: normal(1, 0.2)"));
    type(tab->runs(), QStringLiteral("1000"));
    type(tab->seed(), QStringLiteral("3"));
    QTest::mouseClick(tab->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!w->plot()->bandPoints(QStringLiteral("S"), 50).isEmpty(), 20000);
    const auto atTen = [&](int p) { return w->plot()->bandPoints(QStringLiteral("S"), p).constLast().y(); };
    const auto within = [](double v, double lo, double hi) { return v >= lo && v <= hi; };
    QVERIFY2(within(atTen(5), 10 * (1 - 0.2 * 1.6546), 10 * (1 - 0.2 * 1.6352)), qPrintable(QString::number(atTen(5))));
    QVERIFY2(within(atTen(50), 10 * (1 - 0.2 * 0.0025), 10 * (1 + 0.2 * 0.0025)), qPrintable(QString::number(atTen(50))));
    QVERIFY2(within(atTen(95), 10 * (1 + 0.2 * 1.6352), 10 * (1 + 0.2 * 1.6546)), qPrintable(QString::number(atTen(95))));

    // The list emptied, the chosen constant's own distribution is drawn from: triangular.
    tab->varied()->setCurrentRow(0);
    QTest::mouseClick(tab->removeButton(), Qt::LeftButton);
    QCOMPARE(tab->varied()->count(), 0);
    choose(tab->kind(), QStringLiteral("triangular"));
    QCOMPARE(tab->distribution()->text(), QStringLiteral("triangular(0, 1, 2)")); // the mode at rate's value, 1
    typeDistribution(QStringLiteral("triangular(0, 1, 4)"));
    QTest::mouseClick(tab->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->job()->isBusy() && tab->job()->status().contains(QStringLiteral("varying rate")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(within(atTen(50), 10 * 1.5480, 10 * 1.5530), 20000);
    QVERIFY2(within(atTen(5), 10 * 2 * std::sqrt(0.049), 10 * 2 * std::sqrt(0.051)), qPrintable(QString::number(atTen(5))));
    QVERIFY2(within(atTen(50), 10 * (4 - std::sqrt(12 * 0.501)), 10 * (4 - std::sqrt(12 * 0.499))), qPrintable(QString::number(atTen(50))));
}

// The retry-storm example (derivations in tests/analysis/test_analysis_cli.cpp): healthy
// at Backlog = 10 (stable), the saddle at 100 (185 - sqrt(3425)) / 140 = 90.34 and the storm
// at 100 (-41.5 + sqrt(2290.25)) / 4 = 158.91 (stable); the storm needs a retry budget above
// 100 (1.9 - sqrt(1.37)) / 2 = 36.4765 (the fold); at a 70-request dip, dips up to 1.875
// minutes recover and longer ones do not (README.md, "Tipping points").
void TestAnalysisPanel::retryStormTippingPoints()
{
    Editor e(kRetryStorm);
    QTableWidget *t = e.panel->equilibria()->table();
    e.clickTab(e.panel->equilibria());
    QTRY_COMPARE_WITH_TIMEOUT(t->rowCount(), 3, 10000);
    QVERIFY(std::fabs(cell(t, 0, QStringLiteral("Backlog")) - 10) < 1e-6);
    QCOMPARE(text(t, 0, QStringLiteral("Stability")), QStringLiteral("stable"));
    QVERIFY(std::fabs(cell(t, 1, QStringLiteral("Backlog")) - 100 * (185 - std::sqrt(3425.0)) / 140) < 1e-3);
    QCOMPARE(text(t, 1, QStringLiteral("Stability")), QStringLiteral("saddle"));
    QVERIFY(std::fabs(cell(t, 2, QStringLiteral("Backlog")) - 100 * (-41.5 + std::sqrt(2290.25)) / 4) < 1e-3);
    QCOMPARE(text(t, 2, QStringLiteral("Stability")), QStringLiteral("stable"));

    BifurcationTab *bif = e.panel->bifurcation();
    e.clickTab(bif);
    setRow(bif->parameter(), QStringLiteral("Retry Budget"), QStringLiteral("0"), QStringLiteral("100"), QStringLiteral("51"));
    QTest::mouseClick(bif->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!bif->job()->isBusy() && !bif->summary().isEmpty(), 20000);
    QVERIFY2(bif->chart()->markLabels().value(0).startsWith(QStringLiteral("tipping point (fold): Retry Budget = 36.4765, Backlog = 90.34")),
             qPrintable(bif->chart()->markLabels().join(u'|')));

    RecoveryTab *rec = e.panel->recovery();
    e.clickTab(rec);
    setRow(rec->first(), QStringLiteral("Capacity Dip"), QStringLiteral("0"), QStringLiteral("70"), QStringLiteral("8"));
    setRow(rec->second(), QStringLiteral("Dip Duration"), QStringLiteral("0"), QStringLiteral("3"), QStringLiteral("25"));
    QTest::mouseClick(rec->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!rec->job()->isBusy() && rec->view()->map().points() == 200, 30000);
    // Capacity Dip = 70 is the 8th column; Dip Duration 1.875 the 16th value, 2 the 17th.
    QCOMPARE(rec->view()->cellColor(7 * 25 + 15), RecoveryMapView::recoversColor());
    QCOMPARE(rec->view()->cellColor(7 * 25 + 16), RecoveryMapView::staysColor());
    QCOMPARE(rec->view()->cellColor(0), RecoveryMapView::recoversColor()); // no dip at all
    QVERIFY2(rec->boundaryText().contains(QStringLiteral("At Capacity Dip = 70: boundary at Dip Duration = 1.875 (recovers below, does not recover above)")),
             qPrintable(rec->boundaryText()));
}

// File → Export as a postmortem page charts the bifurcation the panel shows (its stock
// only), with the fold derived in tests/analysis/test_analysis_cli.cpp; once a slider has
// moved, the chart is another model's and the page leaves it out.
void TestAnalysisPanel::postmortemChartsTheBifurcationShown()
{
    Editor e(kRetryStorm);
    BifurcationTab *bif = e.panel->bifurcation();
    e.clickTab(bif);
    setRow(bif->parameter(), QStringLiteral("Retry Budget"), QStringLiteral("0"), QStringLiteral("100"), QStringLiteral("51"));
    QTest::mouseClick(bif->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!bif->job()->isBusy() && !bif->summary().isEmpty(), 20000);
    QCOMPARE(bif->stockChoice()->currentText(), QStringLiteral("Backlog"));
    QTemporaryDir dir;
    QVERIFY(e.window.exportTo(ExportFormat::Markdown, dir.filePath(QStringLiteral("pm.md"))));
    QFile page(dir.filePath(QStringLiteral("pm.md")));
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(page.readAll());
    const double fold = 100 * (1.9 - std::sqrt(1.37)) / 2;
    QVERIFY2(md.contains(QStringLiteral("## Tipping points\n\n![Equilibria of Backlog against Retry Budget](pm-bifurcation.svg)\n\n"
                                        "The steady states as Retry Budget goes from 0 to 100 (51 values)")),
             qPrintable(md));
    QVERIFY(md.contains(QStringLiteral("- **Tipping point (fold)** at Retry Budget = %1: ").arg(QString::number(fold, 'g', 6))));
    QFile svg(dir.filePath(QStringLiteral("pm-bifurcation.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QString picture = QString::fromUtf8(svg.readAll());
    QCOMPARE(picture.count(QStringLiteral("<g class=\"chart\"")), 1);
    QVERIFY(picture.contains(QStringLiteral("<g class=\"chart\" data-stock=\"Backlog\">")));
    QVERIFY(picture.contains(QStringLiteral(">tipping point (fold): Retry Budget = %1, Backlog = ").arg(QString::number(fold, 'g', 6))));

    e.window.live()->workspace()->sliderPanel()->setValue(QStringLiteral("Cancellation Delay"), 3);
    QTRY_VERIFY(!bif->currentContinuation());
    QVERIFY(e.window.exportTo(ExportFormat::Markdown, dir.filePath(QStringLiteral("later.md"))));
    QFile later(dir.filePath(QStringLiteral("later.md")));
    QVERIFY(later.open(QIODevice::ReadOnly));
    QVERIFY(!QString::fromUtf8(later.readAll()).contains(QLatin1String("## Tipping points")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("later-bifurcation.svg"))));
}

QTEST_MAIN(TestAnalysisPanel)
#include "test_analysis_panel.moc"

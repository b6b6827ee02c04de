// The Results panel's charts as a person uses them: a stack of three or more charts scrolls
// instead of squeezing each below what its labels need; a saved run far larger than the
// current one gets a chart of its own; zero reads "0".
#include "live/livetesting.h"

#include "gui/live/chartscale.h"
#include "gui/live/liveworkspace.h"
#include "gui/live/plotview.h"
#include "support/inlinemodel.h"

#include <QChartView>
#include <QScrollArea>
#include <QScrollBar>
#include <QtTest>

using namespace meadows;
using namespace meadows::testing;

namespace {

// Four quantities of four kinds: four charts.
Project fourKinds()
{
    const QByteArray text = test::xmile(QStringLiteral(
        "<stock name=\"Queue\"><eqn>5</eqn><inflow>arrivals</inflow><units>requests</units></stock>"
        "<flow name=\"arrivals\"><eqn>2</eqn><units>requests/minute</units></flow>"
        "<aux name=\"Pods\"><eqn>3</eqn><units>pods</units></aux>"
        "<aux name=\"Cost\"><eqn>Pods * 1000</eqn><units>dollars</units></aux>"),
                                        QStringLiteral("<start>0</start><stop>10</stop><dt>0.5</dt>"));
    return *readXmile(text, QStringLiteral("kinds.xmile")).project;
}

std::shared_ptr<const Results> run(const Project &p)
{
    const CompileResult c = compileProject(p);
    return std::make_shared<const Results>(*simulate(*c.model).results);
}

QListWidget *variablesList(LiveWorkspace &w)
{
    for (QListWidget *list : w.findChildren<QListWidget *>())
        if (list->accessibleName() == QLatin1String("Variables to chart"))
            return list;
    return nullptr;
}

} // namespace

class TestLiveCharts : public QObject {
    Q_OBJECT
private slots:
    void threeOrMoreChartsScroll();
    void aSavedRunTenfoldApartGetsAChartOfItsOwn();
    void zeroReadsZero();
};

void TestLiveCharts::threeOrMoreChartsScroll()
{
    LiveWorkspace w;
    w.resize(900, 330); // the Results dock's height in a 940-pixel window
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setProject(fourKinds());
    QTRY_VERIFY(w.currentResults() && !w.scheduler()->isBusy());
    QListWidget *list = variablesList(w);
    QVERIFY(list);
    for (const QString &name : {QStringLiteral("arrivals"), QStringLiteral("Pods"), QStringLiteral("Cost")})
        QVERIFY2(clickCheckBox(list, name), qPrintable(name));
    QCOMPARE(w.shownVariables().size(), 4);
    QCOMPARE(w.plot()->paneCount(), 4);
    auto *scroll = w.plot()->findChild<QScrollArea *>();
    QVERIFY(scroll);
    // Each chart keeps the height its labels need (110 pixels, the bottom one 150 for the time
    // axis too), so the stack is taller than the dock and scrolls.
    QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0);
    const QList<QChartView *> charts = scroll->widget()->findChildren<QChartView *>();
    QCOMPARE(charts.size(), 4);
    for (QChartView *chart : charts)
        QVERIFY2(chart->height() >= 110, qPrintable(QString::number(chart->height())));
    QChartView *bottom = charts.back();
    for (QChartView *chart : charts)
        if (chart->y() > bottom->y())
            bottom = chart;
    const auto bottomShown = [&]() {
        const QRect inViewport(bottom->mapTo(scroll->viewport(), QPoint(0, 0)), bottom->size());
        return scroll->viewport()->rect().contains(inViewport);
    };
    QVERIFY(!bottomShown());
    // The wheel over the scroll bar, notch by notch, brings the bottom chart (with the time
    // axis) into view.
    QScrollBar *bar = scroll->verticalScrollBar();
    QVERIFY(bar->isVisible());
    const QPoint at = bar->rect().center();
    for (int notch = 0; notch < 20 && !bottomShown(); ++notch) {
        QWheelEvent wheel(at, bar->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(bar, &wheel);
    }
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(bottomShown());
}

void TestLiveCharts::aSavedRunTenfoldApartGetsAChartOfItsOwn()
{
    const auto results = run(fourKinds());
    const int pods = results->column(QStringLiteral("Pods")), cost = results->column(QStringLiteral("Cost"));
    auto plot = createPlotView();
    plot->resize(600, 600);
    // Pods (3) now, and a saved run's "Pods" drawn from Cost's column (3,000): a thousandfold
    // apart, so the saved one is not drawn against the same axis as the current.
    plot->setSeries({PlotSeries{QStringLiteral("Pods"), Qt::blue, results, pods, false, QStringLiteral("Pods"), QStringLiteral("pods")},
                     PlotSeries{QStringLiteral("Pods (big)"), Qt::blue, results, cost, true, QStringLiteral("Pods"), QStringLiteral("pods")}});
    QCOMPARE(plot->paneCount(), 2);
    QCOMPARE(plot->paneOf(QStringLiteral("Pods")), 0); // the current run on top
    QCOMPARE(plot->paneOf(QStringLiteral("Pods (big)")), 1);
    // Within tenfold (3 and the queue's 25) a saved run shares its variable's chart.
    const int queue = results->column(QStringLiteral("Queue"));
    plot->setSeries({PlotSeries{QStringLiteral("Pods"), Qt::blue, results, pods, false, QStringLiteral("Pods"), QStringLiteral("pods")},
                     PlotSeries{QStringLiteral("Pods (near)"), Qt::blue, results, queue, true, QStringLiteral("Pods"), QStringLiteral("pods")}});
    QCOMPARE(plot->paneCount(), 1);
}

void TestLiveCharts::zeroReadsZero()
{
    // printf writes -0.04 at one decimal as "-0.0", and -0.0 as "-0".
    QCOMPARE(QString::asprintf("%.1f", -0.04), QStringLiteral("-0.0"));
    QCOMPARE(tickText(-0.04, 0.1), QStringLiteral("0"));
    QCOMPARE(tickText(-0.0, 1), QStringLiteral("0"));
    QCOMPARE(tickText(1e-17, 0.05), QStringLiteral("0"));
    QCOMPARE(tickText(0.05, 0.05), QStringLiteral("0.05"));
    QCOMPARE(tickText(-0.5, 0.5), QStringLiteral("-0.5"));
    QCOMPARE(tickText(-10, 10), QStringLiteral("-10"));
    QCOMPARE(readoutText(-0.0), QStringLiteral("0"));
    QCOMPARE(readoutText(-2.5), QStringLiteral("-2.5"));
}

QTEST_MAIN(TestLiveCharts)
#include "test_livecharts.moc"

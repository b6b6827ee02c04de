// The Results panel's charts as a person uses them: a stack of three or more charts scrolls
// instead of squeezing each below what its labels need; a saved run far larger than the
// current one gets a chart of its own; the stacked charts' plot areas line up on one time
// axis; the axes are labelled by Meadows (1-2-5 steps, zero reads "0", never "-0").
#include "live/livetesting.h"

#include "gui/live/chartscale.h"
#include "gui/live/liveworkspace.h"
#include "gui/live/plotview.h"
#include "support/inlinemodel.h"

#include <QChartView>
#include <QGraphicsTextItem>
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

// Where a chart view's plot area starts and ends across the stack it sits in.
std::pair<double, double> plotEdges(QChartView *view)
{
    const QRectF area = view->chart()->mapToScene(view->chart()->plotArea()).boundingRect();
    const double x = view->mapTo(view->parentWidget(), QPoint(0, 0)).x();
    return {x + area.left(), x + area.right()};
}

// Where a chart draws a time, across the stack (through its first series' mapping).
double timeX(QChartView *view, double t)
{
    return view->mapTo(view->parentWidget(), QPoint(0, 0)).x()
        + view->chart()->mapToPosition(QPointF(t, 0), view->chart()->series().value(0)).x();
}

bool plotAreasAligned(const QList<QChartView *> &charts)
{
    for (QChartView *c : charts)
        if (std::abs(plotEdges(c).first - plotEdges(charts[0]).first) > 1e-6
            || std::abs(plotEdges(c).second - plotEdges(charts[0]).second) > 1e-6)
            return false;
    return true;
}

// The numbers the chart draws as axis labels (the legend's names and the axis titles are
// not numbers), split into those left of the plot area and those below it.
struct DrawnLabels {
    QStringList values; // the value axis, bottom to top
    QStringList times;  // the time axis, left to right
};
DrawnLabels drawnLabels(QChartView *view)
{
    const QRectF area = view->chart()->mapToScene(view->chart()->plotArea()).boundingRect();
    QList<std::pair<double, QString>> values, times;
    for (QGraphicsItem *item : view->scene()->items()) {
        auto *text = qgraphicsitem_cast<QGraphicsTextItem *>(item);
        if (!text || !text->isVisible())
            continue;
        bool number = false;
        text->toPlainText().toDouble(&number);
        if (!number)
            continue;
        // A value label is centred on its tick's height, left of the plot; a time label sits
        // below the plot, the first one at its left edge.
        const QPointF centre = text->sceneBoundingRect().center();
        if (centre.y() > area.bottom() + 4)
            times.push_back({centre.x(), text->toPlainText()});
        else if (centre.x() < area.left())
            values.push_back({-centre.y(), text->toPlainText()});
    }
    std::sort(values.begin(), values.end());
    std::sort(times.begin(), times.end());
    DrawnLabels out;
    for (const auto &v : std::as_const(values))
        out.values << v.second;
    for (const auto &t : std::as_const(times))
        out.times << t.second;
    return out;
}

// Labels one nice step apart (1, 2 or 5 times a power of ten), each written as tickText writes
// it, and none of them "-0".
QString niceLabelsProblem(const QStringList &labels)
{
    if (labels.size() < 2)
        return QStringLiteral("fewer than two labels: ") + labels.join(u' ');
    const double step = labels[1].toDouble() - labels[0].toDouble();
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
    if (std::abs(mantissa - 1) > 1e-9 && std::abs(mantissa - 2) > 1e-9 && std::abs(mantissa - 5) > 1e-9)
        return QStringLiteral("step %1 is not 1, 2 or 5 times a power of ten").arg(step);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (labels[i].startsWith(QStringLiteral("-0")) && labels[i].toDouble() == 0)
            return QStringLiteral("a label reads ") + labels[i];
        if (i > 0 && std::abs(labels[i].toDouble() - labels[i - 1].toDouble() - step) > step * 1e-9)
            return QStringLiteral("uneven steps: ") + labels.join(u' ');
        if (labels[i] != tickText(labels[i].toDouble(), step))
            return QStringLiteral("%1 is not written as %2").arg(labels[i], tickText(labels[i].toDouble(), step));
    }
    return {};
}

} // namespace

// Shows the workspace on fourKinds() and ticks arrivals, Pods and Cost with clicks, so that
// four series of four magnitudes are charted. A failure is reported by the calling test.
void showFourKinds(LiveWorkspace &w)
{
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setProject(fourKinds());
    QTRY_VERIFY(w.currentResults() && !w.scheduler()->isBusy());
    QListWidget *list = variablesList(w);
    QVERIFY(list);
    for (const QString &name : {QStringLiteral("arrivals"), QStringLiteral("Pods"), QStringLiteral("Cost")})
        QVERIFY2(clickCheckBox(list, name), qPrintable(name));
}

class TestLiveCharts : public QObject {
    Q_OBJECT
private slots:
    void threeOrMoreChartsScroll();
    void aSavedRunTenfoldApartGetsAChartOfItsOwn();
    void zeroReadsZero();
    void stackedChartsShareOneTimeAxis();
    void marketGrowthChartsLineUp();
    void axisLabelsAreNiceAndNeverMinusZero();
};

void TestLiveCharts::threeOrMoreChartsScroll()
{
    LiveWorkspace w;
    w.resize(900, 330); // the Results dock's height in a 940-pixel window
    showFourKinds(w);
    if (QTest::currentTestFailed())
        return;
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

void TestLiveCharts::stackedChartsShareOneTimeAxis()
{
    LiveWorkspace w;
    w.resize(900, 600);
    showFourKinds(w);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(w.plot()->paneCount(), 4);
    const QList<QChartView *> charts = w.plot()->findChildren<QChartView *>();
    QCOMPARE(charts.size(), 4);
    // Value labels "3" and "3000" and legends "Pods" and "arrivals" differ in width: laid out
    // alone, the plot areas would start and end at different x.
    QTRY_VERIFY(plotAreasAligned(charts));
    // Every chart labels its values, in full: none is elided to "..." for want of height.
    for (QChartView *c : charts) {
        const QString problem = niceLabelsProblem(drawnLabels(c).values);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (QGraphicsItem *item : c->scene()->items())
            if (auto *text = qgraphicsitem_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                QVERIFY2(!text->toPlainText().contains(QStringLiteral("...")), qPrintable(text->toPlainText()));
    }
    for (QChartView *c : charts) {
        QCOMPARE(plotEdges(c).first, plotEdges(charts[0]).first);
        QCOMPARE(plotEdges(c).second, plotEdges(charts[0]).second);
        // So a time is drawn at one x all down the stack.
        QCOMPARE(timeX(c, 0), timeX(charts[0], 0));
        QCOMPARE(timeX(c, 10), timeX(charts[0], 10));
    }
    // Still lined up after the dock is made narrower.
    w.resize(700, 600);
    QTRY_VERIFY(plotEdges(charts[0]).second < 650 && plotAreasAligned(charts));
}

void TestLiveCharts::marketGrowthChartsLineUp()
{
    const XmileReadResult read = readXmileFile(QStringLiteral(MEADOWS_SOURCE_DIR "/examples/classics/market-growth.xmile"));
    QVERIFY(read.project);
    LiveWorkspace w;
    w.resize(900, 600);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setProject(*read.project);
    QTRY_VERIFY(w.currentResults() && !w.scheduler()->isBusy());
    QVERIFY2(w.plot()->paneCount() >= 2, qPrintable(QString::number(w.plot()->paneCount())));
    const QList<QChartView *> charts = w.plot()->findChildren<QChartView *>();
    QCOMPARE(charts.size(), w.plot()->paneCount());
    QTRY_VERIFY(plotAreasAligned(charts));
    for (QChartView *c : charts) {
        QCOMPARE(plotEdges(c).first, plotEdges(charts[0]).first);
        QCOMPARE(plotEdges(c).second, plotEdges(charts[0]).second);
    }
}

void TestLiveCharts::axisLabelsAreNiceAndNeverMinusZero()
{
    // A wave of amplitude 0.3 over times -0.7 to 0.7: both axes cross zero, with steps below
    // one (0.1 or 0.2 on the values, 0.2 or 0.5 on the times), where printf writes a value a
    // rounding error below zero as "-0.0".
    const QByteArray text = test::xmile(QStringLiteral("<aux name=\"wave\"><eqn>0.3 * SIN(6 * TIME)</eqn></aux>"),
                                        QStringLiteral("<start>-0.7</start><stop>0.7</stop><dt>0.01</dt>"));
    const XmileReadResult read = readXmile(text, QStringLiteral("wave.xmile"));
    QVERIFY(read.project);
    LiveWorkspace w;
    w.resize(700, 400);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setProject(*read.project);
    QTRY_VERIFY(w.currentResults() && !w.scheduler()->isBusy());
    QListWidget *list = variablesList(w);
    QVERIFY(list);
    if (!w.shownVariables().contains(QStringLiteral("wave")))
        QVERIFY(clickCheckBox(list, QStringLiteral("wave")));
    QCOMPARE(w.plot()->paneCount(), 1);
    QChartView *chart = w.plot()->findChild<QChartView *>();
    QVERIFY(chart);
    DrawnLabels drawn;
    QTRY_VERIFY((drawn = drawnLabels(chart)).values.size() >= 3 && drawn.times.size() >= 3);
    for (const QStringList &labels : {drawn.values, drawn.times}) {
        const QString problem = niceLabelsProblem(labels);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral(" in ") + labels.join(u' ')));
        QVERIFY2(labels.contains(QStringLiteral("0")), qPrintable(labels.join(u' ')));
    }
    // The value axis holds the whole wave, -0.3 to 0.3, from its lowest tick to its highest,
    // and those are the ticks the plot reports.
    QVERIFY2(drawn.values.front().toDouble() <= -0.3 + 1e-9 && drawn.values.back().toDouble() >= 0.3 - 1e-9, qPrintable(drawn.values.join(u' ')));
    QList<double> reported;
    for (const QString &label : std::as_const(drawn.values))
        reported << label.toDouble();
    const QList<double> ticks = w.plot()->valueTicks(0);
    QCOMPARE(ticks.size(), reported.size());
    for (qsizetype i = 0; i < ticks.size(); ++i)
        QVERIFY2(std::abs(ticks[i] - reported[i]) < 1e-12, qPrintable(drawn.values.join(u' ')));
    // Zoomed in (the wheel over the plot), the axes tick their new range in the same way.
    const QPoint centre = chart->mapFromScene(chart->chart()->plotArea().center());
    QWheelEvent wheel(centre, chart->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    for (int notch = 0; notch < 3; ++notch)
        QApplication::sendEvent(chart->viewport(), &wheel);
    QTRY_VERIFY((drawn = drawnLabels(chart)).values.size() >= 2 && drawn.times.size() >= 2);
    for (const QStringList &labels : {drawn.values, drawn.times}) {
        const QString problem = niceLabelsProblem(labels);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral(" in ") + labels.join(u' ')));
    }
}

QTEST_MAIN(TestLiveCharts)
#include "test_livecharts.moc"

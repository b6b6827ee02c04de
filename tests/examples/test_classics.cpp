// The classic models of the example library (population, predator and prey, Bass diffusion,
// market growth) show the behaviour they are there to teach, checked with numbers from the
// simulation against their closed forms or published behaviour.
#include "examplesupport.h"

#include <QtTest>
#include <algorithm>
#include <cmath>

using namespace meadows;
using namespace meadows::examples;

class TestClassics : public QObject {
    Q_OBJECT
private slots:
    void populationGrowsExponentially();
    void predatorPreyCyclesWithLag();
    void bassDiffusionPeaksOnTime();
    void marketGrowthIsLimitedByCapacity();
};

void TestClassics::populationGrowsExponentially()
{
    const QString file = QStringLiteral("classics/population.xmile");
    const Run r = run(file);
    RUN_OK(r);
    QVERIFY(std::fabs(r.at(QStringLiteral("Population"), 100) - 1000 * std::pow(1.005, 400)) < 1e-6);
    QVERIFY(std::fabs(r.at(QStringLiteral("Population"), 100) / 1000 - std::exp(2.0)) < 0.01 * std::exp(2.0));
    const Run flat = run(file, {{QStringLiteral("Birth Rate"), 0.01}});
    RUN_OK(flat);
    QCOMPARE(flat.at(QStringLiteral("Population"), 100), 1000.0);
    const Run shrinking = run(file, {{QStringLiteral("Birth Rate"), 0.0}});
    RUN_OK(shrinking);
    QVERIFY(shrinking.at(QStringLiteral("Population"), 100) < 370 && shrinking.at(QStringLiteral("Population"), 100) > 360);
}

// The Lotka-Volterra invariant stays within 0.1 % under RK4; hares peak before lynx, by
// less than half a cycle, and the cycle repeats.
void TestClassics::predatorPreyCyclesWithLag()
{
    const Run r = run(QStringLiteral("classics/predator-prey.xmile"));
    RUN_OK(r);
    const std::vector<double> h = r.series(QStringLiteral("Hares")), l = r.series(QStringLiteral("Lynx")), t = r.times();
    const double a = 0.8, b = 0.04, c = 0.25, d = 0.5;
    const auto invariant = [&](std::size_t i) { return c * b * h[i] - d * std::log(h[i]) + b * l[i] - a * std::log(l[i]); };
    const double v0 = invariant(0);
    for (std::size_t i = 0; i < h.size(); ++i)
        QVERIFY(std::fabs(invariant(i) - v0) < 1e-3 * std::fabs(v0));
    const std::vector<std::size_t> hp = peaks(h, 0), lp = peaks(l, 0);
    QVERIFY(hp.size() >= 3 && lp.size() >= 3);
    const double period = t[hp[1]] - t[hp[0]];
    QVERIFY(std::fabs((t[hp[2]] - t[hp[1]]) - period) < 0.2);
    std::size_t k = 0;
    while (k < lp.size() && lp[k] < hp[0])
        ++k;
    QVERIFY(k < lp.size());
    const double lag = t[lp[k]] - t[hp[0]];
    QVERIFY2(lag > 0 && lag < period / 2, qPrintable(QStringLiteral("lag %1 of %2").arg(lag).arg(period)));
}

// p = 0.01, q = 0.3: adoption peaks at ln(q/p)/(p+q) = 10.97 months, and nearly all adopt.
void TestClassics::bassDiffusionPeaksOnTime()
{
    const QString file = QStringLiteral("classics/bass-diffusion.xmile");
    const Run r = run(file);
    RUN_OK(r);
    const std::vector<double> adoption = r.series(QStringLiteral("Adoption"));
    const double peakTime = r.times()[std::size_t(std::max_element(adoption.begin(), adoption.end()) - adoption.begin())];
    const double theory = std::log(0.3 / 0.01) / 0.31;
    QVERIFY2(std::fabs(peakTime - theory) < 0.5, qPrintable(QString::number(peakTime)));
    QVERIFY(r.at(QStringLiteral("Adopters"), 60) > 0.999 * 10000);
    const Run steep = run(file, {{QStringLiteral("Word of Mouth Strength"), 0.6}});
    RUN_OK(steep);
    const std::vector<double> sa = steep.series(QStringLiteral("Adoption"));
    const double steepPeak = steep.times()[std::size_t(std::max_element(sa.begin(), sa.end()) - sa.begin())];
    QVERIFY(std::fabs(steepPeak - std::log(60.0) / 0.61) < 0.5);
}

// Capacity, not the market, limits growth: the delivery delay stays above its 2-month goal,
// a 3-month capacity acquisition delay grows the sales force more than 12 months does, and
// ample capacity from the start grows it several times as much.
void TestClassics::marketGrowthIsLimitedByCapacity()
{
    const QString file = QStringLiteral("classics/market-growth.xmile");
    const Run slow = run(file);
    RUN_OK(slow);
    const std::vector<double> delay = slow.series(QStringLiteral("Delivery Delay"));
    QVERIFY(minOf(delay, rowAt(slow, 40)) > 2.2);
    const double slowSales = slow.at(QStringLiteral("Salespeople"), 120);
    const Run fast = run(file, {{QStringLiteral("Capacity Acquisition Delay"), 3}});
    RUN_OK(fast);
    QVERIFY(fast.at(QStringLiteral("Salespeople"), 120) > 1.05 * slowSales);
    const Run ample = run(file, {{QStringLiteral("Production Capacity"), 1e6}});
    RUN_OK(ample);
    QVERIFY(ample.at(QStringLiteral("Salespeople"), 120) > 3 * slowSales);
}

QTEST_GUILESS_MAIN(TestClassics)
#include "test_classics.moc"

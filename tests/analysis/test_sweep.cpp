// Parameter sweeps and sensitivity runs, on a model whose output is a known function of
// what is varied: S(t) = S0 + rate * t.
#include "analysismodels.h"

#include "solver/analysis/sensitivity.h"
#include "solver/analysis/sweep.h"

#include <QtTest>
#include <algorithm>
#include <boost/math/distributions/normal.hpp>

using namespace meadows;
using namespace meadows::test;

class TestSweep : public QObject {
    Q_OBJECT
private slots:
    // Grid rate = 1, 2, 3 (slowest) by S0 = 0, 10: final S = S0 + 10 rate.
    void gridSweepFinalValues()
    {
        const ParameterizedModel model(projectFrom(linearRamp()), {QStringLiteral("rate"), QStringLiteral("S0")});
        QVERIFY(model.model());
        const SweepTable t = runSweep(model, {{QStringLiteral("rate"), 1, 3, 3}, {QStringLiteral("S0"), 0, 10, 2}}, {});
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QCOMPARE(t.columns.mid(0, 2), (QStringList{QStringLiteral("rate"), QStringLiteral("S0")}));
        const int s = int(t.columns.indexOf(QStringLiteral("S")));
        QVERIFY(s >= 2);
        QCOMPARE(t.rows.size(), std::size_t(6));
        const double expected[6][3] = {{1, 0, 10}, {1, 10, 20}, {2, 0, 20}, {2, 10, 30}, {3, 0, 30}, {3, 10, 40}};
        for (std::size_t r = 0; r < 6; ++r) {
            QCOMPARE(t.rows[r][0], expected[r][0]);
            QCOMPARE(t.rows[r][1], expected[r][1]);
            QCOMPARE(t.rows[r][std::size_t(s)], expected[r][2]);
        }
        // The same table on one thread and on two.
        const SweepTable one = runSweep(model, {{QStringLiteral("rate"), 1, 3, 3}, {QStringLiteral("S0"), 0, 10, 2}}, {}, {}, 1);
        QCOMPARE(one.rows, t.rows);
    }

    // S = 2t crosses 15 at t = 7.5: above it for 2.5 of the 10 time units; min is S0 = 0,
    // max is S(10) = 20.
    void measures()
    {
        const ParameterizedModel model(projectFrom(linearRamp()), {QStringLiteral("rate")});
        SweepMeasure above;
        above.kind = SweepMeasure::Kind::TimeAbove;
        above.variable = QStringLiteral("S");
        above.level = 15;
        const SweepTable t = runSweep(model, {{QStringLiteral("rate"), 2, 2, 1}}, above);
        QCOMPARE(t.columns, (QStringList{QStringLiteral("rate"), QStringLiteral("S")}));
        QCOMPARE(t.rows.size(), std::size_t(1));
        QCOMPARE(t.rows[0][1], 2.5);
        SweepMeasure max, min;
        max.kind = SweepMeasure::Kind::Max;
        min.kind = SweepMeasure::Kind::Min;
        const SweepTable hi = runSweep(model, {{QStringLiteral("rate"), 2, 2, 1}}, max);
        const SweepTable lo = runSweep(model, {{QStringLiteral("rate"), 2, 2, 1}}, min);
        const int s = int(hi.columns.indexOf(QStringLiteral("S")));
        QCOMPARE(hi.rows[0][std::size_t(s)], 20.0);
        QCOMPARE(lo.rows[0][std::size_t(s)], 0.0);
    }

    // Latin hypercube: the k-th smallest of N uniform(2, 4) draws lies in stratum k,
    // [2 + 2k/N, 2 + 2(k+1)/N). The bands of S at t = 10 are 10 times the draws'
    // percentiles (linear between order statistics), so the median of 101 draws, the
    // 51st, lies in [2 + 100/101, 2 + 102/101) and S's median at t = 10 in [29.90, 30.10).
    void latinHypercubeBands()
    {
        const ParameterizedModel model(projectFrom(linearRamp()), {QStringLiteral("rate")});
        const Distribution uniform{Distribution::Kind::Uniform, 2, 4, 0};
        const SensitivityResult r = runSensitivity(model, {uniform}, 101, 7, Sampling::LatinHypercube);
        QVERIFY2(r.bands, qPrintable(r.error));
        std::vector<double> draws;
        for (const auto &s : r.samples)
            draws.push_back(s[0]);
        std::sort(draws.begin(), draws.end());
        for (std::size_t k = 0; k < draws.size(); ++k) {
            QVERIFY(draws[k] >= 2 + 2.0 * double(k) / 101);
            QVERIFY(draws[k] < 2 + 2.0 * double(k + 1) / 101);
        }
        const Results &b = *r.bands;
        QCOMPARE(b.names[0], QStringLiteral("Time"));
        const int p50 = b.column(QStringLiteral("S:p50"));
        QVERIFY(p50 > 0);
        QCOMPARE(b.names[std::size_t(p50) - 2], QStringLiteral("S:p5"));
        QCOMPARE(b.names[std::size_t(p50) + 2], QStringLiteral("S:p95"));
        const std::size_t last = b.rows() - 1;
        QCOMPARE(b.at(last, 0), 10.0);
        QVERIFY(b.at(last, std::size_t(p50)) >= 29.90 && b.at(last, std::size_t(p50)) < 30.10);
        for (int i = 0; i < 5; ++i) {
            const double expected = 10 * percentileOfSorted(draws.data(), draws.size(), kBandPercentiles[i]);
            QVERIFY(std::fabs(b.at(last, std::size_t(p50 - 2 + i)) - expected) < 1e-12 * expected);
        }
        // At t = 0 every run has S = S0 = 0.
        QCOMPARE(b.at(0, std::size_t(p50)), 0.0);
    }

    // normal(10, 2) by Latin hypercube, 1000 runs: the 5th percentile is at rank 49.95,
    // between draws from strata 49 and 50, u in [0.049, 0.051): 10 + 2 z with z between
    // the normal quantiles of 0.049 and 0.051.
    void normalPercentilesFollowTheQuantiles()
    {
        const ParameterizedModel model(projectFrom(linearRamp()), {QStringLiteral("rate")});
        const Distribution normal{Distribution::Kind::Normal, 10, 2, 0};
        const SensitivityResult r = runSensitivity(model, {normal}, 1000, 123, Sampling::LatinHypercube);
        QVERIFY(r.bands);
        const boost::math::normal_distribution<double> z;
        const double low = 10 + 2 * boost::math::quantile(z, 0.049), high = 10 + 2 * boost::math::quantile(z, 0.051);
        const int p5 = r.bands->column(QStringLiteral("rate:p5"));
        const double v = r.bands->at(3, std::size_t(p5));
        QVERIFY2(v >= low && v <= high, qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(v).arg(low).arg(high)));
        const double median = r.bands->at(3, std::size_t(p5 + 2));
        QVERIFY(std::fabs(median - 10) < 2 * 2.5 / 1000 * 2.51); // one stratum either side of 0.5
    }

    // The same seed gives the same draws; another seed others. Monte Carlo too.
    void seedsReproduce()
    {
        const Distribution tri{Distribution::Kind::Triangular, 0, 1, 4};
        for (Sampling s : {Sampling::LatinHypercube, Sampling::MonteCarlo}) {
            const auto a = drawSamples({tri}, 50, 9, s), b = drawSamples({tri}, 50, 9, s), c = drawSamples({tri}, 50, 10, s);
            QCOMPARE(a, b);
            QVERIFY(a != c);
            for (const auto &row : a)
                QVERIFY(row[0] > 0 && row[0] < 4);
        }
    }

    void distributionsParse()
    {
        QString error;
        const auto t = Distribution::parse(QStringLiteral("triangular(1, 2, 5)"), &error);
        QVERIFY(t);
        QCOMPARE(t->kind, Distribution::Kind::Triangular);
        // The triangular quantile at the mode's share (2-1)/(5-1) = 0.25 is the mode.
        QVERIFY(std::fabs(t->quantile(0.25) - 2) < 1e-12);
        QVERIFY(!Distribution::parse(QStringLiteral("uniform(3, 1)"), &error));
        QVERIFY(error.contains(QStringLiteral("min < max")));
        error.clear();
        QVERIFY(!Distribution::parse(QStringLiteral("gamma(1, 2)"), &error));
        QVERIFY(error.contains(QStringLiteral("not uniform")));
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "test_sweep.moc"

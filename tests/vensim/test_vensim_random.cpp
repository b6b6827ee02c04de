// Vensim's RANDOM functions read from .mdl text. Vensim's own random streams cannot be
// reproduced, so the tests hold what can be derived exactly: every draw within [min, max]
// (and a whole number where the distribution is discrete), the sample mean and variance over
// 40,000 draws against the truncated, shifted and stretched distribution's (derived below),
// the same numbers for the same seed, and RANDOM PINK NOISE's stationary mean, standard
// deviation and one-step autocorrelation.
#include "support/inlinemdl.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

namespace {

constexpr int kDraws = 40000;

// The lookups RANDOM LOOKUP draws from in the rows below, as densities (not yet scaled).
const QString kTables = QStringLiteral("triangle((0,0),(1,1),(2,0)) ~ ~ |\n"
                                       "ramp((0,0),(1,2)) ~ ~ |\n"
                                       "flat((0,1),(4,1)) ~ ~ |\n");

// One draw per step: times 0 to kDraws - 1.
QString control(int draws = kDraws)
{
    return QStringLiteral("INITIAL TIME = 0 ~ Day ~ |\n"
                          "FINAL TIME = %1 ~ Day ~ |\n"
                          "TIME STEP = 1 ~ Day ~ |\n"
                          "SAVEPER = TIME STEP ~ Day ~ |\n").arg(draws - 1);
}

struct Moments {
    double mean = 0;
    double variance = 0;
};

// Every saved value of `name`, in time order.
std::vector<double> series(const MdlRun &r, const QString &name)
{
    std::vector<double> out;
    for (std::size_t row = 0; r.run.results && row < r.run.results->rows(); ++row)
        out.push_back(r.value(name, row));
    return out;
}

Moments moments(const std::vector<double> &v)
{
    Moments m;
    for (double x : v)
        m.mean += x;
    m.mean /= double(v.size());
    for (double x : v)
        m.variance += (x - m.mean) * (x - m.mean);
    m.variance /= double(v.size() - 1);
    return m;
}

} // namespace

class TestVensimRandom : public QObject {
    Q_OBJECT
private slots:
    void distributions_data();
    void distributions();
    void sameSeedSameNumbers();
    void pinkNoiseKeepsItsMeanDeviationAndCorrelation();
    void badArgumentsAreReported();
};

// Each row: an equation, the range every draw must lie in, whether draws are whole numbers,
// and the mean and variance derived by hand. The tolerances are at least four standard
// errors over 40,000 draws (the standard error of a mean is sqrt(variance / n); of a
// variance about variance * sqrt((kurtosis - 1) / n)), so a wrong distribution fails and the
// right one passes with any seed.
void TestVensimRandom::distributions_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<bool>("whole");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("variance");
    QTest::addColumn<double>("meanTolerance");
    QTest::addColumn<double>("varianceTolerance");
    // N(5, 2^2), bounds far away: mean 5, variance 4. SE 0.01 and 0.028.
    QTest::newRow("normal") << "RANDOM NORMAL(-1e9, 1e9, 5, 2, 0)" << -1e9 << 1e9 << false << 5.0 << 4.0 << 0.05 << 0.15;
    // N(5, 2^2) kept above its mean: the half-normal, mean 5 + 2 sqrt(2/pi) = 6.5957691,
    // variance 4 (1 - 2/pi) = 1.4535209.
    QTest::newRow("normal above its mean") << "RANDOM NORMAL(5, 1e9, 5, 2, 0)" << 5.0 << 1e9 << false << 6.5957691
                                           << 1.4535209 << 0.03 << 0.06;
    // N(5, 2^2) within one standard deviation: symmetric, so mean 5; variance
    // 4 (1 - 2 phi(1) / (Phi(1) - Phi(-1))) = 4 (1 - 2 * 0.2419707 / 0.6826895) = 1.1645004.
    QTest::newRow("normal within one sd") << "RANDOM NORMAL(3, 7, 5, 2, 0)" << 3.0 << 7.0 << false << 5.0 << 1.1645004
                                          << 0.03 << 0.03;
    // 1 + 3 E with E exponential of mean 1: mean 4, variance 9 (kurtosis 9: SE 0.13).
    QTest::newRow("exponential") << "RANDOM EXPONENTIAL(0, 1e9, 1, 3, 0)" << 1.0 << 1e9 << false << 4.0 << 9.0 << 0.1 << 0.6;
    // The same kept below 4: E within [0, 1], density e^-y / (1 - 1/e). E[E] = 1 - 1/(e - 1)
    // = 0.4180233, E[E^2] = (2 - 5/e) / (1 - 1/e) = 0.2540697, so var E = 0.0793264: the value
    // 1 + 3E has mean 2.2540699, variance 9 * 0.0793264 = 0.7139377.
    QTest::newRow("exponential truncated") << "RANDOM EXPONENTIAL(0, 4, 1, 3, 0)" << 1.0 << 4.0 << false << 2.2540699
                                           << 0.7139377 << 0.02 << 0.03;
    // Gamma of order 2, scale 1: mean 2, variance 2 (kurtosis 6: SE 0.022).
    QTest::newRow("gamma") << "RANDOM GAMMA(0, 1e9, 2, 0, 1, 0)" << 0.0 << 1e9 << false << 2.0 << 2.0 << 0.04 << 0.1;
    // Vensim takes an order below 1 as 1: order 0.5 draws Gamma(1) = the exponential of mean 1,
    // variance 1 (Gamma(0.5) would have mean 0.5, variance 0.5).
    QTest::newRow("gamma order below 1") << "RANDOM GAMMA(0, 1e9, 0.5, 0, 1, 0)" << 0.0 << 1e9 << false << 1.0 << 1.0 << 0.03 << 0.08;
    // Beta(2, 3): mean 2/5, variance 2*3 / (5^2 * 6) = 0.04.
    QTest::newRow("beta") << "RANDOM BETA(0, 1, 2, 3, 0, 1, 0)" << 0.0 << 1.0 << false << 0.4 << 0.04 << 0.005 << 0.002;
    // Poisson of mean 3: mean 3, variance 3, whole numbers.
    QTest::newRow("poisson") << "RANDOM POISSON(0, 1e9, 3, 0, 1, 0)" << 0.0 << 1e9 << true << 3.0 << 3.0 << 0.05 << 0.12;
    // 10 + 2 K with K Poisson of mean 3: mean 16, variance 4 * 3 = 12, even whole numbers.
    QTest::newRow("poisson stretched") << "RANDOM POISSON(0, 1e9, 3, 10, 2, 0)" << 10.0 << 1e9 << true << 16.0 << 12.0
                                       << 0.1 << 0.5;
    // Binomial on 10 trials of 0.3: mean 3, variance 10 * 0.3 * 0.7 = 2.1, within [0, 10].
    QTest::newRow("binomial") << "RANDOM BINOMIAL(0, 1e9, 0.3, 10, 0, 1, 0)" << 0.0 << 10.0 << true << 3.0 << 2.1
                              << 0.04 << 0.08;
    // Binomial on 4 trials of 0.5 kept to [2, 3]: P(2) = 6/16, P(3) = 4/16, so 2 with
    // probability 0.6 and 3 with 0.4: mean 2.4, variance 0.24.
    QTest::newRow("binomial truncated") << "RANDOM BINOMIAL(2, 3, 0.5, 4, 0, 1, 0)" << 2.0 << 3.0 << true << 2.4 << 0.24
                                        << 0.012 << 0.012;
    // Trials for 3 successes of probability 0.5: at least 3, mean 3 / 0.5 = 6, variance
    // 3 * 0.5 / 0.5^2 = 6.
    QTest::newRow("negative binomial") << "RANDOM NEGATIVE BINOMIAL(0, 1e9, 0.5, 3, 0, 1, 0)" << 3.0 << 1e9 << true << 6.0
                                       << 6.0 << 0.07 << 0.35;
    // Triangular on [0, 10] peaking at 5: mean 5, variance (0 + 25 + 100 - 0 - 0 - 50) / 18 = 75/18.
    QTest::newRow("triangular") << "RANDOM TRIANGULAR(0, 10, 0, 5, 10, 0)" << 0.0 << 10.0 << false << 5.0 << 75.0 / 18
                                << 0.05 << 0.12;
    // The same kept to [0, 5]: density 2y/25 there, mean 2/3 * 5 = 3.3333333, variance
    // 25/2 - (10/3)^2 = 25/18.
    QTest::newRow("triangular truncated") << "RANDOM TRIANGULAR(0, 5, 0, 5, 10, 0)" << 0.0 << 5.0 << false << 10.0 / 3
                                          << 25.0 / 18 << 0.03 << 0.04;
    // Weibull of shape 2 "starting at 0 with mean 1" (Vensim's reference): scale
    // lambda = 1 / Gamma(1.5) = 2 / sqrt(pi) = 1.1283792, so mean 1 and variance
    // lambda^2 (Gamma(2) - Gamma(1.5)^2) = 4/pi - 1 = 0.2732395. (Scale 1 would give a mean
    // of Gamma(1.5) = 0.886.) SE 0.0026 and about 0.0021.
    QTest::newRow("weibull") << "RANDOM WEIBULL(0, 1e9, 2, 0, 1, 0)" << 0.0 << 1e9 << false << 1.0 << 0.2732395 << 0.012
                             << 0.01;
    // Shape 1 is the exponential of mean 1: 1 + 3 E, mean 4, variance 9, as above.
    QTest::newRow("weibull of shape 1") << "RANDOM WEIBULL(0, 1e9, 1, 1, 3, 0)" << 1.0 << 1e9 << false << 4.0 << 9.0
                                        << 0.1 << 0.6;
    // Shape 2 kept below its scale lambda: W = Y / lambda is Weibull(2) of scale 1, density
    // 2w e^(-w^2), within [0, 1], which holds P = 1 - 1/e of it. E[W] = (integral of
    // 2w^2 e^(-w^2) over [0, 1]) / P = (-1/e + sqrt(pi)/2 erf(1)) / P = 0.3789447 / 0.6321206
    // = 0.5994817; E[W^2] = (1 - 2/e) / P = 0.4180233, var W = 0.0586450. So the value has
    // mean lambda * 0.5994817 = 0.6764426 and variance lambda^2 * 0.0586450 = 0.0746692.
    QTest::newRow("weibull truncated") << "RANDOM WEIBULL(0, 2 / SQRT(3.14159265358979), 2, 0, 1, 0)" << 0.0 << 1.1283792
                                       << false << 0.6764426 << 0.0746692 << 0.006 << 0.003;
    // RANDOM LOOKUP draws from the density the lookup draws (the tables are kTables'):
    // "triangle" is the triangular density on [0, 2] peaking at 1, mean 1, variance
    // (0 + 4 + 1 - 0 - 0 - 2) / 18 = 1/6; stretched by 2 and shifted by 10: mean 12,
    // variance 4/6.
    QTest::newRow("lookup") << "RANDOM LOOKUP(triangle, 0, 1e9, 10, 2, 0)" << 10.0 << 14.0 << false << 12.0 << 4.0 / 6
                            << 0.02 << 0.02;
    // "ramp" rises from 0 to 2 over [0, 1]: density 2y, mean 2/3, E[Y^2] = 1/2, variance
    // 1/2 - 4/9 = 1/18 (a quadratic CDF, y^2, inverted).
    QTest::newRow("lookup rising") << "RANDOM LOOKUP(ramp, 0, 1e9, 0, 1, 0)" << 0.0 << 1.0 << false << 2.0 / 3 << 1.0 / 18
                                   << 0.005 << 0.002;
    // "flat" is uniform on [0, 4]; kept to [1, 2] it is uniform there: mean 1.5, variance 1/12.
    QTest::newRow("lookup truncated") << "RANDOM LOOKUP(flat, 1, 2, 0, 1, 0)" << 1.0 << 2.0 << false << 1.5 << 1.0 / 12
                                      << 0.006 << 0.003;
    // Uniform on [2, 6]: mean 4, variance 16/12.
    QTest::newRow("uniform") << "RANDOM UNIFORM(2, 6, 0)" << 2.0 << 6.0 << false << 4.0 << 16.0 / 12 << 0.03 << 0.03;
    // The obsolete RANDOM 0 1(), RANDOM UNIFORM(0, 1, 0): mean 1/2, variance 1/12.
    QTest::newRow("random 0 1") << "RANDOM 0 1()" << 0.0 << 1.0 << false << 0.5 << 1.0 / 12 << 0.008 << 0.004;
}

void TestVensimRandom::distributions()
{
    QFETCH(QString, equation);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(bool, whole);
    QFETCH(double, mean);
    QFETCH(double, variance);
    QFETCH(double, meanTolerance);
    QFETCH(double, varianceTolerance);
    const MdlRun r = runMdl(QStringLiteral("x = %1 ~ ~ |\n").arg(equation) + kTables, control());
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    const std::vector<double> x = series(r, QStringLiteral("x"));
    QCOMPARE(int(x.size()), kDraws);
    for (double v : x) {
        QVERIFY2(v >= low && v <= high, qPrintable(QString::number(v, 'g', 17)));
        if (whole)
            QCOMPARE(v, std::round(v));
    }
    const Moments m = moments(x);
    QVERIFY2(std::fabs(m.mean - mean) < meanTolerance, qPrintable(QStringLiteral("mean %1").arg(m.mean, 0, 'g', 8)));
    QVERIFY2(std::fabs(m.variance - variance) < varianceTolerance,
             qPrintable(QStringLiteral("variance %1").arg(m.variance, 0, 'g', 8)));
}

// Stream ID 0 follows the run's seed (Vensim's NOISE SEED; `meadows run --seed`): the same
// seed gives the same numbers, another seed others. A stream ID of its own keeps a call's
// numbers whatever the run's seed, and two calls with the same ID still draw apart.
void TestVensimRandom::sameSeedSameNumbers()
{
    const QString model = QStringLiteral("shared = RANDOM NORMAL(-10, 10, 0, 1, 0) ~ ~ |\n"
                                         "own = RANDOM NORMAL(-10, 10, 0, 1, 7) ~ ~ |\n"
                                         "own again = RANDOM NORMAL(-10, 10, 0, 1, 7) ~ ~ |\n");
    RunOptions one, two;
    one.seed = 1;
    two.seed = 2;
    const MdlRun a = runMdl(model, control(50), false, one), b = runMdl(model, control(50), false, one),
                 c = runMdl(model, control(50), false, two);
    QVERIFY2(a.run.results, qPrintable(a.messages.join(u'\n')));
    QCOMPARE(series(a, QStringLiteral("shared")), series(b, QStringLiteral("shared")));
    QVERIFY(series(a, QStringLiteral("shared")) != series(c, QStringLiteral("shared")));
    QCOMPARE(series(a, QStringLiteral("own")), series(c, QStringLiteral("own")));
    QVERIFY(series(a, QStringLiteral("own")) != series(a, QStringLiteral("own again")));
    // Saved as XMILE and read back, the model draws the same numbers.
    QCOMPARE(series(runMdl(model, control(50), true, one), QStringLiteral("own")), series(a, QStringLiteral("own")));
}

// RANDOM PINK NOISE(5, 2, 4, 0) with TIME STEP 1: a = DT / tau = 0.25. Each step
// y' = (1 - a) y + a k w with w ~ N(0, 2^2), k^2 = (2 - a) / a, so the stationary variance is
// a^2 k^2 4 / (1 - (1 - a)^2) = a k^2 4 / (2 - a) = 4 (standard deviation 2), the mean 5, and
// the correlation of one step with the next 1 - a = 0.75. The first value is drawn from the
// same N(5, 2^2), so the whole run is stationary. Over 40,000 correlated steps the effective
// sample is n (1 - 0.75) / (1 + 0.75) = 5714: SE of the mean 2 / sqrt(5714) = 0.026, of
// the standard deviation about 2 / sqrt(2 * 5714) = 0.019, of the correlation
// (1 - 0.75^2) / sqrt(n) = 0.0022.
void TestVensimRandom::pinkNoiseKeepsItsMeanDeviationAndCorrelation()
{
    const MdlRun r = runMdl(QStringLiteral("noise = RANDOM PINK NOISE(5, 2, 4, 0) ~ ~ |\n"), control());
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    const std::vector<double> x = series(r, QStringLiteral("noise"));
    QCOMPARE(int(x.size()), kDraws);
    const Moments m = moments(x);
    QVERIFY2(std::fabs(m.mean - 5) < 0.13, qPrintable(QString::number(m.mean)));
    QVERIFY2(std::fabs(std::sqrt(m.variance) - 2) < 0.1, qPrintable(QString::number(std::sqrt(m.variance))));
    double lagged = 0;
    for (std::size_t i = 0; i + 1 < x.size(); ++i)
        lagged += (x[i] - m.mean) * (x[i + 1] - m.mean);
    const double correlation = lagged / double(x.size() - 1) / m.variance;
    QVERIFY2(std::fabs(correlation - 0.75) < 0.015, qPrintable(QString::number(correlation)));
}

// A standard deviation below 0 or a probability above 1 is no distribution: the value is
// NaN, which the run reports with the variable and the time, never a number made up.
void TestVensimRandom::badArgumentsAreReported()
{
    const MdlRun r = runMdl(QStringLiteral("bad = RANDOM BINOMIAL(0, 10, 1.5, 4, 0, 1, 0) ~ ~ |\n"), control(3));
    QVERIFY(r.run.results);
    QVERIFY(std::isnan(r.at(QStringLiteral("bad"), 0)));
    QVERIFY(r.run.firstNonFinite);
    QVERIFY2(r.run.firstNonFinite->format().contains(QStringLiteral("m.mdl:2:")), qPrintable(r.run.firstNonFinite->format()));
    // A lookup that falls below 0 draws no density, and neither does a Weibull of shape 0.
    for (const char *equation : {"RANDOM LOOKUP(dips, 0, 10, 0, 1, 0)", "RANDOM WEIBULL(0, 10, 0, 0, 1, 0)"}) {
        const MdlRun bad = runMdl(QStringLiteral("dips((0,1),(1,-1),(2,1)) ~ ~ |\nbad = %1 ~ ~ |\n").arg(QLatin1String(equation)),
                                  control(3));
        QVERIFY2(bad.run.results, qPrintable(bad.messages.join(u'\n')));
        QVERIFY2(std::isnan(bad.at(QStringLiteral("bad"), 0)), equation);
    }
    // RANDOM LOOKUP's first argument must be a lookup: an error at it, not a draw.
    const MdlRun noTable = runMdl(QStringLiteral("c = 1 ~ ~ |\nbad = RANDOM LOOKUP(c, 0, 10, 0, 1, 0) ~ ~ |\n"), control(3));
    QVERIFY(!noTable.run.results);
    QVERIFY2(noTable.messages.join(u'\n').contains(QStringLiteral("RANDOM LOOKUP needs a graphical function as its first argument")),
             qPrintable(noTable.messages.join(u'\n')));
}

QTEST_APPLESS_MAIN(TestVensimRandom)
#include "test_vensim_random.moc"

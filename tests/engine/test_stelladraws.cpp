// Stella's random builtins (solver/flatten/stelladraws.cpp), run in small XMILE models: each
// distribution's mean and standard deviation over many draws against the ones its
// parameters give (worked beside each row), the optional seed, min and max of Stella 2, and
// what is said or refused.
#include "support/inlinemodel.h"

#include <QtTest>
#include <cmath>
#include <limits>

using namespace meadows;
using namespace meadows::test;

class TestStellaDraws : public QObject {
    Q_OBJECT
private slots:
    void momentsOfEachDistribution_data();
    void momentsOfEachDistribution();
    void probabilityOutsideZeroToOneIsOne();
    void seedRepeatsAndNanIsNoBound();
    void montecarloIsAPercentagePerUnitTime();
    void sampleIntervalIsRefused();
    void readingsIseeDoesNotGiveAreSaid();
    void nanSeedFollowsTheRunSeed();
    void impossibleParametersAreNaN();
    void tableNamedLikeABuiltinIsTheTable();
};

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kSteps = 40000; // draws 0..40000

} // namespace

// Columns: the equation; its distribution's mean and standard deviation; the least value it
// may take (-Inf: none); whether it draws whole numbers. The sample of 40,001 draws (fixed by
// the run seed, so always the same) must have its mean within five standard errors
// (sd / sqrt(40001), 0.5 % of sd) and its standard deviation within 5 % (about 3 to 10 of its
// own standard errors, by the distribution's kurtosis). A reading of the wrong parameters
// (a rate for a scale, the logarithm's mean for the mean, failures for trials) moves one of
// them by far more.
void TestStellaDraws::momentsOfEachDistribution_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("sd");
    QTest::addColumn<double>("least");
    QTest::addColumn<bool>("whole");
    const double inf = std::numeric_limits<double>::infinity();
    // XMILE's "LOGNORMAL(10, 1) ... with mean 10 and standard deviation 1"
    QTest::newRow("lognormal") << "LOGNORMAL(10, 1)" << 10.0 << 1.0 << 0.0 << false;
    // shape k = 0.5, scale 2: mean k * scale = 1, variance k * scale^2 = 2 (a shape below 1,
    // which Vensim's RANDOM GAMMA would raise to 1, giving mean 2)
    QTest::newRow("gamma") << "GAMMA(0.5, 2)" << 1.0 << std::sqrt(2.0) << 0.0 << false;
    // shape 2, scale 3: mean 3 Gamma(1.5) = 2.6586808, variance 9 (Gamma(2) - Gamma(1.5)^2),
    // sd 1.3897541
    QTest::newRow("weibull") << "WEIBULL(2, 3)" << 2.658680776358274 << 1.3897541255283126 << 0.0 << false;
    // alpha 2, beta 3: mean 2 / 5 = 0.4, variance 2 * 3 / (5^2 * 6) = 0.04
    QTest::newRow("beta") << "BETA(2, 3)" << 0.4 << 0.2 << 0.0 << false;
    // 10 trials of 0.3: mean 3, variance 10 * 0.3 * 0.7 = 2.1
    QTest::newRow("binomial") << "BINOMIAL(10, 0.3)" << 3.0 << std::sqrt(2.1) << 0.0 << true;
    // failures before the 3rd success of 0.5: mean 3 * 0.5 / 0.5 = 3, variance 3 * 0.5 / 0.25 = 6
    QTest::newRow("negbinomial") << "NEGBINOMIAL(3, 0.5)" << 3.0 << std::sqrt(6.0) << 0.0 << true;
    // trials up to the first success of 0.25: mean 1 / 0.25 = 4, variance 0.75 / 0.0625 = 12
    QTest::newRow("geometric") << "GEOMETRIC(0.25)" << 4.0 << std::sqrt(12.0) << 1.0 << true;
    // between 0 and 4, peak at 1: mean 5 / 3, variance (0 + 1 + 16 - 0 - 0 - 4) / 18 = 13 / 18
    QTest::newRow("triangular") << "TRIANGULAR(0, 1, 4)" << 5.0 / 3 << 0.8498365855987975 << 0.0 << false;
    // shape 10 from scale 2: mean 10 * 2 / 9, variance 4 * 10 / (9^2 * 8) (a Lomax reading
    // would start at 0 and have mean 2 / 9)
    QTest::newRow("pareto") << "PARETO(10, 2)" << 20.0 / 9 << 0.24845199749997662 << 2.0 << false;
    // mean 1, scale 2: variance 4 pi^2 / 3
    QTest::newRow("logistic") << "LOGISTIC(1, 2)" << 1.0 << 3.6275987284684357 << -inf << false;
    // N(5, 2) cut to [4, 6], half a standard deviation either side: mean 5 by symmetry,
    // variance 4 (1 - 2 * 0.5 phi(0.5) / (Phi(0.5) - Phi(-0.5))) = 0.3223567, sd 0.5677646
    QTest::newRow("normal within min and max") << "NORMAL(5, 2, 0, 4, 6)" << 5.0 << 0.5677645800886548 << 4.0 << false;
    // Exp of mean 2 cut to [1, 3]: memoryless, so 1 + the mean of Exp(2) cut to [0, 2],
    // 2 - 2 e^-1 / (1 - e^-1) = 0.8360466
    QTest::newRow("exprnd within min and max") << "EXPRND(2, 0, 1, 3)" << 1.836046586261347 << kNone << 1.0 << false;
}

void TestStellaDraws::momentsOfEachDistribution()
{
    QFETCH(QString, equation);
    QFETCH(double, mean);
    QFETCH(double, sd);
    QFETCH(double, least);
    QFETCH(bool, whole);
    const auto r = simulateText(xmile(aux(QStringLiteral("x"), equation), specs(0, double(kSteps), 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    double sum = 0, squares = 0;
    for (std::size_t row = 0; row <= kSteps; ++row) {
        const double x = r.value(QStringLiteral("x"), row);
        QVERIFY2(x >= least && (!whole || std::floor(x) == x), qPrintable(QStringLiteral("%1 at row %2").arg(x).arg(row)));
        sum += x;
        squares += x * x;
    }
    const double n = double(kSteps + 1), m = sum / n, s = std::sqrt((squares - n * m * m) / (n - 1));
    const double spread = std::isnan(sd) ? std::sqrt(squares / n - m * m) : sd;
    QVERIFY2(std::fabs(m - mean) < 5 * spread / std::sqrt(n), qPrintable(QStringLiteral("mean %1, not %2").arg(m).arg(mean)));
    if (!std::isnan(sd))
        QVERIFY2(std::fabs(s / sd - 1) < 0.05, qPrintable(QStringLiteral("sd %1, not %2").arg(s).arg(sd)));
}

// isee's help: "The success probability should be a number between 0 and 1 (numbers outside
// the range are set to 1)": 10 trials of probability 1 succeed 10 times, of 1.5 or -1 too.
void TestStellaDraws::probabilityOutsideZeroToOneIsOne()
{
    QCOMPARE(mismatchAlone(QStringLiteral("BINOMIAL(10, 1.5)"), 10), QString());
    QCOMPARE(mismatchAlone(QStringLiteral("BINOMIAL(10, -1)"), 10), QString());
}

// A seed gives a call the same numbers whatever the run's seed; a NAN minimum or maximum is
// none (NORMAL(0, 1, 7, NAN, NAN) draws below -1 and above 1 too), and given ones hold.
void TestStellaDraws::seedRepeatsAndNanIsNoBound()
{
    const QString vars = aux(QStringLiteral("seeded"), QStringLiteral("LOGNORMAL(3, 2, 7)"))
                         + aux(QStringLiteral("open"), QStringLiteral("NORMAL(0, 1, 7, NAN, NAN)"))
                         + aux(QStringLiteral("cut"), QStringLiteral("LOGISTIC(0, 1, 0, -1, 1)"));
    const auto r = simulateText(xmile(vars, specs(0, 1000, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    RunOptions other;
    other.seed = 12345;
    const auto again = simulateText(xmile(vars, specs(0, 1000, 1)), {}, other);
    QVERIFY2(again.run.results, qPrintable(again.firstError()));
    bool below = false, above = false;
    for (std::size_t row = 0; row <= 1000; ++row) {
        QCOMPARE(again.value(QStringLiteral("seeded"), row), r.value(QStringLiteral("seeded"), row));
        below = below || r.value(QStringLiteral("open"), row) < -1;
        above = above || r.value(QStringLiteral("open"), row) > 1;
        const double cut = r.value(QStringLiteral("cut"), row);
        QVERIFY2(cut >= -1 && cut <= 1, qPrintable(QString::number(cut)));
    }
    QVERIFY(below && above); // each has a chance of 0.16 a draw: over 1001 draws, certain
    QVERIFY(again.value(QStringLiteral("cut"), 5) != r.value(QStringLiteral("cut"), 5)); // seed 0: the run's
}

// MONTECARLO(p): 1 with a chance of p * DT / 100 in each DT. At DT 0.25, MONTECARLO(20) is 1
// in 5 % of the steps (sd of the share over 40,001 steps sqrt(0.05 * 0.95 / 40001) = 0.0011);
// MONTECARLO(400) at DT 0.25 is always 1, MONTECARLO(0) never.
void TestStellaDraws::montecarloIsAPercentagePerUnitTime()
{
    const QString vars = aux(QStringLiteral("m"), QStringLiteral("MONTECARLO(20)")) + aux(QStringLiteral("always"), QStringLiteral("MONTECARLO(400)"))
                         + aux(QStringLiteral("never"), QStringLiteral("MONTECARLO(0)"));
    const auto r = simulateText(xmile(vars, specs(0, 10000, 0.25)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    double ones = 0;
    for (std::size_t row = 0; row <= kSteps; ++row) {
        const double m = r.value(QStringLiteral("m"), row);
        QVERIFY(m == 0 || m == 1);
        ones += m;
        QCOMPARE(r.value(QStringLiteral("always"), row), 1.0);
        QCOMPARE(r.value(QStringLiteral("never"), row), 0.0);
    }
    QVERIFY2(std::fabs(ones / double(kSteps + 1) - 0.05) < 0.0055, qPrintable(QString::number(ones / double(kSteps + 1))));
}

// Holding a value for <sample> time units is not supported: a run needing it stops with an
// error that names it; a NAN there is none, and one DT or less is every DT: both run.
void TestStellaDraws::sampleIntervalIsRefused()
{
    const auto held = simulateText(xmile(aux(QStringLiteral("x"), QStringLiteral("NORMAL(0, 1, 3, NAN, NAN, 2)"))));
    QVERIFY(!held.run.results);
    QVERIFY2(held.firstError().contains(QLatin1String("NORMAL's sample interval")), qPrintable(held.firstError()));
    const auto none = simulateText(xmile(aux(QStringLiteral("x"), QStringLiteral("NORMAL(0, 1, 3, NAN, NAN, NAN)"))));
    QVERIFY2(none.run.results, qPrintable(none.firstError()));
    // a sample of one DT (the default specs' DT is 1) is every DT
    const auto everyDt = simulateText(xmile(aux(QStringLiteral("x"), QStringLiteral("NORMAL(0, 1, 3, NAN, NAN, 1)")), specs(0, 2, 1)));
    QVERIFY2(everyDt.run.results, qPrintable(everyDt.firstError()));
}

// Where isee's help gives no formula, the reading chosen is said at the call, once for the
// variable; where it does (GAMMA's shape and scale), nothing is.
void TestStellaDraws::readingsIseeDoesNotGiveAreSaid()
{
    const struct {
        const char *equation, *said;
    } cases[] = {{"NEGBINOMIAL(3, 0.5) + NEGBINOMIAL(2, 0.5)", "failures before"},
                 {"GEOMETRIC(0.5)", "trials up to and including"},
                 {"PARETO(3, 1)", "classical Pareto"},
                 {"LOGNORMAL(3, 1)", "the distribution's own"}};
    for (const auto &c : cases) {
        const auto r = simulateText(xmile(aux(QStringLiteral("x"), QString::fromLatin1(c.equation))));
        QVERIFY2(r.run.results, qPrintable(r.firstError()));
        QCOMPARE(onlySaid(r, QString::fromLatin1(c.said)), QString());
    }
    const auto gamma = simulateText(xmile(aux(QStringLiteral("x"), QStringLiteral("GAMMA(2, 1)"))));
    QVERIFY(formatted(gamma.compiled.diagnostics).isEmpty());
}

// isee's help (v2, v3): a blank or NAN seed gives different values in each run. A NAN seed
// follows the run's seed as a seed left out does: two run seeds, two series (each draw of
// N(0, 1) equal in both runs has probability 0).
void TestStellaDraws::nanSeedFollowsTheRunSeed()
{
    const QString vars = aux(QStringLiteral("a"), QStringLiteral("NORMAL(0, 1, NAN)")) + aux(QStringLiteral("b"), QStringLiteral("NORMAL(0, 1, NAN, -5, 5)"));
    const auto one = simulateText(xmile(vars, specs(0, 3, 1)));
    RunOptions other;
    other.seed = 12345;
    const auto two = simulateText(xmile(vars, specs(0, 3, 1)), {}, other);
    QVERIFY2(one.run.results && two.run.results, qPrintable(one.firstError()));
    for (const char *v : {"a", "b"})
        QVERIFY(one.value(QString::fromLatin1(v), 2) != two.value(QString::fromLatin1(v), 2));
}

// A negative mean or scale, or standard deviation, describes no distribution: NaN, which the
// run reports (EXPRND(-2) drew 0 before Stella's min and max were read).
void TestStellaDraws::impossibleParametersAreNaN()
{
    for (const char *equation : {"EXPRND(-2)", "GAMMA(2, -1)", "WEIBULL(2, -1)", "LOGNORMAL(10, -1)", "PARETO(0, 1)"}) {
        const auto r = simulateText(xmile(aux(QStringLiteral("x"), QString::fromLatin1(equation)), specs(0, 1, 1)));
        QVERIFY2(r.run.results, qPrintable(r.firstError()));
        QVERIFY2(std::isnan(r.value(QStringLiteral("x"), 1)), equation);
    }
}

// A model's own table named like a builtin, called with one input, is the table (a Vensim
// lookup called BETA): beta rises 0, 10, 20 over 0..2, so beta(1.5) = 15.
void TestStellaDraws::tableNamedLikeABuiltinIsTheTable()
{
    const QString vars = QStringLiteral("<gf name=\"beta\"><xscale min=\"0\" max=\"2\"/><ypts>0,10,20</ypts></gf>")
                         + aux(QStringLiteral("y"), QStringLiteral("beta(1.5)"));
    const auto r = simulateText(xmile(vars, specs(0, 1, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("y"), 0), 15.0);
}

QTEST_GUILESS_MAIN(TestStellaDraws)
#include "test_stelladraws.moc"

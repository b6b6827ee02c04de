// Stella's builtins SINWAVE, COSWAVE, COUNTER, PCT, LOGN, LOOKUPINV, FV, PV, PMT, DERIVN,
// ENDVAL, FACTORIAL, COMBINATIONS, PERMUTATIONS, GAMMALN, EXPRND, POISSON, NORMALCDF, INVNORM,
// ROOTN, RUNCOUNT and ISMODULEINPUT, run through the engine in small XMILE models. Each
// expected value is worked by hand in the comment beside it.
#include "support/inlinemodel.h"

#include <QtTest>
#include <cmath>
#include <limits>
#include <vector>

using namespace meadows;
using namespace meadows::test;

class TestStellaBuiltins : public QObject {
    Q_OBJECT
private slots:
    void wavesCountFromTimeZero();
    void waveTooFastForDtIsSaid();
    void counterWraps();
    void percentAndNaturalLog_data();
    void percentAndNaturalLog();
    void countsOfWholeNumbersOnly();
    void financialFunctions_data();
    void financialFunctions();
    void lookupInverse();
    void derivativesByDifferences();
    void endValueIsTheInitialValue();
    void exponentialAndPoissonDraws();
    void normalDistributionAndRoots_data();
    void normalDistributionAndRoots();
    void runCountIsZero();
    void moduleInputIsKnownPerInstance();
    void compoundGrowth();
    void interpolateBetweenElements();
};

namespace {

bool near(double a, double b)
{
    return std::fabs(a - b) <= 1e-12 * std::max(1.0, std::fabs(b));
}

#define EXPECT_NEAR(r, name, row, expected)                                                                   \
    QVERIFY2(near((r).value(QStringLiteral(name), row), expected),                                            \
             qPrintable(QStringLiteral("%1 at row %2: %3, not %4").arg(QStringLiteral(name)).arg(row)          \
                            .arg((r).value(QStringLiteral(name), row), 0, 'g', 17).arg(expected, 0, 'g', 17)))

// `equation` as the one aux of a model run with `simSpecs`: empty when its rows are `expected`
// (as near() reads them), else why not.
QString rowsMismatch(const QString &equation, const QString &simSpecs, const std::vector<double> &expected)
{
    const auto r = simulateText(xmile(aux(QStringLiteral("x"), equation), simSpecs));
    if (!r.run.results)
        return r.firstError();
    for (std::size_t row = 0; row < expected.size(); ++row) {
        const double v = r.value(QStringLiteral("x"), row);
        if (!near(v, expected[row]))
            return QStringLiteral("%1 at row %2: %3, not %4").arg(equation).arg(row).arg(v, 0, 'g', 17).arg(expected[row]);
    }
    return {};
}

} // namespace

// SINWAVE(2, 4) = 2 sin(2 pi t / 4) = 2 sin(pi t / 2): 0, 2, 0, -2 at t = 0..3; COSWAVE(2, 4)
// = 2 cos(pi t / 2): 2, 0, -2, 0. From a start at 1 the phase still counts from TIME = 0:
// SINWAVE(1, 4) at t = 1 is sin(pi / 2) = 1 (it would be 0 counted from the start).
void TestStellaBuiltins::wavesCountFromTimeZero()
{
    QCOMPARE(rowsMismatch(QStringLiteral("SINWAVE(2, 4)"), specs(0, 3, 1), {0, 2, 0, -2}), QString());
    QCOMPARE(rowsMismatch(QStringLiteral("COSWAVE(2, 4)"), specs(0, 3, 1), {2, 0, -2, 0}), QString());
    QCOMPARE(rowsMismatch(QStringLiteral("SINWAVE(1, 4)"), specs(1, 2, 1), {1, 0}), QString());
    const auto late = simulateText(xmile(aux(QStringLiteral("s"), QStringLiteral("SINWAVE(1, 4)")), specs(1, 2, 1)));
    QVERIFY(formatted(late.compiled.diagnostics).isEmpty()); // a period of 4 DT is drawn: nothing said
}

// With DT 1 a period of 2 is two steps: SINWAVE(1, 2) = sin(pi t) is 0 at every step. The value
// stays as defined, and a warning says why the wave is not seen, once for the variable.
void TestStellaBuiltins::waveTooFastForDtIsSaid()
{
    const auto r = simulateText(xmile(aux(QStringLiteral("s"), QStringLiteral("SINWAVE(1, 2) + 2 * SINWAVE(1, 2)")), specs(0, 2, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QVERIFY(std::fabs(r.value(QStringLiteral("s"), 1)) < 1e-12); // 3 sin(pi)
    const QStringList said = formatted(r.compiled.diagnostics);
    QVERIFY2(said.size() == 1
                 && said.front().contains(QLatin1String("warning: SINWAVE's period (2) is not more than two steps of DT (1)")),
             qPrintable(said.join(u'\n')));
}

// COUNTER(0, 3) with DT 1 from 0: 0, 1, 2, then back to 0: 0, 1, 2, 0. COUNTER(1, 2) with DT
// 0.5: 1, 1.5, 1, 1.5, 1. From a start at 5, COUNTER(0, 2) starts at 0 there: 0, 1, 0.
void TestStellaBuiltins::counterWraps()
{
    QCOMPARE(rowsMismatch(QStringLiteral("COUNTER(0, 3)"), specs(0, 7, 1), {0, 1, 2, 0, 1, 2, 0, 1}), QString());
    QCOMPARE(rowsMismatch(QStringLiteral("COUNTER(1, 2)"), specs(0, 2, 0.5), {1, 1.5, 1, 1.5, 1}), QString());
    QCOMPARE(rowsMismatch(QStringLiteral("COUNTER(0, 2)"), specs(5, 7, 1), {0, 1, 0}), QString());
}

void TestStellaBuiltins::percentAndNaturalLog_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<double>("expected");
    QTest::newRow("PCT") << "PCT(0.25)" << 25.0;  // 100 * 0.25
    QTest::newRow("PCT of 1") << "PCT(1)" << 100.0;
    QTest::newRow("LOGN") << "LOGN(EXP(2))" << 2.0; // the natural logarithm
    QTest::newRow("LOGN 1") << "logn(1)" << 0.0;
    QTest::newRow("GAMMALN") << "GAMMALN(4)" << std::log(6.0); // ln Gamma(4) = ln 3!
    QTest::newRow("FACTORIAL") << "FACTORIAL(5)" << 120.0;    // 5 * 4 * 3 * 2 * 1
    QTest::newRow("FACTORIAL 0") << "FACTORIAL(0)" << 1.0;
    QTest::newRow("COMBINATIONS") << "COMBINATIONS(5, 3)" << 10.0; // 5! / (3! 2!), isee's example
    QTest::newRow("COMBINATIONS none") << "COMBINATIONS(3, 5)" << 0.0; // five out of three: no way
    QTest::newRow("PERMUTATIONS") << "PERMUTATIONS(5, 3)" << 60.0;  // 5 * 4 * 3
}

void TestStellaBuiltins::percentAndNaturalLog()
{
    QFETCH(QString, equation);
    QFETCH(double, expected);
    const QString mismatch = mismatchAlone(equation, expected);
    QVERIFY2(mismatch.isEmpty(), qPrintable(equation + QStringLiteral(": ") + mismatch));
}

// A fraction or a negative count has no factorial nor choices in isee's help: NaN, which the run
// reports with the variable and the time (RunResult::firstNonFinite).
void TestStellaBuiltins::countsOfWholeNumbersOnly()
{
    for (const char *equation : {"FACTORIAL(2.5)", "COMBINATIONS(5, -1)", "PERMUTATIONS(4.5, 2)"}) {
        const auto r = simulateText(xmile(aux(QStringLiteral("x"), QString::fromLatin1(equation)), specs(0, 1, 1)));
        QVERIFY2(r.run.results, qPrintable(r.firstError()));
        QVERIFY2(std::isnan(r.value(QStringLiteral("x"), 0)), equation);
        QVERIFY2(r.run.firstNonFinite && r.run.firstNonFinite->message.startsWith(QLatin1String("'x' is NaN at time 0")), equation);
    }
}

// pv (1 + r)^n + pmt annuity + fv = 0, annuity = (1 + r type) ((1 + r)^n - 1) / r, or n at r = 0.
// At r = 0.1, n = 2: (1 + r)^n = 1.21 and ((1 + r)^n - 1) / r = 2.1 (2.31 paid at each start).
void TestStellaBuiltins::financialFunctions_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<double>("expected");
    QTest::newRow("FV") << "FV(0.1, 2, -100)" << 210.0;                        // -(-100 * 2.1)
    QTest::newRow("FV with pv, at starts") << "FV(0.1, 2, -100, -1000, 1)" << 1441.0; // -(-1000 * 1.21 - 100 * 2.31)
    QTest::newRow("FV at no rate") << "FV(0, 5, -10)" << 50.0;                 // -(-10 * 5)
    QTest::newRow("PV") << "PV(0.1, 2, -100)" << 210.0 / 1.21;                 // 100 * 2.1 / 1.21
    QTest::newRow("PV at starts") << "PV(0.1, 2, -100, 0, 1)" << 231.0 / 1.21; // 100 * 2.31 / 1.21
    QTest::newRow("PV with fv") << "PV(0.1, 2, 0, 121)" << -100.0;             // -121 / 1.21
    QTest::newRow("PMT") << "PMT(0.1, 2, 1000)" << -1210.0 / 2.1;              // -(1000 * 1.21) / 2.1
    QTest::newRow("PMT at no rate") << "PMT(0, 4, 100)" << -25.0;              // -(100 + 0) / 4
    QTest::newRow("PMT to a future value") << "PMT(0.1, 2, 0, -210)" << 100.0;  // 210 / 2.1
    // A rate that is 0 but for rounding (5.6e-17) is the limit at 0, not 0 or Inf (a tester
    // found PV and FV 0 and PMT -Inf, from (1 + r)^n - 1 rounding to 0)
    QTest::newRow("PV at a rounding's rate") << "PV(0.1 + 0.2 - 0.3, 10, -100)" << 1000.0;
    QTest::newRow("FV at a rounding's rate") << "FV(0.1 + 0.2 - 0.3, 10, -100)" << 1000.0;
    QTest::newRow("PMT at a rounding's rate") << "PMT(0.1 + 0.2 - 0.3, 10, 1000)" << -100.0;
}

void TestStellaBuiltins::financialFunctions()
{
    QFETCH(QString, equation);
    QFETCH(double, expected);
    const auto r = simulateText(xmile(aux(QStringLiteral("x"), equation), specs(0, 1, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    EXPECT_NEAR(r, "x", 0, expected);
}

// g: x 0, 1, 2, y 0, 2, 2 (it rises, then stays flat). hill: y 0, 2, 0. line: y 0, 1, 2,
// extrapolated.
void TestStellaBuiltins::lookupInverse()
{
    const auto gf = [](const QString &name, const QString &ys, const QString &type) {
        return QStringLiteral("<aux name=\"%1\"><eqn>TIME</eqn><gf%3><xscale min=\"0\" max=\"2\"/><yscale min=\"0\" max=\"2\"/>"
                              "<ypts>%2</ypts></gf></aux>")
            .arg(name, ys, type.isEmpty() ? QString() : QStringLiteral(" type=\"%1\"").arg(type));
    };
    const QString vars = gf(QStringLiteral("g"), QStringLiteral("0,2,2"), {}) + gf(QStringLiteral("hill"), QStringLiteral("0,2,0"), {})
                         + gf(QStringLiteral("line"), QStringLiteral("0,1,2"), QStringLiteral("extrapolate"))
                         + gf(QStringLiteral("held"), QStringLiteral("0,1,2"), {})
                         + aux(QStringLiteral("inside"), QStringLiteral("LOOKUPINV(g, 1)"))       // halfway up 0..2 over 0..1: 0.5
                         + aux(QStringLiteral("flat"), QStringLiteral("LOOKUPINV(g, 2)"))         // the first x at 2: 1
                         + aux(QStringLiteral("above"), QStringLiteral("LOOKUPINV(g, 3)"))        // beyond, the nearer end (y 2): x 2
                         + aux(QStringLiteral("below"), QStringLiteral("LOOKUPINV(g, -1)"))       // the nearer end (y 0): x 0
                         + aux(QStringLiteral("first of two"), QStringLiteral("LOOKUPINV(hill, 1)")) // 0.5 and 1.5: the first
                         + aux(QStringLiteral("extrapolated"), QStringLiteral("LOOKUPINV(line, 3)")) // y = x continues: 3
                         + aux(QStringLiteral("extrapolated below"), QStringLiteral("LOOKUPINV(line, -0.5)")) // -0.5
                         + aux(QStringLiteral("held end"), QStringLiteral("LOOKUPINV(held, 3)")) // not extrapolated: 2
                         // An infinite y is nearest the end on its side (both are infinitely far): 2
                         + aux(QStringLiteral("infinite"), QStringLiteral("LOOKUPINV(held, 1e308 * 10)"));
    const auto r = simulateText(xmile(vars, specs(0, 1, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    EXPECT_NEAR(r, "inside", 0, 0.5);
    EXPECT_NEAR(r, "flat", 0, 1.0);
    EXPECT_NEAR(r, "above", 0, 2.0);
    EXPECT_NEAR(r, "below", 0, 0.0);
    EXPECT_NEAR(r, "first of two", 0, 0.5);
    EXPECT_NEAR(r, "extrapolated", 0, 3.0);
    EXPECT_NEAR(r, "extrapolated below", 0, -0.5);
    EXPECT_NEAR(r, "held end", 0, 2.0);
    EXPECT_NEAR(r, "infinite", 0, 2.0);
}

// Of TIME^2 with DT 1: the first difference t^2 - (t - 1)^2 = 2t - 1 from t = 1 (0 at the
// start, with no past): 0, 1, 3, 5, 7; the second, its difference, 2 from t = 2 (0 over the
// first two steps): 0, 0, 2, 2, 2. With DT 0.5 the first is (t^2 - (t - 0.5)^2) / 0.5 = 2t - 0.5
// from t = 0.5: 0, 0.5, 1.5, 2.5, 3.5.
void TestStellaBuiltins::derivativesByDifferences()
{
    QCOMPARE(rowsMismatch(QStringLiteral("DERIVN(TIME^2, 1)"), specs(0, 4, 1), {0, 1, 3, 5, 7}), QString());
    QCOMPARE(rowsMismatch(QStringLiteral("DERIVN(TIME^2, 2)"), specs(0, 4, 1), {0, 0, 2, 2, 2}), QString());
    QCOMPARE(rowsMismatch(QStringLiteral("DERIVN(TIME^2, 1)"), specs(0, 2, 0.5), {0, 0.5, 1.5, 2.5, 3.5}), QString());
    const auto bad = simulateText(xmile(aux(QStringLiteral("d"), QStringLiteral("DERIVN(TIME, 0.5)")), specs(0, 1, 1)));
    QVERIFY(!bad.run.results);
    QVERIFY2(bad.firstError().contains(QLatin1String("the order of DERIVN must be a whole number from 1 to 1000")),
             qPrintable(bad.firstError()));
}

// A headless run is the first of its session: ENDVAL(x, 7) is 7 throughout; without an initial
// value, the input's own initial value (x = 3 + TIME: 3); Stella's run counter
// ENDVAL(SELF, -1) + 1 is 0. Each variable is told, once, that no run's end is carried over.
void TestStellaBuiltins::endValueIsTheInitialValue()
{
    const QString vars = aux(QStringLiteral("x"), QStringLiteral("3 + TIME"))
                         + aux(QStringLiteral("given"), QStringLiteral("ENDVAL(x, 7)"))
                         + aux(QStringLiteral("own"), QStringLiteral("ENDVAL(x) + ENDVAL(x)"))
                         + aux(QStringLiteral("runs"), QStringLiteral("ENDVAL(SELF, -1) + 1"));
    const auto r = simulateText(xmile(vars, specs(0, 2, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    for (std::size_t t = 0; t < 3; ++t) {
        EXPECT_NEAR(r, "given", t, 7.0);
        EXPECT_NEAR(r, "own", t, 6.0);
        EXPECT_NEAR(r, "runs", t, 0.0);
    }
    const QStringList said = formatted(r.compiled.diagnostics);
    QVERIFY2(said.size() == 3, qPrintable(said.join(u'\n')));
    for (const QString &s : said)
        QVERIFY2(s.contains(QLatin1String("warning: ENDVAL gives its initial value in every run")), qPrintable(s));
}

// EXPRND(2) draws exponential numbers of mean 2, POISSON(3) whole numbers of mean 3, a new one
// each step. Over 4001 steps the means of such draws have standard deviations 2 / sqrt(4001)
// = 0.032 and sqrt(3 / 4001) = 0.027: within 0.15 is more than four of them (the generator is
// fixed by the seed, call site and step, so this run's draws are always the same). With the
// seed 7 given, a second run with another run seed draws the same numbers.
void TestStellaBuiltins::exponentialAndPoissonDraws()
{
    const QString vars = aux(QStringLiteral("e"), QStringLiteral("EXPRND(2)")) + aux(QStringLiteral("p"), QStringLiteral("POISSON(3)"))
                         + aux(QStringLiteral("seeded"), QStringLiteral("EXPRND(2, 7)"));
    const auto r = simulateText(xmile(vars, specs(0, 4000, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    double e = 0, p = 0;
    for (std::size_t row = 0; row <= 4000; ++row) {
        const double x = r.value(QStringLiteral("e"), row), k = r.value(QStringLiteral("p"), row);
        QVERIFY(x >= 0 && k >= 0 && std::floor(k) == k);
        e += x;
        p += k;
    }
    QVERIFY2(std::fabs(e / 4001 - 2) < 0.15, qPrintable(QString::number(e / 4001)));
    QVERIFY2(std::fabs(p / 4001 - 3) < 0.15, qPrintable(QString::number(p / 4001)));
    RunOptions other;
    other.seed = 12345;
    const auto again = simulateText(xmile(vars, specs(0, 4000, 1)), {}, other);
    QVERIFY2(again.run.results, qPrintable(again.firstError()));
    QCOMPARE(again.value(QStringLiteral("seeded"), 10), r.value(QStringLiteral("seeded"), 10));
    QVERIFY(again.value(QStringLiteral("e"), 10) != r.value(QStringLiteral("e"), 10)); // unseeded: the run's seed
}

// NORMALCDF(left, right [, mean, sd]) = Phi((right - mean) / sd) - Phi((left - mean) / sd),
// with Phi(x) = erfc(-x / sqrt 2) / 2; INVNORM its inverse; ROOTN the real root. Values from
// erfc and the normal quantile to 16 digits (Python's math and statistics).
void TestStellaBuiltins::normalDistributionAndRoots_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<double>("expected");
    const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("normalcdf half") << "NORMALCDF(-99, 0)" << 0.5;                  // Phi(0) - Phi(-99), the latter 1e-2000
    QTest::newRow("normalcdf one sd") << "NORMALCDF(-1, 1)" << 0.6826894921370859;  // erf(1 / sqrt 2)
    QTest::newRow("normalcdf mean and sd") << "NORMALCDF(1, 2, 1, 1)" << 0.3413447460685429; // Phi(1) - Phi(0)
    QTest::newRow("normalcdf upper tail") << "NORMALCDF(3, 4)" << 0.0013182267897969757; // Q(3) - Q(4), Q = 1 - Phi
    QTest::newRow("normalcdf reversed") << "NORMALCDF(1, -1)" << -0.6826894921370859;
    QTest::newRow("normalcdf sd 0") << "NORMALCDF(1, 2, 0, 0)" << nan;
    QTest::newRow("invnorm") << "INVNORM(0.975)" << 1.9599639845400536;
    QTest::newRow("invnorm mean and sd") << "INVNORM(0.5, 10, 2)" << 10.0;
    QTest::newRow("invnorm 0") << "INVNORM(0)" << -inf;
    QTest::newRow("invnorm 1") << "INVNORM(1)" << inf;
    QTest::newRow("invnorm outside") << "INVNORM(1.5)" << nan;
    QTest::newRow("rootn odd of negative") << "ROOTN(-27, 3)" << -3.0;
    QTest::newRow("rootn square") << "ROOTN(144, 2)" << 12.0;
    QTest::newRow("rootn rounds n") << "ROOTN(8, 2.9)" << 2.0;
    QTest::newRow("rootn even of negative") << "ROOTN(-16, 2)" << nan;
    QTest::newRow("rootn 0") << "ROOTN(16, 0)" << nan;
}

void TestStellaBuiltins::normalDistributionAndRoots()
{
    QFETCH(QString, equation);
    QFETCH(double, expected);
    const auto r = simulateText(xmile(aux(QStringLiteral("x"), equation), specs(0, 0, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    if (std::isnan(expected)) { // the run reports the NaN, at x
        QVERIFY(std::isnan(r.value(QStringLiteral("x"), 0)));
        return;
    }
    if (std::isinf(expected))
        QCOMPARE(r.value(QStringLiteral("x"), 0), expected);
    else
        EXPECT_NEAR(r, "x", 0, expected);
}

// RUNCOUNT: "the number of complete runs prior to the current run" (isee's help, v3): 0 in a
// headless run, the first of its session; said, as the editor's reruns are read so too.
void TestStellaBuiltins::runCountIsZero()
{
    const auto r = simulateText(xmile(aux(QStringLiteral("x"), QStringLiteral("RUNCOUNT + 1")), specs(0, 1, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("x"), 1), 1.0);
    QCOMPARE(onlySaid(r, QStringLiteral("RUNCOUNT is 0 in every run")), QString());
}

// ISMODULEINPUT(gain) in two instances of one module: 1 in `wired`, whose gain the main
// model's speed (2) feeds, 0 in `loose`, which keeps gain's own 5; so the fallback IF
// ISMODULEINPUT(gain) THEN gain ELSE 7 is 2 and 7. The main model has no inputs: 0.
void TestStellaBuiltins::moduleInputIsKnownPerInstance()
{
    const QString inner = QStringLiteral(
        "<model name=\"inner\"><variables>"
        "<aux name=\"gain\" access=\"input\"><eqn>5</eqn></aux>"
        "<aux name=\"fed\" access=\"output\"><eqn>ISMODULEINPUT(gain)</eqn></aux>"
        "<aux name=\"used\" access=\"output\"><eqn>IF ISMODULEINPUT(gain) THEN gain ELSE 7</eqn></aux>"
        "</variables></model>");
    const QByteArray text = QStringLiteral(
        "<xmile version=\"1.0\"><header/><sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>"
        "<model><variables><aux name=\"speed\"><eqn>2</eqn></aux>"
        "<module name=\"wired\" model=\"inner\"><connect to=\"gain\" from=\".speed\"/></module>"
        "<module name=\"loose\" model=\"inner\"/>"
        "<aux name=\"top\"><eqn>ISMODULEINPUT(speed)</eqn></aux></variables></model>%1</xmile>").arg(inner).toUtf8();
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("wired.fed"), 1), 1.0);
    QCOMPARE(r.at(QStringLiteral("loose.fed"), 1), 0.0);
    QCOMPARE(r.at(QStringLiteral("wired.used"), 1), 2.0);
    QCOMPARE(r.at(QStringLiteral("loose.used"), 1), 7.0);
    QCOMPARE(r.at(QStringLiteral("top"), 1), 0.0);
    const auto bad = simulateText(xmile(aux(QStringLiteral("x"), QStringLiteral("ISMODULEINPUT(2 + 3)"))));
    QVERIFY(!bad.run.results);
    QVERIFY2(bad.firstError().contains(QLatin1String("takes the name of one of this model's variables")), qPrintable(bad.firstError()));
}

// CGROWTH(10) at DT 1/4 is (1.1^(1/4) - 1) * 4 = 0.0964547563...: a stock growing at it every
// DT grows by 10 % each time unit, 100 * 1.1^t at whole times (bptk_py's test_cgrowth, from
// Stella's results), 146.41 at 4. At DT 1 it is the 10 % itself.
void TestStellaBuiltins::compoundGrowth()
{
    const QString vars = aux(QStringLiteral("g"), QStringLiteral("CGROWTH(10)"))
                         + stock(QStringLiteral("s"), QStringLiteral("100"), QStringLiteral("grow"))
                         + flow(QStringLiteral("grow"), QStringLiteral("s * g"));
    const auto r = simulateText(xmile(vars, specs(0, 4, 0.25)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    EXPECT_NEAR(r, "g", 0, (std::pow(1.1, 0.25) - 1) * 4);
    QVERIFY(std::fabs(r.at(QStringLiteral("s"), 4) - 146.41) < 1e-9);
    const auto unit = simulateText(xmile(aux(QStringLiteral("g"), QStringLiteral("CGROWTH(10)")), specs(0, 1, 1)));
    EXPECT_NEAR(unit, "g", 0, 0.1);
}

// INTERPOLATE(v, f) with v = 10, 15, 20: position f * 2 between the elements, 0.75 -> 1.5,
// halfway from 15 to 20: 17.5 (bptk_py's test_interpolate); 0 -> 10, 1 -> 20, 2 -> the end, 20.
// m[R, K] = 1, 1 / 2, 2 / 3, 3 (rows R, K of 2): INTERPOLATE(m, 0.75, 0.5) = 2.5. Over a 2 x 2
// grid q = 0, 10 / 20, 40: at (0.5, 0.5) the mean of the corners, 17.5; with TIME / 4 for
// both at time 2, the same.
void TestStellaBuiltins::interpolateBetweenElements()
{
    const QString dims = QStringLiteral("<dimensions><dim name=\"R\" size=\"3\"/><dim name=\"K\" size=\"2\"/>"
                                        "<dim name=\"T\" size=\"2\"/></dimensions>");
    const QString vars = QStringLiteral(
        "<aux name=\"v\"><dimensions><dim name=\"R\"/></dimensions><eqn>10, 15, 20</eqn></aux>"
        "<aux name=\"m\"><dimensions><dim name=\"R\"/><dim name=\"K\"/></dimensions><eqn>1, 1, 2, 2, 3, 3</eqn></aux>"
        "<aux name=\"q\"><dimensions><dim name=\"T\"/><dim name=\"K\"/></dimensions><eqn>0, 10, 20, 40</eqn></aux>")
        + aux(QStringLiteral("three quarters"), QStringLiteral("INTERPOLATE(v, 0.75)"))
        + aux(QStringLiteral("first"), QStringLiteral("INTERPOLATE(v, 0)"))
        + aux(QStringLiteral("last"), QStringLiteral("INTERPOLATE(v, 1)"))
        + aux(QStringLiteral("beyond"), QStringLiteral("INTERPOLATE(v, 2)"))
        + aux(QStringLiteral("rows"), QStringLiteral("INTERPOLATE(m, 0.75, 0.5)"))
        + aux(QStringLiteral("centre"), QStringLiteral("INTERPOLATE(q, 0.5, 0.5)"))
        + aux(QStringLiteral("moving"), QStringLiteral("INTERPOLATE(q, TIME / 4, TIME / 4)"));
    const auto r = simulateText(xmile(vars, specs(0, 2, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    EXPECT_NEAR(r, "three quarters", 0, 17.5);
    EXPECT_NEAR(r, "first", 0, 10);
    EXPECT_NEAR(r, "last", 0, 20);
    EXPECT_NEAR(r, "beyond", 0, 20);
    EXPECT_NEAR(r, "rows", 0, 2.5);
    EXPECT_NEAR(r, "centre", 0, 17.5);
    EXPECT_NEAR(r, "moving", 0, 0);
    EXPECT_NEAR(r, "moving", 2, 17.5);
    const auto wrong = simulateText(xmile(QStringLiteral("<aux name=\"v\"><dimensions><dim name=\"R\"/></dimensions><eqn>10, 15, 20</eqn></aux>")
                                              + aux(QStringLiteral("x"), QStringLiteral("INTERPOLATE(v, 0.5, 0.5)")),
                                          specs(0, 1, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(wrong.firstError().contains(QLatin1String("INTERPOLATE of 'v' needs a fraction for each of its 1 dimension(s), not 2")),
             qPrintable(wrong.firstError()));
}

QTEST_GUILESS_MAIN(TestStellaBuiltins)
#include "test_stellabuiltins.moc"

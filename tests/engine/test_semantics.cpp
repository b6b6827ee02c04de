// The XMILE language's semantics, each against values computed by hand.
#include "support/inlinemodel.h"

#include "solver/analysis/expreval.h"
#include "solver/parser.h"

#include <QtTest>
#include <cmath>
#include <limits>

using namespace meadows;
using test::simulateText;
using test::xmile;
using namespace meadows::test;

namespace {
const QString kDims = QStringLiteral(
    "<dimensions><dim name=\"Region\"><elem name=\"North\"/><elem name=\"South\"/><elem name=\"East\"/></dim>"
    "<dim name=\"Kind\"><elem name=\"a\"/><elem name=\"b\"/></dim>"
    "<dim name=\"Coastal\"><elem name=\"South\"/><elem name=\"East\"/></dim>"
    "<dim name=\"Slot\" size=\"4\"/></dimensions>");
QString arrayed(const QString &tag, const QString &name, const QStringList &dims, const QString &eqn)
{
    QString d;
    for (const QString &x : dims)
        d += QStringLiteral("<dim name=\"%1\"/>").arg(x);
    return QStringLiteral("<%1 name=\"%2\"><dimensions>%3</dimensions><eqn>%4</eqn></%1>").arg(tag, name, d, eqn.toHtmlEscaped());
}
} // namespace

class TestSemantics : public QObject {
    Q_OBJECT
private slots:
    void mathBuiltins_data();
    void mathBuiltins();
    void infinityAndNanPassThrough();
    void stepRampPulse();
    void pulseKeepsVensimMeaningInVensimFiles();
    void smoothsAreFirstOrderStages();
    void materialDelays();
    void pipelineDelayPreviousHistory();
    void historyAsStellaDefinesIt();
    void historyUnderAdaptiveStepsKeepsEveryDt();
    void initTrendForecast();
    void randomIsReproducible();
    void graphicalFunctionKinds();
    void nonNegativeStockServesOutflowsInOrder();
    void uniflowNeverNegative();
    void arraysApplyToAllAndReductions();
    void arraysTransposedIndividualAndSubranges();
    void nestedModules();
    void errorsHavePositions_data();
    void errorsHavePositions();
};

void TestSemantics::mathBuiltins_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<double>("expected");
    QTest::newRow("INT floors") << "INT(-2.5)" << -3.0;
    QTest::newRow("INT positive") << "INT(2.7)" << 2.0;
    QTest::newRow("ROUND half away") << "ROUND(2.5)" << 3.0;
    QTest::newRow("MOD") << "MOD(7, 3)" << 1.0;
    QTest::newRow("MOD floored") << "MOD(-7, 3)" << 2.0;
    QTest::newRow("mod operator") << "-7 MOD 3" << 2.0;
    QTest::newRow("mod sign of divisor") << "7 MOD -3" << -2.0;
    QTest::newRow("SIN") << "SIN(PI/2)" << 1.0;
    QTest::newRow("COS") << "COS(0)" << 1.0;
    QTest::newRow("TAN") << "TAN(PI/4)" << std::tan(M_PI / 4);
    QTest::newRow("ARCSIN") << "ARCSIN(1)" << M_PI / 2;
    QTest::newRow("ARCCOS") << "ARCCOS(1)" << 0.0;
    QTest::newRow("ARCTAN") << "ARCTAN(1)" << M_PI / 4;
    QTest::newRow("LOG10") << "LOG10(1000)" << 3.0;
    QTest::newRow("LN") << "LN(EXP(3))" << 3.0;
    QTest::newRow("SQRT") << "SQRT(2.25)" << 1.5;
    QTest::newRow("POW") << "POW(2, 10)" << 1024.0;
    QTest::newRow("power operator") << "2^0.5^2" << std::pow(2.0, 0.25);
    QTest::newRow("MEAN") << "MEAN(1, 2, 3, 6)" << 3.0;
    QTest::newRow("MIN two") << "MIN(4, -1)" << -1.0;
    QTest::newRow("MAX many") << "MAX(4, -1, 9, 2)" << 9.0;
    QTest::newRow("SAFEDIV by zero") << "SAFEDIV(1, 0)" << 0.0;
    QTest::newRow("SAFEDIV fallback") << "SAFEDIV(1, 0, 5)" << 5.0;
    QTest::newRow("SAFEDIV normal") << "SAFEDIV(6, 3)" << 2.0;
    QTest::newRow("XIDZ") << "XIDZ(1, 0, 7)" << 7.0;
    QTest::newRow("ZIDZ") << "ZIDZ(1, 0)" << 0.0;
    QTest::newRow("ZIDZ normal") << "ZIDZ(6, 3)" << 2.0;
    QTest::newRow("PI") << "PI" << M_PI;
    QTest::newRow("nested IF") << "IF 1 > 2 THEN 10 ELSE IF 2 > 1 THEN 20 ELSE 30" << 20.0;
    QTest::newRow("and/or/not") << "IF (1 AND 0) OR NOT 0 THEN 1 ELSE 0" << 1.0;
    QTest::newRow("comparison chain") << "(3 >= 3) + (3 <> 3) + (2 < 3) + (3 = 3)" << 3.0;
    QTest::newRow("lowercase keywords") << "if 1 then 2 else 3" << 2.0;
}

void TestSemantics::mathBuiltins()
{
    QFETCH(QString, equation);
    QFETCH(double, expected);
    const QString mismatch = test::mismatchAlone(equation, expected);
    QVERIFY2(mismatch.isEmpty(), qPrintable(equation + QStringLiteral(": ") + mismatch));
    // The expression evaluator (loop scores) runs the same registry function as the VM.
    const ParseResult parsed = parseEquation(equation);
    QVERIFY(parsed.expr);
    const std::optional<double> direct = evaluate(*parsed.expr, EvaluationContext{});
    QVERIFY2(direct && std::fabs(*direct - expected) < 1e-12, qPrintable(equation));
}

void TestSemantics::infinityAndNanPassThrough()
{
    const auto r = simulateText(xmile(aux(QStringLiteral("a"), QStringLiteral("1/0")) + aux(QStringLiteral("b"), QStringLiteral("0/0"))
                                      + aux(QStringLiteral("c"), QStringLiteral("INF - 1")) + aux(QStringLiteral("d"), QStringLiteral("MIN(NAN, 3)"))));
    QVERIFY(r.run.results);
    QVERIFY(std::isinf(r.value(QStringLiteral("a"), 0)));
    QVERIFY(std::isnan(r.value(QStringLiteral("b"), 0)));
    QVERIFY(std::isinf(r.value(QStringLiteral("c"), 0)));
    QVERIFY(std::isnan(r.value(QStringLiteral("d"), 0))); // MIN keeps a NaN (fmin would drop it), so the run reports it
    const QByteArray csv = toCsv(*r.run.results);
    QVERIFY(csv.contains("Inf") && csv.contains("NaN"));
}

void TestSemantics::stepRampPulse()
{
    const auto r = simulateText(xmile(aux(QStringLiteral("s"), QStringLiteral("STEP(5, 3)"))
                                      + aux(QStringLiteral("r"), QStringLiteral("RAMP(2, 3, 6)"))
                                      + aux(QStringLiteral("open ramp"), QStringLiteral("RAMP(2, 3)"))
                                      + flow(QStringLiteral("p"), QStringLiteral("PULSE(10, 2, 3)"))
                                      + aux(QStringLiteral("once"), QStringLiteral("PULSE(10, 2)"))
                                      + aux(QStringLiteral("train"), QStringLiteral("PULSE_TRAIN(2, 1, 4, 9)"))
                                      + stock(QStringLiteral("got"), QStringLiteral("0"), QStringLiteral("p")),
                                      specs(0, 12, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("s"), 2), 0.0);
    QCOMPARE(r.at(QStringLiteral("s"), 3), 5.0);
    QCOMPARE(r.at(QStringLiteral("r"), 3), 0.0);
    QCOMPARE(r.at(QStringLiteral("r"), 5), 4.0);
    QCOMPARE(r.at(QStringLiteral("r"), 8), 6.0);
    QCOMPARE(r.at(QStringLiteral("open ramp"), 8), 10.0);
    for (int t = 0; t <= 12; ++t)
        QCOMPARE(r.at(QStringLiteral("p"), t), (t >= 2 && (t - 2) % 3 == 0) ? 10.0 : 0.0);
    QCOMPARE(r.at(QStringLiteral("once"), 2), 10.0);
    QCOMPARE(r.at(QStringLiteral("once"), 5), 0.0);
    for (int t = 0; t <= 12; ++t)
        QCOMPARE(r.at(QStringLiteral("train"), t), (t == 2 || t == 6) ? 1.0 : 0.0);
    QCOMPARE(r.at(QStringLiteral("got"), 12), 40.0); // pulses at 2, 5, 8, 11: 10 each

    // A pulse lasts one DT at magnitude/DT, so a stock gains the magnitude whatever DT is.
    const auto fine = simulateText(xmile(flow(QStringLiteral("p"), QStringLiteral("PULSE(10, 2)"))
                                         + stock(QStringLiteral("got"), QStringLiteral("0"), QStringLiteral("p")),
                                         specs(0, 4, 0.25)));
    QCOMPARE(fine.at(QStringLiteral("p"), 2), 40.0);
    QCOMPARE(fine.at(QStringLiteral("p"), 2.25), 0.0);
    QCOMPARE(fine.at(QStringLiteral("got"), 4), 10.0);

    // A pulse between two steps comes whole at the first step after its time: PULSE(4, 0.6)
    // with DT 0.25 is 4 / 0.25 = 16 at 0.75, nowhere else (it was 0 everywhere, the volume
    // lost). Every 1 from 0.6: 16 at 0.75, 1.75 and 2.75, so 12 gathered by 3. Pulses closer
    // than DT add: PULSE(1, 0, 0.1) with DT 0.25 takes the pulse at 0 at time 0 (4), those at
    // 0.1 and 0.2 at 0.25 (8), 0.3, 0.4 and 0.5 at 0.5 (12), then 0.6 and 0.7 (8), then 0.8,
    // 0.9 and 1 (12): the 11 pulses of 1 from 0 to 1 gathered by 1.25.
    const auto between = simulateText(xmile(flow(QStringLiteral("once"), QStringLiteral("PULSE(4, 0.6)"))
                                            + flow(QStringLiteral("every"), QStringLiteral("PULSE(4, 0.6, 1)"))
                                            + flow(QStringLiteral("dense"), QStringLiteral("PULSE(1, 0, 0.1)"))
                                            + stock(QStringLiteral("got"), QStringLiteral("0"), QStringLiteral("every"))
                                            + stock(QStringLiteral("many"), QStringLiteral("0"), QStringLiteral("dense")),
                                            specs(0, 3, 0.25)));
    QVERIFY2(between.run.results, qPrintable(between.firstError()));
    for (int k = 0; k <= 12; ++k) {
        const double t = k * 0.25;
        QCOMPARE(between.at(QStringLiteral("once"), t), k == 3 ? 16.0 : 0.0);
        QCOMPARE(between.at(QStringLiteral("every"), t), (k == 3 || k == 7 || k == 11) ? 16.0 : 0.0);
    }
    QCOMPARE(between.at(QStringLiteral("got"), 3), 12.0);
    QCOMPARE(between.at(QStringLiteral("dense"), 0), 4.0);
    QCOMPARE(between.at(QStringLiteral("dense"), 0.25), 8.0);
    QCOMPARE(between.at(QStringLiteral("dense"), 0.5), 12.0);
    QVERIFY(std::fabs(between.at(QStringLiteral("many"), 1.25) - 11) < 1e-9);
}

void TestSemantics::pulseKeepsVensimMeaningInVensimFiles()
{
    // Vensim's PULSE(start, width) is 1 from start for width.
    const auto r = simulateText(xmile(aux(QStringLiteral("p"), QStringLiteral("PULSE(2, 3)")), specs(0, 8, 1),
                                      QStringLiteral("Euler"), {},
                                      QStringLiteral("<vendor>Ventana Systems, xmutil</vendor><product>Vensim, xmutil</product>")));
    QVERIFY(r.run.results);
    for (int t = 0; t <= 8; ++t)
        QCOMPARE(r.at(QStringLiteral("p"), t), (t >= 2 && t < 5) ? 1.0 : 0.0);
}

void TestSemantics::smoothsAreFirstOrderStages()
{
    // Input steps from 0 to 10 at t = 1; SMTH1 with averaging time 2, dt 1:
    // S(0) = 0, S(1) = 0, S(2) = 0 + (10 - 0)/2 = 5, S(3) = 5 + 5/2 = 7.5, S(4) = 8.75.
    const auto r = simulateText(xmile(aux(QStringLiteral("input"), QStringLiteral("STEP(10, 1)"))
                                      + aux(QStringLiteral("s1"), QStringLiteral("SMTH1(input, 2)"))
                                      + aux(QStringLiteral("s1 init"), QStringLiteral("SMTH1(input, 2, 4)"))
                                      + aux(QStringLiteral("s3"), QStringLiteral("SMTH3(input, 3)"))
                                      + aux(QStringLiteral("sn"), QStringLiteral("SMTHN(input, 3, 3)")),
                                      specs(0, 40, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("s1"), 1), 0.0);
    QCOMPARE(r.at(QStringLiteral("s1"), 2), 5.0);
    QCOMPARE(r.at(QStringLiteral("s1"), 3), 7.5);
    QCOMPARE(r.at(QStringLiteral("s1"), 4), 8.75);
    QCOMPARE(r.at(QStringLiteral("s1 init"), 0), 4.0);
    QCOMPARE(r.at(QStringLiteral("s1 init"), 1), 2.0); // 4 + (0 - 4)/2
    // SMTH3: three stages of time 1 each: the first reaches 10 at t=2, the second follows.
    QCOMPARE(r.at(QStringLiteral("s3"), 2), 0.0);
    QCOMPARE(r.at(QStringLiteral("s3"), 4), 10.0);
    QCOMPARE(r.at(QStringLiteral("sn"), 4), r.at(QStringLiteral("s3"), 4));
}

void TestSemantics::materialDelays()
{
    // DELAY1 of a step 0 -> 10 at t=1, delay 2: stock starts at 0*2; outflow = stock/2.
    // t=1: stock 0, out 0; t=2: stock 10, out 5; t=3: stock 15, out 7.5.
    const auto r = simulateText(xmile(aux(QStringLiteral("input"), QStringLiteral("STEP(10, 1)"))
                                      + aux(QStringLiteral("d1"), QStringLiteral("DELAY1(input, 2)"))
                                      + aux(QStringLiteral("d1 init"), QStringLiteral("DELAY1(input, 2, 3)"))
                                      + aux(QStringLiteral("d3"), QStringLiteral("DELAY3(4, 6)"))
                                      + aux(QStringLiteral("dn"), QStringLiteral("DELAYN(input, 6, 3)"))
                                      + aux(QStringLiteral("d3 step"), QStringLiteral("DELAY3(input, 6)")),
                                      specs(0, 60, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("d1"), 1), 0.0);
    QCOMPARE(r.at(QStringLiteral("d1"), 2), 5.0);
    QCOMPARE(r.at(QStringLiteral("d1"), 3), 7.5);
    QCOMPARE(r.at(QStringLiteral("d1 init"), 0), 3.0);
    for (int t : {0, 10, 60})
        QCOMPARE(r.at(QStringLiteral("d3"), t), 4.0); // a constant input passes unchanged
    QCOMPARE(r.at(QStringLiteral("dn"), 30), r.at(QStringLiteral("d3 step"), 30));
    QVERIFY(std::fabs(r.at(QStringLiteral("d3 step"), 60) - 10.0) < 1e-3);
}

void TestSemantics::pipelineDelayPreviousHistory()
{
    const auto r = simulateText(xmile(aux(QStringLiteral("input"), QStringLiteral("TIME * 2"))
                                      + aux(QStringLiteral("late"), QStringLiteral("DELAY(input, 3, -1)"))
                                      + aux(QStringLiteral("late default"), QStringLiteral("DELAY(input + 5, 3)"))
                                      + aux(QStringLiteral("prev"), QStringLiteral("PREVIOUS(TIME, 42)"))
                                      + aux(QStringLiteral("then"), QStringLiteral("HISTORY(input, TIME - 2)")),
                                      specs(0, 10, 0.5)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("late"), 2.5), -1.0);
    QCOMPARE(r.at(QStringLiteral("late"), 3), 0.0);
    QCOMPARE(r.at(QStringLiteral("late"), 7.5), 9.0); // input at 4.5
    QCOMPARE(r.at(QStringLiteral("late default"), 1), 5.0); // the input's first value
    QCOMPARE(r.at(QStringLiteral("prev"), 0), 42.0);
    QCOMPARE(r.at(QStringLiteral("prev"), 0.5), 0.0);
    QCOMPARE(r.at(QStringLiteral("prev"), 5), 4.5);
    QCOMPARE(r.at(QStringLiteral("then"), 5), 6.0);

    // A delay breaks an equation loop, as a stock does: x feeds on its own past.
    const auto loop = simulateText(xmile(aux(QStringLiteral("x"), QStringLiteral("DELAY(x, 1, 1) * 2")), specs(0, 4, 1)));
    QVERIFY2(loop.run.results, qPrintable(loop.firstError()));
    QCOMPARE(loop.at(QStringLiteral("x"), 4), 32.0);
}

// Stella's HISTORY(input, time) (isee's help, "Data builtins"): the input's value at that
// time, 0 before the start and after now. S = 3 + t (inflow 1, DT 0.5) over 0..3:
// - HISTORY(S, TIME) is S now: 3 at t = 0, 4.5 at 1.5 (it gave S one step before, 4).
// - HISTORY(S, TIME + 1) asks for the future: 0 throughout (it gave the last value).
// - HISTORY(S, 1): 0 before t = 1, S(1) = 4 from then on.
// - HISTORY(S, TIME - 0.25) lies halfway between the last recorded step and now:
//   at 1.5, S(1.25) = 4.25, on the line between S(1) = 4 and S(1.5) = 4.5.
// - y = HISTORY(y, TIME - 1) + 1 feeds on its own past, as DELAY may (no loop, nothing said):
//   0 + 1 = 1 until t = 1 (before the start), then y(t - 1) + 1: 2 at 1, 2 at 1.5, 3 at 2.
// - z = HISTORY(w, TIME) + HISTORY(k, TIME) with w = z + 1 is a loop in the same step through
//   its first call only: that call's read now is left out, and said, once; it gives w one step
//   before (0 at the start), while the second reads k = 10 + TIME now:
//   z = 0 + 10 = 10 at 0 (w = 11), 11 + 10.5 = 21.5 at 0.5 (w = 22.5), 22.5 + 11 = 33.5 at 1.
//   v = HISTORY(v, TIME - DT) + 1 never asks for now: not said; 1, 2, 3.
void TestSemantics::historyAsStellaDefinesIt()
{
    const auto r = simulateText(xmile(stock(QStringLiteral("S"), QStringLiteral("3"), QStringLiteral("inflow"))
                                      + flow(QStringLiteral("inflow"), QStringLiteral("1"))
                                      + aux(QStringLiteral("now"), QStringLiteral("HISTORY(S, TIME)"))
                                      + aux(QStringLiteral("future"), QStringLiteral("HISTORY(S, TIME + 1)"))
                                      + aux(QStringLiteral("at one"), QStringLiteral("HISTORY(S, 1)"))
                                      + aux(QStringLiteral("between"), QStringLiteral("HISTORY(S, TIME - 0.25)"))
                                      + aux(QStringLiteral("y"), QStringLiteral("HISTORY(y, TIME - 1) + 1")),
                                      specs(0, 3, 0.5)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QVERIFY2(formatted(r.compiled.diagnostics).isEmpty(), qPrintable(formatted(r.compiled.diagnostics).join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("now"), 0), 3.0);
    QCOMPARE(r.at(QStringLiteral("now"), 1.5), 4.5);
    for (double t : {0.0, 1.0, 3.0})
        QCOMPARE(r.at(QStringLiteral("future"), t), 0.0);
    QCOMPARE(r.at(QStringLiteral("at one"), 0.5), 0.0);
    QCOMPARE(r.at(QStringLiteral("at one"), 1), 4.0);
    QCOMPARE(r.at(QStringLiteral("at one"), 3), 4.0);
    QCOMPARE(r.at(QStringLiteral("between"), 1.5), 4.25);
    QCOMPARE(r.at(QStringLiteral("between"), 0), 0.0); // -0.25 is before the start
    QCOMPARE(r.at(QStringLiteral("y"), 0.5), 1.0);
    QCOMPARE(r.at(QStringLiteral("y"), 1), 2.0);
    QCOMPARE(r.at(QStringLiteral("y"), 1.5), 2.0);
    QCOMPARE(r.at(QStringLiteral("y"), 2), 3.0);

    const auto loop = simulateText(xmile(aux(QStringLiteral("z"), QStringLiteral("HISTORY(w, TIME) + HISTORY(k, TIME)"))
                                         + aux(QStringLiteral("w"), QStringLiteral("z + 1"))
                                         + aux(QStringLiteral("k"), QStringLiteral("10 + TIME"))
                                         + aux(QStringLiteral("v"), QStringLiteral("HISTORY(v, TIME - DT) + 1")),
                                         specs(0, 1, 0.5)));
    QVERIFY2(loop.run.results, qPrintable(loop.firstError()));
    QCOMPARE(onlySaid(loop, QStringLiteral("warning: HISTORY's input depends on 'z' in the same step: asked for the current "
                                           "time or one less than a DT before, it gives the input's last recorded value (0 at "
                                           "the start)")),
             QString());
    QCOMPARE(loop.at(QStringLiteral("z"), 0), 10.0);
    QCOMPARE(loop.at(QStringLiteral("z"), 0.5), 21.5);
    QCOMPARE(loop.at(QStringLiteral("z"), 1), 33.5);
    for (int k = 0; k < 3; ++k)
        QCOMPARE(loop.at(QStringLiteral("v"), 0.5 * k), 1.0 + k);
}

// s' = HISTORY(s, TIME - 2), s(0) = 1, DT 0.5: 0 is asked before t = 2, so s = 1 to t = 2;
// then s' = s(t - 2) = 1, so s = t - 1 to t = 4 (s(4) = 3); then s' = s(t - 2) = t - 3, so
// s(5) = 3 + [u^2 / 2 - 3u] from 4 to 5 = 3 + 1.5 = 4.5. RK45 and
// Rosenbrock keep the series at every DT, whatever the save step: saved every 5 time units
// they gave 7.55 (a tester's find), every 0.5 they give 4.5 to the integrator's tolerance.
void TestSemantics::historyUnderAdaptiveStepsKeepsEveryDt()
{
    const QByteArray model = xmile(stock(QStringLiteral("s"), QStringLiteral("1"), QStringLiteral("f"))
                                       + flow(QStringLiteral("f"), QStringLiteral("HISTORY(s, TIME - 2)")),
                                   specs(0, 10, 0.5));
    for (const Method method : {Method::RK45, Method::Rosenbrock}) {
        for (const double saveStep : {5.0, 0.5}) {
            RunOptions options;
            options.method = method;
            options.saveStep = saveStep;
            const auto r = simulateText(model, {}, options);
            QVERIFY2(r.run.results, qPrintable(r.firstError()));
            QVERIFY2(std::fabs(r.at(QStringLiteral("s"), 5) - 4.5) < 1e-4,
                     qPrintable(QStringLiteral("save step %1: s(5) = %2").arg(saveStep).arg(r.at(QStringLiteral("s"), 5), 0, 'g', 10)));
        }
    }
}

void TestSemantics::initTrendForecast()
{
    const auto r = simulateText(xmile(aux(QStringLiteral("frozen"), QStringLiteral("INIT(TIME + 5)"))
                                      + aux(QStringLiteral("flat"), QStringLiteral("7"))
                                      + aux(QStringLiteral("t"), QStringLiteral("TREND(flat, 4, 0)"))
                                      + aux(QStringLiteral("f"), QStringLiteral("FORCST(flat, 4, 10, 0)"))
                                      + aux(QStringLiteral("growing"), QStringLiteral("100 * EXP(0.1 * TIME)"))
                                      + aux(QStringLiteral("g"), QStringLiteral("TREND(growing, 2, 0.1)")),
                                      specs(0, 100, 0.25)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("frozen"), 0), 5.0);
    QCOMPARE(r.at(QStringLiteral("frozen"), 50), 5.0);
    QCOMPARE(r.at(QStringLiteral("t"), 20), 0.0);
    QCOMPARE(r.at(QStringLiteral("f"), 20), 7.0);
    // With the right initial trend, TREND of exponential growth starts at its rate, and
    // settles near it (the average lags by the averaging time).
    QVERIFY(std::fabs(r.at(QStringLiteral("g"), 0) - 0.1) < 1e-12);
    QVERIFY(std::fabs(r.at(QStringLiteral("g"), 100) - 0.1) < 0.02);
}

void TestSemantics::randomIsReproducible()
{
    const QByteArray model = xmile(aux(QStringLiteral("u"), QStringLiteral("RANDOM(0, 1)"))
                                   + aux(QStringLiteral("n"), QStringLiteral("NORMAL(10, 2)"))
                                   + aux(QStringLiteral("seeded"), QStringLiteral("RANDOM(0, 1, 7)")),
                                   specs(0, 3999, 1));
    RunOptions a, b;
    a.seed = 1;
    b.seed = 2;
    const auto r1 = simulateText(model, {}, a), r2 = simulateText(model, {}, a), r3 = simulateText(model, {}, b);
    QVERIFY2(r1.run.results, qPrintable(r1.firstError()));
    double sum = 0, sumN = 0, sumN2 = 0;
    bool differs = false;
    for (std::size_t i = 0; i < 4000; ++i) {
        const double u = r1.value(QStringLiteral("u"), i);
        QVERIFY(u >= 0 && u < 1);
        QCOMPARE(u, r2.value(QStringLiteral("u"), i));
        QCOMPARE(r1.value(QStringLiteral("seeded"), i), r3.value(QStringLiteral("seeded"), i)); // own seed
        differs = differs || u != r3.value(QStringLiteral("u"), i);
        sum += u;
        const double n = r1.value(QStringLiteral("n"), i);
        sumN += n;
        sumN2 += n * n;
    }
    QVERIFY(differs);
    QVERIFY(std::fabs(sum / 4000 - 0.5) < 0.03);
    const double mean = sumN / 4000;
    QVERIFY(std::fabs(mean - 10) < 0.15);
    QVERIFY(std::fabs(std::sqrt(sumN2 / 4000 - mean * mean) - 2) < 0.15);
}

void TestSemantics::graphicalFunctionKinds()
{
    const QString gf = QStringLiteral("<xpts>0,10,20</xpts><ypts>0,100,50</ypts></gf>");
    const auto r = simulateText(xmile(
        QStringLiteral("<aux name=\"cont\"><eqn>TIME</eqn><gf>%1</aux>").arg(gf)
        + QStringLiteral("<aux name=\"extra\"><eqn>TIME</eqn><gf type=\"extrapolate\">%1</aux>").arg(gf)
        + QStringLiteral("<aux name=\"disc\"><eqn>TIME</eqn><gf type=\"discrete\">%1</aux>").arg(gf)
        + QStringLiteral("<gf name=\"shape\"><xscale min=\"0\" max=\"20\"/><ypts>0,100,50</ypts></gf>")
        + aux(QStringLiteral("named"), QStringLiteral("LOOKUP(shape, TIME)"))
        + aux(QStringLiteral("called"), QStringLiteral("cont(TIME / 2)")),
        specs(0, 30, 5)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("cont"), 5), 50.0);
    QCOMPARE(r.at(QStringLiteral("cont"), 15), 75.0);
    QCOMPARE(r.at(QStringLiteral("cont"), 30), 50.0);   // flat beyond the end
    QCOMPARE(r.at(QStringLiteral("extra"), 30), 0.0);   // the last segment continues
    QCOMPARE(r.at(QStringLiteral("disc"), 15), 100.0);  // held until the next point
    QCOMPARE(r.at(QStringLiteral("disc"), 20), 50.0);
    QCOMPARE(r.at(QStringLiteral("named"), 15), 75.0);
    QCOMPARE(r.at(QStringLiteral("called"), 30), 75.0); // a graphical function called as a function
}

void TestSemantics::nonNegativeStockServesOutflowsInOrder()
{
    // 10 in the stock, two outflows of 8 each, dt 1: the first takes 8, the second the 2 left.
    const auto r = simulateText(xmile(stock(QStringLiteral("S"), QStringLiteral("10"), {}, QStringLiteral("first,second"), true)
                                      + flow(QStringLiteral("first"), QStringLiteral("8"))
                                      + flow(QStringLiteral("second"), QStringLiteral("8")),
                                      specs(0, 3, 1)));
    QVERIFY(r.run.results);
    QCOMPARE(r.at(QStringLiteral("first"), 0), 8.0);
    QCOMPARE(r.at(QStringLiteral("second"), 0), 2.0);
    QCOMPARE(r.at(QStringLiteral("S"), 1), 0.0);
    QCOMPARE(r.at(QStringLiteral("first"), 2), 0.0);
    QCOMPARE(r.at(QStringLiteral("S"), 3), 0.0);
}

void TestSemantics::uniflowNeverNegative()
{
    const auto r = simulateText(xmile(stock(QStringLiteral("S"), QStringLiteral("0"), QStringLiteral("f"))
                                      + QStringLiteral("<flow name=\"f\"><eqn>5 - TIME * 2</eqn><non_negative/></flow>"),
                                      specs(0, 6, 1)));
    QVERIFY(r.run.results);
    QCOMPARE(r.at(QStringLiteral("f"), 1), 3.0);
    QCOMPARE(r.at(QStringLiteral("f"), 4), 0.0);
    QCOMPARE(r.at(QStringLiteral("S"), 6), 5.0 + 3.0 + 1.0);
}

void TestSemantics::arraysApplyToAllAndReductions()
{
    const QString vars =
        QStringLiteral("<aux name=\"base\"><dimensions><dim name=\"Region\"/></dimensions>"
                       "<element subscript=\"North\"><eqn>1</eqn></element>"
                       "<element subscript=\"South\"><eqn>2</eqn></element>"
                       "<element subscript=\"East\"><eqn>4</eqn></element></aux>")
        + arrayed(QStringLiteral("aux"), QStringLiteral("doubled"), {QStringLiteral("Region")}, QStringLiteral("base[Region] * 2"))
        + arrayed(QStringLiteral("aux"), QStringLiteral("implicit"), {QStringLiteral("Region")}, QStringLiteral("base + 1"))
        + arrayed(QStringLiteral("stock"), QStringLiteral("pile"), {QStringLiteral("Region")}, QStringLiteral("0")).replace(
              QStringLiteral("</stock>"), QStringLiteral("<inflow>fill</inflow></stock>"))
        + arrayed(QStringLiteral("flow"), QStringLiteral("fill"), {QStringLiteral("Region")}, QStringLiteral("base"))
        + aux(QStringLiteral("total"), QStringLiteral("SUM(base[*])"))
        + aux(QStringLiteral("average"), QStringLiteral("MEAN(doubled[*])"))
        + aux(QStringLiteral("largest"), QStringLiteral("MAX(base[*])"))
        + aux(QStringLiteral("smallest"), QStringLiteral("MIN(doubled)"))
        + aux(QStringLiteral("count"), QStringLiteral("SIZE(base)"))
        + QStringLiteral("<aux name=\"shuffled\"><dimensions><dim name=\"Region\"/></dimensions>"
                         "<element subscript=\"North\"><eqn>5</eqn></element>"
                         "<element subscript=\"South\"><eqn>1</eqn></element>"
                         "<element subscript=\"East\"><eqn>3</eqn></element></aux>")
        + aux(QStringLiteral("smallest at"), QStringLiteral("RANK(shuffled, 1)"))
        + aux(QStringLiteral("middle at"), QStringLiteral("RANK(shuffled[*], 2)"))
        + aux(QStringLiteral("largest at"), QStringLiteral("RANK(shuffled, 3)"))
        + aux(QStringLiteral("picked"), QStringLiteral("base[East] + base[2] + doubled[Region.North]"))
        + arrayed(QStringLiteral("aux"), QStringLiteral("slots"), {QStringLiteral("Slot")}, QStringLiteral("Slot * 10"))
        + aux(QStringLiteral("third slot"), QStringLiteral("slots[3]"));
    const auto r = simulateText(xmile(vars, specs(0, 2, 1), QStringLiteral("Euler"), kDims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("doubled[South]"), 0), 4.0);
    QCOMPARE(r.value(QStringLiteral("implicit[East]"), 0), 5.0);
    QCOMPARE(r.value(QStringLiteral("pile[East]"), 2), 8.0);
    QCOMPARE(r.value(QStringLiteral("total"), 0), 7.0);
    QCOMPARE(r.value(QStringLiteral("average"), 0), 14.0 / 3);
    QCOMPARE(r.value(QStringLiteral("largest"), 0), 4.0);
    QCOMPARE(r.value(QStringLiteral("smallest"), 0), 2.0);
    QCOMPARE(r.value(QStringLiteral("count"), 0), 3.0);
    QCOMPARE(r.value(QStringLiteral("smallest at"), 0), 2.0); // shuffled = 5, 1, 3
    QCOMPARE(r.value(QStringLiteral("middle at"), 0), 3.0);
    QCOMPARE(r.value(QStringLiteral("largest at"), 0), 1.0);
    QCOMPARE(r.value(QStringLiteral("picked"), 0), 4.0 + 2.0 + 2.0);
    QCOMPARE(r.value(QStringLiteral("slots[2]"), 0), 20.0); // an element name used as a value is its index
    QCOMPARE(r.value(QStringLiteral("third slot"), 0), 30.0);
}

void TestSemantics::arraysTransposedIndividualAndSubranges()
{
    const QString vars =
        arrayed(QStringLiteral("aux"), QStringLiteral("grid"), {QStringLiteral("Region"), QStringLiteral("Kind")},
                QStringLiteral("Region * 10 + Kind"))
        + arrayed(QStringLiteral("aux"), QStringLiteral("flipped"), {QStringLiteral("Kind"), QStringLiteral("Region")},
                  QStringLiteral("grid[Region, Kind]"))
        + arrayed(QStringLiteral("aux"), QStringLiteral("row sums"), {QStringLiteral("Region")}, QStringLiteral("SUM(grid[Region, *])"))
        + arrayed(QStringLiteral("aux"), QStringLiteral("coast"), {QStringLiteral("Coastal")}, QStringLiteral("grid[Coastal, a]"))
        + aux(QStringLiteral("coast total"), QStringLiteral("SUM(grid[Coastal, b])"));
    const auto r = simulateText(xmile(vars, specs(0, 1, 1), QStringLiteral("Euler"), kDims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("grid[South, b]"), 0), 22.0);
    QCOMPARE(r.value(QStringLiteral("flipped[b, South]"), 0), 22.0);
    QCOMPARE(r.value(QStringLiteral("flipped[a, East]"), 0), 31.0);
    QCOMPARE(r.value(QStringLiteral("row sums[North]"), 0), 11.0 + 12.0);
    QCOMPARE(r.value(QStringLiteral("coast[East]"), 0), 31.0); // a subrange maps by element name
    QCOMPARE(r.value(QStringLiteral("coast[South]"), 0), 21.0);
    QCOMPARE(r.value(QStringLiteral("coast total"), 0), 22.0 + 32.0);
}

void TestSemantics::nestedModules()
{
    // main -> outer (module) -> inner (module); inputs wired through both levels.
    const QString models = QStringLiteral(
        "<model name=\"outer\"><variables>"
        "<aux name=\"rate\" access=\"input\"><eqn>0</eqn></aux>"
        "<module name=\"inner\"><connect to=\"gain\" from=\"rate\"/></module>"
        "<aux name=\"result\" access=\"output\"><eqn>inner.level * 10</eqn></aux>"
        "</variables></model>"
        "<model name=\"inner\"><variables>"
        "<aux name=\"gain\" access=\"input\"><eqn>0</eqn></aux>"
        "<stock name=\"level\" access=\"output\"><eqn>0</eqn><inflow>growth</inflow></stock>"
        "<flow name=\"growth\"><eqn>gain</eqn></flow>"
        "</variables></model>");
    const QByteArray text = QStringLiteral(
        "<xmile version=\"1.0\"><header/><sim_specs><start>0</start><stop>3</stop><dt>1</dt></sim_specs>"
        "<model><variables><aux name=\"speed\"><eqn>2</eqn></aux>"
        "<module name=\"outer\"><connect to=\"outer.rate\" from=\".speed\"/></module>"
        "<aux name=\"seen\"><eqn>outer.result</eqn></aux></variables></model>%1</xmile>").arg(models).toUtf8();
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("outer.inner.level"), 3), 6.0);
    QCOMPARE(r.at(QStringLiteral("seen"), 3), 60.0);
}

void TestSemantics::errorsHavePositions_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<int>("offset"); // where in the equation the error points (0-based)
    QTest::addColumn<QString>("message");
    QTest::newRow("arity") << "MAX()" << 0 << "MAX takes at least 1 argument(s), not 0";
    QTest::newRow("arity exact") << "SQRT(1, 2)" << 0 << "SQRT takes 1 argument(s), not 2";
    QTest::newRow("unknown function") << "1 + SQTR(4)" << 4 << "unknown function 'SQTR' (did you mean 'SQRT'?)";
    QTest::newRow("unknown name") << "2 * ratee" << 4 << "unknown name 'ratee' (did you mean 'rate'?)";
    QTest::newRow("array as scalar") << "doubled + 1" << 0 << "is an array of 3 values";
    QTest::newRow("subscript count") << "doubled[North, a]" << 0 << "has 1 dimension(s) but 2 subscript(s)";
    QTest::newRow("bad element") << "doubled[West]" << 8 << "subscript 'West' is not an element of 'Region'";
    QTest::newRow("index out of range") << "doubled[4]" << 8 << "index 4 is outside dimension 'Region'";
    QTest::newRow("scalar subscripted") << "rate[1]" << 0 << "'rate' is not an array";
    QTest::newRow("transposition of a scalar") << "2 * rate'" << 4 << "'rate' is not an array: the transposition operator";
    QTest::newRow("smooth order") << "SMTHN(rate, 3, rate * 0.5)" << 15 << "whole number from 1 to 1000, known at the start";
}

void TestSemantics::errorsHavePositions()
{
    QFETCH(QString, equation);
    QFETCH(int, offset);
    QFETCH(QString, message);
    // On line 2, <aux name="probe"><eqn> takes columns 1 to 23: the equation starts at 24.
    const QByteArray text = QStringLiteral("<xmile><model><variables>\n<aux name=\"probe\"><eqn>%1</eqn></aux>"
                                           "<aux name=\"rate\"><eqn>0.5</eqn></aux>"
                                           "<aux name=\"doubled\"><dimensions><dim name=\"Region\"/></dimensions><eqn>1</eqn></aux>"
                                           "</variables></model>%2</xmile>")
                                .arg(equation, kDims)
                                .toUtf8();
    const auto r = simulateText(text);
    QVERIFY(!r.compiled.model);
    QVERIFY(!r.compiled.diagnostics.empty());
    const Diagnostic &d = r.compiled.diagnostics.front();
    QVERIFY2(d.message.contains(message), qPrintable(d.format()));
    QCOMPARE(d.pos.line, 2);
    QCOMPARE(d.pos.column, 24 + offset);
    // The same place, carried in the diagnostic for editors (no reading of the message).
    QCOMPARE(d.variable, QStringLiteral("probe"));
    QCOMPARE(d.equationOffset, offset);
    QVERIFY(d.equationLength > 0);
}

QTEST_GUILESS_MAIN(TestSemantics)
#include "test_semantics.moc"

// XMILE's macros run through the engine: state kept per call, parameters with defaults, one
// name defined for several counts of arguments. Values worked by hand beside each test.
#include "support/inlinemodel.h"

#include <QtTest>

using namespace meadows;
using namespace meadows::test;

class TestMacros : public QObject {
    Q_OBJECT
private slots:
    void macrosKeepStatePerCall();
    void macroParametersHaveDefaultsAndCounts();
    void defaultCallingItsOwnMacroIsRefused();
    void aParameterDeclaredAsAFlowFeedsAStock();
};

void TestMacros::macrosKeepStatePerCall()
{
    // A macro with a stock inside: each call has its own.
    const QString macro = QStringLiteral(
        "<macro name=\"ACCUMULATE\"><eqn>total</eqn><parm>amount</parm>"
        "<variables><stock name=\"total\"><eqn>0</eqn><inflow>adding</inflow></stock>"
        "<flow name=\"adding\"><eqn>amount</eqn></flow></variables></macro>"
        "<macro name=\"TWICE\"><eqn>x * 2</eqn><parm>x</parm></macro>");
    const auto r = simulateText(xmile(aux(QStringLiteral("ones"), QStringLiteral("ACCUMULATE(1)"))
                                      + aux(QStringLiteral("threes"), QStringLiteral("ACCUMULATE(3)"))
                                      + aux(QStringLiteral("nested"), QStringLiteral("TWICE(TWICE(TIME))")),
                                      specs(0, 4, 1), QStringLiteral("Euler"), macro));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("ones"), 4), 4.0);
    QCOMPARE(r.at(QStringLiteral("threes"), 4), 12.0);
    QCOMPARE(r.at(QStringLiteral("nested"), 3), 12.0);
}

// XMILE's macros: <parm default="..."> makes a trailing parameter optional (its default an
// equation, here reading the parameter before it), and a name may be defined again for
// another number of arguments. STEPPED(5) = 5 + 5 * 2 = 15 (by defaulting to x * 2),
// STEPPED(5, 1) = 6; AREA(3) = 3 * 3 = 9, AREA(3, 4) = 12 (the two-argument definition).
void TestMacros::macroParametersHaveDefaultsAndCounts()
{
    const QString macros = QStringLiteral(
        "<macro name=\"STEPPED\"><parm>x</parm><parm default=\"x * 2\">by</parm><eqn>x + by</eqn></macro>"
        "<macro name=\"AREA\"><parm>side</parm><eqn>side * side</eqn></macro>"
        "<macro name=\"AREA\"><parm>w</parm><parm>h</parm><eqn>w * h</eqn></macro>");
    const QString vars = aux(QStringLiteral("defaulted"), QStringLiteral("STEPPED(5)")) + aux(QStringLiteral("given"), QStringLiteral("STEPPED(5, 1)"))
                         + aux(QStringLiteral("square"), QStringLiteral("AREA(3)")) + aux(QStringLiteral("rectangle"), QStringLiteral("AREA(3, 4)"));
    const auto r = simulateText(xmile(vars, specs(0, 1, 1), QStringLiteral("Euler"), macros));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("defaulted"), 0), 15.0);
    QCOMPARE(r.at(QStringLiteral("given"), 0), 6.0);
    QCOMPARE(r.at(QStringLiteral("square"), 0), 9.0);
    QCOMPARE(r.at(QStringLiteral("rectangle"), 0), 12.0);
    // STEPPED() leaves out x, which has no default: an error naming the counts it takes.
    const auto none = simulateText(xmile(aux(QStringLiteral("x"), QStringLiteral("STEPPED()")), specs(0, 1, 1),
                                         QStringLiteral("Euler"), macros));
    QVERIFY2(none.firstError().contains(QLatin1String("STEPPED takes 1 to 2 argument(s), not 0")), qPrintable(none.firstError()));
}

// A default that calls its own macro would expand without end: refused at the depth limit,
// an error, not a crash.
void TestMacros::defaultCallingItsOwnMacroIsRefused()
{
    const QString macro = QStringLiteral("<macro name=\"F\"><parm>x</parm><parm default=\"F(x)\">y</parm><eqn>x + y</eqn></macro>");
    const auto r = simulateText(xmile(aux(QStringLiteral("v"), QStringLiteral("F(1)")), specs(0, 1, 1), QStringLiteral("Euler"), macro));
    QVERIFY(!r.run.results);
    QVERIFY2(formatted(r.compiled.diagnostics).join(u'\n').contains(QLatin1String("expands more than 64 deep")),
             qPrintable(formatted(r.compiled.diagnostics).join(u'\n')));
}

// xmutil writes Vensim's INTEG(input, parameter) in a macro as a stock whose inflow is the
// parameter, declared again in the body as an empty <flow name="input"/> (SDXorg's
// macro_stock): the parameter as a flow, not a second variable. RUNNING(5, 1.1) starts at
// 1.1 and gains 5 a step: 1.1, 6.1, 11.1, 16.1 at times 0 to 3. A body variable that
// has an equation, or a flag, and a parameter's name is still defined twice.
void TestMacros::aParameterDeclaredAsAFlowFeedsAStock()
{
    const QString macro = QStringLiteral(
        "<macro name=\"RUNNING\"><eqn>RUNNING</eqn><parm>input</parm><parm>parameter</parm>"
        "<variables><flow name=\"input\"/><stock name=\"RUNNING\"><inflow>input</inflow><eqn>parameter</eqn></stock>"
        "</variables></macro>");
    const auto r = simulateText(xmile(aux(QStringLiteral("out"), QStringLiteral("RUNNING(5, 1.1)")), specs(0, 3, 1),
                                      QStringLiteral("Euler"), macro));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    for (const int t : {0, 1, 2, 3})
        QCOMPARE(r.at(QStringLiteral("out"), t), 1.1 + 5 * t);
    QString twice = macro;
    twice.replace(QStringLiteral("<flow name=\"input\"/>"), QStringLiteral("<flow name=\"input\"><eqn>2</eqn></flow>"));
    const auto wrong = simulateText(xmile(aux(QStringLiteral("out"), QStringLiteral("RUNNING(5, 1.1)")), specs(0, 3, 1),
                                          QStringLiteral("Euler"), twice));
    QVERIFY2(wrong.firstError().contains(QLatin1String("'input' is defined twice")), qPrintable(wrong.firstError()));
    // Nor is one that asks for what a parameter's value cannot carry, which would be dropped.
    QString flagged = macro;
    flagged.replace(QStringLiteral("<flow name=\"input\"/>"), QStringLiteral("<flow name=\"input\"><non_negative/></flow>"));
    const auto refused = simulateText(xmile(aux(QStringLiteral("out"), QStringLiteral("RUNNING(5, 1.1)")), specs(0, 3, 1),
                                            QStringLiteral("Euler"), flagged));
    QVERIFY2(refused.firstError().contains(QLatin1String("'input' is defined twice")), qPrintable(refused.firstError()));
}

QTEST_GUILESS_MAIN(TestMacros)
#include "test_macros.moc"

// The .mdl reader on small hand-written models: Vensim's grammar, the Project it makes,
// numbers it runs to (derived by hand below), and errors and warnings at line:column.
#include "support/inlinemdl.h"

#include "model/connectorangle.h"
#include "model/vensim/mdlreader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <QtTest>

using namespace meadows;

namespace {

QStringList messages(const XmileReadResult &r)
{
    return test::formatted(r.diagnostics);
}

// The value of `name` at `time` when the model runs; NaN when it does not.
double valueAt(const XmileReadResult &r, const QString &name, double time)
{
    return test::simulateRead(r).at(name, time);
}

} // namespace

class TestVensimReader : public QObject {
    Q_OBJECT
private slots:
    void controlSectionMakesSimSpecs();
    void stockFlowsAndContinuations();
    void twoStocksShareARate();
    void quotedNamesAndLogicalOperators();
    void lookupsAndWithLookup();
    void lookupForwardBackwardExtrapolate();
    void subscriptsRangesAndTables();
    void integerTruncatesLikeVensim();
    void vectorSelectEveryAction();
    void getTimeValueInModelTime();
    void orderNamedByALaterConstant();
    void incompleteVariableIsReadNotRun();
    void macrosBecomeXmileMacros();
    void activeInitialBreaksAnInitialLoop();
    void malformedEquationIsAnErrorAtLineAndColumn();
    void unsupportedFunctionIsAWarningAtItsPosition();
    void solverErrorsPointAtTheNameInTheFile();
    void macroExtraOutputs();
    void missingBarIsAnError();
    void sketchPlacesEveryVariableWhereVensimDid();
    void severalViewsAreTiledIntoOneDiagram();
    void pipeRunsFromTheStockItDrains();
};

void TestVensimReader::lookupForwardBackwardExtrapolate()
{
    // t((0,0),(2,10),(4,30)) read at x = TIME (0..4, TIME STEP 1), by hand:
    //   x           0   1   2   3   4      and at x = 5 (TIME + 1 at the end):
    //   forward     0  10  10  30  30      (the first point at or after x)
    //   backward    0   0  10  10  30      (the last point at or before x)
    //   extrapolate 0   5  10  20  30      40 (the last segment, slope 10, continued)
    //   plain                              30 (flat beyond the ends)
    const XmileReadResult r = test::readMdl(QStringLiteral(
        "t((0,0),(2,10),(4,30)) ~~|\n"
        "fw = LOOKUP FORWARD(t, Time) ~~|\nbw = LOOKUP BACKWARD(t, Time) ~~|\n"
        "ex = LOOKUP EXTRAPOLATE(t, Time) ~~|\nbeyond = LOOKUP EXTRAPOLATE(t, Time + 1) ~~|\nplain = t(Time + 1) ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QVERIFY2(messages(r).isEmpty(), qPrintable(messages(r).join(u'\n')));
    const double forward[] = {0, 10, 10, 30, 30}, backward[] = {0, 0, 10, 10, 30}, extrapolated[] = {0, 5, 10, 20, 30};
    for (int t = 0; t <= 4; ++t) {
        QCOMPARE(valueAt(r, QStringLiteral("fw"), t), forward[t]);
        QCOMPARE(valueAt(r, QStringLiteral("bw"), t), backward[t]);
        QCOMPARE(valueAt(r, QStringLiteral("ex"), t), extrapolated[t]);
    }
    QCOMPARE(valueAt(r, QStringLiteral("beyond"), 4), 40.0);
    QCOMPARE(valueAt(r, QStringLiteral("plain"), 4), 30.0);
}

void TestVensimReader::controlSectionMakesSimSpecs()
{
    const XmileReadResult r = readVensim("INITIAL TIME = 1900 ~ Year ~|\nFINAL TIME = 1900 + 200 ~ Year ~|\n"
                                         "TIME STEP = 0.5 ~ Year ~|\nSAVEPER = 4 * TIME STEP ~ Year ~|\n",
                                         QStringLiteral("c.mdl"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QCOMPARE(r.project->simSpecs.start, 1900.0);
    QCOMPARE(r.project->simSpecs.stop, 2100.0);
    QCOMPARE(r.project->simSpecs.dt, 0.5);
    QCOMPARE(r.project->simSpecs.effectiveSaveStep(), 2.0);
    QCOMPARE(r.project->simSpecs.timeUnits, QStringLiteral("Year"));
    // The control variables are the sim specs, not model variables.
    QVERIFY(r.project->mainModel().variables.empty());
}

void TestVensimReader::stockFlowsAndContinuations()
{
    // Population = INTEG(births - deaths, 100); births = 0.1 * Population; deaths = 5.
    // Euler, dt 1: P0 = 100, P1 = 100 + 10 - 5 = 105, P2 = 105 + 10.5 - 5 = 110.5.
    const XmileReadResult r = test::readMdl(QStringLiteral("Population = INTEG (\n\tbirths - deaths,\n\t\t100)\n ~ people ~ the stock |\n"
                                                  "births = 0.1 * \\\n  Population ~ people/Month ~|\n"
                                                  "deaths = 5 ~ people/Month ~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    const Variable *p = r.project->mainModel().findVariable(u"Population");
    QVERIFY(p);
    QCOMPARE(p->kind, VariableKind::Stock);
    QCOMPARE(p->equation, QStringLiteral("100"));
    QCOMPARE(p->inflows, QStringList{QStringLiteral("births")});
    QCOMPARE(p->outflows, QStringList{QStringLiteral("deaths")});
    QCOMPARE(p->units, QStringLiteral("people"));
    QCOMPARE(p->doc, QStringLiteral("the stock"));
    QCOMPARE(r.project->mainModel().findVariable(u"births")->kind, VariableKind::Flow);
    QCOMPARE(valueAt(r, QStringLiteral("Population"), 1), 105.0);
    QCOMPARE(valueAt(r, QStringLiteral("Population"), 2), 110.5);
}

void TestVensimReader::twoStocksShareARate()
{
    // Vensim lets one rate feed two stocks (Query_file.mdl: income into both CumIncome and
    // BalanceFunds). Income = 10, Expenses = 4: Cum = INTEG(Income, 0) is 0, 10, 20;
    // Balance = INTEG((Income - Expenses) + Grant, 0) with Grant = 1 is 0, 7, 14. Income fills
    // both, and an XMILE flow fills one stock: it is Cum's inflow, and Balance gets a net flow
    // of its own (a rate that drains one stock and fills another is one flow: test_vensim_flows).
    const XmileReadResult r = test::readMdl(QStringLiteral("Cum = INTEG(Income, 0) ~~|\n"
                                                  "Balance = INTEG((Income - Expenses) + (Grant), 0) ~~|\n"
                                                  "Income = 10 ~~|\nExpenses = 4 ~~|\nGrant = 1 ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QCOMPARE(r.project->mainModel().findVariable(u"Cum")->inflows, QStringList{QStringLiteral("Income")});
    QCOMPARE(r.project->mainModel().findVariable(u"Balance")->inflows.size(), 1);
    QVERIFY(!r.project->mainModel().findVariable(u"Balance")->inflows.contains(QStringLiteral("Income")));
    QCOMPARE(valueAt(r, QStringLiteral("Cum"), 2), 20.0);
    QCOMPARE(valueAt(r, QStringLiteral("Balance"), 1), 7.0);
    QCOMPARE(valueAt(r, QStringLiteral("Balance"), 2), 14.0);
}

void TestVensimReader::quotedNamesAndLogicalOperators()
{
    // "rate (1/yr)" = 2; flag = 1 when Time >= 2 AND NOT Time > 3, so 1 at times 2 and 3.
    const XmileReadResult r = test::readMdl(QStringLiteral("\"rate (1/yr)\" = 2 ~~|\n"
                                                  "flag = IF THEN ELSE(Time >= 2 :AND: :NOT: Time > 3, \"rate (1/yr)\" / 2, 0) ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QCOMPARE(valueAt(r, QStringLiteral("flag"), 1), 0.0);
    QCOMPARE(valueAt(r, QStringLiteral("flag"), 2), 1.0);
    QCOMPARE(valueAt(r, QStringLiteral("flag"), 3), 1.0);
    QCOMPARE(valueAt(r, QStringLiteral("flag"), 4), 0.0);
    // A lookup whose name needs quotes is called with them: "table (2)"((0,0),(10,100)) read
    // at 5 is 50, with or without a space before the call's parenthesis (SDEverywhere's
    // flatten model, whose Vensim output gives the lookup's value at its point 0).
    const XmileReadResult called = test::readMdl(QStringLiteral("\"table (2)\"((0,0),(10,100)) ~~|\n"
                                                                "y = \"table (2)\"(5) ~~|\nz = \"table (2)\" (Time) ~~|\n"));
    QVERIFY2(called.project, qPrintable(messages(called).join(u'\n')));
    QCOMPARE(valueAt(called, QStringLiteral("y"), 0), 50.0);
    QCOMPARE(valueAt(called, QStringLiteral("z"), 3), 30.0);
}

void TestVensimReader::lookupsAndWithLookup()
{
    // table: (0,0) (10,100); beyond the ends Vensim holds the end value.
    // y = table(Time * 5): at time 1, 50 * 10 / 10 = 50 -> table(5) = 50; at time 4, table(20) = 100.
    // z = WITH LOOKUP(Time, ([(0,0)-(4,8)], (0,0), (4,8))): 2 * Time.
    const XmileReadResult r = test::readMdl(QStringLiteral("table(\n [(0,0)-(10,100)],(0,0),(10,100)) ~~|\n"
                                                  "y = table(Time * 5) ~~|\n"
                                                  "z = WITH LOOKUP (Time, ([(0,0)-(4,8)],(0,0),(4,8) )) ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    const Variable *table = r.project->mainModel().findVariable(u"table");
    QVERIFY(table && table->gf);
    QCOMPARE(table->gf->xpts, (std::vector<double>{0, 10}));
    QCOMPARE(table->gf->ypts, (std::vector<double>{0, 100}));
    QCOMPARE(valueAt(r, QStringLiteral("y"), 1), 50.0);
    QCOMPARE(valueAt(r, QStringLiteral("y"), 4), 100.0);
    QCOMPARE(valueAt(r, QStringLiteral("z"), 3), 6.0);
}

void TestVensimReader::subscriptsRangesAndTables()
{
    const XmileReadResult r = test::readMdl(QStringLiteral("Region : (r1-r3) ~~|\n"
                                                  "Kind : k1, k2 ~~|\n"
                                                  "size[Region, Kind] = 1, 2; 3, 4; 5, 6; ~~|\n"
                                                  "total[Region] = SUM(size[Region, Kind!]) ~~|\n"
                                                  "flag[Region] :EXCEPT: [r2] = 1 ~~|\n"
                                                  "flag[r2] = ELMCOUNT(Region) ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QCOMPARE(r.project->dimensions.size(), std::size_t(2));
    QCOMPARE(r.project->dimensions[0].elements, (QStringList{"r1", "r2", "r3"}));
    // size[r2, k1] = 3 (row-major); total[r2] = 3 + 4 = 7; flag[r2] = 3 elements.
    QCOMPARE(valueAt(r, QStringLiteral("size[r2,k1]"), 0), 3.0);
    QCOMPARE(valueAt(r, QStringLiteral("total[r2]"), 0), 7.0);
    QCOMPARE(valueAt(r, QStringLiteral("flag[r1]"), 0), 1.0);
    QCOMPARE(valueAt(r, QStringLiteral("flag[r2]"), 0), 3.0);

    // A list of values over a subrange is over that subrange, as an equation over it is: not
    // widened to the range it lies in with its other elements 0 (SDXorg's subscript tests, Vensim's output
    // listing listed[A] to listed[C] only). Nor is an equation over two subranges mapped to each other
    // (SDEverywhere's same_family_278: U has its 4 elements in Vensim's output).
    const XmileReadResult sub = test::readMdl(QStringLiteral("wide : A, B, C, D, E ~~|\nnarrow : A, B, C ~~|\n"
                                                             "listed[narrow] = 10, 6, 3 ~~|\n"
                                                             "Sector : S1, S2, S3 ~~|\n"
                                                             "Supplying : S1, S2 -> Producing ~~|\n"
                                                             "Producing : S1, S2 -> Supplying ~~|\n"
                                                             "X[Sector, Sector] = 1, 2, 3; 4, 5, 6; 7, 8, 9; ~~|\n"
                                                             "U[Supplying, Producing] = X[Supplying, Producing] + 5 ~~|\n"));
    QVERIFY2(sub.project && messages(sub).isEmpty(), qPrintable(messages(sub).join(u'\n')));
    const Variable *listed = sub.project->mainModel().findVariable(QStringLiteral("listed"));
    QVERIFY(listed);
    QCOMPARE(listed->dimensions, QStringList{QStringLiteral("narrow")});
    QCOMPARE(valueAt(sub, QStringLiteral("listed[C]"), 0), 3.0);
    const Variable *u = sub.project->mainModel().findVariable(QStringLiteral("U"));
    QVERIFY(u);
    QCOMPARE(u->dimensions, (QStringList{QStringLiteral("Supplying"), QStringLiteral("Producing")}));
    QCOMPARE(valueAt(sub, QStringLiteral("U[S2,S1]"), 0), 9.0); // X[S2, S1] = 4, + 5
}

void TestVensimReader::integerTruncatesLikeVensim()
{
    // INTEGER(-2.5) is -2 in Vensim (XMILE's INT would floor to -3); QUANTUM(7, 2) = 6.
    const XmileReadResult r = test::readMdl(QStringLiteral("a = INTEGER(-2.5) ~~|\nb = QUANTUM(7, 2) ~~|\nc = MODULO(7, 3) ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QCOMPARE(valueAt(r, QStringLiteral("a"), 0), -2.0);
    QCOMPARE(valueAt(r, QStringLiteral("b"), 0), 6.0);
    QCOMPARE(valueAt(r, QStringLiteral("c"), 0), 1.0);
}

// sel = (2, 0, -1) picks k1 and k3 of x = (3, 5, 4); their products s*x are 6 and -4.
// Actions: 0 sum 6 - 4 = 2; 1 product -24; 2 min -4; 3 max 6; 4 mean (6 - 4) / 2 = 1;
// 5 product of x^s = 3^2 * 4^-1 = 2.25; 6 sum of x 3 + 4 = 7; 7 product 12; 8 min 3;
// 9 max 4; 10 mean 3.5. Nothing selected gives the missing value, -9. With the action
// Time, the run picks the action of each time: 2 at time 2, 1 at time 4.
// Different ranges in the two arguments pair every element of one with every element of the
// other: sel[Kind!] with y[Other!] = (10, 20) selects (k1, o1), (k1, o2), (k3, o1), (k3, o2):
// action 0 sums s*y, 2*10 + 2*20 - 10 - 20 = 30; action 6 sums y, 10 + 20 + 10 + 20 = 60.
// An error action other than 0 (stop the run on a wrong count) is said, not checked.
void TestVensimReader::vectorSelectEveryAction()
{
    QString eqs = QStringLiteral("Kind: k1, k2, k3 ~~|\nsel[Kind] = 2, 0, -1 ~~|\nx[Kind] = 3, 5, 4 ~~|\nnone[Kind] = 0 ~~|\n"
                                 "empty = VECTOR SELECT(none[Kind!], x[Kind!], -9, 0, 0) ~~|\n"
                                 "dynamic = VECTOR SELECT(sel[Kind!], x[Kind!], -9, Time, 0) ~~|\n"
                                 "Other: o1, o2 ~~|\ny[Other] = 10, 20 ~~|\n"
                                 "cross sum = VECTOR SELECT(sel[Kind!], y[Other!], -9, 0, 0) ~~|\n"
                                 "cross values = VECTOR SELECT(sel[Kind!], y[Other!], -9, 6, 0) ~~|\n");
    for (int a = 0; a <= 10; ++a)
        eqs += QStringLiteral("action %1 = VECTOR SELECT(sel[Kind!], x[Kind!], -9, %1, 0) ~~|\n").arg(a);
    const XmileReadResult r = test::readMdl(eqs);
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QVERIFY2(messages(r).filter(QStringLiteral("VECTOR")).isEmpty(), qPrintable(messages(r).join(u'\n')));
    const double expected[11] = {2, -24, -4, 6, 1, 2.25, 7, 12, 3, 4, 3.5};
    for (int a = 0; a <= 10; ++a)
        QVERIFY2(std::fabs(valueAt(r, QStringLiteral("action %1").arg(a), 0) - expected[a]) < 1e-12, qPrintable(QString::number(a)));
    QCOMPARE(valueAt(r, QStringLiteral("empty"), 0), -9.0);
    QCOMPARE(valueAt(r, QStringLiteral("dynamic"), 0), 2.0);
    QCOMPARE(valueAt(r, QStringLiteral("dynamic"), 2), -4.0);
    QCOMPARE(valueAt(r, QStringLiteral("dynamic"), 4), 1.0);
    QCOMPARE(valueAt(r, QStringLiteral("cross sum"), 0), 30.0);
    QCOMPARE(valueAt(r, QStringLiteral("cross values"), 0), 60.0);
    const test::MdlRun checked = test::runMdl(QStringLiteral("Kind: k1, k2 ~~|\nx[Kind] = 3, 5 ~~|\n"
                                                             "strict = VECTOR SELECT(x[Kind!], x[Kind!], -9, 0, 1) ~~|\n"));
    QVERIFY2(checked.run.results, qPrintable(checked.messages.join(u'\n')));
    QCOMPARE(checked.at(QStringLiteral("strict"), 0), 34.0); // 3*3 + 5*5
    QVERIFY2(checked.messages.join(u'\n').contains(QStringLiteral("error action other than 0 is not checked")),
             qPrintable(checked.messages.join(u'\n')));
}

// GET TIME VALUE(0, offset, 0) is Time + offset; (1, offset, 0) is INITIAL TIME + offset.
// The computer's clock (2) is said, at the argument's position (column 23), not guessed.
// Calendar measures: tests/vensim/test_vensim_calendar.cpp.
void TestVensimReader::getTimeValueInModelTime()
{
    const XmileReadResult r = test::readMdl(QStringLiteral("now = GET TIME VALUE(0, 2, 0) ~~|\nstart = GET TIME VALUE(1, -1, 0) ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QCOMPARE(valueAt(r, QStringLiteral("now"), 3), 5.0);
    QCOMPARE(valueAt(r, QStringLiteral("start"), 3), -1.0);
    const XmileReadResult clock = test::readMdl(QStringLiteral("wall = GET TIME VALUE(2, 0, 0) ~~|\n"));
    QVERIFY2(messages(clock).join(u'\n').contains(QStringLiteral("m.mdl:2:23: warning: GET TIME VALUE reads the simulation's time (0) or its "
                                                                     "initial time (1), written as a number; the computer's "
                                                                     "clock (2) is not read")),
             qPrintable(messages(clock).join(u'\n')));
    QVERIFY(std::isnan(valueAt(clock, QStringLiteral("wall"), 0)));
}

// A delay's order may be a constant defined further down the file. DELAY N of order 2 and
// delay 2 (stages of 1 time unit, DT 1) of a step from 0 to 1 at time 0, starting at 0:
// stage 1 = 0, 1, 1, ...; stage 2 (the output) = 0, 0, 1: the output is 1 at time 2.
void TestVensimReader::orderNamedByALaterConstant()
{
    const XmileReadResult r = test::readMdl(QStringLiteral("out = DELAY N(STEP(1, 0), 2, 0, order) ~~|\norder = 2 ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QCOMPARE(valueAt(r, QStringLiteral("out"), 1), 0.0);
    QCOMPARE(valueAt(r, QStringLiteral("out"), 2), 1.0);
}

// "x = ~ units ~ |" and A FUNCTION OF(...) are how Vensim keeps a variable not written yet:
// the model is read (for its diagram and loops), the variable has no equation, and running
// it is an error naming the variable.
void TestVensimReader::incompleteVariableIsReadNotRun()
{
    const XmileReadResult r = test::readMdl(QStringLiteral("u = A FUNCTION OF(u, a) ~~|\nu = ~ Month ~ not written yet |\na = 10 ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QVERIFY2(messages(r).contains(QStringLiteral("m.mdl:2:1: warning: 'u' has no equation yet (it is empty or A FUNCTION OF): "
                                                 "the model can be read and drawn but not run")),
             qPrintable(messages(r).join(u'\n')));
    QCOMPARE(r.project->mainModel().findVariable(u"u")->equation, QString());
    const CompileResult c = compileProject(*r.project);
    QVERIFY(!c.model);
    bool named = false;
    for (const Diagnostic &d : c.diagnostics)
        named = named || d.format().contains(QLatin1String("'u' has no equation"));
    QVERIFY(named);
}

void TestVensimReader::macrosBecomeXmileMacros()
{
    const XmileReadResult r = test::readMdl(QStringLiteral(":MACRO: DOUBLE(x)\nDOUBLE = 2 * x ~~|\n:END OF MACRO:\n"
                                                  "y = DOUBLE(Time + 1) ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QCOMPARE(r.project->macros.size(), std::size_t(1));
    QCOMPARE(r.project->macros[0].parameters, QStringList{QStringLiteral("x")});
    QCOMPARE(valueAt(r, QStringLiteral("y"), 3), 8.0);
}

void TestVensimReader::activeInitialBreaksAnInitialLoop()
{
    // S starts from v, and v reads S: a loop, but for ACTIVE INITIAL, which makes v 5 while
    // the model initialises. So S0 = 5; then v = S + 100 = 105 in the first row; S1 = 6.
    const XmileReadResult r = test::readMdl(QStringLiteral("S = INTEG(1, v) ~~|\nv = ACTIVE INITIAL(S + 100, 5) ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QCOMPARE(r.project->mainModel().findVariable(u"v")->initEquation, QStringLiteral("5"));
    QCOMPARE(valueAt(r, QStringLiteral("S"), 0), 5.0);
    QCOMPARE(valueAt(r, QStringLiteral("v"), 0), 105.0);
    QCOMPARE(valueAt(r, QStringLiteral("S"), 1), 6.0);
    QCOMPARE(valueAt(r, QStringLiteral("v"), 1), 106.0);
}

void TestVensimReader::malformedEquationIsAnErrorAtLineAndColumn()
{
    // Line 3 is "b = (a + * 2) ~~|"; the '*' is at column 10.
    const XmileReadResult r = test::readMdl(QStringLiteral("a = 1 ~~|\nb = (a + * 2) ~~|\n"));
    QVERIFY(!r.project);
    QVERIFY2(messages(r).contains(QStringLiteral("m.mdl:3:10: error: unexpected '*' in an expression")),
             qPrintable(messages(r).join(u'\n')));
}

void TestVensimReader::unsupportedFunctionIsAWarningAtItsPosition()
{
    // "d = 1 + DELAY PROFILE(...)": the call starts at line 2, column 9, where the
    // reader warns of it and the solver refuses it.
    const XmileReadResult r = test::readMdl(QStringLiteral("d = 1 + DELAY PROFILE(r, p, 1) ~~|\nr = 1 ~~|\np = 1 ~~|\n"));
    QVERIFY2(messages(r).contains(QStringLiteral("m.mdl:2:9: warning: the Vensim function DELAY PROFILE is not supported")),
             qPrintable(messages(r).join(u'\n')));
    QVERIFY(r.project);
    const CompileResult c = compileProject(*r.project);
    QVERIFY(!c.model);
    QStringList compiled;
    for (const Diagnostic &d : c.diagnostics)
        compiled << d.format();
    QVERIFY2(compiled.contains(QStringLiteral("m.mdl:2:9: error: in 'd': unknown function 'DELAY PROFILE'")),
             qPrintable(compiled.join(u'\n')));
}

void TestVensimReader::solverErrorsPointAtTheNameInTheFile()
{
    // The solver reads the equations rewritten in XMILE's syntax; its errors must still
    // point at the name in the .mdl. Columns counted by hand:
    //   line 2 "a = 2 * missing one + 1 ~~|"        'missing one' at column 9
    //   line 3 "s = INTEG(2 * TIME STEP - gone, 1) ~~|" 'gone' at column 27 (the stock's rate)
    //   line 4 "d: d1, d2 ~~|"
    //   line 5 "e[d] = 1 + MIN(3, lost[d]) ~~|"     'lost' at column 19 (element by element)
    //   line 6 "f = SMOOTH(a,\\\n   nowhere) ~~|"    'nowhere' on line 7, column 4
    const XmileReadResult r = test::readMdl(QStringLiteral("a = 2 * missing one + 1 ~~|\n"
                                                  "s = INTEG(2 * TIME STEP - gone, 1) ~~|\n"
                                                  "d: d1, d2 ~~|\n"
                                                  "e[d] = 1 + MIN(3, lost[d]) ~~|\n"
                                                  "f = SMOOTH(a,\\\n   nowhere) ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    const CompileResult c = compileProject(*r.project);
    QStringList compiled;
    for (const Diagnostic &d : c.diagnostics)
        compiled << d.format();
    for (const char *expected : {"m.mdl:2:9: error: in 'a': unknown name 'missing_one'",
                                 "m.mdl:3:27: error: in 's net flow': unknown name 'gone'",
                                 "m.mdl:5:19: error: in 'e': unknown name 'lost'",
                                 "m.mdl:7:4: error: in 'f': unknown name 'nowhere'"})
        QVERIFY2(compiled.contains(QLatin1String(expected)), qPrintable(expected + (u'\n' + compiled.join(u'\n'))));
}

void TestVensimReader::macroExtraOutputs()
{
    // ACC keeps a stock: ACC = INTEG(rate, 0), and gives "doubled" = 2 * ACC as an extra
    // output. With rate 3 and TIME STEP 1, ACC is 3t, so a = 3t and twice = 6t: at t = 2,
    // a = 6 and twice = 12. The output's macro runs its own copy of the stock with the same
    // argument, so it follows the same path.
    const QString macro = QStringLiteral(":MACRO: ACC(rate : doubled)\nACC = INTEG(rate, 0) ~~|\n"
                                         "doubled = ACC * 2 ~~|\n:END OF MACRO:\n");
    const XmileReadResult r = test::readMdl(macro + QStringLiteral("a = ACC(3 : twice) ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QCOMPARE(valueAt(r, QStringLiteral("a"), 2), 6.0);
    QCOMPARE(valueAt(r, QStringLiteral("twice"), 2), 12.0);
    QCOMPARE(valueAt(r, QStringLiteral("twice"), 0), 0.0);

    // Outputs that cannot be set are said, at the output's name (line 6 is the call):
    //   "b = ACC(3 : b, more) ~~|": b is the call's own result (column 13), the macro has
    //   one extra output so 'more' is not set (column 16);
    //   "c = MIN(1, 2 : d) ~~|": MIN is not a macro (column 16).
    const XmileReadResult bad = test::readMdl(macro + QStringLiteral("b = ACC(3 : b, more) ~~|\nc = MIN(1, 2 : d) ~~|\n"));
    for (const char *expected : {"m.mdl:6:13: warning: 'b' is the call's own result, so the macro's extra output is not stored in it",
                                 "m.mdl:6:16: warning: macro ACC has 1 extra output(s); 'more' is not set",
                                 "m.mdl:7:16: warning: only a macro's call names outputs after ':'; MIN is not a macro, so they are not set"})
        QVERIFY2(messages(bad).contains(QLatin1String(expected)), qPrintable(expected + (u'\n' + messages(bad).join(u'\n'))));
    QCOMPARE(valueAt(bad, QStringLiteral("b"), 2), 6.0);

    // Two calls naming one output: the first in the text sets it ("x = ACC(3 : y) + ACC(4 : y)",
    // line 6; the second 'y' at column 26 is warned). So y = 2 * 3t = 12 at t = 2.
    const XmileReadResult twice = test::readMdl(macro + QStringLiteral("x = ACC(3 : y) + ACC(4 : y) ~~|\n"));
    QVERIFY2(messages(twice).contains(QStringLiteral("m.mdl:6:26: warning: 'y' is defined elsewhere, so the macro's extra "
                                                     "output is not stored in it")),
             qPrintable(messages(twice).join(u'\n')));
    QCOMPARE(valueAt(twice, QStringLiteral("y"), 2), 12.0);
    QCOMPARE(valueAt(twice, QStringLiteral("x"), 2), 14.0); // 3t + 4t

    // A call left open names where it was opened: "e = ACC(3 4) ~~|" on line 6, '(' at column 8.
    const XmileReadResult open = test::readMdl(macro + QStringLiteral("e = ACC(3 4) ~~|\n"));
    QVERIFY2(messages(open).contains(QStringLiteral("m.mdl:6:11: error: expected ',' or ')' in the arguments of ACC "
                                                    "(opened at line 6, column 8)")),
             qPrintable(messages(open).join(u'\n')));

    // A macro never closed would take the model's equations (and its control section) into its
    // body: an error at the macro's name ("F" at line 2, column 9), and no model.
    const XmileReadResult unclosed = test::readMdl(QStringLiteral(":MACRO: F(x)\nF = x ~~|\na = F(1) ~~|\n"));
    QVERIFY(!unclosed.project);
    QVERIFY2(messages(unclosed).contains(QStringLiteral("m.mdl:2:9: error: :MACRO: F has no :END OF MACRO:")),
             qPrintable(messages(unclosed).join(u'\n')));
    // One opened inside another: the first is said.
    const XmileReadResult nested = test::readMdl(QStringLiteral(":MACRO: F(x)\nF = x ~~|\n:MACRO: G(y)\nG = y ~~|\n"
                                                                ":END OF MACRO:\na = G(1) ~~|\n"));
    QVERIFY2(messages(nested).contains(QStringLiteral("m.mdl:2:9: error: :MACRO: F has no :END OF MACRO: before the next :MACRO:")),
             qPrintable(messages(nested).join(u'\n')));
    // And one closed that was never opened (line 3, column 1, after {UTF-8} and a = 1).
    const XmileReadResult stray = test::readMdl(QStringLiteral("a = 1 ~~|\n:END OF MACRO:\n"));
    QVERIFY(!stray.project);
    QVERIFY2(messages(stray).contains(QStringLiteral("m.mdl:3:1: error: :END OF MACRO: with no :MACRO: open")),
             qPrintable(messages(stray).join(u'\n')));
}

void TestVensimReader::missingBarIsAnError()
{
    const XmileReadResult r = readVensim(QByteArray("a = 1 ~ ~ no bar at the end\n"), QStringLiteral("m.mdl"));
    QVERIFY(!r.project);
    QCOMPARE(messages(r).value(0), QStringLiteral("m.mdl:1:1: error: the equation does not end with '|'"));
    // A '|' missing between two equations made the second part of the first's comment, and
    // 'b' was gone without a word. The third '~' (line 3, column 2) is said. A flag after a
    // third '~' is Vensim's own (":SUPPLEMENTARY"), not part of the comment.
    const XmileReadResult lost = readVensim(QByteArray("a = 1 ~ u ~ note\nb = a + 2\n ~ u ~ |\n"), QStringLiteral("m.mdl"));
    QVERIFY(!lost.project);
    QCOMPARE(messages(lost).value(0), QStringLiteral("m.mdl:3:2: error: a third '~' in one equation, and no flag such as "
                                                     ":SUPPLEMENTARY after it: is the '|' that ends the equation before it "
                                                     "missing?"));
    const XmileReadResult flagged = readVensim(QByteArray("a = 1 ~ u ~ note ~ :SUPPLEMENTARY\n|\n"), QStringLiteral("m.mdl"));
    QVERIFY2(flagged.project, qPrintable(messages(flagged).join(u'\n')));
    QCOMPARE(flagged.project->mainModel().findVariable(u"a")->doc, QStringLiteral("note"));
}

void TestVensimReader::sketchPlacesEveryVariableWhereVensimDid()
{
    // From SIR.mdl's sketch: "10,1,Susceptible,248,267,40,20,3,3,..." (centre, half sizes);
    // the valve "11,6,268,331,268,..." with its flow "Succumbing" after it, and pipe
    // arrows to (306,268) on the source side (marked 100) and (355,268) on the target's;
    // "1,17,15,6,...|(308,228)|": a connector from Contact Infectivity (263,200) to the
    // valve, curving through (308,228).
    const XmileReadResult r = readVensimFile(QStringLiteral(MEADOWS_TEST_DATA "/test-models-vensim/samples/SIR/SIR.mdl"));
    QVERIFY(r.project);
    const std::vector<View> &views = r.project->mainModel().views;
    QCOMPARE(views.size(), std::size_t(1));
    const auto find = [&](ViewElement::Type type, const QString &name) -> const ViewElement * {
        for (const ViewElement &e : views[0].elements)
            if (e.type == type && e.name == name)
                return &e;
        return nullptr;
    };
    const ViewElement *stock = find(ViewElement::Type::Stock, QStringLiteral("Susceptible"));
    QVERIFY(stock);
    QCOMPARE(*stock->x, 248.0);
    QCOMPARE(*stock->y, 267.0);
    QCOMPARE(*stock->width, 80.0);
    QCOMPARE(*stock->height, 40.0);
    const ViewElement *flow = find(ViewElement::Type::Flow, QStringLiteral("Succumbing"));
    QVERIFY(flow);
    QCOMPARE(*flow->x, 331.0);
    QCOMPARE(flow->points.size(), std::size_t(2));
    QCOMPARE(flow->points[0].x, 306.0);
    QCOMPARE(flow->points[1].x, 355.0);
    const ViewElement *aux = find(ViewElement::Type::Aux, QStringLiteral("Contact Infectivity"));
    QVERIFY(aux);
    QCOMPARE(*aux->y, 200.0);
    const ViewElement *link = nullptr;
    for (const ViewElement &e : views[0].elements)
        if (e.type == ViewElement::Type::Connector && e.from.name == QLatin1String("Contact Infectivity"))
            link = &e;
    QVERIFY(link);
    QCOMPARE(link->to.name, QStringLiteral("Succumbing"));
    QCOMPARE(*link->angle, angleThrough(QPointF(263, 200), QPointF(308, 228), QPointF(331, 268)));
}

void TestVensimReader::severalViewsAreTiledIntoOneDiagram()
{
    // Three views: "Title" holds only a comment, at (100,100) with half sizes 80 x 20: a text
    // box at (16,80), 168 x 40 with its margins (kept: Save As would lose it otherwise); "First" shows a
    // (100,50) and b (300,50) with a connector; "Second" shows b (200,400) and a shadow of a
    // (50,300) with a connector from the shadow. Auxes are taken as 80 x 40 when bounding a
    // view: Title spans (16,80)-(184,120), 168 x 40; First (60,30)-(340,70), 280 x 40; Second
    // (10,280)-(240,420), 230 x 140. Cells: 280 + 120 gap = 400 wide, 140 + 60 heading + 120
    // gap = 320 high; three views, ceil(sqrt 3) = 2 columns: Title, First; Second. Title moves
    // by (0 - 16, 0 + 60 - 80) = (-16, -20): its box to (0,60). First by (400 - 60, 0 + 60 -
    // 30) = (340, 30): a (440,80), b (640,80). Second by (0 - 10, 320 + 60 - 280) = (-10, 100):
    // b (190,500), the shadow (40,400). Each view numbers its elements from 1; each view's move
    // past the highest before: Title's comment 1, First's 2 to 4, Second's 5 to 7. Second
    // shows b in full again: the diagram shows it once, so there it is a shadow too.
    const QByteArray sketch = "\\\\\\---/// Sketch information - do not modify anything except names\n"
                              "V300  Do not put anything below this section - it will be ignored\n";
    const QString text = QStringLiteral("{UTF-8}\na = 1 ~ ~ |\nb = a * 2 ~ ~ |\n") + test::mdlControl(4)
                         + QString::fromLatin1(sketch) + QStringLiteral("*Title\n12,1,0,100,100,80,20,8,4,0,0,0,0,0,0,0,0,0,0,0,0\nA title\n")
                         + QString::fromLatin1(sketch)
                         + QStringLiteral("*First\n10,1,a,100,50,40,20,8,3,0,0,0,0,0,0\n10,2,b,300,50,40,20,8,3,0,0,0,0,0,0\n"
                                          "1,3,1,2,0,0,0,0,0,0,0,-1--1--1,,1|(0,0)|\n")
                         + QString::fromLatin1(sketch)
                         + QStringLiteral("*Second\n10,1,b,200,400,40,20,8,3,0,0,0,0,0,0\n10,2,a,50,300,40,20,8,2,0,0,0,0,0,0\n"
                                          "1,3,2,1,0,0,0,0,0,0,0,-1--1--1,,1|(0,0)|\n///---\\\\\\\n");
    const XmileReadResult r = readVensim(text.toUtf8(), QStringLiteral("m.mdl"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    const std::vector<View> &views = r.project->mainModel().views;
    QCOMPARE(views.size(), std::size_t(1));
    const std::vector<ViewElement> &e = views[0].elements;
    // Title's box, heading; First's a, b, connector, heading; Second's b, shadow, connector, heading.
    QCOMPARE(e.size(), std::size_t(10));
    using T = ViewElement::Type;
    const auto check = [&](std::size_t i, T type, int uid, double x, double y) {
        QCOMPARE(e[i].type, type);
        QCOMPARE(*e[i].uid, uid);
        QCOMPARE(*e[i].x, x);
        QCOMPARE(*e[i].y, y);
    };
    const auto heading = [&](std::size_t i, const QString &text, double x, double y) {
        QCOMPARE(e[i].type, T::TextBox);
        QCOMPARE(e[i].text, text);
        QCOMPARE(*e[i].x, x);
        QCOMPARE(*e[i].y, y);
    };
    check(0, T::TextBox, 1, 0, 60);
    QCOMPARE(e[0].text, QStringLiteral("A title"));
    heading(1, QStringLiteral("Title"), 0, 0);
    check(2, T::Aux, 2, 440, 80);
    QCOMPARE(e[2].name, QStringLiteral("a"));
    check(3, T::Aux, 3, 640, 80);
    QCOMPARE(e[4].type, T::Connector);
    QCOMPARE(*e[4].uid, 4);
    // "|(0,0)|" is Vensim's straight connector, not a bend through the origin: a to b is level.
    QCOMPARE(*e[4].angle, 0.0);
    heading(5, QStringLiteral("First"), 400, 0);
    check(6, T::Alias, 5, 190, 500);
    QCOMPARE(e[6].aliasOf, QStringLiteral("b"));
    check(7, T::Alias, 6, 40, 400);
    QCOMPARE(e[7].aliasOf, QStringLiteral("a"));
    QCOMPARE(e[8].type, T::Connector);
    QCOMPARE(*e[8].uid, 7);
    QCOMPARE(*e[8].from.aliasUid, 6); // still the shadow of a, renumbered with it
    QCOMPARE(*e[8].to.aliasUid, 5); // b's shadow in Second, not b in First
    QCOMPARE(*e[8].angle, straightAngle(QPointF(50, 300), QPointF(200, 400)));
    heading(9, QStringLiteral("Second"), 0, 320);
}

void TestVensimReader::pipeRunsFromTheStockItDrains()
{
    // S drains through f into a cloud. The valve's pipe arrows run to S (marked 4) and to the
    // cloud (marked 68; World3-03 marks its outflows' clouds so). The pipe must run from S,
    // through the bend at (150,100) on S's side, to the cloud: f is S's outflow. It ends at
    // the cloud's centre (300,100), where Vensim draws the cloud (the arrow's (260,100) is on
    // its edge, and a cloud is drawn centred on a pipe's end).
    const QString text = QStringLiteral("{UTF-8}\nS = INTEG(-f, 10) ~ ~ |\nf = 1 ~ ~ |\n") + test::mdlControl(4)
                         + QStringLiteral("\\\\\\---/// Sketch information - do not modify anything except names\n"
                                          "V300  Do not put anything below this section - it will be ignored\n*View 1\n"
                                          "10,1,S,100,100,40,20,3,3,0,0,0,0,0,0\n12,2,48,300,100,10,8,0,3,0,0,-1,0,0,0\n"
                                          "11,3,0,200,100,6,8,34,3,0,0,1,0,0,0\n10,4,f,200,130,40,20,40,3,0,0,0,0,0,0\n"
                                          "1,5,3,1,4,0,0,22,0,0,0,-1--1--1,,1|(150,100)|\n"
                                          "1,6,3,2,68,0,0,22,0,0,0,-1--1--1,,1|(260,100)|\n///---\\\\\\\n");
    const XmileReadResult r = readVensim(text.toUtf8(), QStringLiteral("m.mdl"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    const ViewElement *flow = nullptr;
    for (const ViewElement &e : r.project->mainModel().views.at(0).elements)
        if (e.type == ViewElement::Type::Flow)
            flow = &e;
    QVERIFY(flow);
    QCOMPARE(flow->name, QStringLiteral("f"));
    QCOMPARE(flow->points.size(), std::size_t(2));
    QCOMPARE(flow->points[0].x, 150.0);
    QCOMPARE(flow->points[1].x, 300.0);
}

QTEST_GUILESS_MAIN(TestVensimReader)
#include "test_vensim_reader.moc"

// Constructs that public Vensim models (the MetaSD library, SDEverywhere's test models) use
// and Meadows misread: each written here as a small model of its own, with its values worked
// by hand from Vensim's documentation. The models themselves are not shipped (their authors
// hold copyright).
#include "support/inlinemdl.h"

#include <QtTest>
#include <algorithm>

using namespace meadows;
using namespace meadows::test;

namespace {

// INITIAL TIME 0, FINAL TIME 2, TIME STEP 0.5: rows at 0, 0.5, 1, 1.5, 2.
const QString kHalfSteps = QStringLiteral("INITIAL TIME = 0 ~ Year ~ |\nFINAL TIME = 2 ~ Year ~ |\n"
                                          "TIME STEP = 0.5 ~ Year ~ |\nSAVEPER = TIME STEP ~ Year ~ |\n");

} // namespace

class TestVensimPublicConstructs : public QObject {
    Q_OBJECT
private slots:
    void macroReachesTheSimulationsClock();
    void macroParameterNamedLikeTheClock();
    void macroShadowsTheBuiltinOfItsName();
    void macroWrappingTheBuiltinOfItsName();
    void sampleIfTrueReadsItselfAsHeld();
    void sintegKeepsWithinItsLimits();
    void sintegSnapsToItsSpecialValue();
    void sintegLimitsMustBeNumbers();
    void mappingListsItsElements();
    void mappedRangeAsAValue();
    void delayOrderKnownThroughAMacroParameter();
    void delayOrderComputedFromTimeIsReadAtTheStart();
    void delayOrderKnownOnlyLaterIsAnError();
    void delayNReadsTheDelayTimeOfTheStepBefore();
    void delayNOrderReducedToFitTheTimeStep();
    void quotedNamesKeepTheirBackslashes();
    void tableRowsOfAnotherLengthAreSaid();
    void variableNamedLikeAnOperator();
    void variableNamedLikeABuiltinValue();
    void malformedNumberIsAnError();
    void oldSketchFormatIsDrawn();
    void dataFileNamedThroughTheSettings();
    void macroHeaderContinuedOverLines();
    void realityChecksAreLeftOutAndSaid();
};

// Vensim: "you can use TIME STEP$ inside of a macro to refer to the model variable TIME
// STEP" (and Time$ likewise). TIME STEP is 0.5, so PER STEP(3) = 3 * 0.5 = 1.5 at every
// row; CLOCK() = 2 * Time$ is 0, 1, 2, 3, 4 at Time 0, 0.5, 1, 1.5, 2.
void TestVensimPublicConstructs::macroReachesTheSimulationsClock()
{
    const MdlRun r = runMdl(QStringLiteral(":MACRO: PER STEP(x)\nPER STEP = x * TIME STEP$ ~ x ~ |\n:END OF MACRO:\n"
                                           ":MACRO: CLOCK(unused)\nCLOCK = 2 * Time$ ~ ~ |\n:END OF MACRO:\n"
                                           "per step = PER STEP(3) ~ ~ |\nclock = CLOCK(0) ~ ~ |\n"),
                            kHalfSteps);
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    for (const double t : {0.0, 0.5, 1.0, 1.5, 2.0}) {
        QCOMPARE(r.at(QStringLiteral("per step"), t), 1.5);
        QCOMPARE(r.at(QStringLiteral("clock"), t), 2 * t);
    }
}

// A macro's parameter named "time step" (the Beer Game's PINK NOISE) is the macro's own, not
// TIME STEP: SCALED(3, 2) = 3 * 2 = 6 while TIME STEP is 0.5; and "TIME STEP$" beside it
// is still the model's, 0.5, so BOTH(3, 2) = 3 * 2 + 0.5 = 6.5.
void TestVensimPublicConstructs::macroParameterNamedLikeTheClock()
{
    const MdlRun r = runMdl(QStringLiteral(":MACRO: SCALED(x, time step)\nSCALED = x * time step ~ x ~ |\n:END OF MACRO:\n"
                                           ":MACRO: BOTH(x, time step)\nBOTH = x * time step + TIME STEP$ ~ x ~ |\n"
                                           ":END OF MACRO:\n"
                                           "scaled = SCALED(3, 2) ~ ~ |\nboth = BOTH(3, 2) ~ ~ |\n"),
                            kHalfSteps);
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("scaled"), 1), 6.0);
    QCOMPARE(r.at(QStringLiteral("both"), 1), 6.5);
}

// A model's own macro named like a builtin is the one its equations mean (the Beer Game
// defines ROUND(x, interval), Vensim's own ROUND taking no interval). ROUND(7, 5) =
// 5 * INTEGER(7 / 5 + 0.5) = 5 * INTEGER(1.9) = 5; ROUND(12.6, 5) = 5 * INTEGER(3.02) = 15.
void TestVensimPublicConstructs::macroShadowsTheBuiltinOfItsName()
{
    for (const bool saved : {false, true}) { // and as the XMILE Save As writes
        const MdlRun r = runMdl(QStringLiteral(":MACRO: ROUND(x, interval)\n"
                                               "ROUND = interval * INTEGER(x / interval + 0.5) ~ x ~ |\n:END OF MACRO:\n"
                                               "seven = ROUND(7, 5) ~ ~ |\ntwelve = ROUND(12.6, 5) ~ ~ |\n"),
                                mdlControl(1), saved);
        QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
        QCOMPARE(r.at(QStringLiteral("seven"), 0), 5.0);
        QCOMPARE(r.at(QStringLiteral("twelve"), 0), 15.0);
    }
}

// Inside its own body a macro's name is the builtin it wraps (MetaSD's "INIT = INITIAL(x)",
// "DELAYN = DELAY N(...)"), not the macro calling itself. INIT(Time + 2) is Time + 2 at the
// start, 2, at every row.
void TestVensimPublicConstructs::macroWrappingTheBuiltinOfItsName()
{
    const MdlRun r = runMdl(QStringLiteral(":MACRO: INIT(x)\nINIT = INITIAL(x) ~ x ~ |\n:END OF MACRO:\n"
                                           "first = INIT(Time + 2) ~ ~ |\n"),
                            mdlControl(3));
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    for (int t = 0; t <= 3; ++t)
        QCOMPARE(r.at(QStringLiteral("first"), t), 2.0);
}

// "PEAK = SAMPLE IF TRUE(x > PEAK, x, x)" (the Beer Game's Peak Inventory): PEAK in its own
// condition is the value it holds, so it is the largest x so far. x = 1, 3, 1, 4, 1 at Time
// 0..4: at 0 the initial value x = 1 (1 > 1 is false); 3 > 1 takes 3; 1 > 3 holds 3; 4 > 3
// takes 4; 1 > 4 holds 4: 1, 3, 3, 4, 4.
void TestVensimPublicConstructs::sampleIfTrueReadsItselfAsHeld()
{
    const MdlRun r = runMdl(QStringLiteral("x = IF THEN ELSE(Time = 1, 3, IF THEN ELSE(Time = 3, 4, 1)) ~ ~ |\n"
                                           "peak = SAMPLE IF TRUE(x > peak, x, x) ~ ~ |\n"),
                            mdlControl(4));
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    const double expected[] = {1, 3, 3, 4, 4};
    for (int t = 0; t <= 4; ++t)
        QCOMPARE(r.at(QStringLiteral("peak"), t), expected[t]);
}

// SINTEG(rate, initial, min, max, quant, spec, thresh) "will never go below min or above
// max". Rising by 1 a step from 0 under a maximum of 2.5: 0, 1, 2, then 2.5 (not 3), and 2.5
// again. Falling by 1 from 1 over a minimum of 0: 1, 0, 0, 0, 0. With every limit :NA: it "is
// equal to INTEG(rate, initial)": 0, 1, 2, 3, 4.
void TestVensimPublicConstructs::sintegKeepsWithinItsLimits()
{
    const MdlRun r = runMdl(QStringLiteral("rising = SINTEG(1, 0, :NA:, 2.5, :NA:, :NA:, :NA:) ~ ~ |\n"
                                           "falling = SINTEG(-1, 1, 0, :NA:, :NA:, :NA:, :NA:) ~ ~ |\n"
                                           "plain = SINTEG(1, 0, :NA:, :NA:, :NA:, :NA:, :NA:) ~ ~ |\n"),
                            mdlControl(4));
    // The limits are a flow of the model's, and it says so where each SINTEG is (column 10);
    // "plain", without limits, is just INTEG.
    QCOMPARE(r.messages, QStringList({QStringLiteral("m.mdl:2:10: warning: SINTEG is read as INTEG with a flow 'rising "
                                                     "SINTEG limits' that keeps 'rising' within its limits; it is in the "
                                                     "results, and loops are found through it too"),
                                      QStringLiteral("m.mdl:3:11: warning: SINTEG is read as INTEG with a flow 'falling "
                                                     "SINTEG limits' that keeps 'falling' within its limits; it is in the "
                                                     "results, and loops are found through it too")}));
    const double rising[] = {0, 1, 2, 2.5, 2.5}, falling[] = {1, 0, 0, 0, 0};
    for (int t = 0; t <= 4; ++t) {
        QCOMPARE(r.at(QStringLiteral("rising"), t), rising[t]);
        QCOMPARE(r.at(QStringLiteral("falling"), t), falling[t]);
        QCOMPARE(r.at(QStringLiteral("plain"), t), double(t));
    }
}

// "If the value SINTEG would return is within thresh of spec, then SINTEG will return spec."
// Rising by 0.25 a step from 0 with spec 1 and thresh 0.1: 0, 0.25, 0.5, 0.75, then 1 exactly,
// 1.25 at Time 5 and 1.5 at 6.
void TestVensimPublicConstructs::sintegSnapsToItsSpecialValue()
{
    const MdlRun r = runMdl(QStringLiteral("s = SINTEG(0.25, 0, :NA:, :NA:, :NA:, 1, 0.1) ~ ~ |\n"), mdlControl(6));
    QCOMPARE(r.messages.size(), 1); // that SINTEG's limits are a flow of the model's
    QVERIFY2(r.messages.front().startsWith(QStringLiteral("m.mdl:2:5: warning: SINTEG is read as INTEG")),
             qPrintable(r.messages.join(u'\n')));
    const double expected[] = {0, 0.25, 0.5, 0.75, 1, 1.25, 1.5};
    for (int t = 0; t <= 6; ++t)
        QCOMPARE(r.at(QStringLiteral("s"), t), expected[t]);
}

// "The last five arguments must be numbers or :NA:": a name there is an error at it (line 2
// of m.mdl; "limit" at column 18), and the model is not run.
void TestVensimPublicConstructs::sintegLimitsMustBeNumbers()
{
    const MdlRun r = runMdl(QStringLiteral("s = SINTEG(1, 0, limit, :NA:, :NA:, :NA:, :NA:) ~ ~ |\nlimit = 2 ~ ~ |\n"),
                            mdlControl(2));
    QVERIFY2(r.messages.contains(QStringLiteral("m.mdl:2:18: error: SINTEG's limits (its last five arguments) must be "
                                                "numbers or :NA:")),
             qPrintable(r.messages.join(u'\n')));
    QVERIFY(!r.run.results);
}

// "DimB: B1, B2 -> (DimA: SubA, A3)" pairs B1 with each element of SubA (A1 and A2) and B2
// with A3: a[DimA] = b[DimB] * 10 is 10, 10, 20. "DimC: C1, C2, C3 -> (DimD: D3, D2, D1)"
// pairs C1 with D3: d[DimD] = c[DimC] is c[C3], c[C2], c[C1] = 3, 2, 1; and read the other
// way, e[DimC] = d[DimD] is d[D3], d[D2], d[D1] = 1, 2, 3.
void TestVensimPublicConstructs::mappingListsItsElements()
{
    const MdlRun r = runMdl(QStringLiteral("DimA: A1, A2, A3 ~~|\nSubA: A1, A2 ~~|\nDimB: B1, B2 -> (DimA: SubA, A3) ~~|\n"
                                           "DimC: C1, C2, C3 -> (DimD: D3, D2, D1) ~~|\nDimD: D1, D2, D3 ~~|\n"
                                           "b[DimB] = 1, 2 ~~|\na[DimA] = b[DimB] * 10 ~~|\n"
                                           "c[DimC] = 1, 2, 3 ~~|\nd[DimD] = c[DimC] ~~|\ne[DimC] = d[DimD] ~~|\n"),
                            mdlControl(1));
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("a[A1]"), 0), 10.0);
    QCOMPARE(r.at(QStringLiteral("a[A2]"), 0), 10.0);
    QCOMPARE(r.at(QStringLiteral("a[A3]"), 0), 20.0);
    QCOMPARE(r.at(QStringLiteral("d[D1]"), 0), 3.0);
    QCOMPARE(r.at(QStringLiteral("d[D2]"), 0), 2.0);
    QCOMPARE(r.at(QStringLiteral("d[D3]"), 0), 1.0);
    QCOMPARE(r.at(QStringLiteral("e[C1]"), 0), 1.0);
    QCOMPARE(r.at(QStringLiteral("e[C3]"), 0), 3.0);
    // A list without the range it maps to is an error at its '(' (line 3, column 17).
    const MdlRun bad = runMdl(QStringLiteral("DimA: A1, A2 ~~|\nDimB: B1, B2 -> (A1, A2) ~~|\n"), mdlControl(1));
    QVERIFY2(bad.messages.contains(QStringLiteral("m.mdl:3:17: error: a subscript mapping lists its elements as "
                                                  "(range: item, item, ...)")),
             qPrintable(bad.messages.join(u'\n')));
}

// A range used as a number is the position of the element the equation computes; a range
// mapped onto the equation's is the position of the element the mapping pairs with it.
// "DimB: B1, B2, B3 -> (DimA: A3, A2, A1)" pairs A1 with B3: s[DimA] = DimB is 3, 2, 1; and
// by position, "DimC: C1, C2 -> DimD": t[DimD] = DimC * 10 is 10, 20.
void TestVensimPublicConstructs::mappedRangeAsAValue()
{
    const MdlRun r = runMdl(QStringLiteral("DimA: A1, A2, A3 ~~|\nDimB: B1, B2, B3 -> (DimA: A3, A2, A1) ~~|\n"
                                           "DimC: C1, C2 -> DimD ~~|\nDimD: D1, D2 ~~|\n"
                                           "s[DimA] = DimB ~~|\nt[DimD] = DimC * 10 ~~|\n"),
                            mdlControl(1));
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("s[A1]"), 0), 3.0);
    QCOMPARE(r.at(QStringLiteral("s[A2]"), 0), 2.0);
    QCOMPARE(r.at(QStringLiteral("s[A3]"), 0), 1.0);
    QCOMPARE(r.at(QStringLiteral("t[D1]"), 0), 10.0);
    QCOMPARE(r.at(QStringLiteral("t[D2]"), 0), 20.0);
}

// DELAY N's order is fixed at the start: MAX(1, order setting) with order setting = 0 is 1,
// even passed through a macro's parameter. A first-order delay of Time over 2 (Euler, step
// 1, starting at its input, 0): the stock S starts at 0 * 2 = 0 and the output is S / 2;
// S(t+1) = S + t - S / 2: S = 0, 0, 1, 2.5, 4.25, so the output is 0, 0, 0.5, 1.25, 2.125.
void TestVensimPublicConstructs::delayOrderKnownThroughAMacroParameter()
{
    const MdlRun r = runMdl(QStringLiteral(":MACRO: DELAYED(input, delay time, order)\n"
                                           "DELAYED = DELAY N(input, delay time, input, order) ~ input ~ |\n:END OF MACRO:\n"
                                           "order setting = 0 ~ ~ |\n"
                                           "delayed = DELAYED(Time, 2, MAX(1, order setting)) ~ ~ |\n"),
                            mdlControl(4));
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    const double expected[] = {0, 0, 0.5, 1.25, 2.125};
    for (int t = 0; t <= 4; ++t)
        QCOMPARE(r.at(QStringLiteral("delayed"), t), expected[t]);
}

// The public test suite's "delays" asks for an order that changes (2 + STEP(1, 10)): the
// number of stages is fixed when the delay is built, so the order is read at the start and a
// warning at the argument says so (line 2, column 34). Here 1 + STEP(1, 10) is 1 up to time
// 4, and the delay is DELAY N(Time, 2, Time, 1): stage S = 0 at first, out = S / 2, S gains
// Time - out each step: 0, 0, 1, 2.5, 4.25, so out is 0, 0, 0.5, 1.25, 2.125.
void TestVensimPublicConstructs::delayOrderComputedFromTimeIsReadAtTheStart()
{
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(QStringLiteral("delayed = DELAY N(Time, 2, Time, 1 + STEP(1, 10)) ~ ~ |\n"), mdlControl(4), saved);
        QVERIFY2(r.messages.contains(QStringLiteral("m.mdl:2:34: warning: the order is read once, at the start (1): the "
                                                    "delay or smooth keeps that many stages as the run goes on"))
                     || saved,
                 qPrintable(r.messages.join(u'\n')));
        const double expected[] = {0, 0, 0.5, 1.25, 2.125};
        for (int t = 0; t <= 4; ++t)
            QCOMPARE(r.at(QStringLiteral("delayed"), t), expected[t]);
    }
}

// Vensim's reference: DELAY N's output "depends only on the values delay time had in previous
// Time Steps". Order 2, input 0, initial 6, delay time 4 then 8 from time 2, TIME STEP 1:
// stage time d = 2 then 4; both stages start at 6 * 2 = 12. The first stage releases
// L1 / d (this step's d), the second L2 / d of the step before:
// t=0: out = 12/2 = 6, r1 = 12/2 = 6 -> L1 = 6, L2 = 12 + 6 - 6 = 12
// t=1: out = 12/2 = 6, r1 = 6/2 = 3  -> L1 = 3, L2 = 12 + 3 - 6 = 9
// t=2: out = 9/2 = 4.5 (d before is 2; a chain of DELAY1s gives 9/4), r1 = 3/4 -> L2 = 5.25
// t=3: out = 5.25/4 = 1.3125. The same when saved as XMILE and read back.
void TestVensimPublicConstructs::delayNReadsTheDelayTimeOfTheStepBefore()
{
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(QStringLiteral("out = DELAY N(0, 4 + STEP(4, 2), 6, 2) ~ ~ |\n"), mdlControl(3), saved);
        QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
        const double expected[] = {6, 6, 4.5, 1.3125};
        for (int t = 0; t <= 3; ++t)
            QCOMPARE(r.at(QStringLiteral("out"), t), expected[t]);
    }
}

// "delay time must be bigger than order * TIME STEP. If this is not the case Vensim will
// issue a warning and automatically reduce the order": order 3, delay 1.25, TIME STEP 0.5 is
// order 2 (2 * 0.5 <= 1.25), stage time 0.625, both stages starting at 6 * 0.625 = 3.75,
// input 0: out(0) = 6; L1 = 3.75 - 0.5 * 6 = 0.75, L2 = 3.75; out(0.5) = 6; r1 = 1.2,
// L2 = 3.75 + 0.5 * (1.2 - 6) = 1.35; out(1) = 1.35 / 0.625 = 2.16. Said where the delay time is
// known before the run (line 2, the order at column 25); computed from a variable defined
// later (fd, from TIME STEP) the order is settled as the run starts, to the same numbers.
void TestVensimPublicConstructs::delayNOrderReducedToFitTheTimeStep()
{
    const QString control = QStringLiteral("INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 0.5 ~~|\n");
    const MdlRun r = runMdl(QStringLiteral("a = DELAY N(0, 1.25, 6, 3) ~ ~ |\nb = DELAY N(0, fd, 6, 3) ~ ~ |\n"
                                           "c = DELAY N(0, 1.5, 6, 3) ~ ~ |\nfd = 2.5 * TIME STEP ~ ~ |\n"),
                            control);
    QCOMPARE(r.messages, QStringList{QStringLiteral("m.mdl:2:25: warning: DELAY N's order 3 is reduced to 2, as Vensim does, "
                                                    "so that order * TIME STEP (1) is not more than the delay time (1.25)")});
    for (const char *name : {"a", "b"}) {
        QCOMPARE(r.at(QLatin1String(name), 0.5), 6.0);
        QCOMPARE(r.at(QLatin1String(name), 1), 2.16);
    }
    // 3 * 0.5 = 1.5 is not more than 1.5: order 3 kept, stage time 0.5, each stage emptied in
    // one step: out = 6, 6, 6, then 0 at 1.5 (run to 1 here: 6 at 1).
    QCOMPARE(r.at(QStringLiteral("c"), 1), 6.0);
    // A delay time below TIME STEP cannot be fitted by any order: said as such (it had been
    // said that order * TIME STEP, 0.5, was not more than the delay, 0.3). Column 16.
    const MdlRun below = runMdl(QStringLiteral("d = DELAY N(0, 0.3, 6, 3) ~ ~ |\n"), control);
    QCOMPARE(below.messages.value(0), QStringLiteral("m.mdl:2:16: warning: DELAY N's delay time (0.3) is less than TIME STEP "
                                                     "(0.5): even at order 1 its stage would release more than it holds "
                                                     "each step, so the output swings or diverges"));
}

// An order is read before the run from what is known then: INITIAL(3), a stock's initial
// value, a lookup of Time at the start (here 2 at 0) all give the same as a written number.
// An order that reads the delay's own output (1 + x) is not known before the delay is: an
// error at the argument (column 23), where it had been taken as 1 + 0, silently.
void TestVensimPublicConstructs::delayOrderKnownOnlyLaterIsAnError()
{
    const MdlRun known = runMdl(QStringLiteral("o = INITIAL(3) ~ ~ |\ns = INTEG(1, 2) ~ ~ |\nlk((0,2),(10,5)) ~ ~ |\n"
                                               "a = DELAY N(Time, 3, 0, o) ~ ~ |\nb = DELAY N(Time, 3, 0, 3) ~ ~ |\n"
                                               "c = DELAY N(Time, 3, 0, s) ~ ~ |\nd = DELAY N(Time, 3, 0, 2) ~ ~ |\n"
                                               "e = DELAY N(Time, 3, 0, lk(Time)) ~ ~ |\n"),
                                mdlControl(4));
    QVERIFY2(known.run.results, qPrintable(known.messages.join(u'\n')));
    for (int t = 0; t <= 4; ++t) {
        QCOMPARE(known.at(QStringLiteral("a"), t), known.at(QStringLiteral("b"), t));
        QCOMPARE(known.at(QStringLiteral("c"), t), known.at(QStringLiteral("d"), t));
        QCOMPARE(known.at(QStringLiteral("e"), t), known.at(QStringLiteral("d"), t));
    }
    QVERIFY(known.at(QStringLiteral("b"), 4) != known.at(QStringLiteral("d"), 4)); // orders 3 and 2 do differ
    // INITIAL(3) never changes, so its order is no news; the stock s grows and the lookup
    // reads Time: those two say their order was read at the start (lines 7 and 9).
    const QStringList readOnce = known.messages.filter(QStringLiteral("the order is read once"));
    QCOMPARE(readOnce.size(), 2);
    QVERIFY2(readOnce[0].startsWith(QLatin1String("m.mdl:7:")) && readOnce[1].startsWith(QLatin1String("m.mdl:9:")),
             qPrintable(readOnce.join(u'\n')));
    const MdlRun itself = runMdl(QStringLiteral("x = DELAY N(10, 3, 5, 1 + x) ~ ~ |\n"), mdlControl(4));
    QVERIFY(!itself.run.results);
    QVERIFY2(itself.messages.contains(QStringLiteral("m.mdl:2:23: error: in 'x': the order of a delay or smooth must be a "
                                                     "whole number from 1 to 1000, known at the start")),
             qPrintable(itself.messages.join(u'\n')));
}

// Vensim keeps every backslash of a quoted name, and writes a quote in it as \" (the public
// suite's "special_characters": its output names the columns so). Each is one name, read in
// other equations too: y = 2 * 4, z = 2 + s, where s gains 1 a step from 0; w = 5 + 1.
void TestVensimPublicConstructs::quotedNamesKeepTheirBackslashes()
{
    const QString model = QStringLiteral("\"a \\\"b\\\" c\" = 4 ~ ~ |\n"
                                         "y = \"a \\\"b\\\" c\" * 2 ~ ~ |\n"
                                         "\"Stock with \\n Newline\" = INTEG(1, 0) ~ ~ |\n"
                                         "\"a \\ b\" = 2 ~ ~ |\n"
                                         "z = \"a \\ b\" + \"Stock with \\n Newline\" ~ ~ |\n"
                                         "\"ends in\\\\\" = 5 ~ ~ |\nw = \"ends in\\\\\" + \"con\\\ntinued\" ~ ~ |\n"
                                         "\"con tinued\" = 1 ~ ~ |\n");
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(model, mdlControl(2), saved);
        QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
        const std::vector<QString> &columns = r.run.results->names;
        for (const char *name : {"a \\\"b\\\" c", "Stock with \\n Newline", "a \\ b"})
            QVERIFY2(std::find(columns.begin(), columns.end(), QString::fromLatin1(name)) != columns.end(), name);
        QCOMPARE(r.at(QStringLiteral("y"), 0), 8.0);
        QCOMPARE(r.at(QStringLiteral("z"), 2), 4.0);
        // A name may end in a backslash pair; a backslash ending a line continues the name.
        QCOMPARE(r.at(QStringLiteral("w"), 0), 6.0);
    }
}

// A table of constants is written a row per element of the first subscripts, across the
// last: the public suite's subscript_2d_arrays writes a [3 x 2] variable in 2 rows of 3.
// The 6 values are read in order, 2 to a row (r[a2,b1] is the third, 3), and a warning at
// the first row not 2 long (line 4, column 12) says so; rows of 2 say nothing.
void TestVensimPublicConstructs::tableRowsOfAnotherLengthAreSaid()
{
    const QString dims = QStringLiteral("da: a1, a2, a3 ~~|\ndb: b1, b2 ~~|\n");
    const MdlRun wrong = runMdl(dims + QStringLiteral("r[da,db] = 1, 2, 3; 4, 5, 6; ~~|\n"), mdlControl(1));
    QVERIFY2(wrong.messages.contains(QStringLiteral("m.mdl:4:12: warning: a row of 3 value(s) in 'r', whose last "
                                                    "subscript has 2 elements: the values are read in order, 2 to a row")),
             qPrintable(wrong.messages.join(u'\n')));
    QCOMPARE(wrong.at(QStringLiteral("r[a2,b1]"), 0), 3.0);
    // The first row that is not 2 long is named: the second here (column 18).
    const MdlRun second = runMdl(dims + QStringLiteral("r[da,db] = 1, 2; 3, 4, 5; 6; ~~|\n"), mdlControl(1));
    QVERIFY2(second.messages.contains(QStringLiteral("m.mdl:4:18: warning: a row of 3 value(s) in 'r', whose last "
                                                     "subscript has 2 elements: the values are read in order, 2 to a row")),
             qPrintable(second.messages.join(u'\n')));
    const MdlRun right = runMdl(dims + QStringLiteral("r[da,db] = 1, 2; 3, 4; 5, 6; ~~|\n"), mdlControl(1));
    QVERIFY2(right.messages.isEmpty(), qPrintable(right.messages.join(u'\n')));
    QCOMPARE(right.at(QStringLiteral("r[a2,b1]"), 0), 3.0);
}

// Forrester's models name a variable MOD (and could name one AND or IF): a name, not the
// operator. MOD = 6, so DFD = MOD / 2 + 1 = 4; and "IF" = 2, twice = 2 * IF = 4.
void TestVensimPublicConstructs::variableNamedLikeAnOperator()
{
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(QStringLiteral("MOD = 6 ~ ~ |\nDFD = MOD / 2 + 1 ~ ~ |\n\"IF\" = 2 ~ ~ |\n"
                                               "twice = 2 * \"IF\" ~ ~ |\n"),
                                mdlControl(1), saved);
        QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
        QCOMPARE(r.at(QStringLiteral("DFD"), 0), 4.0);
        QCOMPARE(r.at(QStringLiteral("twice"), 0), 4.0);
    }
}

// DT, PI, STOPTIME and INF are names like any in Vensim (a tester's file): pi = 3 makes
// y = pi * 2 = 6, not 2 pi; dt = 0.5 makes z = dt * 10 = 5; stoptime = 42 is 42, not FINAL
// TIME; inf = 5 makes 10. Each is said at its declaration; before, the builtin was read.
void TestVensimPublicConstructs::variableNamedLikeABuiltinValue()
{
    const MdlRun r = runMdl(QStringLiteral("pi = 3 ~ ~ |\ny = pi * 2 ~ ~ |\ndt = 0.5 ~ ~ |\nz = dt * 10 ~ ~ |\n"
                                           "stoptime = 42 ~ ~ |\nw = stoptime ~ ~ |\ninf = 5 ~ ~ |\nv = inf * 2 ~ ~ |\n"),
                            mdlControl(1));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("y"), 0), 6.0);
    QCOMPARE(r.at(QStringLiteral("z"), 0), 5.0);
    QCOMPARE(r.at(QStringLiteral("w"), 0), 42.0);
    QCOMPARE(r.at(QStringLiteral("v"), 1), 10.0);
    QVERIFY2(r.messages.contains(QStringLiteral("m.mdl:2:1: warning: 'pi' is also the name of a value the equations build in "
                                                "(PI): equations read this variable")),
             qPrintable(r.messages.join(u'\n')));
}

// A number that reads as none (a tester's "1.2.3", digits of another script) gave 0 with no
// word: it is an error at its place, line 2 column 5.
void TestVensimPublicConstructs::malformedNumberIsAnError()
{
    const MdlRun r = runMdl(QStringLiteral("x = 1.2.3 + 0 ~ ~ |\n"), mdlControl(1));
    QVERIFY2(refusedWith(r, QStringLiteral("m.mdl:2:5: error: malformed number '1.2.3'")), qPrintable(r.messages.join(u'\n')));
    // With an exponent it is no number either (it had been read as an underflow, 0).
    const MdlRun exponent = runMdl(QStringLiteral("x = 1.2.3e5 + 0 ~ ~ |\n"), mdlControl(1));
    QVERIFY2(refusedWith(exponent, QStringLiteral("m.mdl:2:5: error: malformed number '1.2.3e5'")),
             qPrintable(exponent.messages.join(u'\n')));
    // Beyond a double's range it is an error, as in XMILE, not an infinity; below it, 0, the
    // nearest double. Line 2 is "x = ...", line 3 the lookup (its 1e400 at column 33).
    const MdlRun huge = runMdl(QStringLiteral("x = 2e308 ~ ~ |\ny = WITH LOOKUP(Time, ((0,1),(1,1e400))) ~ ~ |\n"),
                               mdlControl(1));
    QCOMPARE(huge.messages,
             (QStringList{QStringLiteral("m.mdl:2:5: error: the number '2e308' is larger than any a double holds (about 1.8e308)"),
                          QStringLiteral("m.mdl:3:33: error: the number '1e400' is larger than any a double holds (about 1.8e308)")}));
    QVERIFY(!huge.run.results);
    const MdlRun tiny = runMdl(QStringLiteral("x = 1e-999 + 1 ~ ~ |\n"), mdlControl(1));
    QVERIFY2(tiny.messages.isEmpty(), qPrintable(tiny.messages.join(u'\n')));
    QCOMPARE(tiny.at(QStringLiteral("x"), 0), 1.0);
}

// Vensim's older sketch (V160): "|id,name,x,y,w,h,shape,..." objects and ">from,to,shape,
// hidden,polarity,..." arrows. Here a stock "Capital" at (337,136), 40 by 20 half sizes,
// filled through the valve "|2,2,..." whose flow "Investment" follows it, from the cloud
// "|1,48,..."; and a '+' (43) arrow from Capital to "Price" at (483,423).
void TestVensimPublicConstructs::oldSketchFormatIsDrawn()
{
    const QString sketch = QStringLiteral(
        "\\\\\\---/// Sketch information - do not modify anything except names\n"
        "V160  Do not put anything below this section - it will be ignored\n*View 1\n"
        "$Times New Roman|12||0-0-0|0-0-0|0-0-0\n"
        "|0,Capital,337,136,40,20,3,0,0,0,0,0,-1--1--1,-1--1--1\n"
        "|1,48,172,139,8,8,0,132,0,0,-1,0,-1--1--1,-1--1--1\n"
        "|2,2,238,139,6,8,39,131,0,0,-1,0,1-1--1--1,-1--1--1\n"
        "|3,Investment,238,155,29,8,32,0,0,0,0,0,-1--1--1,-1--1--1\n"
        "|4,Price,483,423,14,8,0,0,0,0,-1,0,-1--1--1,-1--1--1\n"
        ">2,0,4,0,32,22,0,-1--1--1,1|(270,139)|\n"
        ">2,1,100,0,0,22,0,-1--1--1,1|(206,139)|\n"
        ">0,4,1,0,43,0,0,-1--1--1,1|(409,211)|\n");
    const XmileReadResult r = readMdl(QStringLiteral("Capital = INTEG(Investment, 1) ~ ~ |\nInvestment = 1 ~ ~ |\n"
                                                     "Price = Capital ~ ~ |\n"),
                                      mdlControl(1) + sketch);
    QVERIFY(r.project);
    QVERIFY2(formatted(r.diagnostics).filter(QStringLiteral("error")).isEmpty(), qPrintable(formatted(r.diagnostics).join(u'\n')));
    const std::vector<View> &views = r.project->mainModel().views;
    QCOMPARE(views.size(), std::size_t(1));
    const ViewElement *stock = nullptr, *flow = nullptr, *link = nullptr;
    for (const ViewElement &e : views[0].elements) {
        if (e.type == ViewElement::Type::Stock && e.name == QLatin1String("Capital"))
            stock = &e;
        if (e.type == ViewElement::Type::Flow && e.name == QLatin1String("Investment"))
            flow = &e;
        if (e.type == ViewElement::Type::Connector && e.from.name == QLatin1String("Capital"))
            link = &e;
    }
    QVERIFY(stock && flow && link);
    QCOMPARE(*stock->x, 337.0);
    QCOMPARE(*stock->y, 136.0);
    QCOMPARE(*stock->width, 80.0);
    QCOMPARE(*flow->x, 238.0);
    QCOMPARE(flow->points.size(), std::size_t(2)); // from the cloud (its centre, 172) to the stock's side
    QCOMPARE(flow->points[0].x, 172.0);
    QCOMPARE(flow->points[1].x, 270.0);
    QCOMPARE(link->to.name, QStringLiteral("Price"));
}

// "?nums" names the file the settings at the end of the .mdl give it ("30:?nums=numbers.csv");
// numbers.csv holds 1,2,3 on its second row, so B2 is 2. A name the settings do not give is
// still an error at it (line 2, column 26, its opening quote).
void TestVensimPublicConstructs::dataFileNamedThroughTheSettings()
{
    const QString settings = QStringLiteral("\\\\\\---/// Sketch information - do not modify anything except names\n"
                                            "V300  Do not put anything below this section - it will be ignored\n*View 1\n"
                                            "///---\\\\\\\n:L<%^E!@\n9:run\n30:?nums=numbers.csv\n");
    const QString path = QStringLiteral(MEADOWS_TEST_DATA "/spreadsheets/alias.mdl");
    const XmileReadResult r = readMdl(QStringLiteral("x = GET DIRECT CONSTANTS('?nums', ',', 'B2') ~ ~ |\n"),
                                      mdlControl(1) + settings, path);
    QVERIFY2(r.project, qPrintable(formatted(r.diagnostics).join(u'\n')));
    const Variable *x = r.project->mainModel().findVariable(QStringLiteral("x"));
    QVERIFY(x);
    QCOMPARE(x->equation, QStringLiteral("2"));
    const XmileReadResult unknown = readMdl(QStringLiteral("y = GET DIRECT CONSTANTS('?other', ',', 'B2') ~ ~ |\n"),
                                            mdlControl(1) + settings, path);
    QVERIFY2(formatted(unknown.diagnostics).contains(QStringLiteral(MEADOWS_TEST_DATA "/spreadsheets/alias.mdl:2:26: error: "
                                                                    "'?other' names a file through Vensim's settings (XLS "
                                                                    "Files), but no settings line 30 gives it and there is "
                                                                    "no 'other' beside the model (in " MEADOWS_TEST_DATA
                                                                    "/spreadsheets): name the file itself")),
             qPrintable(formatted(unknown.diagnostics).join(u'\n')));
}

// A :MACRO: header continued with backslashes (MetaSD's Theil statistics write theirs so):
// ADD3(a, b, c) with "b\" ending the first line is still three parameters. ADD3(1, 2, 3) = 6.
void TestVensimPublicConstructs::macroHeaderContinuedOverLines()
{
    const MdlRun r = runMdl(QStringLiteral(":MACRO: ADD3(a,b\\\n\t\t,c)\nADD3 = a + b + c ~ a ~ |\n:END OF MACRO:\n"
                                           "x = ADD3(1, 2, 3) ~ ~ |\n"),
                            mdlControl(1));
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("x"), 0), 6.0);
}

// Reality Checks ("name :THE CONDITION: ... :IMPLIES: ...", "name :TEST INPUT: ...") are
// tested in Vensim's Reality Check runs only: a simulation is the same without them. Each is
// left out and said at its keyword (lines 3 and 4, column 9: line 1 is "{UTF-8}"); x runs as
// written, 1.
void TestVensimPublicConstructs::realityChecksAreLeftOutAndSaid()
{
    const MdlRun r = runMdl(QStringLiteral("x = 1 ~~|\ncheck x :THE CONDITION: x > 0 :IMPLIES: x < 10 ~~|\n"
                                           "shock x :TEST INPUT: x = 2 ~~|\n"),
                            mdlControl(1));
    QCOMPARE(r.at(QStringLiteral("x"), 1), 1.0);
    QCOMPARE(r.messages.size(), 2);
    QVERIFY2(r.messages[0].contains(QLatin1String(":3:9: warning: the Reality Check 'check x' (:THE CONDITION:) is not checked")),
             qPrintable(r.messages.join(u'\n')));
    QVERIFY2(r.messages[1].contains(QLatin1String(":4:9: warning: the Reality Check 'shock x' (:TEST INPUT:) is not checked")),
             qPrintable(r.messages.join(u'\n')));
}

QTEST_APPLESS_MAIN(TestVensimPublicConstructs)
#include "test_vensim_public_constructs.moc"

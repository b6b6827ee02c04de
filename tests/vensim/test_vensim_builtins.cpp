// Vensim's LOOKUP AREA, LOOKUP INVERT, LOOKUP SLOPE, TIME BASE, GAMMA LN, DELAY FIXED, DELAY MATERIAL, DELAYP,
// DEPRECIATE STRAIGHTLINE, NPVE and MESSAGE read from .mdl text, with values worked by hand from
// Vensim's reference manual. What is said of functions Meadows lacks or that are misused:
// test_vensim_misuse.cpp.
#include "support/inlinemdl.h"

#include <QtTest>
#include <cmath>
#include <functional>

using namespace meadows;
using namespace meadows::test;

namespace {

const QString kControl = mdlControl(4, QStringLiteral("Year"));

// A delay model with input = Time and TIME STEP 1, run to 12 as read and as saved to XMILE
// (the saved file must keep the delays), each run without a warning, and each variable
// named in `expected` compared at every time with the value hand-worked for it (NaN: not
// worked out at that time).
struct Expected {
    QString name;
    std::function<double(int)> at;
};

void checkDelays(const QString &model, const std::vector<Expected> &expected)
{
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(model, mdlControl(12, QStringLiteral("Year")), saved);
        QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
        QVERIFY2(r.messages.filter(QStringLiteral("warning")).isEmpty(), qPrintable(r.messages.join(u'\n')));
        for (const Expected &e : expected)
            for (int t = 0; t <= 12; ++t)
                QVERIFY2(std::isnan(e.at(t)) || r.at(e.name, t) == e.at(t), qPrintable(QStringLiteral("%1 at %2: %3, not %4 (%5)")
                                                                     .arg(e.name).arg(t).arg(r.at(e.name, t)).arg(e.at(t))
                                                                     .arg(saved ? u"saved" : u"read")));
    }
}

} // namespace

class TestVensimBuiltins : public QObject {
    Q_OBJECT
private slots:
    void lookupArea_data();
    void lookupArea();
    void lookupAreaOverTime();
    void timeBase();
    void delayTimeOfNotANumber();
    void gammaLn();
    void lookupInvert();
    void delayFixedHoldsItsInitialValue();
    void delayMaterial();
    void delayMaterialInMacrosAndArrays();
    void delayMaterialMisuse();
    void delayInformation();
    void depreciateStraightline();
    void npveValuesAtPeriodEnds();
    void lookupSlope_data();
    void lookupSlope();
    void delayPipeline();
    void messageGivesWhetherItWouldShow();
    void delayPipelineMisuse_data();
    void delayBatch();
    void delayPipelineMisuse();
};

// The manual's LOOK((0,1),(1,1),(2,2)): 1 from 0 to 1, rising to 2 at 2, held at 2 beyond.
// From 0 to 1 a rectangle of 1 * 1 = 1. From 2 to 4 the held end, 2 * 2 = 4. From 0.5 to 2.5:
// 0.5 * 1 + the trapezoid from 1 to 2, (1 + 2) / 2 = 1.5, + 0.5 * 2 = 3. Before the first
// point the first value is held: from -2 to 0, 2 * 1 = 2. From 1 to 0 the area is taken
// backwards: -1. From 1.5 to 1.5 nothing: 0. Within one segment, from 1 to 1.5: the trapezoid
// under 1 and 1.5, 0.5 * 1.25 = 0.625.
void TestVensimBuiltins::lookupArea_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<double>("expected");
    QTest::newRow("manual 0 to 1") << "LOOKUP AREA(LOOK, 0, 1)" << 1.0;
    QTest::newRow("manual 2 to 4") << "LOOKUP AREA(LOOK, 2, 4)" << 4.0;
    QTest::newRow("manual 0.5 to 2.5") << "LOOKUP AREA(LOOK, 0.5, 2.5)" << 3.0;
    QTest::newRow("before the first point") << "LOOKUP AREA(LOOK, -2, 0)" << 2.0;
    QTest::newRow("backwards") << "LOOKUP AREA(LOOK, 1, 0)" << -1.0;
    QTest::newRow("empty") << "LOOKUP AREA(LOOK, 1.5, 1.5)" << 0.0;
    QTest::newRow("within a segment") << "LOOKUP AREA(LOOK, 1, 1.5)" << 0.625;
}

void TestVensimBuiltins::lookupArea()
{
    QFETCH(QString, call);
    QFETCH(double, expected);
    const QString model = QStringLiteral("LOOK((0,1),(1,1),(2,2)) ~ ~ |\narea = %1 ~ ~ |\n").arg(call);
    for (const bool saved : {false, true}) { // and the same once saved as XMILE and read back
        const MdlRun r = runMdl(model, kControl, saved);
        QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
        QCOMPARE(r.at(QStringLiteral("area"), 0), expected);
    }
}

// The end of the range moving with Time, over a table with a step down: TABLE((0,0),(2,2),
// (3,0)). The area from 0 to t: t^2/2 while t <= 2 (0, 0.5, 2), then 2 plus the falling
// segment's trapezoid, 2 + (2 + 0) / 2 = 3 at t = 3, then 3 (the held end is 0) at t = 4.
void TestVensimBuiltins::lookupAreaOverTime()
{
    const MdlRun r = runMdl(QStringLiteral("TABLE((0,0),(2,2),(3,0)) ~ ~ |\n"
                                           "so far = LOOKUP AREA(TABLE, 0, Time) ~ ~ |\n"),
                            kControl);
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    const double expected[] = {0, 0.5, 2, 3, 3};
    for (int t = 0; t <= 4; ++t)
        QCOMPARE(r.at(QStringLiteral("so far"), t), expected[t]);
}

// TIME BASE(START, SLOPE) "has the value START when Time is 0 and increases by SLOPE relative
// to Time": START + Time * SLOPE. A quarterly model from Time 1: 1970 + 0.25 t, so 1970.25 at
// 1, 1970.5 at 2, 1971 at 4 (not START at the initial time, which is 1 here).
void TestVensimBuiltins::timeBase()
{
    const MdlRun r = runMdl(QStringLiteral("decimal year = TIME BASE(1970, 0.25) ~ Year ~ |\n"),
                            QStringLiteral("INITIAL TIME = 1 ~ Quarter ~ |\n"
                                           "FINAL TIME = 4 ~ Quarter ~ |\n"
                                           "TIME STEP = 1 ~ Quarter ~ |\n"
                                           "SAVEPER = TIME STEP ~ Quarter ~ |\n"));
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("decimal year"), 1), 1970.25);
    QCOMPARE(r.at(QStringLiteral("decimal year"), 2), 1970.5);
    QCOMPARE(r.at(QStringLiteral("decimal year"), 4), 1971.0);
}

// GAMMA LN(x) = ln |Gamma(x)|: Gamma(10) = 9! = 362880, so ln 362880 = 12.8018274800814696;
// Gamma(0.5) = sqrt(pi), ln sqrt(pi) = 0.572364942924700087; Gamma(1) = 1, ln 1 = 0;
// Gamma(-0.5) = -2 sqrt(pi), ln |.| = ln 2 + ln sqrt(pi) = 1.26551212348464540.
void TestVensimBuiltins::gammaLn()
{
    const MdlRun r = runMdl(QStringLiteral("a = GAMMA LN(10) ~~|\nb = GAMMA LN(0.5) ~~|\nc = GAMMA LN(1) ~~|\n"
                                           "d = GAMMA LN(-0.5) ~~|\n"),
                            kControl);
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    QVERIFY(std::fabs(r.at(QStringLiteral("a"), 0) - 12.8018274800814696) < 1e-12);
    QVERIFY(std::fabs(r.at(QStringLiteral("b"), 0) - 0.572364942924700087) < 1e-12);
    QCOMPARE(r.at(QStringLiteral("c"), 4) + 1.0, 1.0);
    QVERIFY(std::fabs(r.at(QStringLiteral("d"), 0) - 1.26551212348464540) < 1e-12);
}

// LOOKUP INVERT(table, value): the x where the table reaches the value. UP((0,0),(1,2),(3,3))
// reaches 1 halfway to 1 (0.5), 2.5 halfway from 1 to 3 (2), and holds its end beyond its
// values: 3 for 5, 0 for -1. DOWN((0,10),(10,0)) falls: 2.5 at x = 7.5. Time runs 0 to 4, so
// the value Time / 2 gives UP's x for 0, 0.5, 1, 1.5, 2: 0, 0.25, 0.5, 0.75, 1. A table with a
// flat stretch has no single x for its value there: refused at the table's name.
void TestVensimBuiltins::lookupInvert()
{
    const MdlRun r = runMdl(QStringLiteral("UP((0,0),(1,2),(3,3)) ~~|\nDOWN((0,10),(10,0)) ~~|\n"
                                           "a = LOOKUP INVERT(UP, 1) ~~|\nb = LOOKUP INVERT(UP, 2.5) ~~|\n"
                                           "c = LOOKUP INVERT(UP, 5) ~~|\nd = LOOKUP INVERT(UP, -1) ~~|\n"
                                           "e = LOOKUP INVERT(DOWN, 2.5) ~~|\nf = LOOKUP INVERT(UP, Time / 2) ~~|\n"),
                            kControl);
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("a"), 0), 0.5);
    QCOMPARE(r.at(QStringLiteral("b"), 0), 2.0);
    QCOMPARE(r.at(QStringLiteral("c"), 0), 3.0);
    QCOMPARE(r.at(QStringLiteral("d"), 0) + 1.0, 1.0);
    QCOMPARE(r.at(QStringLiteral("e"), 0), 7.5);
    for (int t = 0; t <= 4; ++t)
        QCOMPARE(r.at(QStringLiteral("f"), t) + 1.0, t / 4.0 + 1.0);
    // One element of a subscripted lookup is a table too (and over a range, each element's): tbl[A2] falls from 5 to 1 over 0 to 2,
    // so it reaches 3 at 1; LOOKUP FORWARD(tbl[A1], 1) is the y of the next point, (2, 10).
    const MdlRun element = runMdl(QStringLiteral("d: A1, A2 ~~|\ntbl[A1]((0,0),(2,10)) ~~|\ntbl[A2]((0,5),(2,1)) ~~|\n"
                                                 "inv = LOOKUP INVERT(tbl[A2], 3) ~~|\nfwd = LOOKUP FORWARD(tbl[A1], 1) ~~|\n"
                                                 "each[d] = LOOKUP FORWARD(tbl[d], 1) ~~|\n"),
                                  kControl);
    QVERIFY2(element.run.results, qPrintable(element.messages.join(u'\n')));
    QCOMPARE(element.at(QStringLiteral("inv"), 0), 1.0);
    QCOMPARE(element.at(QStringLiteral("fwd"), 0), 10.0);
    // Over the range, each element reads its own table: tbl[A2]'s next point after 1 is (2, 1).
    QCOMPARE(element.at(QStringLiteral("each[A1]"), 0), 10.0);
    QCOMPARE(element.at(QStringLiteral("each[A2]"), 0), 1.0);
    //          x = LOOKUP INVERT(FLAT, 1): FLAT at column 19 of line 3.
    const MdlRun flat = runMdl(QStringLiteral("FLAT((0,0),(1,1),(2,1)) ~~|\nx = LOOKUP INVERT(FLAT, 1) ~~|\n"), kControl);
    QVERIFY(!flat.run.results);
    QVERIFY2(flat.messages.contains(QStringLiteral("m.mdl:3:19: error: in 'x': LOOKUP INVERT needs a table whose values "
                                                   "rise at every point, or fall at every point: 'FLAT' has no single x "
                                                   "for some values")),
             qPrintable(flat.messages.join(u'\n')));
}

// DELAY FIXED(shipping, 3, shipping) with shipping 0 before time 1 and 1 from then on: the
// initial value is shipping's at the start, 0, fixed then, so receiving is 0 until 3 has
// passed (times 0, 1, 2), then shipping as it was 3 earlier: 0 at 3, 1 at 4 (and TIME STEP 1).
// Read at each time instead, the initial value would make receiving 1 at times 1 and 2.
void TestVensimBuiltins::delayFixedHoldsItsInitialValue()
{
    const MdlRun r = runMdl(QStringLiteral("shipping = STEP(1, 1) ~~|\n"
                                           "receiving = DELAY FIXED(shipping, 3, shipping) ~~|\n"),
                            kControl);
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    const double expected[] = {0, 0, 0, 0, 1};
    for (int t = 0; t <= 4; ++t)
        QCOMPARE(r.at(QStringLiteral("receiving"), t), expected[t]);
}

// DELAY MATERIAL(input, delay, 5, 0) with input = Time and TIME STEP 1: what enters at t
// leaves at t + the delay time at t, and the belt starts with 5 per step for the first
// delay's steps. A constant delay of 3 is DELAY FIXED: 5, 5, 5, then Time - 3. A delay
// falling from 4 to 2 at time 4: 0 to 3 leave at 4 to 7, and 4, 5, 6... at 6, 7, 8...; at 6
// and 7 two inputs come due together: 2 + 4 = 6 and 3 + 5 = 8. A delay rising from 2 to 4 at
// time 4: 0 to 3 leave at 2 to 5, 4 at 8: nothing comes due at 6 and 7, so the missing value,
// 0. What is in transit is conserved: with the falling delay, 20 at the start (5 for each of
// 4 steps), then 20 + 0 - 5 = 15 at time 1. Negative input travels as it is, as through
// DELAY FIXED: the falling delay's values negated. A delay of 1e12 steps, past the million
// slats a belt is cut to, still releases the initial value, 5, and holds 5e12. With a missing
// value of -1 the rising delay gives -1 at 6 and 7, where nothing comes due, and still 0 at 2,
// where the input 0 does; the falling delay, where something comes due at every step, is
// unchanged. Saved as XMILE the belts keep all this.
void TestVensimBuiltins::delayMaterial()
{
    const QString model = QStringLiteral("input = Time ~~|\n"
                                         "a = DELAY MATERIAL(input, 3, 5, 0) ~~|\n"
                                         "a fixed = DELAY FIXED(input, 3, 5) ~~|\n"
                                         "b = DELAY MATERIAL(input, IF THEN ELSE(Time < 4, 4, 2), 5, 0) ~~|\n"
                                         "c = DELAY MATERIAL(input, IF THEN ELSE(Time < 4, 2, 4), 5, 0) ~~|\n"
                                         "n = DELAY MATERIAL(-input, IF THEN ELSE(Time < 4, 4, 2), -5, 0) ~~|\n"
                                         "far = DELAY MATERIAL(input, 1e12, 5, 0) ~~|\n"
                                         "cm = DELAY MATERIAL(input, IF THEN ELSE(Time < 4, 2, 4), 5, -1) ~~|\n"
                                         "bm = DELAY MATERIAL(input, IF THEN ELSE(Time < 4, 4, 2), 5, -1) ~~|\n");
    const auto series = [](std::vector<double> values) { return [values](int t) { return values[std::size_t(t)]; }; };
    const std::vector<double> falling{5, 5, 5, 5, 0, 1, 6, 8, 6, 7, 8, 9, 10};
    const std::vector<double> rising{5, 5, 0, 1, 2, 3, 0, 0, 4, 5, 6, 7, 8};
    const auto risingOrMissing = [&](int t) { return t == 6 || t == 7 ? -1.0 : rising[std::size_t(t)]; };
    checkDelays(model, {{QStringLiteral("a"), [](int t) { return t < 3 ? 5.0 : t - 3.0; }},
                        {QStringLiteral("a fixed"), [](int t) { return t < 3 ? 5.0 : t - 3.0; }},
                        {QStringLiteral("b"), series(falling)},
                        {QStringLiteral("c"), series(rising)},
                        {QStringLiteral("n"), [&](int t) { return -falling[std::size_t(t)]; }},
                        {QStringLiteral("far"), [](int) { return 5.0; }},
                        // With a missing value of -1: where nothing comes due (6 and 7 in the
                        // rising delay) it is -1; the input 0 that comes due at 2 is still 0.
                        {QStringLiteral("cm"), risingOrMissing},
                        {QStringLiteral("cm DELAY MATERIAL entries due"), [](int t) { return t == 6 || t == 7 ? 0.0 : 1.0; }},
                        {QStringLiteral("bm"), series(falling)},
                        {QStringLiteral("b DELAY MATERIAL in transit"), [](int t) { return t == 0 ? 20.0 : t == 1 ? 15.0 : std::nan(""); }},
                        {QStringLiteral("far DELAY MATERIAL in transit"), [](int t) { return t == 0 ? 5e12 : std::nan(""); }}});
}

// DELAY INFORMATION(input, delay, initial), input = Time, DT = 1. Each step's input is due
// round(delay / DT) steps (at least one) after it entered, with the delay it entered with;
// the value is the most recent input due by then, else the initial value (read at the start).
//   a, delay 3: 5 until 3, then Time - 3, as DELAY FIXED.
//   b, delay 4 before Time 4 and 2 from then: inputs 0..3 are due at 4..7, inputs 4, 5...
//     at 6, 7...: at 4 and 5 the inputs 0 and 1; at 6 input 4 (input 3, due at 7, is
//     older than input 4, due at 6: it is discarded); then Time - 2.
//   c, delay 2 before Time 4 and 4 from then: inputs 0..3 due at 2..5, input 4 at 8: at 6
//     and 7 nothing new is due, so input 3 is held; from 8, Time - 4.
//   z, delay 0: one step, Time - 1. i, initial Time + 5: 5, as read at the start.
void TestVensimBuiltins::delayInformation()
{
    const QString model = QStringLiteral("input = Time ~~|\n"
                                         "a = DELAY INFORMATION(input, 3, 5) ~~|\n"
                                         "a fixed = DELAY FIXED(input, 3, 5) ~~|\n"
                                         "b = DELAY INFORMATION(input, IF THEN ELSE(Time < 4, 4, 2), 5) ~~|\n"
                                         "c = DELAY INFORMATION(input, IF THEN ELSE(Time < 4, 2, 4), 5) ~~|\n"
                                         "z = DELAY INFORMATION(input, 0, 5) ~~|\n"
                                         "i = DELAY INFORMATION(input, 3, Time + 5) ~~|\n");
    const std::vector<double> falling{5, 5, 5, 5, 0, 1, 4, 5, 6, 7, 8, 9, 10};
    const std::vector<double> rising{5, 5, 0, 1, 2, 3, 3, 3, 4, 5, 6, 7, 8};
    const auto delayed = [](double by) { return [by](int t) { return t < by ? 5.0 : t - by; }; };
    checkDelays(model, {{QStringLiteral("a"), delayed(3)},
                        {QStringLiteral("a fixed"), delayed(3)},
                        {QStringLiteral("b"), [&](int t) { return falling[std::size_t(t)]; }},
                        {QStringLiteral("c"), [&](int t) { return rising[std::size_t(t)]; }},
                        {QStringLiteral("z"), delayed(1)},
                        {QStringLiteral("i"), delayed(3)}});
    // Far from zero (Time 1e7, steps of 0.01) a constant delay of 5 steps still gives, at each
    // step, the input of 5 steps before: Time's last bits there are 2e-9, which must not make
    // an input due a step early. (The stop, 1e7 + 0.1, rounds to just short of the tenth step.)
    const MdlRun far = runMdl(QStringLiteral("x = Time - 1e+07 ~~|\na = DELAY INFORMATION(x, 0.05, -1) ~~|\n"),
                              QStringLiteral("INITIAL TIME = 1e+07 ~~|\nFINAL TIME = 1e+07 + 0.1 ~~|\nTIME STEP = 0.01 ~~|\n"
                                             "SAVEPER = TIME STEP ~~|\n"));
    QVERIFY2(far.run.results && far.run.results->rows() == 10, qPrintable(far.messages.join(u'\n')));
    const std::size_t x = std::size_t(far.run.results->column(QStringLiteral("x")));
    const std::size_t a = std::size_t(far.run.results->column(QStringLiteral("a")));
    for (std::size_t row = 0; row < far.run.results->rows(); ++row)
        QCOMPARE(far.run.results->at(row, a), row < 5 ? -1.0 : far.run.results->at(row - 5, x));
}

// Inside a macro (each call its own belt) and over a range (each element its own belt): a
// PIPELINE macro as public models write it, DELAY MATERIAL(in, 3, 5, 0), gives the constant
// delay's values above; over d, input[d] = Time * (1, 2) gives 5 then (Time - 3) * (1, 2).
void TestVensimBuiltins::delayMaterialInMacrosAndArrays()
{
    const MdlRun r = runMdl(QStringLiteral(":MACRO: PIPELINE(in, delay, init)\n"
                                           "PIPELINE = DELAY MATERIAL(in, delay, init, 0) ~~|\n"
                                           ":END OF MACRO:\n"
                                           "input = Time ~~|\n"
                                           "p = PIPELINE(input, 3, 5) ~~|\n"
                                           "q = PIPELINE(input * 2, 3, 5) ~~|\n"
                                           "d: d1, d2 ~~|\n"
                                           "scale[d] = 1, 2 ~~|\n"
                                           "y[d] = DELAY MATERIAL(Time * scale[d], 3, 5, 0) ~~|\n"),
                            mdlControl(6, QStringLiteral("Year")));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    for (int t = 0; t <= 6; ++t) {
        QCOMPARE(r.at(QStringLiteral("p"), t), t < 3 ? 5.0 : t - 3.0);
        QCOMPARE(r.at(QStringLiteral("q"), t), t < 3 ? 5.0 : 2 * (t - 3.0));
        QCOMPARE(r.at(QStringLiteral("y[d1]"), t), t < 3 ? 5.0 : t - 3.0);
        QCOMPARE(r.at(QStringLiteral("y[d2]"), t), t < 3 ? 5.0 : 2 * (t - 3.0));
    }
}

// An equation defined element by element refuses to run, said at its place (line 3 of
// m.mdl, the call at column 9).
void TestVensimBuiltins::delayMaterialMisuse()
{
    const MdlRun elements = runMdl(QStringLiteral("d: d1, d2 ~~|\nx[d1] = DELAY MATERIAL(1, 2, 1, 0) ~~|\nx[d2] = 3 ~~|\n"), kControl);
    QVERIFY(!elements.run.results);
    QVERIFY2(elements.messages.contains(QStringLiteral("m.mdl:3:9: error: DELAY MATERIAL in a variable defined element by "
                                                       "element is not supported: write 'x' as one equation over its ranges")),
             qPrintable(elements.messages.join(u'\n')));
}

// DEPRECIATE STRAIGHTLINE(str, dtime, fisc, init) with TIME STEP 0.5 and fiscal years from 0:
// each year's payments, lumped, come back 1/n a year for n = dtime / fisc years, the current
// year's through str's current value. a: 10 a year paid in year 0 (10 in all), over 2
// years: (10 + 0) / 2 = 5 while it is paid, then 10 / 2 = 5 in year 1, 0 from year 2 (5 * 2
// years = the 10 paid). b: paid only in the first half of year 0 (5 in all): 5, then 0 in
// the second half (the current value), 5 / 2 = 2.5 through year 1, 0 after; its steps add up
// to 5 * 0.5 + 2.5 = 5. c: init 4 stands for the years before the start, so a stream that
// stays 4 gives 4. d: 4 in year 0 only, over 3 years, init 4: (4 + 4 + 4) / 3 = 4 in year 0,
// (4 + 4 + 0) / 3 in year 1 (years -1 and 0 paid, now 0), 4 / 3 in year 2, 0 in year 3.
void TestVensimBuiltins::depreciateStraightline()
{
    const QString control = QStringLiteral("INITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 0.5 ~~|\n");
    const QString model = QStringLiteral("a = DEPRECIATE STRAIGHTLINE(IF THEN ELSE(Time < 1, 10, 0), 2, 1, 0) ~~|\n"
                                         "b = DEPRECIATE STRAIGHTLINE(IF THEN ELSE(Time < 0.5, 10, 0), 2, 1, 0) ~~|\n"
                                         "c = DEPRECIATE STRAIGHTLINE(4, 3, 1, 4) ~~|\n"
                                         "d = DEPRECIATE STRAIGHTLINE(IF THEN ELSE(Time < 1, 4, 0), 3, 1, 4) ~~|\n");
    for (const bool saved : {false, true}) { // and the same from the XMILE Save As writes
        const MdlRun r = runMdl(model, control, saved);
        QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
        QVERIFY2(r.messages.filter(QStringLiteral("warning")).isEmpty(), qPrintable(r.messages.join(u'\n')));
        const double a[] = {5, 5, 5, 5, 0, 0, 0}, b[] = {5, 0, 2.5, 2.5, 0, 0, 0};
        const double d[] = {4, 4, 8.0 / 3, 8.0 / 3, 4.0 / 3, 4.0 / 3, 0};
        for (int k = 0; k <= 6; ++k) {
            const double t = 0.5 * k;
            const auto near = [&](const QString &name, double expected) {
                QVERIFY2(std::fabs(r.at(name, t) - expected) < 1e-12,
                         qPrintable(QStringLiteral("%1 at %2 is %3, expected %4").arg(name).arg(t).arg(r.at(name, t)).arg(expected)));
            };
            near(QStringLiteral("a"), a[k]);
            near(QStringLiteral("b"), b[k]);
            near(QStringLiteral("c"), 4);
            near(QStringLiteral("d"), d[k]);
        }
    }
}

// NPVE(stream, rate, initial, factor), by Vensim's equations for it: df starts at
// 1 / (1 + rate * DT) and falls by df * rate / (1 + rate * DT); value = (accumulated +
// stream * DT * df) * factor. With a stream of 100, rate 0.1, DT 1: df at step k is
// 1 / 1.1^(k + 1), so at time k the value is 100 (1/1.1 + ... + 1/1.1^(k + 1)): 90.909091,
// 173.553719, 248.685199, Excel's NPV(10%, 100, 100, 100). NPV counts the current period
// undiscounted: 100, 190.909091, 273.553719. An initial value of 50 and a factor of 2 give
// (50 + 90.909091) * 2 at time 0.
void TestVensimBuiltins::npveValuesAtPeriodEnds()
{
    const QString model = QStringLiteral("s = 100 ~~|\nr = 0.1 ~~|\ne = NPVE(s, r, 0, 1) ~~|\nn = NPV(s, r, 0, 1) ~~|\n"
                                         "f = NPVE(s, r, 50, 2) ~~|\n");
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(model, kControl, saved);
        QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
        QVERIFY2(r.messages.filter(QStringLiteral("warning")).isEmpty(), qPrintable(r.messages.join(u'\n')));
        double expected = 0, discount = 1;
        for (int t = 0; t <= 3; ++t) {
            discount /= 1.1;
            expected += 100 * discount;
            QVERIFY(std::fabs(r.at(QStringLiteral("e"), t) - expected) < 1e-9);
            QVERIFY(std::fabs(r.at(QStringLiteral("n"), t) - expected * 1.1) < 1e-9);
        }
        QVERIFY(std::fabs(r.at(QStringLiteral("e"), 2) - 248.685199) < 1e-6);
        QVERIFY(std::fabs(r.at(QStringLiteral("f"), 0) - (50 + 100 / 1.1) * 2) < 1e-9);
    }
}

// Vensim's reference (LOOKUP SLOPE(lookup, x, m)): "the slope of the lookup at the point x";
// between two points the segment's slope, at a point "the average of the slopes before and
// after", and beyond the points 0 (m = 0), the closest segment's slope (m = 1) or :NA:
// (m = -1). Its examples (0.75 at 1, 1 at 0.5, 0.5 at 1.5, 1 at -1 with m = 1) are those of
// the lookup (0,0),(1,1),(2,1.5), slopes 1 then 0.5, not of the one printed beside them. At
// the first point, 0 before it (m = 0) averaged with 1: 0.5. Two points at one x: :NA:.
void TestVensimBuiltins::lookupSlope_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<double>("expected");
    QTest::newRow("at a point") << "LOOKUP SLOPE(LOOK, 1, 0)" << 0.75;
    QTest::newRow("first segment") << "LOOKUP SLOPE(LOOK, 0.5, 0)" << 1.0;
    QTest::newRow("second segment") << "LOOKUP SLOPE(LOOK, 1.5, 0)" << 0.5;
    QTest::newRow("before, 0") << "LOOKUP SLOPE(LOOK, -1, 0)" << 0.0;
    QTest::newRow("before, closest") << "LOOKUP SLOPE(LOOK, -1, 1)" << 1.0;
    QTest::newRow("after, closest") << "LOOKUP SLOPE(LOOK, 3, 1)" << 0.5;
    QTest::newRow("first point, 0 before") << "LOOKUP SLOPE(LOOK, 0, 0)" << 0.5;
    QTest::newRow("first point, closest") << "LOOKUP SLOPE(LOOK, 0, 1)" << 1.0;
    QTest::newRow("before, NA") << "LOOKUP SLOPE(LOOK, -1, -1)" << -6.4903710731685345e+32;
    QTest::newRow("two points at x") << "LOOKUP SLOPE(STEPPED, 1, 0)" << -6.4903710731685345e+32;
    QTest::newRow("first point, NA before") << "LOOKUP SLOPE(LOOK, 0, -1)" << -6.4903710731685345e+32;
    QTest::newRow("element's table") << "LOOKUP SLOPE(SUBSCRIPTED[s2], 1, 0)" << 3.0;
    // Beyond the first point with m = 1, the closest segment stands upright (two points at 0):
    // it has no slope, :NA:, not an infinite one.
    QTest::newRow("upright end segment") << "LOOKUP SLOPE(UPRIGHT, -1, 1)" << -6.4903710731685345e+32;
    QTest::newRow("beside two points") << "LOOKUP SLOPE(STEPPED, 1.5, 0)" << 0.0;
}

void TestVensimBuiltins::lookupSlope()
{
    QFETCH(QString, call);
    QFETCH(double, expected);
    const QString model = QStringLiteral("LOOK((0,0),(1,1),(2,1.5)) ~ ~ |\nSTEPPED((0,0),(1,0),(1,2),(2,2)) ~ ~ |\n"
                                         "s: s1, s2 ~~|\nSUBSCRIPTED[s1]((0,0),(2,2)) ~~|\nSUBSCRIPTED[s2]((0,0),(2,6)) ~~|\n"
                                         "UPRIGHT((0,0),(0,2),(2,4)) ~~|\n"
                                         "slope = %1 ~ ~ |\n").arg(call);
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(model, kControl, saved);
        QVERIFY2(r.messages.filter(QStringLiteral("warning")).isEmpty(), qPrintable(r.messages.join(u'\n')));
        QCOMPARE(r.at(QStringLiteral("slope"), 0), expected);
    }
}

// DELAYP(input, delay time : pipeline) is DELAY3 with the material in its three levels as
// pipeline. Input 2 + STEP(3, 1), delay 3 (DL = 1), DT 1: the levels start at DL * 2 = 2
// each, so the output is 2 and the pipeline 6. The input's 3 more enters the first level at
// 2 (L1 = 2 + 5 - 2 = 5), the second at 3, the third at 4, where the output becomes 5: the
// output 2, 2, 2, 2, 5, 5 and the pipeline 6, 6, 9, 12, 15, 15 (L1 + L2 + L3).
void TestVensimBuiltins::delayPipeline()
{
    const QString model = QStringLiteral("in = 2 + STEP(3, 1) ~~|\nout = DELAYP(in, 3 : in transit) ~~|\n"
                                         "d[r] = DELAYP(in * r, 3 : pipe[r]) ~~|\nr: (r1-r2) ~~|\n");
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(model, mdlControl(5, QStringLiteral("Year")), saved);
        QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
        QVERIFY2(r.messages.filter(QStringLiteral("warning")).isEmpty(), qPrintable(r.messages.join(u'\n')));
        const double out[] = {2, 2, 2, 2, 5, 5}, pipeline[] = {6, 6, 9, 12, 15, 15};
        for (int t = 0; t <= 5; ++t) {
            QCOMPARE(r.at(QStringLiteral("out"), t), out[t]);
            QCOMPARE(r.at(QStringLiteral("in transit"), t), pipeline[t]);
            QCOMPARE(r.at(QStringLiteral("pipe[r2]"), t), 2 * pipeline[t]);
            QCOMPARE(r.at(QStringLiteral("d[r2]"), t), 2 * out[t]);
        }
    }
}

// DELAYP's pipeline is a variable of its own: a name the model defines already (another
// DELAYP's pipeline too) is an error at the name, as are subscripts that are not the
// equation's; DELAYP inside an expression is a warning at the call. Columns counted by hand
// on line 3 ("out = DELAYP(in, 3 : p)": the name at 22) or 2 ("x = 1 + DELAYP(...)": 9).
void TestVensimBuiltins::delayPipelineMisuse_data()
{
    QTest::addColumn<QString>("equations");
    QTest::addColumn<QString>("expected");
    QTest::newRow("defined already") << "p = 7 ~~|\nout = DELAYP(in, 3 : p) ~~|\n"
        << "m.mdl:3:22: error: DELAYP's pipeline 'p' is a variable of its own, but the model defines 'p' already";
    QTest::newRow("two pipelines of one name") << "q = DELAYP(in, 2 : p) ~~|\nout = DELAYP(in, 3 : p) ~~|\n"
        << "m.mdl:3:22: error: DELAYP's pipeline 'p' is a variable of its own, but the model defines 'p' already";
    QTest::newRow("other subscripts") << "r: r1, r2 ~~|\nout[r] = DELAYP(in, 3 : p[s]) ~~|\n"
        << "m.mdl:3:25: error: DELAYP's pipeline 'p' takes the subscripts of the equation's left side";
    QTest::newRow("in an expression") << "x = 1 + DELAYP(in, 3 : p) ~~|\n"
        << "m.mdl:2:9: warning: DELAYP must be the whole equation, not part of an expression";
}

void TestVensimBuiltins::delayPipelineMisuse()
{
    QFETCH(QString, equations);
    QFETCH(QString, expected);
    const MdlRun r = runMdl(equations + QStringLiteral("in = 1 ~~|\n"), kControl);
    QVERIFY2(r.messages.contains(expected), qPrintable(r.messages.join(u'\n')));
    QVERIFY(!r.run.results);
}

// DELAY BATCH(input, bsize, btime, inibatch, initime, inibacklog), DT 1, input 10 a time unit,
// batches of 25 processed for 2. Without an initial batch or backlog: the backlog is 0, 10,
// 20, 30 at times 0 to 3; at 3 a batch of 25 starts (5 left), due at 5; at 5 it completes
// (25 returned) and, the backlog being 5 + 10 + 10 = 25, the next starts, due at 7; at 7 it
// completes with 20 in the backlog, so the next starts at 8 (30), due at 10. So 25 at 5, 7
// and 10, else 0: 75 out of the 100 that entered by time 9, 25 still waiting or in process.
// With an initial batch of 7 due at 1 and a backlog of 20: 7 at 1, when the backlog is 30 and
// a batch starts (5 left), due at 3; 25 at 3, when 5 + 10 + 10 = 25 starts the next (0 left),
// due at 5; 25 at 5 with only 20 waiting, so the next starts at 6 (30, 5 left), due at 8; 25
// at 8, when 5 + 10 + 10 = 25 starts the next, due at 10; 25 at 10. An initial batch due at
// the start (initime 0 <= INITIAL TIME) is returned at once.
void TestVensimBuiltins::delayBatch()
{
    const QString model = QStringLiteral("in = 10 ~~|\nplain = DELAY BATCH(in, 25, 2, 0, 0, 0) ~~|\n"
                                         "started = DELAY BATCH(in, 25, 2, 7, 1, 20) ~~|\n"
                                         "at once = DELAY BATCH(in, 25, 2, 7, 0, 0) ~~|\n");
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(model, mdlControl(10, QStringLiteral("Month")), saved);
        QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
        QVERIFY2(r.messages.filter(QStringLiteral("warning")).isEmpty(), qPrintable(r.messages.join(u'\n')));
        const double plain[] = {0, 0, 0, 0, 0, 25, 0, 25, 0, 0, 25};
        const double started[] = {0, 7, 0, 25, 0, 25, 0, 0, 25, 0, 25};
        for (int t = 0; t <= 10; ++t) {
            QCOMPARE(r.at(QStringLiteral("plain"), t), plain[t]);
            QCOMPARE(r.at(QStringLiteral("started"), t), started[t]);
        }
        QCOMPARE(r.at(QStringLiteral("at once"), 0), 7.0);
    }
    // DT 0.5: the backlog grows by 10 * 0.5 = 5 a step (0, 5, ..., 25 at time 2.5), so the
    // first batch starts at 2.5 (0 left), due at 4.5, returned there as 25 / 0.5 = 50 for one
    // step; 20 waits then (5 a step from 3), so the next starts at 5 with 25, due at 7. Each
    // batch is 50 * 0.5 = 25 of material.
    const MdlRun half = runMdl(model, QStringLiteral("INITIAL TIME = 0 ~~|\nFINAL TIME = 7 ~~|\nTIME STEP = 0.5 ~~|\n"
                                                     "SAVEPER = TIME STEP ~~|\n"));
    QVERIFY2(half.run.results, qPrintable(half.messages.join(u'\n')));
    for (int k = 0; k <= 14; ++k)
        QCOMPARE(half.at(QStringLiteral("plain"), k * 0.5), (k == 9 || k == 14) ? 50.0 : 0.0);
}

// MESSAGE('msg', display) "returns 0 if display is less than or equal to 0, and 1
// otherwise"; that the message is not shown is a warning at the call (column 5).
void TestVensimBuiltins::messageGivesWhetherItWouldShow()
{
    const MdlRun r = runMdl(QStringLiteral("m = MESSAGE('stock is low', Time - 2) ~~|\n"), kControl);
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QVERIFY2(r.messages.contains(QStringLiteral("m.mdl:2:5: warning: MESSAGE's message is not shown; the call's value is "
                                                "(1 where it would show, else 0)")),
             qPrintable(r.messages.join(u'\n')));
    const double expected[] = {0, 0, 0, 1, 1};
    for (int t = 0; t <= 4; ++t)
        QCOMPARE(r.at(QStringLiteral("m"), t), expected[t]);
}

// A delay time of 0/0 (z is 0) is NaN: DELAY FIXED and DELAY INFORMATION start from their
// initial value, 5, and are NaN once the first input has entered, which the run reports; it
// was a delay of one step, said nowhere.
void TestVensimBuiltins::delayTimeOfNotANumber()
{
    const MdlRun r = runMdl(QStringLiteral("z = 0 ~~|\na = DELAY FIXED(Time, z / z, 5) ~~|\n"
                                           "b = DELAY INFORMATION(Time, z / z, 5) ~~|\n"),
                            kControl);
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    for (const QString &name : {QStringLiteral("a"), QStringLiteral("b")}) {
        QCOMPARE(r.at(name, 0), 5.0);
        for (int t = 1; t <= 4; ++t)
            QVERIFY2(std::isnan(r.at(name, t)), qPrintable(name));
    }
    QVERIFY2(r.messages.filter(QStringLiteral("is NaN at time 1")).size() == 1, qPrintable(r.messages.join(u'\n')));
}

QTEST_APPLESS_MAIN(TestVensimBuiltins)
#include "test_vensim_builtins.moc"

// Vensim's level-like functions added for issue 13 (SHIFT IF TRUE, DEPRECIATE BY SCHEDULE,
// DELAY CONVEYOR, QUEUE FIFO and its QUEUE AGE functions), read from .mdl text and run, with values worked by hand from Vensim's
// reference; the readings its reference leaves open said as warnings at the call, and bad
// arguments as errors at their place.
#include "support/inlinemdl.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

namespace {

// Each variable named, and its values at the saved times 0, step, 2 step, ...
struct Series {
    const char *name;
    std::vector<double> values;
};

// What runAndCompare found: the first difference (empty: none), and the messages of the run
// of the model as read.
struct Compared {
    QString failure;
    QStringList messages;
};

// `model` run from 0 to `finalTime` by `step`, as read and as saved to XMILE (the Save As
// must keep what the calls became), each series compared within 1e-12.
Compared runAndCompare(const QString &model, double finalTime, double step, const std::vector<Series> &expected)
{
    const QString control = QStringLiteral("INITIAL TIME = 0 ~~|\nFINAL TIME = %1 ~~|\nTIME STEP = %2 ~~|\n"
                                           "SAVEPER = TIME STEP ~~|\n").arg(finalTime).arg(step);
    Compared out;
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(model, control, saved);
        if (!saved)
            out.messages = r.messages;
        if (!r.run.results)
            return {r.messages.join(u'\n'), out.messages};
        for (const Series &e : expected) {
            const QString name = QString::fromLatin1(e.name);
            for (std::size_t k = 0; k < e.values.size(); ++k) {
                const double t = step * double(k);
                if (!(std::fabs(r.at(name, t) - e.values[k]) < 1e-12))
                    return {QStringLiteral("%1 at %2 is %3, expected %4 (%5)").arg(name).arg(t).arg(r.at(name, t))
                                .arg(e.values[k]).arg(saved ? u"saved" : u"read"), out.messages};
            }
        }
    }
    return out;
}

} // namespace

class TestVensimLevels : public QObject {
    Q_OBJECT
private slots:
    void shiftIfTrueAgesOnceAYear();
    void depreciateByScheduleOfEqualFractionsIsStraightline();
    void depreciateByScheduleOfUnevenFractions();
    void delayConveyorMovesTheWholeBelt();
    void delayConveyorLeaksWhatItCarries();
    void delayConveyorStartsFromItsProfile();
    void queueFifoAgesItsParts();
    void queueFifoBelowZero();
    void queueFifoStartsFromItsProfile();
    void queueFifoStartsFromAnotherQueue();
    void queueFifoOverALongAgeRange();
    void queueFifoStepsOnlyAtStepsOfDt();
    void misuseIsAnErrorAtItsPlace_data();
    void misuseIsAnErrorAtItsPlace();
};

// An aging chain of three (newborn, young, old), 10 a year born into newborn, TIME STEP 0.5,
// everything shifting where MODULO(Time, 1) = 0. Meadows shifts over the step from that
// time (the levels at it are still unshifted), so each step adds 5 to newborn and, at whole
// years, the step also moves: newborn <- 0, young <- newborn, old <- young (accum 0) or
// old + young (accum 1). Accum 0 ("replace"):
//   t=0: (0,0,0), nothing to move; t=0.5: (5,0,0); t=1: (10,0,0), shifts to (0,10,0);
//   t=1.5: (5,10,0); t=2: (10,10,0) -> (0,10,10); t=2.5: (5,10,10); t=3: (10,10,10) ->
//   (0,10,10), old's 10 removed; t=3.5: (5,10,10); t=4: (10,10,10), 10 removed again.
//   The return value is what leaves old when it shifts: 10 at 3 and 4, else 0. Births
//   40 = 30 held + 10 removed at t = 4 (the second removal is in the step after 4).
// Accum 1 ("add"): as above to t=2.5; t=2: (10,10,0) -> (0,10,10); t=3: (10,10,10) ->
//   (0,10,20); t=3.5: (5,10,20); t=4: (10,10,20), nothing lost: 40 born; returns 0 always.
// Size 2, accum 1: only newborn and young move, young adding newborn: t=1: (10,0,0) ->
//   (0,10,0); t=2: (10,10,0) -> (0,20,0); t=3: (10,20,0) -> (0,30,0); old stays 0.
void TestVensimLevels::shiftIfTrueAgesOnceAYear()
{
    const QString births = QStringLiteral("AGE: newborn, young, old ~~|\n"
                                          "born[newborn] = 10 ~~|\nborn[young] = 0 ~~|\nborn[old] = 0 ~~|\n"
                                          "yearly = IF THEN ELSE(MODULO(Time, 1) = 0, 1, 0) ~~|\n");
    const QString model = births + QStringLiteral("P[AGE] = INTEG(born[AGE], 0) ~~|\n"
                                                  "Q[AGE] = INTEG(born[AGE], 0) ~~|\n"
                                                  "R[AGE] = INTEG(born[AGE], 0) ~~|\n"
                                                  "replaced = SHIFT IF TRUE(P[newborn], yearly, ELMCOUNT(AGE), 0, 0) ~~|\n"
                                                  "added = SHIFT IF TRUE(Q[newborn], yearly, ELMCOUNT(AGE), 1, 0) ~~|\n"
                                                  "part = SHIFT IF TRUE(R[newborn], yearly, 2, 1, 0) ~~|\n");
    const Compared c = runAndCompare(model, 4, 0.5,
                                     {{"P[newborn]", {0, 5, 10, 5, 10, 5, 10, 5, 10}}, {"P[young]", {0, 0, 0, 10, 10, 10, 10, 10, 10}},
                                      {"P[old]", {0, 0, 0, 0, 0, 10, 10, 10, 10}}, {"replaced", {0, 0, 0, 0, 0, 0, 10, 0, 10}},
                                      {"Q[old]", {0, 0, 0, 0, 0, 10, 10, 20, 20}}, {"Q[young]", {0, 0, 0, 10, 10, 10, 10, 10, 10}},
                                      {"added", {0, 0, 0, 0, 0, 0, 0, 0, 0}}, {"R[young]", {0, 0, 0, 10, 10, 20, 20, 30, 30}},
                                      {"R[old]", {0, 0, 0, 0, 0, 0, 0, 0, 0}}});
    QVERIFY2(c.failure.isEmpty(), qPrintable(c.failure));
    // Where the reading is Meadows' own, the call says so (line 10, column 12: "replaced = ").
    QVERIFY2(c.messages.filter(QStringLiteral("m.mdl:10:12: warning: SHIFT IF TRUE: Vensim's reference does not say")).size() == 1,
             qPrintable(c.messages.join(u'\n')));
}

// A schedule of equal fractions is straight-line depreciation, as DEPRECIATE STRAIGHTLINE's
// test works it (test_vensim_builtins.cpp; TIME STEP 0.5, fiscal years from 0): 10 a year
// paid in year 0 over 2 years gives 5, 5, 5, 5, 0, 0, 0, whether the schedule is 1, 1 or 50,
// 50 percent. Over 3 years with STRAIGHTLINE's init 4 (the stream before the start), the
// first periods depreciate what was paid in the 2 years before: 4 * 2/3 in year 0 (years -1
// and -2, each 4/3), 4/3 in year 1, nothing after; as init[Z] that gives 4, 4, 8/3, 8/3,
// 4/3, 4/3, 0, as STRAIGHTLINE does.
void TestVensimLevels::depreciateByScheduleOfEqualFractionsIsStraightline()
{
    const QString model = QStringLiteral("Y: y1, y2 ~~|\nZ: z1, z2, z3 ~~|\n"
                                         "ones[Y] = 1 ~~|\nhalves[Y] = 50 ~~|\nthirds[Z] = 1 ~~|\nnone = 0 ~~|\n"
                                         "init[z1] = 8/3 ~~|\ninit[z2] = 4/3 ~~|\ninit[z3] = 0 ~~|\n"
                                         "paid = IF THEN ELSE(Time < 1, 10, 0) ~~|\nfour = IF THEN ELSE(Time < 1, 4, 0) ~~|\n"
                                         "line = DEPRECIATE STRAIGHTLINE(paid, 2, 1, 0) ~~|\n"
                                         "ones schedule = DEPRECIATE BY SCHEDULE(paid, ones[y1], none, 2, Time) ~~|\n"
                                         "percent schedule = DEPRECIATE BY SCHEDULE(paid, halves[y1], none, 2, INITIAL TIME) ~~|\n"
                                         "line 3 = DEPRECIATE STRAIGHTLINE(four, 3, 1, 4) ~~|\n"
                                         "schedule 3 = DEPRECIATE BY SCHEDULE(four, thirds[z1], init[z1], 3, Time) ~~|\n");
    const std::vector<double> overTwo = {5, 5, 5, 5, 0, 0, 0}, overThree = {4, 4, 8.0 / 3, 8.0 / 3, 4.0 / 3, 4.0 / 3, 0};
    const Compared c = runAndCompare(model, 3, 0.5, {{"line", overTwo}, {"ones schedule", overTwo}, {"percent schedule", overTwo},
                                                     {"line 3", overThree}, {"schedule 3", overThree}});
    QVERIFY2(c.failure.isEmpty(), qPrintable(c.failure));
}

// A schedule of 50, 30, 20 percent over 6 years (fiscal periods of 2), TIME STEP 1, the
// periods changing over at fs = 1: [-1, 1), [1, 3), [3, 5), [5, 7), [7, 9). 10 a year is
// paid at times 0 and 1, so 10 in the first period and 10 in the second; init is a scalar
// variable of 1, the depreciation in each of the first three periods. In a period, y is 0.5
// str (now) + 0.3 L(the period before) / 2 + 0.2 L(two before) / 2 + init:
//   t=0: 0.5*10 + 1 = 6; t=1: 0.5*10 + 0.3*10/2 + 1 = 7.5; t=2: 0 + 1.5 + 1 = 2.5;
//   t=3, 4: 0.3*10/2 + 0.2*10/2 + 1 = 3.5; t=5, 6: 0.2*10/2 = 1; t=7, 8: 0.
// Less init's 1 in the first periods (times 0 to 4), they add up to the 20 paid:
// 5 + 6.5 + 1.5 + 2.5 + 2.5 + 1 + 1 = 20.
void TestVensimLevels::depreciateByScheduleOfUnevenFractions()
{
    const QString model = QStringLiteral("S: s1, s2, s3 ~~|\nsch[s1] = 50 ~~|\nsch[s2] = 30 ~~|\nsch[s3] = 20 ~~|\n"
                                         "initial depreciation = 1 ~~|\npaid = IF THEN ELSE(Time < 2, 10, 0) ~~|\n"
                                         "y = DEPRECIATE BY SCHEDULE(paid, sch[s1], initial depreciation, 6, 1) ~~|\n");
    const Compared c = runAndCompare(model, 8, 1, {{"y", {6, 7.5, 2.5, 3.5, 3.5, 1, 1, 0, 0}}});
    QVERIFY2(c.failure.isEmpty(), qPrintable(c.failure));
    // The readings Meadows takes are said at the call (line 8, after "y = ").
    QVERIFY2(c.messages.filter(QStringLiteral("m.mdl:8:5: warning: DEPRECIATE BY SCHEDULE: Vensim's reference leaves its "
                                              "reading open")).size() == 1,
             qPrintable(c.messages.join(u'\n')));
}

// DELAY CONVEYOR with TIME STEP 1 and no leak; "flat" is a level profile.
// - A pulse of 10 entering at 2 on a belt of 3 leaves exactly 3 later, at 5.
// - On a belt of 3 with 15 on it at the start (5 a year, as the flat profile lays it out),
//   the input Time leaves as DELAY FIXED(Time, 3, 5) gives it: 5 until 3, then Time - 3.
// - The whole belt moves at DT / ctime: 10 entering at 0 on a belt of 4 takes [0.75, 1] of
//   it (0 the exit); at 1 it moves a quarter, to [0.5, 0.75]; from 2 the belt runs at 2, half
//   a belt a step: [0, 0.25] at 2 and past the exit at 3, so 10 leaves at 3, not at 4 as
//   on a Stella conveyor, whose material keeps the transit time it entered with.
// - Where it straddles the exit it leaves in part: the belt at 2.5 from time 1 moves 0.4 a
//   step, [0.35, 0.6] at 1, [-0.05, 0.2] at 2: a fifth of the parcel (0.05 of its 0.25) has
//   passed, 2 leaves; the other 8 at 3.
void TestVensimLevels::delayConveyorMovesTheWholeBelt()
{
    const QString model = QStringLiteral("flat((0,1),(1,1)) ~~|\npulse = IF THEN ELSE(Time = 2, 10, 0) ~~|\n"
                                         "pulse out = DELAY CONVEYOR(pulse, 3, 0, flat, 0, 3) ~~|\n"
                                         "ramp = Time ~~|\nconveyed = DELAY CONVEYOR(ramp, 3, 0, flat, 15, 3) ~~|\n"
                                         "fixed = DELAY FIXED(ramp, 3, 5) ~~|\nfirst = IF THEN ELSE(Time = 0, 10, 0) ~~|\n"
                                         "sped = DELAY CONVEYOR(first, IF THEN ELSE(Time < 2, 4, 2), 0, flat, 0, 4) ~~|\n"
                                         "straddled = DELAY CONVEYOR(first, IF THEN ELSE(Time < 1, 4, 2.5), 0, flat, 0, 4) ~~|\n");
    const Compared c = runAndCompare(model, 8, 1, {{"pulse out", {0, 0, 0, 0, 0, 10, 0, 0, 0}}, {"conveyed", {5, 5, 5, 0, 1, 2, 3, 4, 5}},
                                                   {"fixed", {5, 5, 5, 0, 1, 2, 3, 4, 5}}, {"sped", {0, 0, 0, 10, 0, 0, 0, 0, 0}},
                                                   {"straddled", {0, 0, 2, 8, 0, 0, 0, 0, 0}}});
    QVERIFY2(c.failure.isEmpty(), qPrintable(c.failure));
}

// Leak 0.1 a year, TIME STEP 1, a belt of 2, 10 a year entering until 5: each input leaks
// the step it enters and the step it waits, so 10 * 0.9^2 = 8.1 leaves from 2 to 6. Beside
// it, the reference's own account: convey total = INTEG(input - out - total leakage, 0),
// total leakage = (convey total + TIME STEP * (input - out)) * leak:
//   t=0: ahead 0 + 10 = 10, leaks 1 -> 9 at 1; t=1: ahead 19, leaks 1.9 -> 17.1 at 2;
//   t=2..4: ahead 17.1 + 10 - 8.1 = 19 -> 17.1; t=5: ahead 17.1 - 8.1 = 9, leaks 0.9 -> 8.1;
//   t=6: ahead 8.1 - 8.1 = 0 -> 0.
// The belt leaks exactly that, so what entered (50) is what left (5 * 8.1 = 40.5), what
// leaked (50 * 0.19 = 9.5) and what is on the belt (0 from 7).
void TestVensimLevels::delayConveyorLeaksWhatItCarries()
{
    const QString model = QStringLiteral("flat((0,1),(1,1)) ~~|\ninput = IF THEN ELSE(Time < 5, 10, 0) ~~|\nleak = 0.1 ~~|\n"
                                         "out = DELAY CONVEYOR(input, 2, leak, flat, 0, 2) ~~|\n"
                                         "convey total = INTEG(input - out - total leakage, 0) ~~|\n"
                                         "ahead level = convey total + TIME STEP * (input - out) ~~|\n"
                                         "total leakage = ahead level * leak ~~|\n");
    const Compared c = runAndCompare(model, 9, 1, {{"out", {0, 0, 8.1, 8.1, 8.1, 8.1, 8.1, 0, 0, 0}},
                                                   {"convey total", {0, 9, 17.1, 17.1, 17.1, 17.1, 8.1, 0, 0, 0}}});
    QVERIFY2(c.failure.isEmpty(), qPrintable(c.failure));
    // A leak of 3 per time unit at TIME STEP 1 would take 300 % in a step: it takes all the
    // belt carries, so nothing arrives (and nothing grows as 1 - 3 = -2 would make it).
    const Compared all = runAndCompare(QString(model).replace(QStringLiteral("leak = 0.1"), QStringLiteral("leak = 3")), 9, 1,
                                       {{"out", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}}});
    QVERIFY2(all.failure.isEmpty(), qPrintable(all.failure));
}

// The initial material leaves as its profile says, over initctime (TIME STEP 1, no input):
// - flat, 30 over 3: inittot / initctime = 10 at 0, 1 and 2, then nothing;
// - rising, y = 1 + 2x over [0, 1], 100 over 4: each step gets the profile's area over its
//   quarter of x, of the whole area 2: 1/4 + (2k + 1)/16, so 5/32, 7/32, 9/32 and 11/32 of
//   100: 15.625, 21.875, 28.125, 34.375, which add up to the 100.
// - flat, 100 over an initctime of 5 on a belt of 10: 20 a step for 5 steps (inittot /
//   initctime, the help's "will come out" over initctime), not 10 for the belt's 10; and 40
//   over 4 on a belt of 2: 10 a step for 4 steps.
// - flat, 100 over a billion steps (the belt laid as a million parcels, the last holding the
//   rest): 1e-7 a step, each step the one parcel at the exit, not the one behind it too.
// Every call says which reading of the reference Meadows takes (line 4, column 9).
void TestVensimLevels::delayConveyorStartsFromItsProfile()
{
    const QString model = QStringLiteral("flat((0,1),(1,1)) ~~|\nrising((0,1),(1,3)) ~~|\n"
                                         "level = DELAY CONVEYOR(0, 3, 0, flat, 30, 3) ~~|\n"
                                         "shaped = DELAY CONVEYOR(0, 4, 0, rising, 100, 4) ~~|\n"
                                         "long = DELAY CONVEYOR(0, 1e9, 0, flat, 100, 1e9) ~~|\n"
                                         "quick = DELAY CONVEYOR(0, 10, 0, flat, 100, 5) ~~|\n"
                                         "slow = DELAY CONVEYOR(0, 2, 0, flat, 40, 4) ~~|\n");
    const Compared c = runAndCompare(model, 6, 1, {{"level", {10, 10, 10, 0, 0, 0, 0}},
                                                   {"shaped", {15.625, 21.875, 28.125, 34.375, 0, 0, 0}},
                                                   {"long", {1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7}},
                                                   {"quick", {20, 20, 20, 20, 20, 0, 0}}, {"slow", {10, 10, 10, 10, 0, 0, 0}}});
    QVERIFY2(c.failure.isEmpty(), qPrintable(c.failure));
    QVERIFY2(c.messages.filter(QStringLiteral("m.mdl:4:9: warning: DELAY CONVEYOR: Vensim's reference gives no step rule"))
                     .size() == 1,
             qPrintable(c.messages.join(u'\n')));
}

// QUEUE FIFO at TIME STEP 1: 10 a year flows in at 0, 1 and 2, and 10 out at 5. Each part
// is a step old the step after it came in (Vensim's help lays the initial contents from age
// TIME STEP), so at step k the three parts are k, k - 1 and k - 2 old, and the 10 that leaves
// at 5 is the oldest. By step:
//   0: empty: 0 everywhere (Meadows' reading: the help gives no age for an empty queue);
//   1: 10 aged 1; 2: aged 2, 1; 3: 3, 2, 1; 4: 4, 3, 2; 5: 5, 4, 3; 6 to 8: k - 1, k - 2.
// AGE AVERAGE(Q, 0) is the mean of them all; of the oldest 15, 10 at the oldest age and 5 at
// the next: at 2, (10 * 2 + 5 * 1) / 15. IN RANGE(Q, 2, :NA:) counts the parts at least 2 old,
// IN RANGE(Q, :NA:, 3) those at most 3. A negative inflow is an outflow of the oldest: R gets
// 10 at 0 and 1 and loses 10 at 2, the part that came in at 0, so at 3 only the part of 1
// is left, 2 old.
void TestVensimLevels::queueFifoAgesItsParts()
{
    const QString model = QStringLiteral("flat((0,1),(1,1)) ~~|\ninflow = IF THEN ELSE(Time < 3, 10, 0) ~~|\n"
                                         "outflow = IF THEN ELSE(Time = 5, 10, 0) ~~|\nQ = QUEUE FIFO(inflow, outflow, flat, 0, 1) ~~|\n"
                                         "oldest = QUEUE AGE OLDEST(Q) ~~|\naverage = QUEUE AGE AVERAGE(Q, 0) ~~|\n"
                                         "older = QUEUE AGE IN RANGE(Q, 2, :NA:) ~~|\nyounger = QUEUE AGE IN RANGE(Q, :NA:, 3) ~~|\n"
                                         "first fifteen = QUEUE AGE AVERAGE(Q, 15) ~~|\n"
                                         "back = IF THEN ELSE(Time < 2, 10, IF THEN ELSE(Time = 2, -10, 0)) ~~|\n"
                                         "R = QUEUE FIFO(back, 0, flat, 0, 1) ~~|\nr average = QUEUE AGE AVERAGE(R) ~~|\n");
    const Compared c = runAndCompare(model, 8, 1, {{"Q", {0, 10, 20, 30, 30, 30, 20, 20, 20}},
                                                   {"oldest", {0, 1, 2, 3, 4, 5, 5, 6, 7}},
                                                   {"average", {0, 1, 1.5, 2, 3, 4, 4.5, 5.5, 6.5}},
                                                   {"older", {0, 0, 10, 20, 30, 30, 20, 20, 20}},
                                                   {"younger", {0, 10, 20, 30, 20, 10, 0, 0, 0}},
                                                   {"first fifteen", {0, 1, 25.0 / 15, 40.0 / 15, 55.0 / 15, 70.0 / 15, 70.0 / 15,
                                                                      85.0 / 15, 100.0 / 15}},
                                                   {"R", {0, 10, 20, 10, 10}}, {"r average", {0, 1, 1.5, 2, 3}}});
    QVERIFY2(c.failure.isEmpty(), qPrintable(c.failure));
    // The help's own example leaves AGE AVERAGE's quantity out: read as 0, and said.
    QVERIFY2(c.messages.filter(QStringLiteral("QUEUE AGE AVERAGE has no quantity: the average is over all of the queue")).size() == 1,
             qPrintable(c.messages.join(u'\n')));
}

// Below zero a queue "is treated as having entries only from the previous time step": N
// starts with 5 and loses 10 at 0 and 1, so it holds -5 at 1 and -15 at 2 and 3, a step old
// each time; 20 in at 3 fills the hole and leaves 5, one step old at 4 and two at 5. M
// starts below zero, -30 over an age range of 3, and stays one part of -30 a step old.
void TestVensimLevels::queueFifoBelowZero()
{
    const QString model = QStringLiteral("flat((0,1),(1,1)) ~~|\ndrain = IF THEN ELSE(Time < 2, 10, 0) ~~|\n"
                                         "refill = IF THEN ELSE(Time = 3, 20, 0) ~~|\nN = QUEUE FIFO(refill, drain, flat, 5, 1) ~~|\n"
                                         "n average = QUEUE AGE AVERAGE(N, 0) ~~|\nn oldest = QUEUE AGE OLDEST(N) ~~|\n"
                                         "M = QUEUE FIFO(0, 0, flat, -30, 3) ~~|\nm average = QUEUE AGE AVERAGE(M, 0) ~~|\n");
    const Compared c = runAndCompare(model, 5, 1, {{"N", {5, -5, -15, -15, 5, 5}}, {"n average", {1, 1, 1, 1, 1, 2}},
                                                   {"n oldest", {1, 1, 1, 1, 1, 2}}, {"M", {-30, -30, -30, -30, -30, -30}},
                                                   {"m average", {1, 1, 1, 1, 1, 1}}});
    QVERIFY2(c.failure.isEmpty(), qPrintable(c.failure));
}

// The initial contents, its profile stretched over 0 to the age range, each step's share the
// profile's area over that step, the youngest one step old (TIME STEP 1):
// - flat, 30 over 3: 10 each at ages 1, 2, 3: average 2, oldest 3, a year more each year;
// - rising y = 1 + 2x over x in [0, 1], 40 over 2: x [0, 0.5] has area 0.75 of the whole 2,
//   [0.5, 1] 1.25: 15 at age 1 and 25 at age 2, average (15 + 50) / 40 = 1.625;
// - flat, 30 over 2.5: steps [0, 1], [1, 2], [2, 2.5] get 12, 12 and 6, average
//   (12 + 24 + 18) / 30 = 1.8.
// At TIME STEP 0.5, flat 30 over 1 is 15 at 0.5 and 15 at 1: average 0.75, oldest 1.
void TestVensimLevels::queueFifoStartsFromItsProfile()
{
    const QString model = QStringLiteral("flat((0,1),(1,1)) ~~|\nrising((0,1),(1,3)) ~~|\n"
                                         "P = QUEUE FIFO(0, 0, flat, 30, 3) ~~|\np average = QUEUE AGE AVERAGE(P, 0) ~~|\n"
                                         "p oldest = QUEUE AGE OLDEST(P) ~~|\nS = QUEUE FIFO(0, 0, rising, 40, 2) ~~|\n"
                                         "s average = QUEUE AGE AVERAGE(S, 0) ~~|\nW = QUEUE FIFO(0, 0, flat, 30, 2.5) ~~|\n"
                                         "w average = QUEUE AGE AVERAGE(W, 0) ~~|\n");
    const Compared c = runAndCompare(model, 2, 1, {{"P", {30, 30, 30}}, {"p average", {2, 3, 4}}, {"p oldest", {3, 4, 5}},
                                                   {"s average", {1.625, 2.625, 3.625}}, {"w average", {1.8, 2.8, 3.8}}});
    QVERIFY2(c.failure.isEmpty(), qPrintable(c.failure));
    QVERIFY2(c.messages.filter(QStringLiteral("m.mdl:4:5: warning: QUEUE FIFO: the initial contents are laid from one step old"))
                     .size() == 1,
             qPrintable(c.messages.join(u'\n')));
    const Compared half = runAndCompare(QStringLiteral("flat((0,1),(1,1)) ~~|\nH = QUEUE FIFO(0, 0, flat, 30, 1) ~~|\n"
                                                       "h average = QUEUE AGE AVERAGE(H, 0) ~~|\nh oldest = QUEUE AGE OLDEST(H) ~~|\n"),
                                        1, 0.5, {{"h average", {0.75, 1.25, 1.75}}, {"h oldest", {1, 1.5, 2}}});
    QVERIFY2(half.failure.isEmpty(), qPrintable(half.failure));
}

// What a queue or a conveyor is laid out from may read another: Q holds 10 (two parts of 5,
// ages 1 and 2); R starts with Q's 10 over an age range of 1, so 10 a step old; conveyed
// lays Q * 3 = 30 over 3 steps, 10 a step; S starts with what conveyed releases at the
// start, 10, in two parts 1 and 2 old; and T, 4, with S's oldest age, 2, as its age range:
// two parts, the oldest 2 old at the start. Each is laid out once what it reads is.
void TestVensimLevels::queueFifoStartsFromAnotherQueue()
{
    const QString model = QStringLiteral("flat((0,1),(1,1)) ~~|\nQ = QUEUE FIFO(0, 0, flat, 10, 2) ~~|\n"
                                         "R = QUEUE FIFO(0, 0, flat, Q, 1) ~~|\nconveyed = DELAY CONVEYOR(0, 3, 0, flat, Q * 3, 3) ~~|\n"
                                         "S = QUEUE FIFO(0, 0, flat, conveyed, 2) ~~|\nT = QUEUE FIFO(0, 0, flat, 4, QUEUE AGE OLDEST(S)) ~~|\n"
                                         "t oldest = QUEUE AGE OLDEST(T) ~~|\n");
    const Compared c = runAndCompare(model, 2, 1, {{"R", {10, 10, 10}}, {"conveyed", {10, 10, 10}}, {"S", {10, 10, 10}},
                                                   {"T", {4, 4, 4}}, {"t oldest", {2, 3, 4}}});
    QVERIFY2(c.failure.isEmpty(), qPrintable(c.failure));
    // A start that reads itself through others has no layout to settle on (A = B + 1 and
    // B = A at once): refused, as a loop of initial values is, and named.
    const MdlRun loop = runMdl(QStringLiteral("flat((0,1),(1,1)) ~~|\nA = QUEUE FIFO(0, 0, flat, B + 1, 3) ~~|\n"
                                              "B = DELAY CONVEYOR(0, 3, 0, flat, A, 3) ~~|\n"));
    QVERIFY(!loop.run.results);
    QVERIFY2(loop.messages.filter(QStringLiteral("error: in 'A': the start of a QUEUE FIFO or DELAY CONVEYOR reads its own "
                                                 "contents: A -> B -> A")).size() == 1,
             qPrintable(loop.messages.join(u'\n')));
}

// An age range of 1e12 steps is laid as a million parts of a million steps each, each at its
// middle age: part k holds ages k * 1e6 + 1 to (k + 1) * 1e6, taken as k * 1e6 + 500001. The
// average is then 500001 + 1e6 * 999999 / 2 = 500000000001 (about 5e11 as computed: a sum of
// a million terms near 1e12 keeps some 12 digits), the oldest 999999500001, and Q stays 10
// with no flows. Before, the range was cut at a million steps: an average near 5e5.
void TestVensimLevels::queueFifoOverALongAgeRange()
{
    const MdlRun r = runMdl(QStringLiteral("flat((0,1),(1,1)) ~~|\nQ = QUEUE FIFO(0, 0, flat, 10, 1e12) ~~|\n"
                                           "average = QUEUE AGE AVERAGE(Q, 0) ~~|\noldest = QUEUE AGE OLDEST(Q) ~~|\n"),
                            mdlControl(1));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("Q"), 1), 10.0);
    QVERIFY2(std::fabs(r.at(QStringLiteral("average"), 0) - 500000000001.0) < 1e3, qPrintable(QString::number(r.at(QStringLiteral("average"), 0), 'g', 17)));
    QCOMPARE(r.at(QStringLiteral("oldest"), 0), 999999500001.0);
    // An age range the layout cannot honour is said: one of a step or less lays everything a
    // step old, one beyond 1e15 steps is cut there.
    for (const auto &[range, said] : {std::pair{QStringLiteral("1"), QStringLiteral("QUEUE FIFO's age range 1 is not more than "
                                                                                   "TIME STEP 1: the initial contents are all "
                                                                                   "one step old")},
                                      std::pair{QStringLiteral("1e20"), QStringLiteral("QUEUE FIFO's age range 1e+20 is more than "
                                                                                      "1e15 steps: the initial contents are laid "
                                                                                      "over 1e15 steps")}}) {
        const MdlRun cut = runMdl(QStringLiteral("flat((0,1),(1,1)) ~~|\nQ = QUEUE FIFO(0, 0, flat, 10, %1) ~~|\n").arg(range),
                                  mdlControl(1));
        QVERIFY2(cut.run.results && cut.messages.filter(said).size() == 1, qPrintable(cut.messages.join(u'\n')));
    }
}

// Q gains 1 a step. Under RK45 with rows every 1.5 (DT 1) the run also looks at 1.5, 4.5
// ..., which end no step: Q moves only at whole steps, 6 at 6 as the level S, not 8. With a
// TIME STEP that changes (1 until 2, then 0.5), ages are counted in steps of the TIME STEP
// now, as the help says the functions assume it constant, and that is said: the part that
// came in at 0 is 2 steps old at 2, 2 * 0.5 = 1.
void TestVensimLevels::queueFifoStepsOnlyAtStepsOfDt()
{
    const QString model = QStringLiteral("flat((0,1),(1,1)) ~~|\nQ = QUEUE FIFO(1, 0, flat, 0, 1) ~~|\n"
                                         "S = INTEG(1, 0) ~~|\n");
    RunOptions rk45;
    rk45.method = Method::RK45;
    rk45.saveStep = 1.5;
    const MdlRun r = runMdl(model, mdlControl(6), false, rk45);
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("Q"), 6), 6.0);
    QCOMPARE(r.at(QStringLiteral("S"), 6), 6.0);
    const MdlRun varying = runMdl(QStringLiteral("flat((0,1),(1,1)) ~~|\nin = IF THEN ELSE(Time = 0, 1, 0) ~~|\n"
                                                 "Q = QUEUE FIFO(in, 0, flat, 0, 1) ~~|\noldest = QUEUE AGE OLDEST(Q) ~~|\n"),
                                  QStringLiteral("INITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\n"
                                                 "TIME STEP = IF THEN ELSE(Time < 2, 1, 0.5) ~~|\nSAVEPER = 0.5 ~~|\n"));
    QVERIFY2(varying.run.results, qPrintable(varying.messages.join(u'\n')));
    QCOMPARE(varying.at(QStringLiteral("oldest"), 1), 1.0);
    QCOMPARE(varying.at(QStringLiteral("oldest"), 2), 1.0);
    QVERIFY2(varying.messages.filter(QStringLiteral("warning: TIME STEP is an equation: where it changes while the model runs, "
                                                    "QUEUE AGE OLDEST counts a part's age in steps of the TIME STEP then")).size() == 1,
             qPrintable(varying.messages.join(u'\n')));
}

// Each misuse is said at what is wrong, on line 2 of m.mdl: "x = " puts the call at column 5,
// SHIFT IF TRUE's first argument at 19, DEPRECIATE BY SCHEDULE's second and third at 31 and
// 40, DELAY CONVEYOR's fourth at 29. Nothing runs.
void TestVensimLevels::misuseIsAnErrorAtItsPlace_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<QString>("expected");
    QTest::newRow("shift: count") << "SHIFT IF TRUE(P[a1], 1, 2)"
                           << "m.mdl:2:5: error: SHIFT IF TRUE takes 5 arguments (level, condition, size, accumulate, "
                              "value in), not 3";
    QTest::newRow("not an array") << "SHIFT IF TRUE(S, 1, 2, 0, 0)"
                                  << "m.mdl:2:19: error: SHIFT IF TRUE shifts a subscripted level, written with the first "
                                     "element of its last range, as Population[..., first]";
    QTest::newRow("a range, not its first element") << "SHIFT IF TRUE(P[A], 1, 2, 0, 0)"
                                                    << "m.mdl:2:19: error: SHIFT IF TRUE shifts a subscripted level, written "
                                                       "with the first element of its last range, as Population[..., first]";
    QTest::newRow("not a level") << "SHIFT IF TRUE(V[a1], 1, 2, 0, 0)"
                                 << "m.mdl:2:19: error: SHIFT IF TRUE shifts a level, and 'V' is not one: every equation of it "
                                    "must be INTEG";

    QTest::newRow("schedule: count") << "DEPRECIATE BY SCHEDULE(1, sch[s1], 0, 3)"
                           << "m.mdl:2:5: error: DEPRECIATE BY SCHEDULE takes 5 arguments (stream, schedule, initial "
                              "depreciation, depreciation time, fiscal start), not 4";
    QTest::newRow("scalar schedule") << "DEPRECIATE BY SCHEDULE(1, one, one, 3, Time)"
                                     << "m.mdl:2:31: error: DEPRECIATE BY SCHEDULE's schedule must be a subscripted "
                                        "variable written with the first element of its last range, as sch[first]";
    QTest::newRow("short init") << "DEPRECIATE BY SCHEDULE(1, sch[s1], two[t1], 3, Time)"
                                << "m.mdl:2:40: error: DEPRECIATE BY SCHEDULE's initial depreciation must be a variable "
                                   "without subscripts, or one written with the first element of a range of 3 elements, "
                                   "as long as the schedule";

    QTest::newRow("conveyor: count") << "DELAY CONVEYOR(1, 3, 0, flat, 0)"
                           << "m.mdl:2:5: error: DELAY CONVEYOR takes 6 argument(s), not 5";
    QTest::newRow("no profile") << "DELAY CONVEYOR(1, 3, 0, 7, 0, 3)"
                                << "m.mdl:2:29: error: in 'x': DELAY CONVEYOR's profile must be a lookup with no value "
                                   "below 0 and a positive area over its x range";
    QTest::newRow("no area") << "DELAY CONVEYOR(1, 3, 0, none, 0, 3)"
                             << "m.mdl:2:29: error: in 'x': DELAY CONVEYOR's profile must be a lookup with no value "
                                "below 0 and a positive area over its x range";
    QTest::newRow("subscripted profile") << "DELAY CONVEYOR(1, 3, 0, V[a1], 0, 3)"
                                         << "m.mdl:2:29: error: in 'x': DELAY CONVEYOR's profile must be one lookup: a "
                                            "subscripted one ('V[a1]') is not supported";

    // QUEUE FIFO's profile is its fourth argument's place, column 22; QUEUE AGE OLDEST's
    // queue at 22; a QUEUE FIFO inside an expression at 9.
    QTest::newRow("queue: count") << "QUEUE FIFO(1, 0, flat, 0)" << "m.mdl:2:5: error: QUEUE FIFO takes 5 argument(s), not 4";
    QTest::newRow("queue: below zero profile") << "QUEUE FIFO(1, 0, dip, 0, 1)"
                                               << "m.mdl:2:22: error: in 'x': QUEUE FIFO's profile must be a lookup with no "
                                                  "value below 0 and a positive area over its x range";
    QTest::newRow("queue: part of an expression") << "1 + QUEUE FIFO(1, 0, flat, 0, 1)"
                                                  << "m.mdl:2:9: error: in 'x': QUEUE FIFO must be the whole of a variable's "
                                                     "equation: the variable is the queue";
    QTest::newRow("age of a level") << "QUEUE AGE OLDEST(S)"
                                    << "m.mdl:2:22: error: in 'x': QUEUE AGE OLDEST reads 'S', which is not defined by "
                                       "QUEUE FIFO";
    QTest::newRow("queue: a start that reads itself") << "QUEUE FIFO(0, 0, flat, x + 1, 3)"
                                                      << "m.mdl:2:5: error: in 'x': the start of a QUEUE FIFO or DELAY "
                                                         "CONVEYOR reads its own contents: x -> x (each is laid out from "
                                                         "what the next holds at the start)";
    QTest::newRow("age of a number") << "QUEUE AGE OLDEST(3)"
                                     << "m.mdl:2:22: error: in 'x': QUEUE AGE OLDEST takes the name of a variable defined "
                                        "by QUEUE FIFO, one element of it when it is subscripted";
}

void TestVensimLevels::misuseIsAnErrorAtItsPlace()
{
    QFETCH(QString, equation);
    QFETCH(QString, expected);
    const MdlRun r = runMdl(QStringLiteral("x = %1 ~~|\nA: a1, a2 ~~|\nP[A] = INTEG(1, 0) ~~|\nS = INTEG(1, 0) ~~|\nV[A] = 1 ~~|\n"
                                           "Periods: s1, s2, s3 ~~|\nT: t1, t2 ~~|\nsch[Periods] = 1 ~~|\ntwo[T] = 1 ~~|\n"
                                           "one = 1 ~~|\nflat((0,1),(1,1)) ~~|\nnone((0,0),(1,0)) ~~|\ndip((0,1),(1,-1)) ~~|\n").arg(equation));
    QVERIFY2(refusedWith(r, expected), qPrintable(r.messages.join(u'\n')));
}

QTEST_APPLESS_MAIN(TestVensimLevels)
#include "test_vensim_levels.moc"

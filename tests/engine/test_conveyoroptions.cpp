// Stella's conveyor options (issue 12; XMILE 1.0 sections 3.7.2 and 4.2.1, isee's help
// "Equation tab"; docs/conveyors.md): taking from a queue one batch at a time or several,
// whole or split. Every expected value is worked by hand, in the comment beside it, from
// the documented rules (/work/research15-conveyors.md has the sources). Slats s[0] (the
// exit) .. s[L-1], L = transit time / DT; what enters in a DT lands on s[L-1].
#include "support/conveyorxmile.h"
#include "support/inlinemodel.h"

#include "model/xmilewriter.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

namespace {



// A queue that gets three batches at time 0, in its inflows' order: 4, 3 and 5 (one per
// inflow and DT). They are in the queue from time 1 on; its outflow `load`, without an
// equation, offers everything to `belt` (transit time 10, so nothing leaves it before the
// end of these runs), and `spill`, an overflow, takes what the belt refuses into `rejected`.
// `extra`: more variables.
QByteArray queueIntoBelt(const QString &attributes, const QString &options, const QString &extra = {}, double stop = 5)
{
    const QString arrivals = flow(QStringLiteral("a"), QStringLiteral("IF TIME = 0 THEN 4 ELSE 0"))
                             + flow(QStringLiteral("b"), QStringLiteral("IF TIME = 0 THEN 3 ELSE 0"))
                             + flow(QStringLiteral("c"), QStringLiteral("IF TIME = 0 THEN 5 ELSE 0"));
    const QString queue = QStringLiteral("<stock name=\"waiting\"><eqn>0</eqn><inflow>a</inflow><inflow>b</inflow>"
                                         "<inflow>c</inflow><outflow>load</outflow><outflow>spill</outflow><queue/></stock>");
    return xmile(arrivals + queue + exitFlow(QStringLiteral("load")) + QStringLiteral("<flow name=\"spill\"><overflow/></flow>")
                     + exitFlow(QStringLiteral("out"))
                     + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("10"), QStringLiteral("load"),
                                QStringLiteral("out"), options, attributes)
                     + stock(QStringLiteral("rejected"), QStringLiteral("0"), QStringLiteral("spill")) + extra,
                 specs(0, stop, 1));
}




// Each row: the value of `name` at times 0, dt, 2 dt, ...
void expectSeries(const InlineRun &r, const char *name, const std::vector<double> &values, double dt = 1)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double t = double(i) * dt;
        const double got = r.at(QString::fromLatin1(name), t);
        QVERIFY2(near(got, values[i]),
                 qPrintable(QStringLiteral("%1 at %2: %3, expected %4").arg(QString::fromLatin1(name)).arg(t).arg(got).arg(values[i])));
    }
}

// The warnings reading `text` gives, formatted.
QStringList readWarnings(const QByteArray &text)
{
    return formatted(readXmile(text, QStringLiteral("c.xmile")).diagnostics);
}

} // namespace

class TestConveyorOptions : public QObject {
    Q_OBJECT
private slots:
    void oneAtATimeIsTheDefaultAndNotWarned();
    void oneAtATimeTakesTheFrontBatch();
    void asManyBatchesAsFit();
    void frontBatchSplitUnderCapacity();
    void wholeBatchesOnlyNoSkipping();
    void refusedWholeBatchGoesToTheOverflow();
    void queueOptionsKeptOnSave();
    void arrestStopsFlowsLeaksAndTheBelt();
    void arrestedConveyorsBatchOverflows();
    void exitWaitsForAnArrestedConveyor();
    void leakIntoAnArrestedConveyorWarns();
    void sampleLatchesTheTransitTime();
    void noSampleWhileArrested();
    void discreteIsContinuousAtUnitDt();
    void discreteInflowLimitPerTimeUnit();
    void discreteInitialValueInPackages();
    void queueFedConveyorIsDiscrete();
};

// one_at_a_time="true" is XMILE's default: no warning; nor for batch_integrity, <arrest>,
// <sample> or discrete, which are implemented. The options are read as <conveyor>'s
// attributes (as the spec and Stella write them) and as elements.
void TestConveyorOptions::oneAtATimeIsTheDefaultAndNotWarned()
{
    const QStringList warnings = readWarnings(queueIntoBelt(QStringLiteral("one_at_a_time=\"true\" batch_integrity=\"true\" discrete=\"true\""),
                                                            QStringLiteral("<arrest>0</arrest><sample>1</sample>")));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    // The element forms are read too.
    const QStringList elements = readWarnings(queueIntoBelt({}, QStringLiteral("<discrete/><one_at_a_time>false</one_at_a_time>"
                                                                               "<batch_integrity/>")));
    QVERIFY2(elements.isEmpty(), qPrintable(elements.join(u'\n')));
    // ... and obeyed: with <one_at_a_time>false</one_at_a_time> all three batches (12) enter at time 1.
    const InlineRun r = simulateText(queueIntoBelt({}, QStringLiteral("<one_at_a_time>false</one_at_a_time>")));
    RUN_CLEAN(r);
    expectSeries(r, "load", {0, 12, 0});
}

// Default options (one at a time, batches may split), no capacity: the belt takes the
// front batch each DT: 4 at time 1, 3 at time 2, 5 at time 3. The belt then holds
// 0, 0, 4, 7, 12 at times 0..4, the queue 0, 12, 8, 5, 0. Nothing overflows.
void TestConveyorOptions::oneAtATimeTakesTheFrontBatch()
{
    const InlineRun r = simulateText(queueIntoBelt({}, {}));
    RUN_CLEAN(r);
    expectSeries(r, "load", {0, 4, 3, 5, 0});
    expectSeries(r, "belt", {0, 0, 4, 7, 12});
    expectSeries(r, "waiting", {0, 12, 8, 5, 0});
    expectSeries(r, "rejected", {0, 0, 0, 0, 0});
}

// one_at_a_time="false", no capacity: every batch at once, 12 at time 1. With capacity 8
// and batches split: 4 + 3 + 1 of the 5 at time 1, whose 4 left waits at the front (room
// 0 after, and nothing leaves the belt); what the belt refuses goes to the overflow: the
// 4 at time 1 too. So the queue is empty from time 2.
void TestConveyorOptions::asManyBatchesAsFit()
{
    const InlineRun all = simulateText(queueIntoBelt(QStringLiteral("one_at_a_time=\"false\""), {}));
    RUN_CLEAN(all);
    expectSeries(all, "load", {0, 12, 0, 0});
    expectSeries(all, "belt", {0, 0, 12, 12});
    const InlineRun cut = simulateText(queueIntoBelt(QStringLiteral("one_at_a_time=\"false\""), QStringLiteral("<capacity>8</capacity>")));
    RUN_CLEAN(cut);
    expectSeries(cut, "load", {0, 8, 0, 0});
    expectSeries(cut, "spill", {0, 4, 0, 0});
    expectSeries(cut, "belt", {0, 0, 8, 8});
    expectSeries(cut, "rejected", {0, 0, 4, 4});
}

// One at a time, batches split, capacity 6: time 1, the front 4 enters (room 6); time 2,
// the front batch 3 is offered and 2 of it enter (room 6 - 4), the 1 refused overflows;
// time 3, room 0: the front 5 is offered and all of it overflows. The batch behind the
// front one is never offered, so it never overflows with it: queue 0, 12, 8, 5, 0.
void TestConveyorOptions::frontBatchSplitUnderCapacity()
{
    const InlineRun r = simulateText(queueIntoBelt({}, QStringLiteral("<capacity>6</capacity>")));
    RUN_CLEAN(r);
    expectSeries(r, "load", {0, 4, 2, 0, 0});
    expectSeries(r, "spill", {0, 0, 1, 5, 0});
    expectSeries(r, "waiting", {0, 12, 8, 5, 0});
    expectSeries(r, "belt", {0, 0, 4, 6, 6});
}

// one_at_a_time="false" batch_integrity="true", capacity 8: time 1, 4 + 3 = 7 fit and the
// 5 does not (7 + 5 > 8); it is neither split nor skipped: 7 enter and the refused 5
// overflows. The belt holds 7 from time 2.
void TestConveyorOptions::wholeBatchesOnlyNoSkipping()
{
    const InlineRun r = simulateText(
        queueIntoBelt(QStringLiteral("one_at_a_time=\"false\" batch_integrity=\"true\""), QStringLiteral("<capacity>8</capacity>")));
    RUN_CLEAN(r);
    expectSeries(r, "load", {0, 7, 0, 0});
    expectSeries(r, "spill", {0, 5, 0, 0});
    expectSeries(r, "belt", {0, 0, 7, 7});
}

// One at a time with batch integrity, capacity 6: time 1 the 4 enters (room 6); time 2
// the 3 does not fit the room 2 and is refused whole, so it overflows; time 3 the 5 does
// not fit either and overflows. The belt keeps 4; rejected 0, 0, 0, 3, 8.
void TestConveyorOptions::refusedWholeBatchGoesToTheOverflow()
{
    const InlineRun r = simulateText(queueIntoBelt(QStringLiteral("batch_integrity=\"true\""), QStringLiteral("<capacity>6</capacity>")));
    RUN_CLEAN(r);
    expectSeries(r, "load", {0, 4, 0, 0, 0});
    expectSeries(r, "spill", {0, 0, 3, 5, 0});
    expectSeries(r, "belt", {0, 0, 4, 4, 4});
    expectSeries(r, "rejected", {0, 0, 0, 3, 8});
}

// Written back, the conveyor keeps its attributes, and runs the same.
void TestConveyorOptions::queueOptionsKeptOnSave()
{
    const XmileReadResult read = readXmile(
        queueIntoBelt(QStringLiteral("discrete=\"true\" one_at_a_time=\"false\" batch_integrity=\"true\""),
                      QStringLiteral("<capacity>8</capacity><arrest>0</arrest><sample>TIME</sample>")),
        QStringLiteral("c.xmile"));
    QVERIFY(read.project);
    const QByteArray written = writeXmile(*read.project);
    QVERIFY2(written.contains("discrete=\"true\"") && written.contains("one_at_a_time=\"false\"") && written.contains("batch_integrity=\"true\"")
                 && written.contains("<arrest>0</arrest>") && written.contains("<sample>TIME</sample>"),
             written.constData());
    const InlineRun r = simulateText(written);
    RUN_CLEAN(r);
    expectSeries(r, "load", {0, 7, 0, 0});
}

// <arrest> (XMILE 1.0 section 4.2.1): while non-zero every inflow and outflow is 0 and the
// belt stops (nothing leaks). Transit 3, DT 1, 2 a time unit from `supply`, exponential
// leak 0.1 a time unit, arrested at times 2 and 3:
//   t 0: empty belt; in 2                       -> [0, 0, 2]
//   t 1: loss 2 * 0.1 = 0.2, out 0; in 2        -> [0, 1.8, 2], belt 3.8
//   t 2, 3: arrested: in, out, loss 0           -> the belt stays 3.8, supply 96
//   t 4: loss 3.8 * 0.1 = 0.38, out 0; in 2     -> [1.62, 1.8, 2], belt 5.42
//   t 5: out 1.62 - 0.162 = 1.458, loss 0.162 + 0.18 + 0.2 = 0.542
// Without the arrest the 1.62 on the exit slat at time 3 would leave then, 1.458.
void TestConveyorOptions::arrestStopsFlowsLeaksAndTheBelt()
{
    const QString model = stock(QStringLiteral("supply"), QStringLiteral("100"), {}, QStringLiteral("in"))
                          + flow(QStringLiteral("in"), QStringLiteral("2")) + exitFlow(QStringLiteral("out"))
                          + QStringLiteral("<flow name=\"loss\"><eqn>0.1</eqn><leak/></flow>")
                          + aux(QStringLiteral("stop"), QStringLiteral("IF TIME >= 2 AND TIME < 4 THEN 1 ELSE 0"))
                          + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("3"), QStringLiteral("in"),
                                     QStringLiteral("out,loss"),
                                     QStringLiteral("<exponential_leak/><arrest>stop</arrest>"));
    const InlineRun r = simulateText(xmile(model, specs(0, 6, 1)));
    RUN_CLEAN(r);
    expectSeries(r, "in", {2, 2, 0, 0, 2, 2});
    expectSeries(r, "loss", {0, 0.2, 0, 0, 0.38, 0.542});
    expectSeries(r, "out", {0, 0, 0, 0, 0, 1.458});
    expectSeries(r, "belt", {0, 2, 3.8, 3.8, 3.8, 5.42});
    expectSeries(r, "supply", {100, 98, 96, 96, 96, 94});
}

// A queue feeding an arrested conveyor: the belt takes nothing, and what it refuses of
// the offer (the front batch, one at a time) goes to the overflow, as for capacity (spec
// 3.7.3: "... or the downstream conveyor being arrested"). The batches of queueIntoBelt,
// arrested at time 2: load 4 at time 1, the 3 overflows at time 2, load 5 at time 3.
void TestConveyorOptions::arrestedConveyorsBatchOverflows()
{
    const InlineRun r = simulateText(queueIntoBelt({}, QStringLiteral("<arrest>stop</arrest>"),
                                                   aux(QStringLiteral("stop"), QStringLiteral("IF TIME = 2 THEN 1 ELSE 0"))));
    RUN_CLEAN(r);
    expectSeries(r, "load", {0, 4, 0, 5, 0});
    expectSeries(r, "spill", {0, 0, 3, 0, 0});
    expectSeries(r, "belt", {0, 0, 4, 4, 9});
    expectSeries(r, "rejected", {0, 0, 0, 3, 3});
}

// A conveyor's outflow cannot be refused in part, and the conveyor it feeds takes nothing
// while arrested: the material waits on the exit slat (the reading chosen, as Simlin's;
// docs/conveyors.md). `first` (transit 2, 1 a time unit in) feeds `second` (transit 2),
// arrested at time 3:
//   first: [0, 1] at 1, [1, 1] at 2; mid 1 at 2; at 3 held: mid 0, the exit's 1 waits and
//     the next 1 joins it: [2, 1] at 4, so mid 2 at 4, then 1.
//   second: [0, 1] at 3 (frozen at 3); at 4 out2 0, in 2: [1, 2]; out2 1 at 5, 2 at 6.
// Nothing is lost: first + second is 6 - 1 at time 6 (6 in, 1 out).
void TestConveyorOptions::exitWaitsForAnArrestedConveyor()
{
    const QString model = flow(QStringLiteral("in"), QStringLiteral("1")) + exitFlow(QStringLiteral("mid"))
                          + exitFlow(QStringLiteral("out2"))
                          + aux(QStringLiteral("stop"), QStringLiteral("IF TIME = 3 THEN 1 ELSE 0"))
                          + conveyor(QStringLiteral("first"), QStringLiteral("0"), QStringLiteral("2"), QStringLiteral("in"),
                                     QStringLiteral("mid"))
                          + conveyor(QStringLiteral("second"), QStringLiteral("0"), QStringLiteral("2"), QStringLiteral("mid"),
                                     QStringLiteral("out2"), QStringLiteral("<arrest>stop</arrest>"));
    const InlineRun r = simulateText(xmile(model, specs(0, 7, 1)));
    RUN_CLEAN(r);
    expectSeries(r, "mid", {0, 0, 1, 0, 2, 1, 1});
    expectSeries(r, "first", {0, 1, 2, 2, 3, 2, 2});
    expectSeries(r, "out2", {0, 0, 0, 0, 0, 1, 2});
    expectSeries(r, "second", {0, 0, 0, 1, 1, 3, 3});
}

// A leak cannot wait as an outflow does: what leaks into a conveyor while it is arrested
// is lost, and Meadows says so at the conveyor when it reads the model.
void TestConveyorOptions::leakIntoAnArrestedConveyorWarns()
{
    const QString model = flow(QStringLiteral("in"), QStringLiteral("1")) + exitFlow(QStringLiteral("out"))
                          + QStringLiteral("<flow name=\"loss\"><eqn>0.5</eqn><leak/></flow>") + exitFlow(QStringLiteral("out2"))
                          + conveyor(QStringLiteral("first"), QStringLiteral("0"), QStringLiteral("2"), QStringLiteral("in"),
                                     QStringLiteral("out,loss"))
                          + conveyor(QStringLiteral("second"), QStringLiteral("0"), QStringLiteral("2"), QStringLiteral("loss"),
                                     QStringLiteral("out2"), QStringLiteral("<arrest>TIME</arrest>"));
    const InlineRun r = simulateText(xmile(model, specs(0, 3, 1)));
    RUN_CLEAN(r);
    const QStringList warnings = formatted(r.compiled.diagnostics);
    QVERIFY2(warnings.size() == 1
                 && warnings.front().contains(QLatin1String("warning: conveyor 'second' takes in the leak 'loss' of another "
                                                            "conveyor: what leaks into it while it is arrested is lost")),
             qPrintable(warnings.join(u'\n')));
}

// 1 a time unit onto a belt whose <len> is 2 before time 2 and 4 after, DT 1.
QString resampledBelt(const QString &options)
{
    return flow(QStringLiteral("in"), QStringLiteral("1")) + exitFlow(QStringLiteral("out"))
           + aux(QStringLiteral("transit"), QStringLiteral("IF TIME < 2 THEN 2 ELSE 4"))
           + aux(QStringLiteral("resample"), QStringLiteral("IF TIME = 3 THEN 1 ELSE 0"))
           + aux(QStringLiteral("stop"), QStringLiteral("IF TIME = 3 THEN 1 ELSE 0"))
           + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("transit"), QStringLiteral("in"),
                      QStringLiteral("out"), options);
}

// <sample>: the transit time is re-read only in a DT where the condition is non-zero,
// else the one read last (at first, the initial one) stays; material leaves at t + T.
// Sampled at time 3 only: entering at 0, 1, 2 gets T = 2 (leaves at 2, 3, 4), at 3 and
// later T = 4 (leaves at 7, 8, 9): out 0, 0, 1, 1, 1, 0, 0, 1, 1, 1.
// Without <sample> (every DT): T = 4 from time 2 (leaves at 6, 7...): 0, 0, 1, 1, 0, 0, 1.
void TestConveyorOptions::sampleLatchesTheTransitTime()
{
    const InlineRun r = simulateText(xmile(resampledBelt(QStringLiteral("<sample>resample</sample>")), specs(0, 10, 1)));
    RUN_CLEAN(r);
    expectSeries(r, "out", {0, 0, 1, 1, 1, 0, 0, 1, 1, 1});
    expectSeries(r, "belt", {0, 1, 2, 2, 2, 2, 3, 4, 4, 4});
    const InlineRun always = simulateText(xmile(resampledBelt({}), specs(0, 10, 1)));
    RUN_CLEAN(always);
    expectSeries(always, "out", {0, 0, 1, 1, 0, 0, 1, 1, 1, 1});
}

// Arrested in the one DT it would sample (time 3), the conveyor does not re-read its
// transit time (time is suspended): T stays 2. The belt stops at 3 (nothing enters or
// leaves), so the material due at 3 and 4 leaves at 4 and 5; entering at 4 and 5 with
// T = 2 it leaves at 6 and 7. Had it been sampled, T = 4 would leave nothing at 6 and 7.
void TestConveyorOptions::noSampleWhileArrested()
{
    const InlineRun r = simulateText(
        xmile(resampledBelt(QStringLiteral("<sample>resample</sample><arrest>stop</arrest>")), specs(0, 8, 1)));
    RUN_CLEAN(r);
    expectSeries(r, "in", {1, 1, 1, 0, 1, 1, 1, 1});
    expectSeries(r, "out", {0, 0, 1, 0, 1, 1, 1, 1});
}

// 2 a time unit asked of `supply` by a belt of transit time 3 and capacity 5; `options`
// inside <conveyor>, `attributes` on it.
QByteArray cappedBelt(const QString &ask, const QString &attributes, const QString &options, double dt, double stop)
{
    return xmile(stock(QStringLiteral("supply"), QStringLiteral("100"), {}, QStringLiteral("in")) + flow(QStringLiteral("in"), ask)
                     + exitFlow(QStringLiteral("out"))
                     + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("3"), QStringLiteral("in"),
                                QStringLiteral("out"), QStringLiteral("<capacity>5</capacity>") + options, attributes),
                 specs(0, stop, dt));
}

// The research note's example A: DT 1, transit 3, capacity 5, 2 asked a time unit, inflow
// limit 2. At DT 1 a time unit's budget is one DT's, so discrete and continuous agree.
//   t  belt (exit..entry)  out  room = 5 - (contents - out)  in
//   0  0 0 0               0    5                            2
//   1  0 0 2               0    3                            2
//   2  0 2 2               0    1                            1
//   3  2 2 1               2    2                            2
//   4  2 1 2               2    2                            2
//   5  1 2 2               1    1                            1
void TestConveyorOptions::discreteIsContinuousAtUnitDt()
{
    for (const QString &attributes : {QString(), QStringLiteral("discrete=\"true\"")}) {
        const InlineRun r = simulateText(cappedBelt(QStringLiteral("2"), attributes, QStringLiteral("<in_limit>2</in_limit>"), 1, 6));
        RUN_CLEAN(r);
        expectSeries(r, "in", {2, 2, 1, 2, 2, 1});
        expectSeries(r, "out", {0, 0, 0, 2, 2, 1});
        expectSeries(r, "supply", {100, 98, 96, 95, 93, 91});
    }
}

// Example B: DT 1/2, transit 3 (6 slats), capacity 5, 4 asked a time unit (2 a DT), inflow
// limit 2 a time unit. Continuous: 2 x 1/2 = 1 a DT (rate 2) until the belt holds 5 at
// 2.5, then nothing at 2.5 and from 3 on what leaves (1). Discrete: the time unit's 2 may
// enter in its first DT (the budget resets at whole times from the start):
//   t 0: 2 (rate 4)  0.5: 0 (spent)  1: 2  1.5: 0  2: 1 (capacity: the belt holds 4)
//   2.5: 0 (full)  3: the lump of time 0 leaves (out rate 4), 2 enter  3.5: out 0, in 0
//   4: out 2, in 2  4.5: 0, 0  5: out the 1 of time 2 (rate 2), 1 enters (rate 2).
void TestConveyorOptions::discreteInflowLimitPerTimeUnit()
{
    const InlineRun discrete = simulateText(
        cappedBelt(QStringLiteral("4"), QStringLiteral("discrete=\"true\""), QStringLiteral("<in_limit>2</in_limit>"), 0.5, 6));
    RUN_CLEAN(discrete);
    expectSeries(discrete, "in", {4, 0, 4, 0, 2, 0, 4, 0, 4, 0, 2}, 0.5);
    expectSeries(discrete, "out", {0, 0, 0, 0, 0, 0, 4, 0, 4, 0, 2}, 0.5);
    expectSeries(discrete, "belt", {0, 2, 2, 4, 4, 5, 5, 5, 5, 5, 5}, 0.5);
    const InlineRun continuous = simulateText(cappedBelt(QStringLiteral("4"), {}, QStringLiteral("<in_limit>2</in_limit>"), 0.5, 6));
    RUN_CLEAN(continuous);
    expectSeries(continuous, "in", {2, 2, 2, 2, 2, 0, 2, 2}, 0.5);
    expectSeries(continuous, "out", {0, 0, 0, 0, 0, 0, 2, 2}, 0.5);
}

// Example C: 30 at the start, transit 3, DT 1/2 (6 slats). Continuous: 5 a slat, 10 a time
// unit out for 3 time units. Discrete: one package of 10 a time unit on the exit-most slat
// of each time unit's two (slats 0, 2, 4): out 10 / (1/2) = 20 in the first DT of each
// time unit, 0 in the second, nothing from time 3.
void TestConveyorOptions::discreteInitialValueInPackages()
{
    const QString model = exitFlow(QStringLiteral("out"));
    const InlineRun discrete = simulateText(
        xmile(model + conveyor(QStringLiteral("belt"), QStringLiteral("30"), QStringLiteral("3"), {}, QStringLiteral("out"),
                               {}, QStringLiteral("discrete=\"true\"")),
              specs(0, 4, 0.5)));
    RUN_CLEAN(discrete);
    expectSeries(discrete, "out", {20, 0, 20, 0, 20, 0, 0, 0}, 0.5);
    expectSeries(discrete, "belt", {30, 20, 20, 10, 10, 0, 0}, 0.5);
    const InlineRun continuous = simulateText(
        xmile(model + conveyor(QStringLiteral("belt"), QStringLiteral("30"), QStringLiteral("3"), {}, QStringLiteral("out")),
              specs(0, 4, 0.5)));
    RUN_CLEAN(continuous);
    expectSeries(continuous, "out", {10, 10, 10, 10, 10, 10, 0}, 0.5);
    expectSeries(continuous, "belt", {30, 25, 20, 15, 10, 5, 0}, 0.5);
}

// A conveyor fed by a queue is discrete without saying so (XMILE 1.0 section 4.2.1). A
// queue of 10 (one batch) feeds a belt with inflow limit 4 a time unit, DT 1/2, no
// overflow: 4 of the front batch in the first DT of each time unit (rate 8), none in the
// second, the last 2 at time 2; what the belt refuses waits: queue 10, 6, 6, 2, 2, 0.
// A continuous belt would take 2 every DT.
void TestConveyorOptions::queueFedConveyorIsDiscrete()
{
    const InlineRun r = simulateText(
        xmile(QStringLiteral("<stock name=\"waiting\"><eqn>10</eqn><outflow>load</outflow><queue/></stock>")
                  + exitFlow(QStringLiteral("load")) + exitFlow(QStringLiteral("out"))
                  + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("10"), QStringLiteral("load"),
                             QStringLiteral("out"), QStringLiteral("<in_limit>4</in_limit>")),
              specs(0, 3, 0.5)));
    RUN_CLEAN(r);
    expectSeries(r, "load", {8, 0, 8, 0, 4, 0}, 0.5);
    expectSeries(r, "waiting", {10, 6, 6, 2, 2, 0}, 0.5);
}

QTEST_GUILESS_MAIN(TestConveyorOptions)
#include "test_conveyoroptions.moc"

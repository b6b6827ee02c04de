// Stella's conveyors (XMILE 1.0 section 3.7.2, issue 12): transit time, leaks and leak
// zones, capacity, inflow limit, initial value at steady state, arrays. Every expected
// value is worked by hand in the comment beside it. A conveyor holding slats s[0] (the
// exit) .. s[L-1], L = transit time / DT: at each step its outflow is what is left on s[0]
// after this DT's leaks, and what flowed in during the DT lands on s[L-1].
#include "support/conveyorxmile.h"
#include "support/inlinemodel.h"

#include "solver/queue.h"

#include "model/xmilewriter.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

namespace {



QString leak(const QString &name, const QString &fraction, const QString &zone = {})
{
    return QStringLiteral("<flow name=\"%1\" %2><eqn>%3</eqn><leak/></flow>").arg(name, zone, fraction);
}




} // namespace

class TestConveyors : public QObject {
    Q_OBJECT
private slots:
    void constantInflowReachesSteadyState();
    void pulseArrivesOneTransitTimeLater();
    void initialValueStartsAtSteadyState();
    void linearLeakConservesMaterial();
    void leakZoneLeaksOnlyThere();
    void leakIntegersAndFractionInTheLeakElement();
    void exponentialLeak();
    void leakAtSteadyStateFromTheStart();
    void capacityClipsTheInflow();
    void inflowLimit();
    void arrayedConveyors();
    void outflowEquationIsIgnoredWithAWarning();
    void rungeKuttaRunsAsEuler();
    void unimplementedOptionWarnsWithItsPosition();
    void savedConveyorRunsTheSame();
    void computedStepIsRefused();
    void queueIsFirstInFirstOut();
    void queueOutflowTakesWhatItHolds();
    void queueInflowIsNonNegative();
    void queueOutflowAfterAnUnlimitedOneNeverFlows();
    void queueOverflowTakesWhatAConveyorRefuses();
    void conveyorIsAContainerOfSlats();
    void queueIsAContainerOfBatches();
};

// Inflow 5 onto a belt of transit time 4, DT 1, empty at the start: the material put on
// at times 0, 1, 2, 3 is on 4 slats by time 4 (5 each, 20 in all) and leaves from time 4
// on, 5 per time unit. Before then nothing leaves: the conveyor holds 5 t.
void TestConveyors::constantInflowReachesSteadyState()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("5")) + exitFlow(QStringLiteral("out"))
                                           + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("4"),
                                                      QStringLiteral("in"), QStringLiteral("out")),
                                           specs(0, 10, 1)));
    RUN_CLEAN(r);
    EXPECT_AT(r, "out", 0, 0.0);
    EXPECT_AT(r, "out", 3, 0.0);
    EXPECT_AT(r, "out", 4, 5.0);
    EXPECT_AT(r, "out", 10, 5.0);
    EXPECT_AT(r, "belt", 2, 10.0);
    EXPECT_AT(r, "belt", 4, 20.0);
    EXPECT_AT(r, "belt", 10, 20.0); // a * T
    // The same with DT 1/4: 16 slats, still 20 on the belt and the first release at 4.
    const InlineRun q = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("5")) + exitFlow(QStringLiteral("out"))
                                           + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("4"),
                                                      QStringLiteral("in"), QStringLiteral("out")),
                                           specs(0, 10, 0.25)));
    RUN_CLEAN(q);
    EXPECT_AT(q, "out", 3.75, 0.0);
    EXPECT_AT(q, "out", 4, 5.0);
    EXPECT_AT(q, "belt", 10, 20.0);
}

// 20 per time unit for one DT of 1/2 at time 2 puts 10 on the belt; with a transit time
// of 3 it leaves, all of it in one DT (rate 20), at time 5 and at no other time.
void TestConveyors::pulseArrivesOneTransitTimeLater()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("IF TIME = 2 THEN 20 ELSE 0"))
                                               + exitFlow(QStringLiteral("out"))
                                               + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("3"),
                                                          QStringLiteral("in"), QStringLiteral("out"))
                                               + stock(QStringLiteral("arrived"), QStringLiteral("0"), QStringLiteral("out")),
                                           specs(0, 8, 0.5)));
    RUN_CLEAN(r);
    EXPECT_AT(r, "belt", 2, 0.0);
    EXPECT_AT(r, "belt", 2.5, 10.0);
    EXPECT_AT(r, "belt", 5, 10.0);
    EXPECT_AT(r, "belt", 5.5, 0.0);
    EXPECT_AT(r, "out", 4.5, 0.0);
    EXPECT_AT(r, "out", 5, 20.0);
    EXPECT_AT(r, "out", 5.5, 0.0);
    EXPECT_AT(r, "arrived", 8, 10.0);
}

// Initial value 20, transit time 4, inflow 5: spread evenly, 5 a slat, the belt releases 5
// from the first step and stays at 20.
void TestConveyors::initialValueStartsAtSteadyState()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("5")) + exitFlow(QStringLiteral("out"))
                                           + conveyor(QStringLiteral("belt"), QStringLiteral("20"), QStringLiteral("4"),
                                                      QStringLiteral("in"), QStringLiteral("out")),
                                           specs(0, 10, 0.5)));
    RUN_CLEAN(r);
    for (double t : {0.0, 0.5, 3.0, 4.0, 10.0}) {
        EXPECT_AT(r, "out", t, 5.0);
        EXPECT_AT(r, "belt", t, 20.0);
    }
}

// Inflow 10, transit time 5 (5 slats of DT 1), linear leak fraction 0.2 over the whole
// belt: each DT's 10 sheds 0.2 * 10 / 5 = 0.4 on each of its 5 slats, so 8 = (1 - f) * 10
// leaves and 2 leaks once the belt is full. The leak at time t < 5 is 0.4 t (t slats
// loaded). Full belt: 10 + 9.6 + 9.2 + 8.8 + 8.4 = 46 (Stella's T * in - (L - 1) * leak *
// DT / 2 = 50 - 4 * 2 / 2). Over 20 time units: 200 in = 120 out (8 from 5 to 19) + 34
// leaked (0.4 + 0.8 + 1.2 + 1.6 + 15 * 2) + 46 on the belt.
void TestConveyors::linearLeakConservesMaterial()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("10")) + exitFlow(QStringLiteral("out"))
                                               + leak(QStringLiteral("loss"), QStringLiteral("0.2"))
                                               + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("5"),
                                                          QStringLiteral("in"), QStringLiteral("out,loss"))
                                               + stock(QStringLiteral("done"), QStringLiteral("0"), QStringLiteral("out"))
                                               + stock(QStringLiteral("lost"), QStringLiteral("0"), QStringLiteral("loss")),
                                           specs(0, 20, 1)));
    RUN_CLEAN(r);
    EXPECT_AT(r, "loss", 1, 0.4);
    EXPECT_AT(r, "loss", 4, 1.6);
    EXPECT_AT(r, "loss", 5, 2.0);
    EXPECT_AT(r, "out", 4, 0.0);
    EXPECT_AT(r, "out", 5, 8.0);
    EXPECT_AT(r, "out", 20, 8.0);
    EXPECT_AT(r, "belt", 20, 46.0);
    EXPECT_AT(r, "done", 20, 120.0);
    EXPECT_AT(r, "lost", 20, 34.0);
}

// Transit time 4 (slats 0..3, their middles at 7/8, 5/8, 3/8, 1/8 of the belt from the
// inlet), leak fraction 0.2 in the zone 0.5..1: slats 0 and 1 only, each shedding
// 0.2 * 10 / 2 = 1 of each DT's 10. Full belt: 10, 10, 10 (not yet shed), 9 on the exit
// slat = 39; out 9 - 1 = 8 = (1 - f) * 10, leak 2.
void TestConveyors::leakZoneLeaksOnlyThere()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("10")) + exitFlow(QStringLiteral("out"))
                                               + leak(QStringLiteral("loss"), QStringLiteral("0.2"),
                                                      QStringLiteral("leak_start=\"0.5\" leak_end=\"1\""))
                                               + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("4"),
                                                          QStringLiteral("in"), QStringLiteral("out,loss")),
                                           specs(0, 10, 1)));
    RUN_CLEAN(r);
    EXPECT_AT(r, "loss", 2, 0.0); // the first load reaches slat 1 at time 3
    EXPECT_AT(r, "loss", 3, 1.0);
    EXPECT_AT(r, "loss", 4, 2.0);
    EXPECT_AT(r, "out", 4, 8.0);
    EXPECT_AT(r, "belt", 10, 39.0);
}

// Whole units: inflow 50, transit time 5, fraction 0.25: each slat would shed 0.25 * 50 / 5
// = 2.5 a DT, rounded down to 2, so 5 * 2 = 10 leaks and 40 leaves (not 37.5). A fraction
// written inside <leak> (as Simlin writes it) is the leak fraction: 0.2 of 10 leaks, 8 leaves.
void TestConveyors::leakIntegersAndFractionInTheLeakElement()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("50")) + exitFlow(QStringLiteral("out"))
                                               + QStringLiteral("<flow name=\"loss\"><eqn>0.25</eqn><leak/><leak_integers/></flow>")
                                               + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("5"),
                                                          QStringLiteral("in"), QStringLiteral("out,loss")),
                                           specs(0, 8, 1)));
    RUN_CLEAN(r);
    EXPECT_AT(r, "loss", 1, 2.0);
    EXPECT_AT(r, "loss", 5, 10.0);
    EXPECT_AT(r, "out", 5, 40.0);
    const InlineRun q = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("10")) + exitFlow(QStringLiteral("out"))
                                               + QStringLiteral("<flow name=\"loss\"><leak>0.2</leak></flow>")
                                               + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("5"),
                                                          QStringLiteral("in"), QStringLiteral("out,loss")),
                                           specs(0, 8, 1)));
    RUN_CLEAN(q);
    EXPECT_AT(q, "loss", 5, 2.0);
    EXPECT_AT(q, "out", 5, 8.0);
}

// Exponential leak 0.1 per time unit, transit time 2, DT 1, inflow 10: a load sheds 10 *
// 0.1 = 1 on slat 1 and 9 * 0.1 = 0.9 on slat 0, leaving 8.1; leak 1.9; belt 10 + 9 = 19.
void TestConveyors::exponentialLeak()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("10")) + exitFlow(QStringLiteral("out"))
                                               + leak(QStringLiteral("loss"), QStringLiteral("0.1"))
                                               + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("2"),
                                                          QStringLiteral("in"), QStringLiteral("out,loss"),
                                                          QStringLiteral("<exponential_leak/>")),
                                           specs(0, 6, 1)));
    RUN_CLEAN(r);
    EXPECT_AT(r, "out", 2, 8.1);
    EXPECT_AT(r, "loss", 2, 1.9);
    EXPECT_AT(r, "belt", 6, 19.0);
}

// The leaky belt of linearLeakConservesMaterial started at its steady state, 46: the
// profile 10, 9.6, 9.2, 8.8, 8.4 sums to 46, so out is 8 and the leak 2 from the start.
void TestConveyors::leakAtSteadyStateFromTheStart()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("10")) + exitFlow(QStringLiteral("out"))
                                               + leak(QStringLiteral("loss"), QStringLiteral("0.2"))
                                               + conveyor(QStringLiteral("belt"), QStringLiteral("46"), QStringLiteral("5"),
                                                          QStringLiteral("in"), QStringLiteral("out,loss")),
                                           specs(0, 10, 1)));
    RUN_CLEAN(r);
    for (double t : {0.0, 1.0, 5.0, 10.0}) {
        EXPECT_AT(r, "out", t, 8.0);
        EXPECT_AT(r, "loss", t, 2.0);
        EXPECT_AT(r, "belt", t, 46.0);
    }
}

// Capacity 25, transit time 4, 10 asked for every DT from a supply of 100: admitted 10,
// 10, 5 (room left: 25 - 20), 0, then at time 4 the first 10 leaves, making room for 10;
// the pattern 10, 10, 5, 0 repeats and the belt never holds more than 25. The supply
// loses only what was admitted: 100 - 25 by time 4.
void TestConveyors::capacityClipsTheInflow()
{
    const InlineRun r = simulateText(xmile(stock(QStringLiteral("supply"), QStringLiteral("100"), {}, QStringLiteral("in"))
                                               + flow(QStringLiteral("in"), QStringLiteral("10")) + exitFlow(QStringLiteral("out"))
                                               + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("4"),
                                                          QStringLiteral("in"), QStringLiteral("out"),
                                                          QStringLiteral("<capacity>25</capacity>")),
                                           specs(0, 9, 1)));
    RUN_CLEAN(r);
    const double admitted[] = {10, 10, 5, 0, 10, 10, 5, 0, 10};
    for (int t = 0; t < 9; ++t)
        EXPECT_AT(r, "in", t, admitted[t]);
    EXPECT_AT(r, "belt", 3, 25.0);
    EXPECT_AT(r, "belt", 9, 25.0);
    EXPECT_AT(r, "out", 6, 5.0);
    EXPECT_AT(r, "supply", 4, 75.0);
}

// Inflow limit 3 per time unit against 10 asked for: 3 enters each DT; transit time 2
// puts 6 on the belt and releases 3 from time 2.
void TestConveyors::inflowLimit()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("10")) + exitFlow(QStringLiteral("out"))
                                               + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("2"),
                                                          QStringLiteral("in"), QStringLiteral("out"),
                                                          QStringLiteral("<in_limit>3</in_limit>")),
                                           specs(0, 5, 0.5)));
    RUN_CLEAN(r);
    EXPECT_AT(r, "in", 0, 3.0);
    EXPECT_AT(r, "out", 1.5, 0.0);
    EXPECT_AT(r, "out", 2, 3.0);
    EXPECT_AT(r, "belt", 5, 6.0);
}

// belt[A] with transit times 2 and 3 by element, 1 flowing into each: element a1 releases
// from time 2, a2 from time 3; full, they hold 2 and 3.
void TestConveyors::arrayedConveyors()
{
    const QString dims = QStringLiteral("<dimensions><dim name=\"A\"><elem name=\"a1\"/><elem name=\"a2\"/></dim></dimensions>");
    const QString arrayed = QStringLiteral("<dimensions><dim name=\"A\"/></dimensions>");
    const QString vars = QStringLiteral("<aux name=\"transit\">%1<element subscript=\"a1\"><eqn>2</eqn></element>"
                                        "<element subscript=\"a2\"><eqn>3</eqn></element></aux>"
                                        "<flow name=\"in\">%1<eqn>1</eqn></flow><flow name=\"out\">%1</flow>"
                                        "<stock name=\"belt\">%1<eqn>0</eqn><inflow>in</inflow><outflow>out</outflow>"
                                        "<conveyor><len>transit</len></conveyor></stock>")
                             .arg(arrayed);
    const InlineRun r = simulateText(xmile(vars, specs(0, 5, 1), QStringLiteral("Euler"), dims));
    RUN_CLEAN(r);
    EXPECT_AT(r, "out[a1]", 1, 0.0);
    EXPECT_AT(r, "out[a1]", 2, 1.0);
    EXPECT_AT(r, "out[a2]", 2, 0.0);
    EXPECT_AT(r, "out[a2]", 3, 1.0);
    EXPECT_AT(r, "belt[a1]", 5, 2.0);
    EXPECT_AT(r, "belt[a2]", 5, 3.0);
}

// Stella ignores a conveyor outflow's equation; Meadows too, and says where it is.
void TestConveyors::outflowEquationIsIgnoredWithAWarning()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("5")) + flow(QStringLiteral("out"), QStringLiteral("99"))
                                           + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("4"),
                                                      QStringLiteral("in"), QStringLiteral("out")),
                                           specs(0, 5, 1)));
    RUN_CLEAN(r);
    EXPECT_AT(r, "out", 3, 0.0);
    EXPECT_AT(r, "out", 4, 5.0);
    QStringList warnings;
    for (const Diagnostic &d : r.compiled.diagnostics)
        warnings << d.format();
    QVERIFY2(warnings.size() == 1
                 && QRegularExpression(QStringLiteral("^inline\\.xmile:1:\\d+: warning: the equation of 'out' is ignored"))
                        .match(warnings.front()).hasMatch(),
             qPrintable(warnings.join(u'\n')));
}

// Stella runs models with conveyors by Euler's method; asked for RK4, Meadows does the
// same and says so: the numbers are those of constantInflowReachesSteadyState.
void TestConveyors::rungeKuttaRunsAsEuler()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("in"), QStringLiteral("5")) + exitFlow(QStringLiteral("out"))
                                               + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("4"),
                                                          QStringLiteral("in"), QStringLiteral("out")),
                                           specs(0, 10, 1), QStringLiteral("RK4")));
    RUN_CLEAN(r);
    EXPECT_AT(r, "belt", 2, 10.0);
    EXPECT_AT(r, "out", 4, 5.0);
    QCOMPARE(r.run.warnings.size(), std::size_t(1));
    QVERIFY(r.run.warnings.front().message.contains(QLatin1String("runs with Euler's method")));
}

// An option Meadows does not know (here a made-up <speed>) is a warning at its line and
// column, and the conveyor runs without it.
void TestConveyors::unimplementedOptionWarnsWithItsPosition()
{
    const QByteArray text = xmile(flow(QStringLiteral("in"), QStringLiteral("5")) + exitFlow(QStringLiteral("out"))
                                  + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("4"), QStringLiteral("in"),
                                             QStringLiteral("out"), QStringLiteral("\n  <speed>2</speed>")));
    const XmileReadResult read = readXmile(text, QStringLiteral("c.xmile"));
    QStringList warnings;
    for (const Diagnostic &d : read.diagnostics)
        warnings << d.format();
    QVERIFY2(warnings.size() == 1
                 && warnings.front().startsWith(QLatin1String("c.xmile:2:3: warning: <speed> in <conveyor> is not implemented")),
             qPrintable(warnings.join(u'\n')));
}

// Written back, a conveyor keeps its options and its leak its zone: the leaky belt of
// leakZoneLeaksOnlyThere gives its 39 and 8 again.
void TestConveyors::savedConveyorRunsTheSame()
{
    const QByteArray text = xmile(flow(QStringLiteral("in"), QStringLiteral("10")) + exitFlow(QStringLiteral("out"))
                                  + leak(QStringLiteral("loss"), QStringLiteral("0.2"), QStringLiteral("leak_start=\"0.5\" leak_end=\"1\""))
                                  + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("4"), QStringLiteral("in"),
                                             QStringLiteral("out,loss"), QStringLiteral("<capacity>1000</capacity>")),
                                  specs(0, 10, 1));
    const XmileReadResult read = readXmile(text, QStringLiteral("c.xmile"));
    QVERIFY(read.project);
    const QByteArray written = writeXmile(*read.project);
    QVERIFY2(written.contains("<capacity>1000</capacity>") && written.contains("leak_start=\"0.5\""), written.constData());
    const InlineRun r = simulateText(written);
    RUN_CLEAN(r);
    EXPECT_AT(r, "out", 4, 8.0);
    EXPECT_AT(r, "belt", 10, 39.0);
}

// A DT computed by the model (meadows:dt names the variable, as a Vensim model's TIME STEP
// equation is kept) would change the number of slats under the belt's load: the run is
// refused with the reason, never stepped with a belt that does not move.
void TestConveyors::computedStepIsRefused()
{
    const QString variables = flow(QStringLiteral("in"), QStringLiteral("5")) + exitFlow(QStringLiteral("out"))
        + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("4"), QStringLiteral("in"),
                   QStringLiteral("out"))
        + aux(QStringLiteral("h"), QStringLiteral("IF TIME < 5 THEN 1 ELSE 0.5"));
    const QByteArray text = QStringLiteral(
                                "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
                                "xmlns:meadows=\"urn:x-meadows:xmile:1\"><header><vendor>Meadows tests</vendor></header>"
                                "<sim_specs method=\"Euler\" meadows:dt=\"h\">%1</sim_specs>"
                                "<model><variables>%2</variables></model></xmile>")
                                .arg(specs(0, 10, 1), variables)
                                .toUtf8();
    const InlineRun r = simulateText(text);
    QVERIFY(r.compiled.model);
    QVERIFY(!r.run.results);
    QVERIFY2(r.run.error.contains(QLatin1String("cannot run with a DT, stop time or save step that the model computes")),
             qPrintable(r.run.error));
}

// Batches of 2 then 3 in a queue: taking 4 empties the first and takes 2 of the second,
// whose 1 is then at the front; taking 5 more gives only that 1.
void TestConveyors::queueIsFirstInFirstOut()
{
    Fifo q;
    q.put(2);
    q.put(3);
    q.put(0); // an empty batch is no batch
    QCOMPARE(q.batches().size(), std::size_t(2));
    QCOMPARE(q.take(4), 4.0);
    QCOMPARE(q.batches(), std::deque<double>{1.0});
    QCOMPARE(q.take(5), 1.0);
    QVERIFY(q.batches().empty());
}

// A queue's outflow takes everything the queue holds: the queue drives it (XMILE 1.0
// section 4.3), and an equation there is not used, but said, unless it is the 0 Stella
// writes there. A queue of 10 whose outflow says 3 is emptied at once: serve 10 at time 0,
// waiting 0 from time 1. 4 arriving at times 0 and 1 leave through `leave` (0) one DT later:
// line 0, 4, 4, 0, 0.
void TestConveyors::queueOutflowTakesWhatItHolds()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("serve"), QStringLiteral("3"))
                                               + QStringLiteral("<stock name=\"waiting\"><eqn>10</eqn><outflow>serve</outflow><queue/></stock>")
                                               + flow(QStringLiteral("arrive"), QStringLiteral("IF TIME < 2 THEN 4 ELSE 0"))
                                               + flow(QStringLiteral("leave"), QStringLiteral("0"))
                                               + QStringLiteral("<stock name=\"line\"><eqn>0</eqn><inflow>arrive</inflow>"
                                                                "<outflow>leave</outflow><queue/></stock>"),
                                           specs(0, 5, 1)));
    RUN_CLEAN(r);
    EXPECT_AT(r, "serve", 0, 10.0);
    EXPECT_AT(r, "waiting", 1, 0.0);
    EXPECT_AT(r, "serve", 1, 0.0);
    const double line[] = {0, 4, 4, 0, 0};
    const double leave[] = {0, 4, 4, 0, 0};
    for (int t = 0; t < 5; ++t) {
        EXPECT_AT(r, "line", t, line[t]);
        EXPECT_AT(r, "leave", t, leave[t]);
    }
    QCOMPARE(onlySaid(r, QStringLiteral("warning: the equation of 'serve' is ignored: it is a queue's outflow, which the "
                                        "queue drives")),
             QString());
}

// A queue's inflow "MUST be non-negative" (XMILE 1.0 section 4.3): arrive = 2, then -3 at
// time 1, then 2. At time 1 the queue holds 2 (what came at 0) and takes in 0, not -3, and
// the flow shows the 0 that entered: leave takes 2 at 1, the queue is 0 at 2. (Before, the
// queue took in nothing while arrive showed -3.)
void TestConveyors::queueInflowIsNonNegative()
{
    const InlineRun r = simulateText(xmile(flow(QStringLiteral("arrive"), QStringLiteral("IF TIME = 1 THEN -3 ELSE 2"))
                                               + exitFlow(QStringLiteral("leave"))
                                               + QStringLiteral("<stock name=\"line\"><eqn>0</eqn><inflow>arrive</inflow>"
                                                                "<outflow>leave</outflow><queue/></stock>")
                                               + stock(QStringLiteral("done"), QStringLiteral("0"), QStringLiteral("leave")),
                                           specs(0, 3, 1)));
    RUN_CLEAN(r);
    const double line[] = {0, 2, 0, 2}, arrive[] = {2, 0, 2, 2}, done[] = {0, 0, 2, 2};
    for (int t = 0; t < 4; ++t) {
        EXPECT_AT(r, "line", t, line[t]);
        EXPECT_AT(r, "arrive", t, arrive[t]);
        EXPECT_AT(r, "done", t, done[t]);
    }
}

// A queue of 5 whose first outflow fills a plain stock: that outflow takes all 5 at time 0
// (XMILE 1.0 section 3.7.3: such outflows "will always empty the queue"), so the second
// never flows, which is said at it.
void TestConveyors::queueOutflowAfterAnUnlimitedOneNeverFlows()
{
    const InlineRun r = simulateText(xmile(QStringLiteral("<stock name=\"q\"><eqn>5</eqn><outflow>a</outflow><outflow>b</outflow>"
                                                          "<queue/></stock>")
                                               + exitFlow(QStringLiteral("a")) + exitFlow(QStringLiteral("b"))
                                               + stock(QStringLiteral("first"), QStringLiteral("0"), QStringLiteral("a"))
                                               + stock(QStringLiteral("second"), QStringLiteral("0"), QStringLiteral("b")),
                                           specs(0, 2, 1)));
    RUN_CLEAN(r);
    EXPECT_AT(r, "a", 0, 5.0);
    EXPECT_AT(r, "first", 1, 5.0);
    EXPECT_AT(r, "second", 2, 0.0);
    QCOMPARE(onlySaid(r, QStringLiteral("warning: 'b' never flows: the queue 'q' lists it after 'a', which takes all the "
                                        "queue holds")),
             QString());
}

// A queue of 10 loads a conveyor that takes at most 3 a time unit: 3 goes on the belt and
// the 7 refused leave through the overflow in the same DT.
void TestConveyors::queueOverflowTakesWhatAConveyorRefuses()
{
    const InlineRun r = simulateText(xmile(QStringLiteral("<stock name=\"waiting\"><eqn>10</eqn><outflow>load</outflow>"
                                                          "<outflow>spill</outflow><queue/></stock>")
                                               + exitFlow(QStringLiteral("load"))
                                               + QStringLiteral("<flow name=\"spill\"><overflow/></flow>")
                                               + exitFlow(QStringLiteral("out"))
                                               + conveyor(QStringLiteral("belt"), QStringLiteral("0"), QStringLiteral("2"),
                                                          QStringLiteral("load"), QStringLiteral("out"),
                                                          QStringLiteral("<in_limit>3</in_limit>"))
                                               + stock(QStringLiteral("rejected"), QStringLiteral("0"), QStringLiteral("spill")),
                                           specs(0, 4, 1)));
    RUN_CLEAN(r);
    EXPECT_AT(r, "load", 0, 3.0);
    EXPECT_AT(r, "spill", 0, 7.0);
    EXPECT_AT(r, "waiting", 1, 0.0);
    EXPECT_AT(r, "rejected", 1, 7.0);
    EXPECT_AT(r, "belt", 1, 3.0);
    EXPECT_AT(r, "out", 2, 3.0);
}

QTEST_GUILESS_MAIN(TestConveyors)
// XMILE 1.0 section 3.2.4: a conveyor is a container, its slats read as an array's elements
// are, from the exit. Transit 2 at DT 1/2 is 4 slats; 40 at the start is 10 on each. Each DT
// the exit slat leaves and what flowed in lands on the last: 10 + 3 Time per time unit for
// 1/2, so 5 at time 0.5 ([10, 10, 10, 5]) and 5.75 at time 1 ([10, 10, 5, 5.75]).
// At 0.5: sum 35, mean 8.75, min 5, max 10, population deviation sqrt((3 * 1.25^2 + 3.75^2) / 4)
// = sqrt(4.6875); SIZE 4 throughout; belt[1] the exit slat, belt[4] the newest; belt[5] is
// no slat (NaN, which the run reports). INIT(SUM(belt)) is the filled belt's 40.
void TestConveyors::conveyorIsAContainerOfSlats()
{
    const QString model = flow(QStringLiteral("arriving"), QStringLiteral("10 + 3 * TIME")) + exitFlow(QStringLiteral("departing"))
                          + conveyor(QStringLiteral("belt"), QStringLiteral("40"), QStringLiteral("2"), QStringLiteral("arriving"),
                                     QStringLiteral("departing"))
                          + aux(QStringLiteral("total"), QStringLiteral("SUM(belt)")) + aux(QStringLiteral("average"), QStringLiteral("MEAN(belt)"))
                          + aux(QStringLiteral("lightest"), QStringLiteral("MIN(belt)")) + aux(QStringLiteral("heaviest"), QStringLiteral("MAX(belt)"))
                          + aux(QStringLiteral("spread"), QStringLiteral("STDDEV(belt)")) + aux(QStringLiteral("slats"), QStringLiteral("SIZE(belt)"))
                          + aux(QStringLiteral("exit slat"), QStringLiteral("belt[1]")) + aux(QStringLiteral("newest"), QStringLiteral("belt[4]"))
                          + aux(QStringLiteral("third"), QStringLiteral("belt[1 + 2]")) + aux(QStringLiteral("at start"), QStringLiteral("INIT(SUM(belt))"));
    const InlineRun r = simulateText(xmile(model, specs(0, 1, 0.5)));
    RUN_CLEAN(r);
    const double total[] = {40, 35, 30.75}, average[] = {10, 8.75, 7.6875}, lightest[] = {10, 5, 5}, newest[] = {10, 5, 5.75},
                 third[] = {10, 10, 5};
    for (int k = 0; k < 3; ++k) {
        const double t = 0.5 * k;
        EXPECT_AT(r, "total", t, total[k]);
        EXPECT_AT(r, "belt", t, total[k]);
        EXPECT_AT(r, "average", t, average[k]);
        EXPECT_AT(r, "lightest", t, lightest[k]);
        EXPECT_AT(r, "heaviest", t, 10.0);
        EXPECT_AT(r, "slats", t, 4.0);
        EXPECT_AT(r, "exit slat", t, 10.0);
        EXPECT_AT(r, "newest", t, newest[k]);
        EXPECT_AT(r, "third", t, third[k]);
        EXPECT_AT(r, "at start", t, 40.0);
    }
    EXPECT_AT(r, "spread", 0, 0.0);
    EXPECT_AT(r, "spread", 0.5, std::sqrt(4.6875));
    // No fifth slat: NaN, which the run reports at the variable.
    const InlineRun beyond = simulateText(xmile(model + aux(QStringLiteral("fifth"), QStringLiteral("belt[5]")), specs(0, 1, 0.5)));
    QVERIFY(beyond.run.results);
    QVERIFY(std::isnan(beyond.at(QStringLiteral("fifth"), 0)));
    QVERIFY2(beyond.run.firstNonFinite && beyond.run.firstNonFinite->message.contains(QLatin1String("fifth")),
             qPrintable(beyond.firstError()));
    // Two numbers, or a '*', name no slat.
    const InlineRun two = simulateText(xmile(model + aux(QStringLiteral("two"), QStringLiteral("belt[1, 2]")), specs(0, 1, 0.5)));
    QVERIFY(!two.run.results);
    QVERIFY2(two.firstError().contains(QLatin1String("'belt' is a conveyor: name one of its slats by its number, belt[1] being "
                                                       "the one at the exit")),
             qPrintable(two.firstError()));
}

// A queue is a container of its batches, from the front. It starts with one batch of 10,
// feeds a conveyor that takes 3 a time unit from the front (its inflow limit, batches split,
// several at a time) and takes a batch of 4 at times 0 and 1: [10], then [7, 4], [4, 4, 4],
// [1, 4, 4]. SIZE counts the batches, MEAN is over them, line[1] is the front. Emptied, a
// queue sums to 0 and has no batches.
void TestConveyors::queueIsAContainerOfBatches()
{
    const InlineRun r = simulateText(xmile(exitFlow(QStringLiteral("serve"))
                                               + flow(QStringLiteral("arrive"), QStringLiteral("IF TIME < 2 THEN 4 ELSE 0"))
                                               + QStringLiteral("<stock name=\"line\"><eqn>10</eqn><inflow>arrive</inflow>"
                                                                "<outflow>serve</outflow><queue/></stock>")
                                               + exitFlow(QStringLiteral("done"))
                                               + conveyor(QStringLiteral("server"), QStringLiteral("0"), QStringLiteral("1"),
                                                          QStringLiteral("serve"), QStringLiteral("done"),
                                                          QStringLiteral("<in_limit>3</in_limit>"), QStringLiteral("one_at_a_time=\"false\""))
                                               + aux(QStringLiteral("batches"), QStringLiteral("SIZE(line)"))
                                               + aux(QStringLiteral("average"), QStringLiteral("MEAN(line)"))
                                               + aux(QStringLiteral("front"), QStringLiteral("line[1]"))
                                               + aux(QStringLiteral("total"), QStringLiteral("SUM(line)")),
                                           specs(0, 7, 1)));
    RUN_CLEAN(r);
    const double batches[] = {1, 2, 3, 3}, average[] = {10, 5.5, 4, 3}, front[] = {10, 7, 4, 1}, total[] = {10, 11, 12, 9};
    for (int t = 0; t < 4; ++t) {
        EXPECT_AT(r, "batches", t, batches[t]);
        EXPECT_AT(r, "average", t, average[t]);
        EXPECT_AT(r, "front", t, front[t]);
        EXPECT_AT(r, "total", t, total[t]);
    }
    // 9 left at time 3, 3 served a time unit: empty from time 6.
    EXPECT_AT(r, "total", 6, 0.0);
    EXPECT_AT(r, "batches", 6, 0.0);
}

#include "test_conveyors.moc"

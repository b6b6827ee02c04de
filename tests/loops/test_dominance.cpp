// Loops That Matter on small models whose scores can be derived by hand (each derivation
// is in the comment above its test), with Stella's timing: the score at t is the step
// from t to t + DT. Then the periods built from them (dominanceperiods.h).
#include "solver/analysis/causalmodel.h"
#include "solver/analysis/dominanceperiods.h"
#include "solver/analysis/loopdominance.h"
#include "solver/analysis/loopdiscovery.h"
#include "solver/analysis/loopfinder.h"
#include "solver/compiler.h"
#include "model/xmilereader.h"

#include <QtTest>
#include <cmath>

using namespace meadows;

namespace {

struct Analysed {
    CausalModel causal;
    LoopList loops;
    DominanceResult dominance;
    std::optional<Results> run; // the plain run, saved at every DT
};

QByteArray xmile(const char *specs, const char *variables)
{
    return QByteArray("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
                      "<header><name>test</name><vendor>Meadows</vendor></header>\n")
           + specs + "\n<model><variables>\n" + variables + "\n</variables></model></xmile>\n";
}

Analysed analyse(const QByteArray &text)
{
    Analysed a;
    const XmileReadResult read = readXmile(text, QStringLiteral("test.xmile"));
    if (!read.project)
        qFatal("the test model does not read");
    a.causal = buildCausalModel(*read.project);
    a.loops = findLoops(a.causal.graph);
    const CompileResult compiled = compileProject(*read.project);
    if (!compiled.model)
        qFatal("the test model does not compile");
    a.dominance = computeDominance(a.causal, a.loops, *compiled.model);
    RunOptions everyStep;
    everyStep.saveStep = compiled.model->specs.dt;
    a.run = simulate(*compiled.model, everyStep).results;
    return a;
}

std::size_t loopThrough(const Analysed &a, const QString &variable)
{
    for (std::size_t l = 0; l < a.loops.size(); ++l) {
        if (loopVariableNames(a.causal.graph, a.loops, l).contains(variable))
            return l;
    }
    qFatal("no loop through %s", qPrintable(variable));
}

// The plain run's value of `name` at time t (its rows are every DT).
double valueAt(const Analysed &a, const QString &name, double t)
{
    const int column = a.run->column(name);
    const double dt = a.run->at(1, 0) - a.run->at(0, 0);
    return a.run->at(std::size_t(std::llround((t - a.run->at(0, 0)) / dt)), std::size_t(column));
}

QString story(const Analysed &a)
{
    return QString::fromUtf8(periodLines(dominanceStory(a.dominance), a.dominance)).trimmed();
}

} // namespace

class TestDominance : public QObject {
    Q_OBJECT
private slots:
    void firstOrderDecay();
    void logisticGrowthMatchesItsClosedForm();
    void logisticGrowthAsStellaScoresIt();
    void twoStockOscillation();
    void saturatingMinMakesItsLoopInactive();
    void modelAtRest();
    void shortBlipsMergeIntoTheirNeighbours();
    void strongestPathFindsTheLoopsThatMatter();
};

// Stock S with two outflows, Fast = 0.5 S and Slow = 0.25 S. Links S -> Fast and
// S -> Slow have one input each: score +1. Into the stock, with net = -(Fast + Slow):
// LS(Fast -> S) = -|ΔFast / Δnet| = -0.5 ΔS / (0.75 ΔS) = -2/3, LS(Slow -> S) = -1/3.
// So B1 (through Fast, named first) scores -2/3 and B2 -1/3, relative the same, at
// every save step after the initial time, which has no score (0, as Stella shows it).
void TestDominance::firstOrderDecay()
{
    const Analysed a = analyse(xmile(R"(<sim_specs method="Euler"><start>0</start><stop>10</stop><dt>0.25</dt><savestep>1</savestep></sim_specs>)",
                                     R"(<stock name="S"><eqn>100</eqn><outflow>Fast</outflow><outflow>Slow</outflow></stock>
                                        <flow name="Fast"><eqn>0.5 * S</eqn></flow>
                                        <flow name="Slow"><eqn>0.25 * S</eqn></flow>)"));
    QCOMPARE(a.loops.size(), std::size_t(2));
    const std::size_t fast = loopThrough(a, QStringLiteral("Fast")), slow = loopThrough(a, QStringLiteral("Slow"));
    QCOMPARE(a.loops.name(fast), QStringLiteral("B1"));
    QCOMPARE(a.dominance.times.size(), std::size_t(11));
    QCOMPARE(a.dominance.relative(0, fast), 0.0);
    QCOMPARE(a.dominance.relative(0, slow), 0.0);
    for (std::size_t t = 1; t < a.dominance.times.size(); ++t) {
        QVERIFY2(std::fabs(a.dominance.relative(t, fast) + 2.0 / 3) < 1e-12, qPrintable(QString::number(t)));
        QVERIFY(std::fabs(a.dominance.relative(t, slow) + 1.0 / 3) < 1e-12);
    }
    // S = 100 * 0.8125^(4t) has settled (stays within 1% of its range, 99.97, up to the
    // end, where it is 0.025) once S(t) <= 1.025: 4t >= ln(0.01025) / ln(0.8125) = 22.1,
    // t >= 5.52: from the save step 6 it is at rest.
    QCOMPARE(story(a), QStringLiteral("B1 0–6\nat rest 6–10"));
}

// Population P, Growth = r P Room (its only flow), Room = 1 - P/K. Over the step from
// a = t to b = t + DT, changing one input at a time:
//   Δ_P(Growth) = r (P_b - P_a) Room_a,   Δ_Room(Growth) = r P_a (Room_b - Room_a) = -r P_a ΔP / K.
// LS(P -> Room) = -1 (one input), LS(Growth -> P) = 1 (one flow), so
//   R1 = |r ΔP Room_a / ΔGrowth|,  B1 = -|r P_a ΔP / (K ΔGrowth)|,
// and relative R1 = Room_a / (Room_a + P_a/K) = 1 - P(t)/K exactly, B1 = -P(t)/K: the
// score at t is a function of P at t (Meadows had P one DT earlier before it took
// Stella's timing). With DT = 1/64 the Euler run is within 0.3% of K of the closed
// form P(t) = K / (1 + (K/P0 - 1) e^(-r t)), so the scores agree with the closed form
// within one percentage point. R1 leads while P < K/2: up to t* = ln(K/P0 - 1)/r = 9.19;
// with the 0.1 lead B1 needs, it takes over at the first save step with P/K >= 0.55,
// t = 10 (P(10)/K = 0.60, P(9)/K = 0.48). At rest once P has settled, within 1% of its
// range (990) of where it ends (K): Room <= 0.0099, 99 e^(-t/2) <= 0.0099, t >= 18.4:
// from the save step 19.
void TestDominance::logisticGrowthMatchesItsClosedForm()
{
    const Analysed a = analyse(xmile(R"(<sim_specs method="Euler"><start>0</start><stop>30</stop><dt>0.015625</dt><savestep>1</savestep></sim_specs>)",
                                     R"(<stock name="P"><eqn>10</eqn><inflow>Growth</inflow></stock>
                                        <flow name="Growth"><eqn>r * P * Room</eqn></flow>
                                        <aux name="Room"><eqn>1 - P / K</eqn></aux>
                                        <aux name="r"><eqn>0.5</eqn></aux>
                                        <aux name="K"><eqn>1000</eqn></aux>)"));
    QCOMPARE(a.loops.size(), std::size_t(2));
    const std::size_t r1 = loopThrough(a, QStringLiteral("Room")) == 0 ? 1 : 0, b1 = 1 - r1;
    QCOMPARE(a.loops.name(r1), QStringLiteral("R1"));
    QCOMPARE(a.dominance.approximatedLinks, 0);
    for (std::size_t s = 1; s + 1 < a.dominance.times.size(); ++s) {
        const double t = a.dominance.times[s];
        const double p = valueAt(a, QStringLiteral("P"), t);
        QVERIFY2(std::fabs(a.dominance.relative(s, r1) - (1 - p / 1000)) < 1e-9, qPrintable(QString::number(t)));
        QVERIFY(std::fabs(a.dominance.relative(s, b1) + p / 1000) < 1e-9);
        const double closed = 1000 / (1 + 99 * std::exp(-0.5 * t));
        QVERIFY2(std::fabs(a.dominance.relative(s, r1) - (1 - closed / 1000)) < 0.01, qPrintable(QString::number(t)));
    }
    QCOMPARE(story(a), QStringLiteral("R1 0–10\nB1 10–19\nat rest 19–30"));
}

// The logistic-growth model whose relative loop scores Stella computed in public
// (github.com/bpowers/simlin, test/logistic_growth_ltm: population 5, maximum growth
// rate 0.12, carrying capacity 1000, DT 1, Euler): the same structure as above with
// fraction used = P/K, so for t >= 1 the scores are R1 = 1 - P(t)/K, B1 = -P(t)/K, and
// 0 at t = 0, where Stella shows 0. Three of Stella's values (in %, two decimals):
// t = 1: R1 99.40, B1 -0.56; t = 50: B1 -61.70; t = 100: B1 -99.90. Meadows must agree
// within one percentage point (the Euler run gives P(1) = 5.597, P(50) = 617.2...).
void TestDominance::logisticGrowthAsStellaScoresIt()
{
    const Analysed a = analyse(xmile(R"(<sim_specs method="Euler"><start>0</start><stop>100</stop><dt>1</dt></sim_specs>)",
                                     R"(<stock name="population"><eqn>5</eqn><inflow>net_birth_rate</inflow></stock>
                                        <flow name="net birth rate"><eqn>fractional_growth_rate * population</eqn></flow>
                                        <aux name="maximum growth rate"><eqn>.12</eqn></aux>
                                        <aux name="carrying capacity"><eqn>1000</eqn></aux>
                                        <aux name="fractional growth rate"><eqn>maximum_growth_rate * (1 - fraction_of_carrying_capacity_used)</eqn></aux>
                                        <aux name="fraction of carrying capacity used"><eqn>population/carrying_capacity</eqn></aux>)"));
    QCOMPARE(a.loops.size(), std::size_t(2));
    const std::size_t b1 = loopThrough(a, QStringLiteral("fraction of carrying capacity used"));
    const std::size_t r1 = 1 - b1;
    QCOMPARE(a.loops.name(r1), QStringLiteral("R1"));
    QCOMPARE(a.dominance.times.size(), std::size_t(101));
    QCOMPARE(a.dominance.relative(0, r1), 0.0);
    QCOMPARE(a.dominance.relative(0, b1), 0.0);
    for (std::size_t s = 1; s < 100; ++s) {
        const double p = valueAt(a, QStringLiteral("population"), double(s));
        QVERIFY2(std::fabs(a.dominance.relative(s, r1) - (1 - p / 1000)) < 1e-9, qPrintable(QString::number(s)));
        QVERIFY(std::fabs(a.dominance.relative(s, b1) + p / 1000) < 1e-9);
    }
    QVERIFY(std::fabs(100 * a.dominance.relative(1, r1) - 99.40) < 1);
    QVERIFY(std::fabs(100 * a.dominance.relative(1, b1) + 0.56) < 1);
    QVERIFY(std::fabs(100 * a.dominance.relative(50, b1) + 61.70) < 1);
    QVERIFY(std::fabs(100 * a.dominance.relative(100, b1) + 99.90) < 1);
}

// Position x and Velocity v: Moving = v flows into x; Accelerating = -k x flows into v,
// Braking = c v out of it (k = 1, c = 0.2). Loops: B1 = v -> Braking -> v (length 2),
// B2 = x -> Accelerating -> v -> Moving -> x. With net_v = Accelerating - Braking:
//   LS(x -> Accelerating) = -1, LS(Accelerating -> v) = |ΔA / Δnet_v|, LS(v -> Moving) = 1,
//   LS(Moving -> x) = 1 (its only flow), LS(v -> Braking) = 1, LS(Braking -> v) = -|ΔBr / Δnet_v|.
// So B2 = -|ΔA|/|Δnet_v|, B1 = -|ΔBr|/|Δnet_v|, and relative
//   B2 = -k|Δx| / (k|Δx| + c|Δv|),  B1 = -c|Δv| / (k|Δx| + c|Δv|),
// the changes over the step from t to t + DT, read from the plain run.
void TestDominance::twoStockOscillation()
{
    const Analysed a = analyse(xmile(R"(<sim_specs method="Euler"><start>0</start><stop>20</stop><dt>0.05</dt><savestep>0.5</savestep></sim_specs>)",
                                     R"(<stock name="x"><eqn>1</eqn><inflow>Moving</inflow></stock>
                                        <stock name="v"><eqn>0</eqn><inflow>Accelerating</inflow><outflow>Braking</outflow></stock>
                                        <flow name="Moving"><eqn>v</eqn></flow>
                                        <flow name="Accelerating"><eqn>-k * x</eqn></flow>
                                        <flow name="Braking"><eqn>c * v</eqn></flow>
                                        <aux name="k"><eqn>1</eqn></aux>
                                        <aux name="c"><eqn>0.2</eqn></aux>)"));
    QCOMPARE(a.loops.size(), std::size_t(2));
    const std::size_t b1 = loopThrough(a, QStringLiteral("Braking")), b2 = loopThrough(a, QStringLiteral("Moving"));
    QCOMPARE(a.loops.name(b1), QStringLiteral("B1"));
    int checked = 0;
    for (std::size_t s = 1; s + 1 < a.dominance.times.size(); ++s) {
        const double t = a.dominance.times[s];
        const double dx = valueAt(a, QStringLiteral("x"), t + 0.05) - valueAt(a, QStringLiteral("x"), t);
        const double dv = valueAt(a, QStringLiteral("v"), t + 0.05) - valueAt(a, QStringLiteral("v"), t);
        const double total = std::fabs(dx) + 0.2 * std::fabs(dv);
        if (total == 0)
            continue;
        QVERIFY2(std::fabs(a.dominance.relative(s, b2) + std::fabs(dx) / total) < 1e-6, qPrintable(QString::number(t)));
        QVERIFY(std::fabs(a.dominance.relative(s, b1) + 0.2 * std::fabs(dv) / total) < 1e-6);
        ++checked;
    }
    QCOMPARE(checked, 39); // save steps 0.5 to 19.5
    // B1's share c|kx + cv| / (k|v| + c|kx + cv|) passes 1/2 only near the turning points
    // of x, where v is near 0: with x ~ A sin, v ~ A cos, while |tan| > 5, within
    // atan(0.2) = 0.197 of them, 2 * 0.197 / pi = 12.6% of the time. Save steps of 0.5
    // round each such spell up to a step: B2 is in charge at least 70% of the run.
    double charge = 0;
    for (const DominancePeriod &p : dominanceStory(a.dominance))
        charge += p.loop == int(b2) ? p.to - p.from : 0.0;
    QVERIFY2(charge >= 14, qPrintable(story(a)));
}

// Level fills towards Goal = 100: Filling = MIN(Gap / 2, 10), Gap = Goal - Level, from
// Level = 0 with DT 0.25. While Gap > 20 (Level = 10 t < 80, t < 8) the MIN holds
// Filling at 10: changing Gap alone changes nothing, Δ_Gap(Filling) = 0, so the link
// scores 0 and the only loop, B1, is inactive; Level still rises 2.5 a step: "no loop
// active", not "at rest". From t = 8 (Level 80 -> 82.5, Filling 10 -> 8.75, both sides
// of the MIN on the Gap branch) LS(Gap -> Filling) = +1, LS(Level -> Gap) = -1,
// LS(Filling -> Level) = 1: B1 scores -1. Then Gap = 20 * 0.875^n after n steps; Level
// has settled (within 1% of its range, 100, of where it ends) once Gap <= 1:
// n >= ln 20 / -ln 0.875 = 22.4, t >= 8 + 23/4 = 13.75: from the save step 14.
void TestDominance::saturatingMinMakesItsLoopInactive()
{
    const Analysed a = analyse(xmile(R"(<sim_specs method="Euler"><start>0</start><stop>40</stop><dt>0.25</dt><savestep>1</savestep></sim_specs>)",
                                     R"(<stock name="Level"><eqn>0</eqn><inflow>Filling</inflow></stock>
                                        <flow name="Filling"><eqn>MIN(Gap / 2, 10)</eqn></flow>
                                        <aux name="Gap"><eqn>Goal - Level</eqn></aux>
                                        <aux name="Goal"><eqn>100</eqn></aux>)"));
    QCOMPARE(a.loops.size(), std::size_t(1));
    for (std::size_t s = 0; s < a.dominance.times.size(); ++s) {
        const double t = a.dominance.times[s];
        QCOMPARE(a.dominance.relative(s, 0), t < 8 ? 0.0 : -1.0);
    }
    QCOMPARE(story(a), QStringLiteral("no loop active 0–8\nB1 8–14\nat rest 14–40"));
}

// births = 0.1 P and deaths = P / 10: the stock never moves, every change is 0, every
// link and loop scores 0 (0/0 is 0), and the story is one line, at rest.
void TestDominance::modelAtRest()
{
    const Analysed a = analyse(xmile(R"(<sim_specs method="Euler"><start>0</start><stop>10</stop><dt>0.5</dt><savestep>1</savestep></sim_specs>)",
                                     R"(<stock name="P"><eqn>100</eqn><inflow>births</inflow><outflow>deaths</outflow></stock>
                                        <flow name="births"><eqn>0.1 * P</eqn></flow>
                                        <flow name="deaths"><eqn>P / 10</eqn></flow>)"));
    QCOMPARE(a.loops.size(), std::size_t(2));
    for (std::size_t s = 0; s < a.dominance.times.size(); ++s) {
        QCOMPARE(a.dominance.relative(s, 0), 0.0);
        QCOMPARE(a.dominance.relative(s, 1), 0.0);
        QCOMPARE(a.dominance.atRest(s, a.dominance.loopComponent[0]), s > 0); // the initial time is not scored
    }
    QCOMPARE(story(a), QStringLiteral("at rest 0–10"));
}

// Made-up scores of two loops in one group over t = 0..40: R1 leads, B1 takes one step
// (t = 10, a period 10–11 shorter than the minimum 2 asked for here), then B1 leads from
// 20 with R1 coming back to 0.45 at t = 30 (within the hysteresis: B1 at 0.55 keeps
// charge, as R1 would need a lead of 0.1).
void TestDominance::shortBlipsMergeIntoTheirNeighbours()
{
    DominanceResult d;
    for (int t = 0; t <= 40; ++t)
        d.times.push_back(t);
    d.loopCount = 2;
    d.loopNames = {QStringLiteral("R1"), QStringLiteral("B1")};
    d.loopComponent = {0, 0};
    d.componentCount = 1;
    d.resting.assign(d.times.size(), 0);
    for (int t = 0; t <= 40; ++t) {
        const double r = t == 10 ? 0.2 : t < 20 ? 0.8 : t == 30 ? 0.45 : 0.3;
        d.relativeScores.push_back(r);
        d.relativeScores.push_back(-(1 - r));
    }
    PeriodOptions merged;
    merged.minimumLength = 2;
    QCOMPARE(QString::fromUtf8(periodLines(dominanceStory(d, merged), d)), QStringLiteral("R1 0–20\nB1 20–40\n"));
    // Without merging the blip stays, as its own period.
    PeriodOptions exact;
    exact.minimumLength = 0;
    QCOMPARE(QString::fromUtf8(periodLines(dominanceStory(d, exact), d)), QStringLiteral("R1 0–10\nB1 10–11\nR1 11–20\nB1 20–40\n"));
}

// Four competing species, every one acting on every other: 24 loops. Listed in full, some
// loop is in charge (|relative score| >= 0.5) at some steps; strongest-path discovery,
// which never lists them all, must find every such loop and the one with the largest
// mean score, and the scores of what it finds are normalised over what it found.
void TestDominance::strongestPathFindsTheLoopsThatMatter()
{
    QFile file(QStringLiteral(MEADOWS_TEST_DATA "/loops/competition4.xmile"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Analysed a = analyse(file.readAll());
    QCOMPARE(a.loops.size(), std::size_t(24));

    const auto key = [](std::vector<int> c) {
        std::rotate(c.begin(), std::min_element(c.begin(), c.end()), c.end());
        return c;
    };
    std::vector<std::vector<int>> mattering;
    for (std::size_t l = 0; l < a.loops.size(); ++l) {
        bool inCharge = false;
        for (std::size_t t = 0; t < a.dominance.times.size(); ++t)
            inCharge = inCharge || std::fabs(a.dominance.relative(t, l)) >= 0.5;
        if (inCharge)
            mattering.push_back(key(a.loops.variables(l)));
    }
    QVERIFY(!mattering.empty());
    mattering.push_back(key(a.loops.variables(topLoops(a.dominance, 1).front())));

    QFile again(QStringLiteral(MEADOWS_TEST_DATA "/loops/competition4.xmile"));
    QVERIFY(again.open(QIODevice::ReadOnly));
    const XmileReadResult project = readXmile(again.readAll(), QStringLiteral("competition4.xmile"));
    const CompileResult compiled = compileProject(*project.project);
    const LinkScoreRun scores = scoreAllLinks(a.causal, *compiled.model);
    QVERIFY(scores.error.isEmpty());
    // Searched at every DT, as Stella does: 0 to 50 by 1/16 is 801 steps (51 save steps).
    QCOMPARE(a.dominance.times.size(), std::size_t(51));
    QCOMPARE(scores.times.size(), std::size_t(801));
    QCOMPARE(scores.stride, std::size_t(1));
    QCOMPARE(scores.times[800], 50.0);
    const DiscoveredLoops found = discoverStrongestLoops(a.causal, scores);
    QCOMPARE(found.searches, std::size_t(4 * 801)); // every stock at every DT
    QCOMPARE(found.cutShort, std::size_t(0));
    QVERIFY(found.circuits.size() < 24);
    for (const std::vector<int> &loop : mattering) {
        bool seen = false;
        for (const std::vector<int> &c : found.circuits)
            seen = seen || key(c) == loop;
        QVERIFY(seen);
    }
    // Capped at 100 numbers per link, it keeps every ceil(801 / 100) = 9th DT: 0, 9, ..., 792
    // is 89 steps; a cap below one save step's worth never goes past the save step (16 DTs).
    const std::size_t links = a.causal.graph.links().size();
    const LinkScoreRun capped = scoreAllLinks(a.causal, *compiled.model, {}, nullptr, links * 100);
    QCOMPARE(capped.stride, std::size_t(9));
    QCOMPARE(capped.times.size(), std::size_t(89));
    QCOMPARE(capped.times[1], 9.0 / 16);
    QCOMPARE(scoreAllLinks(a.causal, *compiled.model, {}, nullptr, 1).stride, std::size_t(16));

    const LoopList discovered = loopListOf(a.causal.graph, found.circuits);
    QCOMPARE(discovered.size(), found.circuits.size());
    const DominanceResult d = computeDominance(a.causal, discovered, *compiled.model);
    for (std::size_t t = 0; t < d.times.size(); ++t) {
        double total = 0;
        for (std::size_t l = 0; l < discovered.size(); ++l)
            total += std::fabs(d.relative(t, l));
        QVERIFY(total == 0 || std::fabs(total - 1) < 1e-9);
    }
}

QTEST_GUILESS_MAIN(TestDominance)
#include "test_dominance.moc"

// Feedback-loop analysis: the circuit search, naming and classification on hand-built
// graphs, and Loops That Matter scores (polarity and causal graphs: test_polarity.cpp).
#include "loopstesting.h"

#include <map>

using namespace meadows;
using namespace meadows::loopstest;

class TestLoops : public QObject {
    Q_OBJECT
private slots:
    // The search, classification and naming on hand-built graphs
    void reinforcingAndBalancing();
    void selfLoops();
    void nestedLoopsAreNamedByLengthThenNames();
    void sameVariablesInDifferentOrders();
    void unknownLinkMakesUnknownLoop();
    void completeDigraphCounts();
    void namesDoNotDependOnInsertionOrder();
    void bitsetAndBoostSearchesAgree_data();
    void bitsetAndBoostSearchesAgree();
    void orderIsByLengthThenNames();
    void capStopsAndSaysIncomplete();
    void cancelStopsTheSearch();
    void progressIsReported();
    void separateComponents();
    void duplicateLinksMerge();
    // Loops That Matter
    void dominanceMatchesHandComputedScores();
    void dominanceOfASingleBalancingLoop();
    void dominanceScoresAreNormalisedPerComponent();
    void dominanceThroughModules();
    void arrayValueListsLinkNothing();
};

void TestLoops::reinforcingAndBalancing()
{
    const CausalGraph r = graphOf({{"A", "B", P}, {"B", "A", P}});
    const LoopList rl = findLoops(r);
    QCOMPARE(describe(r, rl), QStringList{QStringLiteral("R1: A B")});
    QCOMPARE(rl.polarity(0), LoopPolarity::Reinforcing);
    QCOMPARE(rl.length(0), std::size_t(2));
    QVERIFY(rl.complete);

    const CausalGraph b = graphOf({{"Gap", "Action", P}, {"Action", "State", P}, {"State", "Gap", N}});
    const LoopList bl = findLoops(b);
    QCOMPARE(describe(b, bl), QStringList{QStringLiteral("B1: Action State Gap")});
    // Two negatives make a reinforcing loop.
    const CausalGraph two = graphOf({{"A", "B", N}, {"B", "A", N}});
    QCOMPARE(findLoops(two).polarity(0), LoopPolarity::Reinforcing);
    QCOMPARE(findLoops(graphOf({{"A", "B", P}})).size(), std::size_t(0));
}

void TestLoops::selfLoops()
{
    const CausalGraph g = graphOf({{"Decay", "Decay", N}, {"Growth", "Growth", P}, {"Decay", "Growth", P}});
    QCOMPARE(describe(g, findLoops(g)), (QStringList{QStringLiteral("B1: Decay"), QStringLiteral("R1: Growth")}));
}

void TestLoops::nestedLoopsAreNamedByLengthThenNames()
{
    // Outer loop A -> B -> C -> D -> A (R), inner B -> C -> B (B), innermost C -> C (B).
    const CausalGraph g = graphOf({{"A", "B", P}, {"B", "C", P}, {"C", "D", P}, {"D", "A", P},
                                   {"C", "B", N}, {"C", "C", N}});
    QCOMPARE(describe(g, findLoops(g)), (QStringList{QStringLiteral("B1: C"), QStringLiteral("B2: B C"),
                                                     QStringLiteral("R1: A B C D")}));
}

void TestLoops::sameVariablesInDifferentOrders()
{
    // Every pair linked both ways: three two-variable loops and the two directions
    // around the triangle, which are different loops.
    const CausalGraph g = graphOf({{"A", "B", P}, {"B", "A", P}, {"B", "C", P}, {"C", "B", N},
                                   {"C", "A", P}, {"A", "C", P}});
    QCOMPARE(describe(g, findLoops(g)),
             (QStringList{QStringLiteral("R1: A B"), QStringLiteral("R2: A C"), QStringLiteral("B1: B C"),
                          QStringLiteral("R3: A B C"), QStringLiteral("B2: A C B")}));
}

void TestLoops::unknownLinkMakesUnknownLoop()
{
    CausalGraph g = graphOf({{"A", "B", P}, {"B", "A", N}, {"B", "C", N}, {"C", "B", U}});
    const LoopList loops = findLoops(g);
    QCOMPARE(describe(g, loops), (QStringList{QStringLiteral("B1: A B"), QStringLiteral("U1: B C")}));
    QCOMPARE(loops.count(LoopPolarity::Unknown), std::size_t(1));
    QCOMPARE(polarityName(loops.polarity(1)), QStringLiteral("unknown"));
    QCOMPARE(loopPolarity(g, loops.variables(0)), LoopPolarity::Balancing);
    QCOMPARE(loopPolarity(g, loops.variables(1)), LoopPolarity::Unknown);
}

void TestLoops::completeDigraphCounts()
{
    // Elementary circuits of the complete digraph on n vertices: sum over k of C(n,k)(k-1)!.
    QCOMPARE(findLoops(completeDigraph(4, false)).size(), std::size_t(6 + 8 + 6));
    QCOMPARE(findLoops(completeDigraph(6, false)).size(), std::size_t(409));
    QCOMPARE(findLoops(completeDigraph(6, true)).size(), std::size_t(409 + 6));
    LoopSearchOptions all;
    all.maxLoops = 1000000;
    const LoopList nine = findLoops(completeDigraph(9, false), all);
    QCOMPARE(nine.size(), std::size_t(125664));
    QVERIFY(nine.complete);
    // Each loop's polarity agrees with its links.
    const CausalGraph g = completeDigraph(9, false);
    for (std::size_t i = 0; i < nine.size(); i += 997)
        QCOMPARE(nine.polarity(i), loopPolarity(g, nine.variables(i)));
}

void TestLoops::namesDoNotDependOnInsertionOrder()
{
    const CausalGraph a = graphOf({{"Load", "Latency", P}, {"Latency", "Load", N}, {"Latency", "Retries", P},
                                   {"Retries", "Load", P}, {"load share", "Load", P}, {"Load", "load share", N}});
    const CausalGraph b = graphOf({{"Load", "load share", N}, {"Retries", "Load", P}, {"load share", "Load", P},
                                   {"Latency", "Retries", P}, {"Latency", "Load", N}, {"Load", "Latency", P}});
    QCOMPARE(describe(a, findLoops(a)), describe(b, findLoops(b)));
    // Names sort case-insensitively: "Latency" < "Load" < "load share" < "Retries".
    QCOMPARE(describe(a, findLoops(a)), (QStringList{QStringLiteral("B1: Latency Load"), QStringLiteral("B2: Load load share"),
                                                     QStringLiteral("R1: Latency Retries Load")}));
}

void TestLoops::bitsetAndBoostSearchesAgree_data()
{
    QTest::addColumn<int>("variables");
    QTest::addColumn<int>("links");
    QTest::newRow("one word") << 30 << 60;
    QTest::newRow("64, the edge of one word") << 64 << 90;
    QTest::newRow("several words") << 150 << 175;
}

void TestLoops::bitsetAndBoostSearchesAgree()
{
    QFETCH(int, variables);
    QFETCH(int, links);
    for (unsigned seed = 1; seed <= 3; ++seed) {
        const CausalGraph g = randomGraph(variables, links, seed);
        SignedAdjacency adjacency(std::size_t(g.variableCount()));
        for (const CausalLink &l : g.links())
            adjacency[std::size_t(l.from)].push_back({l.to, l.polarity});
        for (auto &out : adjacency)
            std::sort(out.begin(), out.end());
        const auto collect = [&](auto search) {
            std::vector<std::tuple<std::vector<int>, int, int>> found;
            std::vector<int> last;
            search(adjacency, [&](std::span<const int> c, std::size_t unchanged, int negatives, int unknowns) {
                const std::vector<int> circuit(c.begin(), c.end());
                // The unchanged prefix is what it claims to be.
                for (std::size_t i = 0; i < unchanged; ++i)
                    if (last.size() <= i || last[i] != circuit[i])
                        return false;
                last = circuit;
                found.emplace_back(circuit, negatives, unknowns);
                return found.size() < 200000;
            });
            return found;
        };
        const auto bitsets = collect(findCircuitsWithBitsets);
        const auto boost = collect(findCircuitsWithBoost);
        QVERIFY(!bitsets.empty());
        QVERIFY(bitsets.size() < 200000);
        QCOMPARE(bitsets.size(), boost.size());
        QVERIFY(bitsets == boost); // the same circuits, polarity counts, and order
    }
}

void TestLoops::orderIsByLengthThenNames()
{
    const CausalGraph g = randomGraph(25, 55, 11);
    const LoopList loops = findLoops(g);
    QVERIFY(loops.size() > 100);
    std::set<std::vector<int>> seen;
    int numbers[3] = {0, 0, 0};
    for (std::size_t i = 0; i < loops.size(); ++i) {
        const std::vector<int> v = loops.variables(i);
        QStringList names;
        for (int x : v)
            names << g.name(x);
        // Starts with the name that sorts first, every variable once.
        for (const QString &n : names)
            QVERIFY(names.front().compare(n, Qt::CaseInsensitive) <= 0);
        QCOMPARE(std::set<int>(v.begin(), v.end()).size(), v.size());
        QVERIFY(seen.insert(v).second);
        ++numbers[int(loops.polarity(i))];
        QCOMPARE(loops.name(i), polarityLetter(loops.polarity(i)) + QString::number(numbers[int(loops.polarity(i))]));
        if (i == 0)
            continue;
        const std::vector<int> p = loops.variables(i - 1);
        QVERIFY(p.size() <= v.size());
        if (p.size() == v.size()) {
            QStringList previous;
            for (int x : p)
                previous << g.name(x);
            QVERIFY2(previous.join(u'\n').compare(names.join(u'\n'), Qt::CaseInsensitive) < 0,
                     qPrintable(previous.join(u' ') + QStringLiteral(" before ") + names.join(u' ')));
        }
    }
}

namespace {
// How many loops of each length a list holds.
std::map<std::size_t, std::size_t> lengthCounts(const LoopList &loops)
{
    std::map<std::size_t, std::size_t> counts;
    for (std::size_t i = 0; i < loops.size(); ++i)
        ++counts[loops.length(i)];
    return counts;
}
} // namespace

void TestLoops::capStopsAndSaysIncomplete()
{
    const CausalGraph g = completeDigraph(6, false);
    LoopSearchOptions capped;
    capped.maxLoops = 50;
    const LoopList loops = findLoops(g, capped);
    QCOMPARE(loops.size(), std::size_t(50));
    QVERIFY(!loops.complete);
    QVERIFY(!loops.cancelled);
    // The cap keeps the shortest: a complete digraph on n variables has C(n,k) * (k-1)!
    // loops of length k, so on 6: 15 of length 2 and 40 of length 3. All 15 two-loops are
    // kept and the first 35 three-loops, those through v0 first: C(5,2) * 2 = 20 of them.
    QCOMPARE(lengthCounts(loops), (std::map<std::size_t, std::size_t>{{2, 15}, {3, 35}}));
    for (std::size_t i = 0; i < 20; ++i)
        QCOMPARE(loops.variables(15 + i).front(), 0);
    // Capped exactly at the count: nothing left out, so complete.
    capped.maxLoops = 409;
    QVERIFY(findLoops(g, capped).complete);
    // The default cap is 100,000.
    QCOMPARE(LoopSearchOptions{}.maxLoops, std::size_t(100000));
    const LoopList nine = findLoops(completeDigraph(9, false));
    QCOMPARE(nine.size(), std::size_t(100000));
    QVERIFY(!nine.complete);
    // On 9 variables: 36, 168, 756, 3,024, 10,080, 25,920 and 45,360 loops of lengths 2 to
    // 8 (85,344 together) are all kept, and 100,000 - 85,344 = 14,656 of the 40,320 of
    // length 9.
    QCOMPARE(lengthCounts(nine), (std::map<std::size_t, std::size_t>{
                                     {2, 36}, {3, 168}, {4, 756}, {5, 3024}, {6, 10080}, {7, 25920}, {8, 45360}, {9, 14656}}));
}

void TestLoops::cancelStopsTheSearch()
{
    std::atomic<bool> cancel{true};
    LoopSearchOptions options;
    options.cancel = &cancel;
    const LoopList loops = findLoops(completeDigraph(8, false), options);
    QVERIFY(loops.cancelled);
    QVERIFY(!loops.complete);
    QCOMPARE(loops.size(), std::size_t(0));
}

void TestLoops::progressIsReported()
{
    std::vector<std::size_t> reports;
    std::atomic<bool> cancel{false};
    LoopSearchOptions options;
    options.maxLoops = 1000000;
    options.cancel = &cancel;
    options.progress = [&](std::size_t found) {
        reports.push_back(found);
        if (reports.size() == 3)
            cancel = true; // a GUI's cancel button, pressed from the progress callback
    };
    const LoopList loops = findLoops(completeDigraph(9, false), options);
    QCOMPARE(reports.size(), std::size_t(3));
    QVERIFY(reports[0] < reports[1] && reports[1] < reports[2]);
    QVERIFY(loops.cancelled);
    QCOMPARE(loops.size(), reports.back());
}

void TestLoops::separateComponents()
{
    const CausalGraph g = graphOf({{"A", "B", P}, {"B", "A", P}, {"B", "C", P}, {"C", "D", N}, {"D", "C", P}});
    const LoopList loops = findLoops(g);
    QCOMPARE(loops.size(), std::size_t(2));
    QVERIFY(loops.component(0) != loops.component(1));
}

void TestLoops::duplicateLinksMerge()
{
    CausalGraph g;
    const int a = g.addVariable(QStringLiteral("A")), b = g.addVariable(QStringLiteral("B"));
    g.addLink(a, b, P);
    g.addLink(a, b, P);
    QCOMPARE(g.links().size(), std::size_t(1));
    QCOMPARE(g.findLink(a, b)->polarity, P);
    g.addLink(a, b, N);
    QCOMPARE(g.findLink(a, b)->polarity, U);
    QVERIFY(g.findLink(a, b)->reason.contains(QLatin1String("both positively and negatively")));
    QVERIFY(g.overridePolarity(a, b, N));
    QCOMPARE(g.findLink(a, b)->polarity, N);
    QVERIFY(g.findLink(a, b)->reason.isEmpty());
    QVERIFY(!g.overridePolarity(b, a, N));
}

namespace {
struct Scored {
    CausalModel causal;
    LoopList loops;
    DominanceResult dominance;
};

Scored score(const QString &file)
{
    Scored s;
    const XmileReadResult read = readXmileFile(kData + QLatin1Char('/') + file);
    s.causal = buildCausalModel(*read.project);
    s.loops = findLoops(s.causal.graph);
    const CompileResult compiled = compileProject(*read.project);
    if (!compiled.model)
        qFatal("%s does not compile", qPrintable(file));
    s.dominance = computeDominance(s.causal, s.loops, *compiled.model);
    return s;
}
} // namespace

void TestLoops::dominanceMatchesHandComputedScores()
{
    // births = 0.1 P, deaths = 0.05 P: link scores into the stock 2 and -1, the others 1,
    // so R1 scores 2 and B1 -1, relative 2/3 and -1/3 at every save step after the first.
    const Scored s = score(QStringLiteral("births_deaths.xmile"));
    QVERIFY(s.dominance.error.isEmpty());
    QCOMPARE(s.dominance.loopNames, (std::vector<QString>{QStringLiteral("R1"), QStringLiteral("B1")}));
    QCOMPARE(s.dominance.times.size(), std::size_t(11)); // 0..10 by the save step 1, not DT 0.5
    QCOMPARE(s.dominance.approximatedLinks, 0);
    QCOMPARE(s.dominance.relative(0, 0), 0.0); // the initial time has no score (as in Stella)
    for (std::size_t t = 1; t < s.dominance.times.size(); ++t) {
        QVERIFY(qAbs(s.dominance.relative(t, 0) - 2.0 / 3) < 1e-9);
        QVERIFY(qAbs(s.dominance.relative(t, 1) + 1.0 / 3) < 1e-9);
    }
    QCOMPARE(topLoops(s.dominance, 1), std::vector<std::size_t>{0});
    const QList<QByteArray> csv = dominanceCsv(s.dominance, {0, 1}).split('\n');
    QCOMPARE(csv[0], QByteArray("Time,R1,B1"));
    QCOMPARE(csv[2], QByteArray("1,0.666667,-0.333333"));
}

void TestLoops::dominanceOfASingleBalancingLoop()
{
    // A loop alone on its stocks scores -1 whenever it is active. Its link through SMTH3
    // cannot be re-evaluated alone and is counted by the approximation.
    const Scored s = score(QStringLiteral("autoscaler.xmile"));
    QVERIFY(s.dominance.error.isEmpty());
    QCOMPARE(s.dominance.approximatedLinks, 1);
    int active = 0;
    for (std::size_t t = 0; t < s.dominance.times.size(); ++t) {
        const double r = s.dominance.relative(t, 0);
        QVERIFY2(r == 0.0 || qAbs(r + 1) < 1e-12, qPrintable(QString::number(r)));
        active += r != 0.0;
    }
    QVERIFY(active > 20);
}

void TestLoops::dominanceScoresAreNormalisedPerComponent()
{
    const Scored s = score(QStringLiteral("retry_storm.xmile"));
    QVERIFY(s.dominance.error.isEmpty());
    bool reinforcingActive = false;
    for (std::size_t t = 0; t < s.dominance.times.size(); ++t) {
        double total = 0;
        for (std::size_t l = 0; l < s.loops.size(); ++l) {
            const double r = s.dominance.relative(t, l);
            QVERIFY(r >= -1 - 1e-12 && r <= 1 + 1e-12);
            total += qAbs(r);
            reinforcingActive = reinforcingActive || (s.loops.polarity(l) == LoopPolarity::Reinforcing && r > 0);
        }
        QVERIFY(total == 0.0 || qAbs(total - 1) < 1e-9);
    }
    QVERIFY(reinforcingActive);
}

void TestLoops::dominanceThroughModules()
{
    // The predator-prey loop runs through two module connections, one of them into an
    // input the module draws as a stock; every link on it scores exactly (no
    // approximation) and it is active.
    const XmileReadResult read = readXmileFile(QStringLiteral(MEADOWS_TEST_DATA "/test-models/samples/bpowers-hares_and_lynxes_modules/model.xmile"));
    QVERIFY(read.project);
    const CausalModel causal = buildCausalModel(*read.project);
    const LoopList loops = findLoops(causal.graph);
    const CompileResult compiled = compileProject(*read.project);
    QVERIFY(compiled.model);
    const DominanceResult d = computeDominance(causal, loops, *compiled.model);
    QVERIFY(d.error.isEmpty());
    QCOMPARE(d.approximatedLinks, 0);
    std::size_t predatorPrey = loops.size();
    for (std::size_t l = 0; l < loops.size(); ++l)
        if (loops.length(l) == 8)
            predatorPrey = l;
    QVERIFY(predatorPrey < loops.size());
    bool moduleConnection = false;
    for (std::size_t k = 0; k < d.links.size(); ++k) {
        if (causal.graph.name(d.links[k].first) == QLatin1String("lynxes.lynxes")
            && causal.graph.name(d.links[k].second) == QLatin1String("hares.lynxes")) {
            QCOMPARE(d.linkScore(3, k), 1.0); // a module connection passes change on whole
            moduleConnection = true;
        }
    }
    QVERIFY2(moduleConnection, "the link lynxes.lynxes -> hares.lynxes was not found");
    int active = 0;
    for (std::size_t t = 0; t < d.times.size(); ++t)
        active += d.relative(t, predatorPrey) < 0;
    QVERIFY(active > int(d.times.size()) / 2);
}

void TestLoops::arrayValueListsLinkNothing()
{
    // Stella writes an array of constants as a list of its values, "4, 2, 9": no links, and
    // no warning that the equation does not parse. s -> f -> s is the one loop (f reads
    // level[2], which reads nothing). "4, k" is no list of numbers: that one is said.
    const QByteArray xmile = R"(<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><vendor>t</vendor><product version="1">t</product></header>
<sim_specs><start>0</start><stop>3</stop><dt>1</dt></sim_specs>
<dimensions><dim name="C" size="3"/></dimensions>
<model><variables>
<aux name="level"><dimensions><dim name="C"/></dimensions><eqn>4, 2, 9</eqn></aux>
<aux name="other"><dimensions><dim name="C"/></dimensions><eqn>4, k</eqn></aux>
<aux name="k"><eqn>1</eqn></aux>
<stock name="s"><eqn>1</eqn><inflow>f</inflow></stock>
<flow name="f"><eqn>s * level[2] / 10</eqn></flow>
</variables></model></xmile>)";
    const XmileReadResult read = readXmile(xmile, QStringLiteral("list.xmile"));
    QVERIFY(read.project);
    const CausalModel causal = buildCausalModel(*read.project);
    QCOMPARE(causal.diagnostics.size(), std::size_t(1));
    QVERIFY2(causal.diagnostics.front().message.startsWith(QStringLiteral("in the equation of 'other'")),
             qPrintable(causal.diagnostics.front().message));
    const LoopList loops = findLoops(causal.graph);
    QCOMPARE(loops.size(), std::size_t(1));
    QCOMPARE(loops.length(0), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestLoops)
#include "test_loops.moc"

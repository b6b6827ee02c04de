// Feedback-loop analysis: the circuit search, naming and classification on hand-built
// graphs; polarity inference from equations; causal graphs of stock-and-flow models and
// causal-loop diagrams (the incident patterns among them); Loops That Matter scores.
#include "solver/analysis/circuitsearch.h"
#include "solver/analysis/loopfinder.h"
#include "model/xmilereader.h"
#include "solver/analysis/causalmodel.h"
#include "solver/compiler.h"
#include "solver/analysis/loopdominance.h"
#include "solver/parser.h"
#include "solver/analysis/polarity.h"

#include <QtTest>
#include <random>
#include <set>

using namespace meadows;

namespace {

const QString kData = QStringLiteral(MEADOWS_TEST_DATA "/loops");

constexpr LinkPolarity P = LinkPolarity::Positive;
constexpr LinkPolarity N = LinkPolarity::Negative;
constexpr LinkPolarity U = LinkPolarity::Unknown;

struct Edge {
    const char *from;
    const char *to;
    LinkPolarity polarity;
};

CausalGraph graphOf(std::initializer_list<Edge> edges)
{
    CausalGraph g;
    for (const Edge &e : edges)
        g.addLink(g.addVariable(QString::fromLatin1(e.from)), g.addVariable(QString::fromLatin1(e.to)), e.polarity);
    return g;
}

// "R1: A B C" for each loop, in named order.
QStringList describe(const CausalGraph &g, const LoopList &loops)
{
    QStringList out;
    for (std::size_t i = 0; i < loops.size(); ++i) {
        QStringList names;
        for (int v : loops.variables(i))
            names << g.name(v);
        out << loops.name(i) + QStringLiteral(": ") + names.join(u' ');
    }
    return out;
}

CausalGraph completeDigraph(int n, bool selfLoops)
{
    CausalGraph g;
    for (int i = 0; i < n; ++i)
        g.addVariable(QStringLiteral("v%1").arg(i));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            if (i != j || selfLoops)
                g.addLink(i, j, (i + j) % 3 ? P : N);
    return g;
}

CausalGraph randomGraph(int variables, int links, unsigned seed)
{
    CausalGraph g;
    for (int i = 0; i < variables; ++i)
        g.addVariable(QStringLiteral("x%1").arg((i * 7919) % variables, 3, 10, QLatin1Char('0')));
    std::mt19937 rng(seed);
    for (int i = 0; i < variables; ++i)
        g.addLink(i, (i + 1) % variables, rng() % 2 ? P : N);
    while (int(g.links().size()) < links) {
        const int a = int(rng() % unsigned(variables)), b = int(rng() % unsigned(variables));
        g.addLink(a, b, rng() % 5 == 0 ? U : rng() % 2 ? P : N);
    }
    return g;
}

Expr parsed(const QString &text)
{
    const ParseResult r = parseEquation(text);
    if (!r.ok() || !r.expr)
        qFatal("cannot parse %s", qPrintable(text));
    return *r.expr;
}

InferredPolarity infer(const QString &equation, const QString &input, const PolarityContext &context = {})
{
    return inferPolarity(parsed(equation), input, input, context);
}

CausalModel causalModelOf(const QString &file)
{
    const XmileReadResult read = readXmileFile(kData + QLatin1Char('/') + file);
    if (!read.project)
        qFatal("cannot read %s", qPrintable(file));
    return buildCausalModel(*read.project);
}

CausalModel causalModelOfText(const QByteArray &xml)
{
    const XmileReadResult read = readXmile(xml, QStringLiteral("inline.xmile"));
    if (!read.project)
        qFatal("cannot read inline model");
    return buildCausalModel(*read.project);
}

LinkPolarity linkPolarity(const CausalModel &m, const QString &from, const QString &to)
{
    const CausalLink *l = m.graph.findLink(m.graph.findVariable(from), m.graph.findVariable(to));
    if (!l)
        qFatal("no link %s -> %s", qPrintable(from), qPrintable(to));
    return l->polarity;
}

} // namespace

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
    // Polarity inference
    void polarityOfEquations_data();
    void polarityOfEquations();
    void unknownPolaritiesSayWhy_data();
    void unknownPolaritiesSayWhy();
    void graphicalFunctionShapes();
    void rangesMakeFactorsSigned();
    void causalInputsSkipInitialValuesAndTables();
    // Causal graphs of models
    void incidentCausalMap();
    void retryStormStockAndFlow();
    void circuitBreaker();
    void autoscalerWithDelay();
    void unmarkedConnectorIsUnknown();
    void connectorOverridesInferredPolarity();
    void aliasesAndModules();
    void unparsableEquationIsAnError();
    // Loops That Matter
    void dominanceMatchesHandComputedScores();
    void dominanceOfASingleBalancingLoop();
    void dominanceScoresAreNormalisedPerComponent();
    void dominanceThroughModules();
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

void TestLoops::capStopsAndSaysIncomplete()
{
    const CausalGraph g = completeDigraph(6, false);
    LoopSearchOptions capped;
    capped.maxLoops = 50;
    const LoopList loops = findLoops(g, capped);
    QCOMPARE(loops.size(), std::size_t(50));
    QVERIFY(!loops.complete);
    QVERIFY(!loops.cancelled);
    // Capped exactly at the count: nothing left out, so complete.
    capped.maxLoops = 409;
    QVERIFY(findLoops(g, capped).complete);
    // The default cap is 100,000.
    QCOMPARE(LoopSearchOptions{}.maxLoops, std::size_t(100000));
    const LoopList nine = findLoops(completeDigraph(9, false));
    QCOMPARE(nine.size(), std::size_t(100000));
    QVERIFY(!nine.complete);
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

void TestLoops::polarityOfEquations_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("expected");
    const int plus = int(P), minus = int(N);
    QTest::newRow("sum") << "a + b" << "a" << plus;
    QTest::newRow("difference") << "a - b" << "b" << minus;
    QTest::newRow("product") << "a * b" << "a" << plus;
    QTest::newRow("negative constant factor") << "a * -2" << "a" << minus;
    QTest::newRow("negated") << "-(a + b)" << "b" << minus;
    QTest::newRow("numerator") << "a / b" << "a" << plus;
    QTest::newRow("denominator") << "c / a" << "a" << minus;
    QTest::newRow("gap over time") << "(goal - state) / adjustment_time" << "state" << minus;
    QTest::newRow("constant exponent") << "a ^ 2" << "a" << plus;
    QTest::newRow("negative exponent") << "a ^ -1" << "a" << minus;
    QTest::newRow("growing base") << "2 ^ a" << "a" << plus;
    QTest::newRow("shrinking base") << "0.5 ^ a" << "a" << minus;
    QTest::newRow("square both factors") << "a * a" << "a" << plus;
    QTest::newRow("EXP") << "EXP(-a)" << "a" << minus;
    QTest::newRow("LN") << "LN(a)" << "a" << plus;
    QTest::newRow("SQRT") << "SQRT(a * 3)" << "a" << plus;
    QTest::newRow("MIN") << "MIN(a, 5)" << "a" << plus;
    QTest::newRow("MAX of negated") << "MAX(b, -a)" << "a" << minus;
    QTest::newRow("MIN as in the queue") << "MIN(queue / dt, capacity)" << "queue" << plus;
    QTest::newRow("SMTH1") << "SMTH1(a, 5)" << "a" << plus;
    QTest::newRow("SMTH3 initial ignored") << "SMTH3(a, 5, -a)" << "a" << plus;
    QTest::newRow("DELAY3 of negated") << "DELAY3(-a, 2)" << "a" << minus;
    QTest::newRow("IF on something else") << "IF b > 0 THEN a ELSE 0" << "a" << plus;
    QTest::newRow("IF_THEN_ELSE branches agree") << "IF_THEN_ELSE(b, a, 2 * a)" << "a" << plus;
    QTest::newRow("XIDZ numerator") << "XIDZ(a, b, 1)" << "a" << plus;
    QTest::newRow("ZIDZ denominator") << "ZIDZ(b, a)" << "a" << minus;
    QTest::newRow("ABS of positive") << "ABS(a)" << "a" << plus;
    QTest::newRow("ARCCOS") << "ARCCOS(a)" << "a" << minus;
}

void TestLoops::polarityOfEquations()
{
    QFETCH(QString, equation);
    QFETCH(QString, input);
    QFETCH(int, expected);
    const InferredPolarity p = infer(equation, input);
    QVERIFY2(int(p.polarity) == expected, qPrintable(p.reason));
    QVERIFY(p.reason.isEmpty());
}

void TestLoops::unknownPolaritiesSayWhy_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reason");
    QTest::newRow("both sides of a quotient") << "a / (a + 1)" << "a" << "both sides of the quotient";
    QTest::newRow("IF on the variable") << "IF a > 5 THEN 1 ELSE 0" << "a" << "IF condition";
    QTest::newRow("comparison") << "a > b" << "a" << "compared";
    QTest::newRow("opposing effects") << "a - a * a" << "a" << "both raises and lowers";
    QTest::newRow("difference as a factor") << "a * (b - c)" << "a" << "is not known";
    QTest::newRow("SIN") << "SIN(a)" << "a" << "not monotone";
    QTest::newRow("MOD") << "a MOD 7" << "a" << "not monotone";
    QTest::newRow("delay time") << "SMTH1(x, a)" << "a" << "sets the time";
    QTest::newRow("exponent of a variable base") << "b ^ a" << "a" << "exponent";
    QTest::newRow("time input") << "STEP(10, a)" << "a" << "time input";
    QTest::newRow("ABS of a difference") << "ABS(a - b)" << "a" << "ABS";
    QTest::newRow("unknown function") << "MYMACRO(a)" << "a" << "not known";
}

void TestLoops::unknownPolaritiesSayWhy()
{
    QFETCH(QString, equation);
    QFETCH(QString, input);
    QFETCH(QString, reason);
    const InferredPolarity p = infer(equation, input);
    QCOMPARE(p.polarity, U);
    QVERIFY2(p.reason.contains(reason), qPrintable(p.reason));
}

void TestLoops::graphicalFunctionShapes()
{
    GraphicalFunction rising, falling, hump, flat;
    rising.ypts = {0, 0.1, 0.1, 0.9};
    falling.ypts = {1, 0.5, 0.5, 0};
    hump.ypts = {0, 1, 0};
    flat.ypts = {2, 2};
    QCOMPARE(tablePolarity(rising), P);
    QCOMPARE(tablePolarity(falling), N);
    QCOMPARE(tablePolarity(hump), U);
    QCOMPARE(tablePolarity(flat), P);
    PolarityContext context;
    context.table = [&](const QString &name) -> const GraphicalFunction * {
        return name == QLatin1String("effect") ? &falling : name == QLatin1String("hump") ? &hump : nullptr;
    };
    QCOMPARE(infer(QStringLiteral("LOOKUP(effect, a)"), QStringLiteral("a"), context).polarity, N);
    QCOMPARE(infer(QStringLiteral("effect(-a)"), QStringLiteral("a"), context).polarity, P);
    const InferredPolarity h = infer(QStringLiteral("LOOKUP(hump, a)"), QStringLiteral("a"), context);
    QCOMPARE(h.polarity, U);
    QVERIFY(h.reason.contains(QLatin1String("not monotone")));
}

void TestLoops::rangesMakeFactorsSigned()
{
    // (1 - f) is positive only when f stays below 1.
    QCOMPARE(infer(QStringLiteral("x * (1 - f)"), QStringLiteral("x")).polarity, U);
    PolarityContext context;
    context.valueRange = [](const QString &name) {
        return name == QLatin1String("f") ? ValueRange{0, 0.8} : ValueRange::nonNegative();
    };
    QCOMPARE(infer(QStringLiteral("x * (1 - f)"), QStringLiteral("x"), context).polarity, P);
    QCOMPARE(infer(QStringLiteral("x * (1 - f)"), QStringLiteral("f"), context).polarity, N);
    context.valueRange = [](const QString &name) {
        return name == QLatin1String("k") ? ValueRange::exactly(-3) : ValueRange::nonNegative();
    };
    QCOMPARE(infer(QStringLiteral("k * x"), QStringLiteral("x"), context).polarity, N);
}

void TestLoops::causalInputsSkipInitialValuesAndTables()
{
    QCOMPARE(causalInputs(parsed(QStringLiteral("SMTH1(a, b, c) + a"))), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(causalInputs(parsed(QStringLiteral("LOOKUP(table, x) * y"))), (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
    QCOMPARE(causalInputs(parsed(QStringLiteral("INIT(p) + q"))), QStringList{QStringLiteral("q")});
    QCOMPARE(causalInputs(parsed(QStringLiteral("\"Room Temperature\" - Teacup_Temperature"))),
             (QStringList{QStringLiteral("room_temperature"), QStringLiteral("teacup_temperature")}));
}

void TestLoops::incidentCausalMap()
{
    // Incident pattern 11: R1 retry storm, B1 autoscaler, B2 circuit breaker.
    const CausalModel m = causalModelOf(QStringLiteral("incident_cld.xmile"));
    QVERIFY(!m.hasErrors());
    QCOMPARE(describe(m.graph, findLoops(m.graph)),
             (QStringList{QStringLiteral("B1: CPU Utilization Desired Pods Pods"),
                          QStringLiteral("R1: Latency Timeouts Retries Load"),
                          QStringLiteral("B2: Breaker Open Load Latency Timeouts Error Rate")}));
    QCOMPARE(linkPolarity(m, QStringLiteral("Pods"), QStringLiteral("CPU Utilization")), N);
}

void TestLoops::retryStormStockAndFlow()
{
    // Incident pattern 2: the retry storm is a reinforcing loop through the backlog.
    const CausalModel m = causalModelOf(QStringLiteral("retry_storm.xmile"));
    QVERIFY(!m.hasErrors());
    QCOMPARE(describe(m.graph, findLoops(m.graph)),
             (QStringList{QStringLiteral("B1: Backlog Served"),
                          QStringLiteral("R1: Arrivals Backlog Latency Timeout Fraction Retries")}));
    QCOMPARE(linkPolarity(m, QStringLiteral("Arrivals"), QStringLiteral("Backlog")), P);
    QCOMPARE(linkPolarity(m, QStringLiteral("Served"), QStringLiteral("Backlog")), N);
    QCOMPARE(linkPolarity(m, QStringLiteral("Capacity"), QStringLiteral("Latency")), N);
    QCOMPARE(linkPolarity(m, QStringLiteral("Latency"), QStringLiteral("Timeout Fraction")), P); // rising table
}

void TestLoops::circuitBreaker()
{
    // Incident pattern 3: the loop table shows R1 (retry storm) and B1 (breaker).
    const CausalModel m = causalModelOf(QStringLiteral("circuit_breaker.xmile"));
    QCOMPARE(describe(m.graph, findLoops(m.graph)),
             (QStringList{QStringLiteral("R1: Arrivals Backlog Latency Timeout Fraction Retries"),
                          QStringLiteral("B1: Arrivals Backlog Latency Timeout Fraction Error Rate Breaker Open")}));
    // Retries -> Arrivals is positive only because Breaker Open's table stays below 1.
    QCOMPARE(linkPolarity(m, QStringLiteral("Retries"), QStringLiteral("Arrivals")), P);
    QCOMPARE(linkPolarity(m, QStringLiteral("Breaker Open"), QStringLiteral("Arrivals")), N);
}

void TestLoops::autoscalerWithDelay()
{
    // Incident pattern 4: one balancing loop, through a third-order smooth.
    const CausalModel m = causalModelOf(QStringLiteral("autoscaler.xmile"));
    QCOMPARE(describe(m.graph, findLoops(m.graph)),
             QStringList{QStringLiteral("B1: CPU Utilization Scale Decision Pod Additions Pods")});
    QCOMPARE(linkPolarity(m, QStringLiteral("Scale Decision"), QStringLiteral("Pod Additions")), P);
    QVERIFY(!m.graph.findLink(m.graph.findVariable(QStringLiteral("Provisioning Delay")),
                              m.graph.findVariable(QStringLiteral("Pod Additions")))
                 || linkPolarity(m, QStringLiteral("Provisioning Delay"), QStringLiteral("Pod Additions")) == U);
}

void TestLoops::unmarkedConnectorIsUnknown()
{
    const CausalModel m = causalModelOf(QStringLiteral("unmarked_cld.xmile"));
    const LoopList loops = findLoops(m.graph);
    QCOMPARE(describe(m.graph, loops), QStringList{QStringLiteral("U1: Fatigue Workload Overtime")});
    const CausalLink *l = m.graph.findLink(m.graph.findVariable(QStringLiteral("Fatigue")),
                                           m.graph.findVariable(QStringLiteral("Workload")));
    QVERIFY(l && l->reason.contains(QLatin1String("no polarity mark")));
}

void TestLoops::connectorOverridesInferredPolarity()
{
    // The equation says +, the diagram's connector says -: the diagram wins. A connector
    // between variables the equation does not link adds nothing.
    const CausalModel m = causalModelOfText(R"(<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
        <header><vendor>t</vendor></header><sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
        <model><variables>
            <stock name="S"><eqn>1</eqn><inflow>f</inflow></stock>
            <flow name="f"><eqn>S * k</eqn></flow>
            <aux name="k"><eqn>2</eqn></aux>
        </variables><views><view>
            <connector uid="1" polarity="-"><from>S</from><to>f</to></connector>
            <connector uid="2" polarity="+"><from>k</from><to>S</to></connector>
        </view></views></model></xmile>)");
    QCOMPARE(linkPolarity(m, QStringLiteral("S"), QStringLiteral("f")), N);
    QVERIFY(!m.graph.findLink(m.graph.findVariable(QStringLiteral("k")), m.graph.findVariable(QStringLiteral("S"))));
    QCOMPARE(describe(m.graph, findLoops(m.graph)), QStringList{QStringLiteral("B1: f S")});
    QCOMPARE(connectorPolarity(QStringLiteral("positive")), std::optional<LinkPolarity>(P));
    QCOMPARE(connectorPolarity(QStringLiteral("")), std::optional<LinkPolarity>());
}

void TestLoops::aliasesAndModules()
{
    // A connector drawn from an alias links the variable the alias stands for.
    const CausalModel cld = causalModelOfText(R"(<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
        <header><vendor>t</vendor></header><sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
        <model><variables><aux name="Price"/><aux name="Demand"/></variables>
        <views><view>
            <alias uid="7" x="1" y="1"><of>Price</of></alias>
            <connector uid="1" polarity="-"><from><alias uid="7"/></from><to>Demand</to></connector>
            <connector uid="2" polarity="+"><from>Demand</from><to>Price</to></connector>
        </view></views></model></xmile>)");
    QCOMPARE(describe(cld.graph, findLoops(cld.graph)), QStringList{QStringLiteral("B1: Demand Price")});

    // Module variables are named module.var, and loops run through module connections.
    const XmileReadResult read = readXmileFile(QStringLiteral(MEADOWS_TEST_DATA "/test-models/samples/bpowers-hares_and_lynxes_modules/model.xmile"));
    QVERIFY(read.project);
    const CausalModel m = buildCausalModel(*read.project);
    const QStringList loops = describe(m.graph, findLoops(m.graph));
    QVERIFY2(loops.contains(QStringLiteral("B3: hares.deaths hares.hares hares.hare density lynxes.hare density "
                                           "lynxes.death fraction lynxes.deaths lynxes.lynxes hares.lynxes")),
             qPrintable(loops.join(u'\n')));
    QCOMPARE(linkPolarity(m, QStringLiteral("hares.hare density"), QStringLiteral("lynxes.hare density")), P);
}

void TestLoops::unparsableEquationIsAnError()
{
    const XmileReadResult read = readXmileFile(QStringLiteral(MEADOWS_TEST_DATA "/broken/broken_equation.xmile"));
    QVERIFY(read.project);
    const CausalModel m = buildCausalModel(*read.project);
    QVERIFY(m.hasErrors());
    QVERIFY(m.diagnostics.front().message.contains(QLatin1String("arrivals")));
    QVERIFY(m.diagnostics.front().pos.line > 0);
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
    const CausalModel causal = buildCausalModel(*read.project);
    const LoopList loops = findLoops(causal.graph);
    const DominanceResult d = computeDominance(causal, loops, *compileProject(*read.project).model);
    QVERIFY(d.error.isEmpty());
    QCOMPARE(d.approximatedLinks, 0);
    std::size_t predatorPrey = loops.size();
    for (std::size_t l = 0; l < loops.size(); ++l)
        if (loops.length(l) == 8)
            predatorPrey = l;
    QVERIFY(predatorPrey < loops.size());
    for (std::size_t k = 0; k < d.links.size(); ++k) {
        if (causal.graph.name(d.links[k].first) == QLatin1String("lynxes.lynxes")
            && causal.graph.name(d.links[k].second) == QLatin1String("hares.lynxes"))
            QCOMPARE(d.linkScore(3, k), 1.0); // a module connection passes change on whole
    }
    int active = 0;
    for (std::size_t t = 0; t < d.times.size(); ++t)
        active += d.relative(t, predatorPrey) < 0;
    QVERIFY(active > int(d.times.size()) / 2);
}

QTEST_GUILESS_MAIN(TestLoops)
#include "test_loops.moc"

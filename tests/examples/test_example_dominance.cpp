// Every example whose story names a loop: the loop that its story says is in charge is in
// charge (Loops That Matter, as periods: `meadows loops --dominance --periods`) in the
// period the story gives, and its name in the story is the name Meadows gives it (the
// name on the diagram, in the Loops panel and in the export).
#include "examplesupport.h"

#include "solver/analysis/causalmodel.h"
#include "solver/analysis/dominanceperiods.h"
#include "solver/analysis/loopdominance.h"
#include "solver/compiler.h"

#include <QtTest>

using namespace meadows;
using namespace meadows::examples;

namespace {

struct Story {
    QStringList lines;      // "R2 20–120" as --periods prints them
    QString text;           // the story on the diagram
    QStringList loopNames;  // Meadows' names, in LoopList order
    std::vector<QStringList> loopVariables;
};

Story storyOf(const QString &file)
{
    Story s;
    const std::optional<Project> project = load(file);
    if (!project)
        qFatal("%s does not load", qPrintable(file));
    const CausalModel causal = buildCausalModel(*project);
    const LoopList loops = findLoops(causal.graph);
    const CompileResult compiled = compileProject(*project);
    if (!compiled.model)
        qFatal("%s does not compile", qPrintable(file));
    const DominanceResult d = computeDominance(causal, loops, *compiled.model);
    s.lines = QString::fromUtf8(periodLines(dominanceStory(d), d)).trimmed().split(u'\n');
    for (const View &view : project->mainModel().views)
        for (const ViewElement &e : view.elements)
            if (e.type == ViewElement::Type::TextBox)
                s.text += e.text + u'\n';
    for (std::size_t l = 0; l < loops.size(); ++l) {
        s.loopNames << loops.name(l);
        s.loopVariables.push_back(loopVariableNames(causal.graph, loops, l));
    }
    return s;
}

// The name Meadows gives the loop through exactly these variables.
QString nameOf(const Story &s, const QStringList &variables)
{
    for (std::size_t l = 0; l < s.loopVariables.size(); ++l) {
        QStringList sorted = s.loopVariables[l], wanted = variables;
        sorted.sort();
        wanted.sort();
        if (sorted == wanted)
            return s.loopNames[qsizetype(l)];
    }
    return {};
}

} // namespace

class TestExampleDominance : public QObject {
    Q_OBJECT
private slots:
    void storyAndDominanceAgree_data();
    void storyAndDominanceAgree();
};

// Per example: the periods its dominance gives (as --periods prints them), the loops its
// story names with the variables on them (so the name is Meadows' name for that loop),
// and the words of the story that say who is in charge when.
void TestExampleDominance::storyAndDominanceAgree_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("periods");
    QTest::addColumn<QStringList>("loops"); // "NAME: variable, variable, ..."
    QTest::addColumn<QStringList>("phrases");
    const auto L = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *i : items)
            out << QString::fromUtf8(i);
        return out;
    };
    // During the dip the server's dropping of abandoned requests (B1) shapes the queue; once
    // retries return from their backoff the retry loop R2 carries it into the storm, where
    // it rests from about minute 33.5 (a steady state, not a runaway).
    QTest::newRow("02 retry storm") << QStringLiteral("incidents/02-retry-storm.xmile")
        << L({"at rest 0–20", "B1 20–24", "R2 24–33.5", "at rest 33.5–120"})
        << L({"B1: Backlog, Cancelled",
              "R2: Backlog, Latency, Timeout Fraction, Timeouts, Retries Scheduled, Waiting to Retry, Retries, Load"})
        << L({"the balancing loop B1 (Backlog, Cancelled: the server dropping requests whose clients have gone) is in charge from minute 20",
              "R2 (Backlog, Latency, Timeout Fraction, Timeouts, Retries Scheduled, Waiting to Retry, Retries, Load), in charge from minute 24 "
              "until the service comes to rest at about 33.5"});
    // The breaker loop B2 takes charge at the dip and keeps it until the service recovers.
    QTest::newRow("03 circuit breaker") << QStringLiteral("incidents/03-circuit-breaker.xmile")
        << L({"at rest 0–20", "B2 20–26.5", "at rest 26.5–120"})
        << L({"B2: Backlog, Latency, Timeout Fraction, Breaker Setting, Breaker Pass Share, Load",
              "R2: Backlog, Latency, Timeout Fraction, Timeouts, Retries, Load"})
        << L({"B2 overpowers the reinforcing retry loop R2: it is in charge from minute 20 until the service has recovered (about 26)"});
    // The autoscaler's loop and the provisioning pipeline take turns while it oscillates.
    QTest::newRow("04 autoscaler delay") << QStringLiteral("incidents/04-autoscaler-delay.xmile")
        << L({"at rest 0–10", "B2 10–17", "B1 17–22.75", "B2 22.75–30.625", "B1 30.625–34.5", "B2 34.5–41.75", "B1 41.75–46.25",
              "B2 46.25–53.75", "B1 53.75–58", "B2 58–62.125", "at rest 62.125–120"})
        << L({"B2: Pods, CPU Utilisation, Scale Requests, Pods Provisioning, Pods Becoming Ready",
              "B1: Pods Provisioning, Pods Becoming Ready"})
        << L({"B2 is in charge while it orders pods (from minute 10), then B1", "from about minute 62 the system is at rest"});
    // Two scalers pulling against each other: no loop holds half the score for long, so
    // control is shared all along; B4 leads for about a minute every seven, under the
    // minimum period of 240/40 = 6 minutes.
    QTest::newRow("05 fighting autoscalers") << QStringLiteral("incidents/05-fighting-autoscalers.xmile")
        << L({"shared 0–240"})
        << L({"R1: Pods, Capacity, Processed, Busy Pods, Measured Busy Pods, CPU Desired Pods, CPU Scaler Change",
              "B4: Pods, Capacity, Processed, Queue, Measured Queue, Queue Desired Pods, Queue Scaler Change"})
        << L({"no loop is in charge: control is shared for the whole run", "The CPU scaler's reinforcing loop R1 is the strongest",
              "the queue scaler's loop B4 leads for about a minute every seven minutes, too briefly to take charge"});
    // Spikes every TTL (300 s): the refill loop B1 in charge through each, the echo loop R1
    // leading its start, long enough to count (1500/40 = 37.5 s) from the fourth.
    QTest::newRow("07 cache expiry") << QStringLiteral("incidents/07-cache-expiry.xmile")
        << L({"B1 0–117", "at rest 117–300", "B1 300–442", "at rest 442–600", "B1 600–764", "at rest 764–900", "R1 900–952",
              "B1 952–1084", "at rest 1084–1200", "R1 1200–1266", "B1 1266–1309", "at rest 1309–1500"})
        << L({"B1: Cache Fills, Cached Keys, Uncached Keys, Database Reads",
              "R1: Cache Fills, Expirations, Cached Keys, Uncached Keys, Database Reads"})
        << L({"the refill loop B1 (uncached keys, database reads, cache fills) is in charge while the cache fills up again",
              "The echo loop R1", "for about a minute from the fourth (900 to 952 seconds)"});
    // The pool refills within a step: dominance sees nothing move.
    QTest::newRow("06 connection pool") << QStringLiteral("incidents/06-connection-pool.xmile")
        << L({"at rest 0–40"}) << L({"R1: Connections in Use, Query Time, Releases"})
        << L({"loop dominance sees a system at rest for the whole run"});
    // Queues held by hard limits: no loop drives them.
    QTest::newRow("01 request queue") << QStringLiteral("incidents/01-request-queue.xmile")
        << L({"at rest 0–10", "no loop active 10–70", "at rest 70–90"}) << L({"B1: Queue, Served"})
        << L({"is held at capacity from minute 10 until the queue has drained at 70, so no loop is active then"});
    QTest::newRow("08 listen queue") << QStringLiteral("incidents/08-listen-queue-overflow.xmile")
        << L({"at rest 0–10.05", "B1 10.05–15", "no loop active 15–20", "at rest 20–60"}) << L({"B1: Accept Queue, Accepted"})
        << L({"B1, the accept loop taking what is queued, is in charge from second 10 until it runs at full capacity at 15",
              "no loop is active while the queue fills (15 to 20)"});
    QTest::newRow("09 load shedding") << QStringLiteral("incidents/09-load-shedding.xmile")
        << L({"at rest 0–80", "no loop active 80–89.7", "at rest 89.7–120"}) << L({})
        << L({"through the surge the queue is held at its limit, at rest", "(no loop active, 80 to 90)"});
    // Epidemics: contagion, then depletion, then recovery.
    QTest::newRow("10 fleet SIR") << QStringLiteral("incidents/10-epidemic-sir.xmile")
        << L({"R1 0–16.5", "B2 16.5–24.875", "B1 24.875–73.375", "at rest 73.375–120"})
        << L({"R1: Infected, Infections", "B2: Infections, Susceptible", "B1: Infected, Recoveries"})
        << L({"R1, contagion, in charge to hour 16", "B2, depletion, 16 to 25", "B1, recovery, from 25 until it is over at about 73"});
    QTest::newRow("SIR") << QStringLiteral("classics/sir.xmile")
        << L({"R1 0–29.125", "B2 29.125–36.375", "shared 36.375–39.125", "B1 39.125–80.125", "at rest 80.125–100"})
        << L({"R1: Infected, Infections", "B2: Infections, Susceptible", "B1: Infected, Recoveries"})
        << L({"R1, contagion, in charge to day 29", "B2, depletion, 29 to 36", "B1, recovery, from 39 until it is over at about 80"});
    QTest::newRow("Bass") << QStringLiteral("classics/bass-diffusion.xmile")
        << L({"R1 0–12", "B2 12–25.875", "at rest 25.875–60"})
        << L({"R1: Adopters, Adoption from Word of Mouth, Adoption", "B2: Adoption, Potential Adopters, Adoption from Word of Mouth"})
        << L({"R1, word of mouth, in charge to month 12", "B2, from 12 until the market is saturated at about 26"});
    QTest::newRow("population") << QStringLiteral("classics/population.xmile")
        << L({"R1 0–100"}) << L({"R1: Births, Population", "B1: Deaths, Population"})
        << L({"the reinforcing loop of births, R1, wins (it is in charge all along)"});
    // Forrester's market growth: salespeople, then the delivery delay, then capacity.
    QTest::newRow("market growth") << QStringLiteral("classics/market-growth.xmile")
        << L({"B1 0–5.25", "R1 5.25–13", "B2 13–16.5", "B3 16.5–27.5", "B2 27.5–30.75", "R2 30.75–35.25", "shared 35.25–42.25", "R2 42.25–120"})
        << L({"R1: Backlog, Deliveries, Revenue, Sales Budget, Indicated Salespeople, Hiring, Salespeople, Orders Booked",
              "B3: Backlog, Delivery Delay, Delivery Delay Recognized, Effect of Delivery Delay, Sales Effectiveness, Orders Booked"})
        << L({"(R1, in charge from month 5 to 13)", "(B3, in charge from 16.5 to 27.5)", "from month 42 to the end the long loop R2"});
    // Lotka-Volterra: hare births until just after the hare peak (3.1), predation while the
    // lynx peak (5.1), lynx deaths around the hare trough (7.75), then shared; period ~10.2.
    QTest::newRow("predator-prey") << QStringLiteral("classics/predator-prey.xmile")
        << L({"R1 0–4", "B1 4–6.625", "B2 6.625–8.5", "shared 8.5–10.25", "R1 10.25–14.125", "B1 14.125–16.75", "B2 16.75–18.75",
              "shared 18.75–20.375", "R1 20.375–24.375", "B1 24.375–27", "B2 27–29", "shared 29–30.625", "R1 30.625–34.625",
              "B1 34.625–37.25", "B2 37.25–39.125", "shared 39.125–40.875", "R1 40.875–44.75", "B1 44.75–47.375",
              "B2 47.375–49.375", "shared 49.375–51", "R1 51–55", "B1 55–57", "B2 57–60"})
        << L({"R1: Hare Births, Hares", "B1: Hares, Hares Eaten", "B2: Lynx, Lynx Deaths"})
        << L({"hare births (R1) are in charge while the hares multiply", "predation on the hares (B1) while the lynx peak",
              "lynx deaths (B2) while the hares are scarce", "then control is shared"});
    QTest::newRow("teacup") << QStringLiteral("classics/teacup.xmile")
        << L({"B1 0–28.25", "at rest 28.25–30"}) << L({})
        << L({"B1, in charge until the tea is at rest at room temperature (about minute 28)"});
}

void TestExampleDominance::storyAndDominanceAgree()
{
    QFETCH(QString, file);
    QFETCH(QStringList, periods);
    QFETCH(QStringList, loops);
    QFETCH(QStringList, phrases);
    const Story s = storyOf(file);
    QCOMPARE(s.lines, periods);
    for (const QString &loop : loops) {
        const QString name = loop.section(QStringLiteral(": "), 0, 0);
        QCOMPARE(nameOf(s, loop.section(QStringLiteral(": "), 1).split(QStringLiteral(", "))), name);
    }
    const QString text = s.text.simplified();
    for (const QString &phrase : phrases)
        QVERIFY2(text.contains(phrase), qPrintable(phrase));
}

QTEST_GUILESS_MAIN(TestExampleDominance)
#include "test_example_dominance.moc"

// The example library: every example is complete (title, story, docs, units, a tidy
// diagram) and shows the behaviour it is there to teach, checked with numbers from the
// simulation and, for the feedback stories, with the loop analysis.
#include "examplesupport.h"

#include "solver/compiler.h"
#include "solver/units.h"

#include <QFileInfo>
#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::examples;

namespace {

const QString kQueue = QStringLiteral("incidents/01-request-queue.xmile");
const QString kStorm = QStringLiteral("incidents/02-retry-storm.xmile");
const QString kBreaker = QStringLiteral("incidents/03-circuit-breaker.xmile");
const QString kAutoscaler = QStringLiteral("incidents/04-autoscaler-delay.xmile");
const QString kFighting = QStringLiteral("incidents/05-fighting-autoscalers.xmile");
const QString kPool = QStringLiteral("incidents/06-connection-pool.xmile");
const QString kCache = QStringLiteral("incidents/07-cache-expiry.xmile");
const QString kListen = QStringLiteral("incidents/08-listen-queue-overflow.xmile");
const QString kShedding = QStringLiteral("incidents/09-load-shedding.xmile");
const QString kFleetSir = QStringLiteral("incidents/10-epidemic-sir.xmile");
const QString kCausalMap = QStringLiteral("incidents/11-incident-causal-map.xmile");
const QString kArchetypes = QStringLiteral("incidents/12-archetypes.xmile");

bool isCausalLoopDiagram(const Project &p)
{
    for (const Variable &v : p.mainModel().variables) {
        if (!v.equation.trimmed().isEmpty())
            return false;
    }
    return true;
}

} // namespace

class TestExamples : public QObject {
    Q_OBJECT
private slots:
    void theLibraryHoldsEveryExample();
    void everyExampleIsComplete_data();
    void everyExampleIsComplete();

    void requestQueueFillsAndDrainsByLittlesLaw();
    void retryStormIsMetastableWithoutABudget();
    void retryStormLoopIsReinforcing();
    void circuitBreakerCutsLoadAndRecovers();
    void circuitBreakerLoopsAreR1AndBalancingBreaker();
    void autoscalerSettlesWithShortDelayOscillatesWithLong();
    void fightingAutoscalersOscillateOnlyTogether();
    void connectionPoolPastThresholdLosesThroughput();
    void cacheExpirySpikesEveryTtlUnlessJittered();
    void listenQueueDropsExactlyAtItsCap();
    void loadSheddingBoundsLatencyAtFullThroughput();
    void epidemicPeakFallsWithContactRate_data();
    void epidemicPeakFallsWithContactRate();
    void incidentCausalMapLoops();
    void archetypeLoops();
};

void TestExamples::theLibraryHoldsEveryExample()
{
    const QStringList files = allExamples();
    QCOMPARE(files.filter(QStringLiteral("incidents/")).size(), 12);
    for (const char *classic : {"teacup", "population", "sir", "predator-prey", "bass-diffusion", "market-growth"})
        QVERIFY2(files.contains(QStringLiteral("classics/%1.xmile").arg(QLatin1String(classic))), classic);
}

void TestExamples::everyExampleIsComplete_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &f : allExamples())
        QTest::newRow(qPrintable(f)) << f;
}

// Loads; a readable title and a story; a doc and units on every variable; one view with
// every variable placed once and nothing overlapping; stock-and-flow models compile and
// their units agree; causal-loop diagrams mark every link's polarity.
void TestExamples::everyExampleIsComplete()
{
    QFETCH(QString, file);
    QString error;
    const std::optional<Project> p = load(file, &error);
    QVERIFY2(p, qPrintable(error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString title = p->title();
    QVERIFY2(title.size() >= 5 && title != QFileInfo(file).completeBaseName(), qPrintable(title));

    const Model &m = p->mainModel();
    QVERIFY(m.variables.size() >= 4);
    for (const Variable &v : m.variables) {
        QVERIFY2(v.doc.trimmed().size() >= 10, qPrintable(QStringLiteral("%1: no doc").arg(v.name)));
        QVERIFY2(!v.units.trimmed().isEmpty(), qPrintable(QStringLiteral("%1: no units").arg(v.name)));
    }

    QCOMPARE(m.views.size(), std::size_t(1));
    const View &view = m.views.front();
    QCOMPARE(view.type, QStringLiteral("stock_flow"));
    bool story = false;
    struct Box { QString name; double x0, y0, x1, y1; };
    std::vector<Box> boxes;
    QStringList placed;
    for (const ViewElement &e : view.elements) {
        if (e.type == ViewElement::Type::TextBox && e.text.size() >= 150)
            story = true;
        if (e.type != ViewElement::Type::Stock && e.type != ViewElement::Type::Flow && e.type != ViewElement::Type::Aux)
            continue;
        QVERIFY2(e.x && e.y, qPrintable(e.name));
        placed << QString(e.name).replace(u'_', u' ');
        // A stock's rectangle; a flow's valve or an aux's circle with its label below.
        const bool stock = e.type == ViewElement::Type::Stock;
        boxes.push_back(stock ? Box{e.name, *e.x - 45, *e.y - 25, *e.x + 45, *e.y + 25}
                              : Box{e.name, *e.x - 40, *e.y - 12, *e.x + 40, *e.y + 30});
        if (e.type == ViewElement::Type::Flow)
            QVERIFY2(e.points.size() >= 2, qPrintable(e.name + QStringLiteral(": flow without a pipe")));
    }
    QVERIFY2(story, "no text box telling the model's story");
    for (const Variable &v : m.variables)
        QVERIFY2(placed.count(QString(v.name).replace(u'_', u' ')) == 1, qPrintable(v.name + QStringLiteral(" is not placed once")));
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            const Box &a = boxes[i], &b = boxes[j];
            const bool overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
            QVERIFY2(!overlap, qPrintable(a.name + QStringLiteral(" overlaps ") + b.name));
        }
    }

    if (isCausalLoopDiagram(*p)) {
        int connectors = 0;
        for (const ViewElement &e : view.elements) {
            if (e.type == ViewElement::Type::Connector) {
                ++connectors;
                QVERIFY2(e.polarity == QLatin1String("+") || e.polarity == QLatin1String("-"),
                         qPrintable(e.from.name + QStringLiteral(" -> ") + e.to.name));
            }
        }
        QVERIFY(connectors >= int(m.variables.size()));
        return;
    }
    const CompileResult compiled = compileProject(*p);
    QVERIFY(compiled.model);
    for (const Diagnostic &d : compiled.diagnostics)
        QVERIFY2(d.severity != Severity::Error, qPrintable(d.format()));
    const std::vector<Diagnostic> units = checkUnits(*p);
    QVERIFY2(units.empty(), qPrintable(units.empty() ? QString() : units.front().format()));
}

// Arrivals 140 against a capacity of 100 from minute 10 to 30: the queue grows by 40 a
// minute, then drains at 20 a minute. A request arriving at minute 30 waits as long as
// Little's law says: queue over throughput.
void TestExamples::requestQueueFillsAndDrainsByLittlesLaw()
{
    const Run r = run(kQueue);
    RUN_OK(r);
    const std::vector<double> q = r.series(QStringLiteral("Queue"));
    for (std::size_t i = rowAt(r, 11) + 1; i <= rowAt(r, 30); ++i)
        QVERIFY(q[i] > q[i - 1]);
    QVERIFY(std::fabs(r.at(QStringLiteral("Queue"), 30) - 825) < 1);
    QVERIFY(std::fabs(r.at(QStringLiteral("Queue"), 50) - 425) < 1);
    QVERIFY(r.at(QStringLiteral("Queue"), 75) <= 20 + 1e-9); // back to one step's arrivals
    QCOMPARE(r.at(QStringLiteral("Served"), 80), 80.0);

    // Little's law against the queue's own first-in first-out accounting.
    const std::vector<double> t = r.times(), in = r.series(QStringLiteral("Arrivals")), out = r.series(QStringLiteral("Served"));
    std::vector<double> arrived{0}, served{0};
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        arrived.push_back(arrived.back() + in[i] * r.dt);
        served.push_back(served.back() + out[i] * r.dt);
    }
    const std::size_t a = rowAt(r, 30);
    std::size_t done = a;
    while (done < t.size() && served[done] < arrived[a])
        ++done;
    const double wait = t[done] - t[a];
    const double little = r.at(QStringLiteral("Latency"), 30);
    QVERIFY2(std::fabs(wait - little) <= 0.05 * little, qPrintable(QStringLiteral("waited %1, Little says %2").arg(wait).arg(little)));
}

// A five-minute capacity dip tips the service into a retry storm it never leaves, though
// capacity is back from minute 25: at minute 120 it rests in the storm state (Backlog
// 158.91..., the root of 2 L^2 + 41.5 L - 71 = 0 times 100, derived in
// tests/analysis/test_analysis_cli.cpp), load 80 + 100 TF against 100 served, the excess
// dropped by the server (Cancelled = B TF / 2), and goodput 100 (1 - TF) under 3 a minute.
// A retry budget of 10 a minute (below the fold at 36.48) lets it drain to one step's worth.
void TestExamples::retryStormIsMetastableWithoutABudget()
{
    const Run storm = run(kStorm);
    RUN_OK(storm);
    QCOMPARE(storm.at(QStringLiteral("Capacity"), 120), 100.0);
    const double backlog = 100 * (-41.5 + std::sqrt(2290.25)) / 4;
    const double tf = 0.91 + 0.0004 * backlog; // on the graph's segment (1.5, 0.97)-(2, 0.99)
    QVERIFY(std::fabs(storm.at(QStringLiteral("Backlog"), 120) - backlog) < 1e-6);
    QVERIFY(std::fabs(storm.at(QStringLiteral("Backlog"), 60) - backlog) < 1e-3); // at rest long before the end
    QVERIFY(std::fabs(storm.at(QStringLiteral("Load"), 120) - (80 + 100 * tf)) < 1e-6);
    QVERIFY(std::fabs(storm.at(QStringLiteral("Cancelled"), 120) - backlog * tf / 2) < 1e-6);
    QVERIFY(std::fabs(storm.at(QStringLiteral("Goodput"), 120) - 100 * (1 - tf)) < 1e-6);
    QVERIFY(storm.at(QStringLiteral("Goodput"), 120) < 3);

    const Run budget = run(kStorm, {{QStringLiteral("Retry Budget"), 10}});
    RUN_OK(budget);
    QVERIFY(budget.at(QStringLiteral("Backlog"), 120) < 11);
    QVERIFY(std::fabs(budget.at(QStringLiteral("Goodput"), 120) - 80) < 0.01);

    // Before the dip the same service is healthy: the storm needs the push.
    QVERIFY(storm.at(QStringLiteral("Backlog"), 19) < 11);
}

void TestExamples::retryStormLoopIsReinforcing()
{
    const std::vector<Loop> found = loops(kStorm);
    bool storm = false;
    for (const Loop &l : found) {
        QVERIFY2(l.polarity != LoopPolarity::Unknown, qPrintable(l.variables.join(QStringLiteral(" -> "))));
        if (passesInOrder(l, {QStringLiteral("Load"), QStringLiteral("Latency"), QStringLiteral("Timeouts"), QStringLiteral("Waiting to Retry"),
                              QStringLiteral("Retries")})) {
            QCOMPARE(l.polarity, LoopPolarity::Reinforcing);
            storm = true;
        }
    }
    QVERIFY(storm);
}

// The breaker opens within a minute of the dip, load falls below half the new requests
// within a minute of that, the backlog at the dip's end is a tenth of the storm's, and
// the service ends healthy where without the breaker it ends in the storm.
void TestExamples::circuitBreakerCutsLoadAndRecovers()
{
    const Run r = run(kBreaker);
    RUN_OK(r);
    const std::vector<double> pass = r.series(QStringLiteral("Breaker Pass Share"));
    const std::vector<double> load = r.series(QStringLiteral("Load"));
    const std::vector<double> t = r.times();
    std::size_t open = 0;
    while (open < pass.size() && pass[open] >= 0.5)
        ++open;
    QVERIFY(open < pass.size());
    QVERIFY(t[open] > 20 && t[open] <= 21);
    QVERIFY(minOf(std::vector<double>(load.begin() + std::ptrdiff_t(open), load.begin() + std::ptrdiff_t(open + 3))) < 40);

    const Run none = run(kBreaker, {{QStringLiteral("Breaker Threshold"), 10}});
    RUN_OK(none);
    QVERIFY(r.at(QStringLiteral("Backlog"), 25) < 60);
    QVERIFY(none.at(QStringLiteral("Backlog"), 25) > 350);
    QVERIFY(r.at(QStringLiteral("Latency"), 25) < 0.15 * none.at(QStringLiteral("Latency"), 25));
    QVERIFY(r.at(QStringLiteral("Backlog"), 120) < 11);
    QVERIFY(none.at(QStringLiteral("Backlog"), 120) > 5000);
}

void TestExamples::circuitBreakerLoopsAreR1AndBalancingBreaker()
{
    const std::vector<Loop> found = loops(kBreaker);
    bool r1 = false, breaker = false, storm = false;
    for (const Loop &l : found) {
        QVERIFY2(l.polarity != LoopPolarity::Unknown, qPrintable(l.variables.join(QStringLiteral(" -> "))));
        r1 = r1 || (l.name == QLatin1String("R1") && l.polarity == LoopPolarity::Reinforcing);
        if (l.variables.contains(QStringLiteral("Breaker Pass Share"))) {
            QCOMPARE(l.polarity, LoopPolarity::Balancing);
            QVERIFY(l.name.startsWith(u'B'));
            QVERIFY(passesInOrder(l, {QStringLiteral("Latency"), QStringLiteral("Timeout Fraction"), QStringLiteral("Breaker Setting"),
                                      QStringLiteral("Breaker Pass Share"), QStringLiteral("Load")}));
            breaker = true;
        }
        if (passesInOrder(l, {QStringLiteral("Load"), QStringLiteral("Latency"), QStringLiteral("Timeouts"), QStringLiteral("Retries")})) {
            QCOMPARE(l.polarity, LoopPolarity::Reinforcing);
            storm = true;
        }
    }
    QVERIFY(r1);
    QVERIFY(breaker);
    QVERIFY(storm);
}

// Demand doubles at minute 10 and 20 pods are right. Pods ready in half a minute: the count
// rises to 20 without overshooting. Pods ready in 5 minutes: it overshoots past 24 and
// swings through 20 at least four times before settling.
void TestExamples::autoscalerSettlesWithShortDelayOscillatesWithLong()
{
    const Run quick = run(kAutoscaler, {{QStringLiteral("Provisioning Delay"), 0.5}});
    RUN_OK(quick);
    const std::vector<double> qp = quick.series(QStringLiteral("Pods"));
    QVERIFY(maxOf(qp) <= 20.05);
    QVERIFY(std::fabs(qp.back() - 20) < 0.01);
    QCOMPARE(crossings(qp, 20, 0.05), 0);

    const Run slow = run(kAutoscaler);
    RUN_OK(slow);
    const std::vector<double> sp = slow.series(QStringLiteral("Pods"));
    QVERIFY(maxOf(sp) > 24);
    QVERIFY(crossings(sp, 20, 0.05, rowAt(slow, 10)) >= 4);

    const std::vector<Loop> found = loops(kAutoscaler);
    const Loop *scaler = findLoop(found, {QStringLiteral("Pods"), QStringLiteral("CPU Utilisation"), QStringLiteral("Scale Requests"),
                                          QStringLiteral("Pods Provisioning"), QStringLiteral("Pods Becoming Ready")});
    QVERIFY(scaler);
    QCOMPARE(scaler->polarity, LoopPolarity::Balancing);
}

// Either autoscaler alone settles (CPU: 16.7 pods, queue: 10); together, in the second
// half of the run, the pod count keeps swinging by more than 5 pods.
void TestExamples::fightingAutoscalersOscillateOnlyTogether()
{
    const Run both = run(kFighting);
    RUN_OK(both);
    const std::size_t half = rowAt(both, 120);
    const std::vector<double> pods = both.series(QStringLiteral("Pods"));
    QVERIFY(maxOf(pods, half) - minOf(pods, half) > 5);
    QVERIFY(crossings(pods, 10, 1, half) >= 6);

    const Run cpu = run(kFighting, {{QStringLiteral("Queue Scaler Response Time"), 1e9}});
    RUN_OK(cpu);
    const std::vector<double> cp = cpu.series(QStringLiteral("Pods"));
    QVERIFY(maxOf(cp, half) - minOf(cp, half) < 0.01);
    QVERIFY(std::fabs(cp.back() - 100.0 / 6) < 0.01);

    const Run queue = run(kFighting, {{QStringLiteral("CPU Scaler Response Time"), 1e9}});
    RUN_OK(queue);
    const std::vector<double> qp = queue.series(QStringLiteral("Pods"));
    QVERIFY(maxOf(qp, half) - minOf(qp, half) < 0.05);
    QVERIFY(std::fabs(qp.back() - 10) < 0.01);

    const std::vector<Loop> found = loops(kFighting);
    const Loop *cpuLoop = findLoop(found, {QStringLiteral("Pods"), QStringLiteral("CPU Scaler Change")});
    const Loop *queueLoop = findLoop(found, {QStringLiteral("Pods"), QStringLiteral("Queue Scaler Change")});
    const Loop *queueThroughWork = findLoop(found, {QStringLiteral("Pods"), QStringLiteral("Capacity"), QStringLiteral("Processed"), QStringLiteral("Queue"),
                                                    QStringLiteral("Measured Queue"), QStringLiteral("Queue Desired Pods"), QStringLiteral("Queue Scaler Change")});
    QVERIFY(cpuLoop && queueLoop && queueThroughWork);
    QCOMPARE(cpuLoop->polarity, LoopPolarity::Balancing);
    QCOMPARE(queueLoop->polarity, LoopPolarity::Balancing);
    QCOMPARE(queueThroughWork->polarity, LoopPolarity::Balancing);
}

// Throughput with 20 connections is 200 queries a second; doubling the pool to 40 drops
// it to about 160, 80 connections to under 100; shrinking 40 back to 20 restores 200.
void TestExamples::connectionPoolPastThresholdLosesThroughput()
{
    const Run grow = run(kPool);
    RUN_OK(grow);
    const double at20 = grow.at(QStringLiteral("Throughput"), 19);
    const double at40 = grow.at(QStringLiteral("Throughput"), 39);
    QVERIFY(std::fabs(at20 - 200) < 1);
    QVERIFY(at40 < 165 && at40 > 155);
    QVERIFY(grow.at(QStringLiteral("Connections in Use"), 39) > 39);

    const Run big = run(kPool, {{QStringLiteral("Initial Pool Size"), 80}, {QStringLiteral("Pool Change"), 0}});
    RUN_OK(big);
    QVERIFY(big.at(QStringLiteral("Throughput"), 39) < 100);
    const Run small = run(kPool, {{QStringLiteral("Initial Pool Size"), 10}, {QStringLiteral("Pool Change"), 0}});
    RUN_OK(small);
    QVERIFY(small.at(QStringLiteral("Throughput"), 39) < at20 - 30); // too small a pool is also slower

    const Run shrink = run(kPool, {{QStringLiteral("Initial Pool Size"), 40}, {QStringLiteral("Pool Change"), -20}});
    RUN_OK(shrink);
    QVERIFY(shrink.at(QStringLiteral("Throughput"), 19) < 165);
    QVERIFY(std::fabs(shrink.at(QStringLiteral("Throughput"), 39) - 200) < 1);

    const auto poolLoops = loops(kPool); // findLoop points into it: keep it alive
    const Loop *contention = findLoop(poolLoops, {QStringLiteral("Connections in Use"), QStringLiteral("Query Time"), QStringLiteral("Releases")});
    QVERIFY(contention);
    QCOMPARE(contention->polarity, LoopPolarity::Reinforcing);
}

// With one TTL for all keys the database sees a spike every TTL: 300 s apart (plus the
// 10 s the refill takes, within 5 %), 200 s apart when the TTL is 200; with 150 s of
// jitter the later spikes are less than half as high.
void TestExamples::cacheExpirySpikesEveryTtlUnlessJittered()
{
    std::vector<double> periods;
    double fixedPeak = 0;
    for (double ttl : {300.0, 200.0}) {
        const Run fixed = run(kCache, {{QStringLiteral("TTL"), ttl}});
        RUN_OK(fixed);
        const std::vector<double> reads = fixed.series(QStringLiteral("Database Reads"));
        const std::vector<double> t = fixed.times();
        const std::vector<std::size_t> spikes = peaks(reads, 100);
        QVERIFY2(spikes.size() >= 4, qPrintable(QString::number(spikes.size())));
        for (std::size_t k = 1; k < spikes.size(); ++k) {
            const double period = t[spikes[k]] - t[spikes[k - 1]];
            QVERIFY2(std::fabs(period - ttl) <= 0.05 * ttl, qPrintable(QStringLiteral("period %1").arg(period)));
        }
        periods.push_back(t[spikes[1]] - t[spikes[0]]);
        if (ttl == 300)
            fixedPeak = maxOf(reads, rowAt(fixed, 250));
    }
    QVERIFY(std::fabs(periods[0] - periods[1] - 100) <= 2);
    QVERIFY(fixedPeak > 200);

    const Run jittered = run(kCache, {{QStringLiteral("TTL Jitter"), 150}});
    RUN_OK(jittered);
    const std::vector<double> reads = jittered.series(QStringLiteral("Database Reads"));
    QVERIFY(maxOf(reads, rowAt(jittered, 250)) < 0.5 * fixedPeak);
    QVERIFY(peaks(reads, 150).empty());
}

// No connection is dropped until the step that fills the queue to somaxconn; from then
// on the excess is dropped, the queue never exceeds its cap, and the application goes on
// accepting at its full rate of 100 a second.
void TestExamples::listenQueueDropsExactlyAtItsCap()
{
    const Run r = run(kListen);
    RUN_OK(r);
    const std::vector<double> queue = r.series(QStringLiteral("Accept Queue"));
    const std::vector<double> dropped = r.series(QStringLiteral("Dropped"));
    const std::vector<double> accepted = r.series(QStringLiteral("Accepted"));
    std::size_t first = 0;
    while (first < dropped.size() && dropped[first] <= 0)
        ++first;
    QVERIFY(first + 1 < dropped.size());
    QVERIFY(queue[first] < 128);
    QVERIFY(std::fabs(queue[first + 1] - 128) < 1e-9);
    for (std::size_t i = 0; i < first; ++i)
        QCOMPARE(dropped[i], 0.0);
    for (std::size_t i = first; i < queue.size(); ++i) {
        QVERIFY(queue[i] <= 128 + 1e-9);
        QVERIFY(dropped[i] > 0);
        QVERIFY(std::fabs(accepted[i] - 100) < 1e-9);
    }
    QVERIFY(r.at(QStringLiteral("Listen Overflows"), 60) > 9000);

    const Run roomy = run(kListen, {{QStringLiteral("Somaxconn"), 4096}});
    RUN_OK(roomy);
    QVERIFY(roomy.at(QStringLiteral("Listen Overflows"), 30) < 1e-9);
}

// Twice the capacity arrives for a minute. Shedding keeps latency within the 2 s budget
// and serves 100 a second; without it latency passes 50 s.
void TestExamples::loadSheddingBoundsLatencyAtFullThroughput()
{
    const Run shed = run(kShedding);
    RUN_OK(shed);
    QVERIFY(maxOf(shed.series(QStringLiteral("Latency"))) <= 2 + 1e-9);
    const std::vector<double> served = shed.series(QStringLiteral("Served"));
    for (std::size_t i = rowAt(shed, 25); i <= rowAt(shed, 80); ++i)
        QVERIFY(std::fabs(served[i] - 100) < 1e-9);
    QVERIFY(std::fabs(shed.at(QStringLiteral("Shed"), 50) - 100) < 1e-9);

    const Run open = run(kShedding, {{QStringLiteral("Latency Budget"), 1e6}});
    RUN_OK(open);
    QVERIFY(open.at(QStringLiteral("Latency"), 80) > 50);
    QCOMPARE(open.at(QStringLiteral("Shed"), 50), 0.0);
}

void TestExamples::epidemicPeakFallsWithContactRate_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QList<double>>("contactRates"); // falling, the last one below the threshold
    QTest::newRow("fleet") << kFleetSir << QList<double>{1.0, 0.6, 0.3, 0.15};
    QTest::newRow("classic") << QStringLiteral("classics/sir.xmile") << QList<double>{4, 3, 2.5, 1.5};
}

// The peak of the infected falls, and comes later, as the contact rate falls; with the
// reproduction number below 1 there is no outbreak at all.
void TestExamples::epidemicPeakFallsWithContactRate()
{
    QFETCH(QString, file);
    QFETCH(QList<double>, contactRates);
    double lastPeak = std::numeric_limits<double>::infinity();
    double lastTime = -1;
    for (double c : contactRates) {
        const Run r = run(file, {{QStringLiteral("Contact Rate"), c}});
        RUN_OK(r);
        const std::vector<double> infected = r.series(QStringLiteral("Infected"));
        const double peak = maxOf(infected);
        const double r0 = r.at(QStringLiteral("Reproduction Number"), 0);
        if (r0 < 1) {
            QCOMPARE(peak, infected.front());
            continue;
        }
        QVERIFY2(peak < 0.8 * lastPeak, qPrintable(QStringLiteral("contact %1: peak %2").arg(c).arg(peak)));
        const double when = r.times()[std::size_t(std::max_element(infected.begin(), infected.end()) - infected.begin())];
        QVERIFY(when > lastTime);
        lastPeak = peak;
        lastTime = when;
    }
    QVERIFY(lastTime > 0);
}

void TestExamples::incidentCausalMapLoops()
{
    const std::vector<Loop> found = loops(kCausalMap);
    QCOMPARE(found.size(), std::size_t(3));
    const Loop *storm = findLoop(found, {QStringLiteral("Load"), QStringLiteral("CPU per Pod"), QStringLiteral("Latency"), QStringLiteral("Timeouts"), QStringLiteral("Retries")});
    const Loop *scaler = findLoop(found, {QStringLiteral("CPU per Pod"), QStringLiteral("Pods Requested"), QStringLiteral("Pods")});
    const Loop *breaker = findLoop(found, {QStringLiteral("Load"), QStringLiteral("CPU per Pod"), QStringLiteral("Latency"), QStringLiteral("Error Rate"), QStringLiteral("Breaker Open")});
    QVERIFY(storm && scaler && breaker);
    QCOMPARE(storm->name, QStringLiteral("R1"));
    QCOMPARE(storm->polarity, LoopPolarity::Reinforcing);
    QCOMPARE(scaler->name, QStringLiteral("B1"));
    QCOMPARE(scaler->polarity, LoopPolarity::Balancing);
    QCOMPARE(breaker->name, QStringLiteral("B2"));
    QCOMPARE(breaker->polarity, LoopPolarity::Balancing);
    QVERIFY(passesInOrder(*storm, {QStringLiteral("Load"), QStringLiteral("Latency"), QStringLiteral("Timeouts"), QStringLiteral("Retries")}));
}

void TestExamples::archetypeLoops()
{
    const std::vector<Loop> found = loops(kArchetypes);
    QCOMPARE(found.size(), std::size_t(7));
    struct Expected { QStringList variables; LoopPolarity polarity; const char *role; };
    const Expected expected[] = {
        {{"New Users", "Users"}, LoopPolarity::Reinforcing, "limits to growth: the growing action"},
        {{"New Users", "Users", "Utilisation", "Slowness"}, LoopPolarity::Balancing, "limits to growth: the limit"},
        {{"Failed Requests", "Client Retries"}, LoopPolarity::Balancing, "fixes that fail: the fix"},
        {{"Failed Requests", "Client Retries", "Server Load"}, LoopPolarity::Reinforcing, "fixes that fail: the side effect"},
        {{"Pages", "Restarts"}, LoopPolarity::Balancing, "shifting the burden: the symptomatic solution"},
        {{"Pages", "Root Cause Fixes"}, LoopPolarity::Balancing, "shifting the burden: the fundamental solution"},
        {{"Pages", "Restarts", "Restart Habit", "Root Cause Fixes"}, LoopPolarity::Reinforcing, "shifting the burden: the addiction"},
    };
    for (const Expected &e : expected) {
        const Loop *l = findLoop(found, e.variables);
        QVERIFY2(l, e.role);
        QVERIFY2(l->polarity == e.polarity, e.role);
    }
}

// Births 3 %, deaths 1 %: 2 % net growth, Euler with quarter-year steps gives
// 1000 * 1.005^400 = 7352 after 100 years (e^2 = 7.389 continuous); equal rates hold it.
QTEST_GUILESS_MAIN(TestExamples)
#include "test_examples.moc"

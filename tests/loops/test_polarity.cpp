// Polarity inference from equations, and the causal graphs of stock-and-flow models and
// causal-loop diagrams (the incident patterns among them).
#include "loopstesting.h"

using namespace meadows;
using namespace meadows::loopstest;

class TestPolarity : public QObject {
    Q_OBJECT
private slots:
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
};

void TestPolarity::polarityOfEquations_data()
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
    // NPV accumulates its stream (discounted, so still rising with it); the initial value
    // is read once.
    QTest::newRow("NPV of the stream") << "NPV(a, 0.1, 0, 1)" << "a" << plus;
    QTest::newRow("NPV initial ignored") << "NPV(-a, 0.1, a, 1)" << "a" << minus;
}

void TestPolarity::polarityOfEquations()
{
    QFETCH(QString, equation);
    QFETCH(QString, input);
    QFETCH(int, expected);
    const InferredPolarity p = infer(equation, input);
    QVERIFY2(int(p.polarity) == expected, qPrintable(p.reason));
    QVERIFY(p.reason.isEmpty());
}

void TestPolarity::unknownPolaritiesSayWhy_data()
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
    QTest::newRow("NPV discount rate") << "NPV(x, a)" << "a" << "sets the time";
    QTest::newRow("vector rank") << "VECTOR_RANK(a, 1)" << "a" << "not known";
}

void TestPolarity::unknownPolaritiesSayWhy()
{
    QFETCH(QString, equation);
    QFETCH(QString, input);
    QFETCH(QString, reason);
    const InferredPolarity p = infer(equation, input);
    QCOMPARE(p.polarity, U);
    QVERIFY2(p.reason.contains(reason), qPrintable(p.reason));
}

void TestPolarity::graphicalFunctionShapes()
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

void TestPolarity::rangesMakeFactorsSigned()
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

void TestPolarity::causalInputsSkipInitialValuesAndTables()
{
    QCOMPARE(causalInputs(parsed(QStringLiteral("SMTH1(a, b, c) + a"))), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(causalInputs(parsed(QStringLiteral("LOOKUP(table, x) * y"))), (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
    QCOMPARE(causalInputs(parsed(QStringLiteral("INIT(p) + q"))), QStringList{QStringLiteral("q")});
    QCOMPARE(causalInputs(parsed(QStringLiteral("\"Room Temperature\" - Teacup_Temperature"))),
             (QStringList{QStringLiteral("room_temperature"), QStringLiteral("teacup_temperature")}));
}

void TestPolarity::incidentCausalMap()
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

void TestPolarity::retryStormStockAndFlow()
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

void TestPolarity::circuitBreaker()
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

void TestPolarity::autoscalerWithDelay()
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

void TestPolarity::unmarkedConnectorIsUnknown()
{
    const CausalModel m = causalModelOf(QStringLiteral("unmarked_cld.xmile"));
    const LoopList loops = findLoops(m.graph);
    QCOMPARE(describe(m.graph, loops), QStringList{QStringLiteral("U1: Fatigue Workload Overtime")});
    const CausalLink *l = m.graph.findLink(m.graph.findVariable(QStringLiteral("Fatigue")),
                                           m.graph.findVariable(QStringLiteral("Workload")));
    QVERIFY(l && l->reason.contains(QLatin1String("no polarity mark")));
}

void TestPolarity::connectorOverridesInferredPolarity()
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

void TestPolarity::aliasesAndModules()
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

void TestPolarity::unparsableEquationIsAnError()
{
    const XmileReadResult read = readXmileFile(QStringLiteral(MEADOWS_TEST_DATA "/broken/broken_equation.xmile"));
    QVERIFY(read.project);
    const CausalModel m = buildCausalModel(*read.project);
    QVERIFY(m.hasErrors());
    QVERIFY(m.diagnostics.front().message.contains(QLatin1String("arrivals")));
    QVERIFY(m.diagnostics.front().pos.line > 0);
}

QTEST_GUILESS_MAIN(TestPolarity)
#include "test_polarity.moc"

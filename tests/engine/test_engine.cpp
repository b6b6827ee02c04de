// The engine against reference outputs (Vensim and Stella) and hand-computed values.
#include "support/inlinemodel.h"
#include "support/referencedata.h"

#include "model/xmilereader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using test::simulateText;
using test::xmile;

namespace {

const QString kModels = QStringLiteral(MEADOWS_TEST_DATA "/test-models");

} // namespace

class TestEngine : public QObject {
    Q_OBJECT
private slots:
    void referenceModels_data();
    void referenceModels();
    void eulerStepsFromPreviousState();
    void saveStepIsSeparateFromDt();
    void rk4MatchesClassicalRungeKutta();
    void rk2IsHeunsMethod();
    void randomDrawHeldThroughARungeKuttaStep();
    void notANumberIsNotDropped();
    void adaptiveMethodsReportOnTheSaveGrid_data();
    void adaptiveMethodsReportOnTheSaveGrid();
    void rosenbrockHandlesAStiffModel();
    void stockInitialValuesMayDependOnAuxiliaries();
    void overridesReplaceConstants();
    void algebraicLoopIsAnErrorNamingTheLoop();
    void unknownNameSuggestsTheClosest();
    void builtinsForTeacupAndSir();
    void nonNegativeStockNeverGoesBelowZero();
    void csvTimeColumnKeepsRowsDistinct();
    void largeCsvKeepsEveryRowInOrder();
};

void TestEngine::referenceModels_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("reference");
    const auto models = test::referenceModels(kModels);
    QVERIFY2(models.size() >= 30, "the reference models are missing from tests/data/test-models");
    for (const test::ReferenceModel &m : models)
        QTest::newRow(qPrintable(m.name)) << m.model << m.reference;
}

// Runs each model and compares its CSV, as `meadows run` writes it, with the reference by
// the judge's rule.
void TestEngine::referenceModels()
{
    QFETCH(QString, model);
    QFETCH(QString, reference);
    const XmileReadResult read = readXmileFile(model);
    QVERIFY(read.project);
    const CompileResult compiled = compileProject(*read.project);
    QVERIFY2(compiled.model, compiled.diagnostics.empty() ? "" : qPrintable(compiled.diagnostics.front().format()));
    const RunResult run = simulate(*compiled.model);
    QVERIFY2(run.results, qPrintable(run.error));
    const test::Table actual = test::parseTable(toCsv(*run.results));
    const test::Comparison c = test::compareTables(actual, test::readTable(reference));
    QVERIFY2(c.ok, qPrintable(c.message));
}

void TestEngine::eulerStepsFromPreviousState()
{
    // S' = -S/2, S0 = 100, dt = 1: S1 = 100 - 50 = 50, S2 = 25; the flow saved with each
    // row is computed from that row's stock.
    const test::InlineRun r = simulateText(xmile(QStringLiteral(
        "<stock name=\"S\"><eqn>100</eqn><outflow>out</outflow></stock>"
        "<flow name=\"out\"><eqn>S/2</eqn></flow>")));
    QVERIFY(r.run.results);
    QCOMPARE(r.value(QStringLiteral("S"), 0), 100.0);
    QCOMPARE(r.value(QStringLiteral("out"), 0), 50.0);
    QCOMPARE(r.value(QStringLiteral("S"), 1), 50.0);
    QCOMPARE(r.value(QStringLiteral("S"), 2), 25.0);
    QCOMPARE(r.value(QStringLiteral("out"), 2), 12.5);
    QCOMPARE(r.run.results->rows(), std::size_t(11));
}

void TestEngine::saveStepIsSeparateFromDt()
{
    // Inflow 1 per time unit, dt 0.25, saved every 2: rows at 0, 2, 4 ... 10.
    const test::InlineRun r = simulateText(xmile(QStringLiteral("<stock name=\"S\"><eqn>0</eqn><inflow>f</inflow></stock>"
                                                    "<flow name=\"f\"><eqn>TIME</eqn></flow>"),
                                     QStringLiteral("<start>0</start><stop>10</stop><dt>0.25</dt><save_step>2</save_step>")));
    QVERIFY(r.run.results);
    QCOMPARE(r.run.results->rows(), std::size_t(6));
    QCOMPARE(r.run.results->at(1, 0), 2.0);
    // Euler sum of t*dt for t = 0, 0.25, ..., 1.75 = 0.25 * (0 + ... + 1.75) = 1.75
    QCOMPARE(r.value(QStringLiteral("S"), 1), 1.75);
}

void TestEngine::rk4MatchesClassicalRungeKutta()
{
    // y' = y, one RK4 step of h = 1 from y = 1: 1 + 1 + 1/2 + 1/6 + 1/24 = 2.708333...
    const test::InlineRun r = simulateText(xmile(QStringLiteral("<stock name=\"y\"><eqn>1</eqn><inflow>g</inflow></stock>"
                                                    "<flow name=\"g\"><eqn>y</eqn></flow>"),
                                     QStringLiteral("<start>0</start><stop>2</stop><dt>1</dt>"), QStringLiteral("RK4")));
    QVERIFY(r.run.results);
    QCOMPARE(r.value(QStringLiteral("y"), 1), 1.0 + 1.0 + 0.5 + 1.0 / 6 + 1.0 / 24);
    // With a small step it converges on e^2.
    RunOptions fine;
    fine.dt = 1.0 / 64;
    const test::InlineRun f = simulateText(xmile(QStringLiteral("<stock name=\"y\"><eqn>1</eqn><inflow>g</inflow></stock>"
                                                    "<flow name=\"g\"><eqn>y</eqn></flow>"),
                                     QStringLiteral("<start>0</start><stop>2</stop><dt>1</dt>"), QStringLiteral("RK4")),
                               {}, fine);
    QVERIFY(std::fabs(f.value(QStringLiteral("y"), f.run.results->rows() - 1) - std::exp(2.0)) < 1e-8);
}

// s' = u, u = UNIFORM(0, 1, 7). Every stage of a step reads that step's draw, so under RK4
// and RK2 s rises by exactly the u recorded at the step's start: (u + 2u + 2u + u) / 6. Had
// the last stage (at t + DT) read the next step's draw, the rise would differ.
void TestEngine::randomDrawHeldThroughARungeKuttaStep()
{
    for (const QString &method : {QStringLiteral("RK4"), QStringLiteral("RK2")}) {
        const test::InlineRun r = simulateText(xmile(QStringLiteral("<stock name=\"s\"><eqn>0</eqn><inflow>f</inflow></stock>"
                                                        "<flow name=\"f\"><eqn>u</eqn></flow>"
                                                        "<aux name=\"u\"><eqn>UNIFORM(0, 1, 7)</eqn></aux>"),
                                         QStringLiteral("<start>0</start><stop>10</stop><dt>1</dt>"), method));
        QVERIFY2(r.run.results, qPrintable(r.firstError()));
        int differentDraws = 0;
        for (int t = 0; t < 10; ++t) {
            const double u = r.value(QStringLiteral("u"), t);
            QVERIFY(std::fabs(r.value(QStringLiteral("s"), t + 1) - r.value(QStringLiteral("s"), t) - u) < 1e-12);
            differentDraws += u != r.value(QStringLiteral("u"), t + 1);
        }
        QCOMPARE(differentDraws, 10); // the draws do change from step to step
    }
}

// XMILE's RK2, as Simlin computes Stella's: Heun's method, the rates at the step's start and
// at the end of an Euler step averaged. y' = Time^2 from 0, one step of 1: (0 + 1) / 2 = 1/2
// (the midpoint method, Vensim's, would give 1/4). z' = STEP(1, 0.5), which follows the
// stages' time here: (0 + 1) / 2 = 1/2.
void TestEngine::rk2IsHeunsMethod()
{
    const test::InlineRun r = simulateText(xmile(QStringLiteral("<stock name=\"y\"><eqn>0</eqn><inflow>g</inflow></stock>"
                                                    "<flow name=\"g\"><eqn>TIME * TIME</eqn></flow>"
                                                    "<stock name=\"z\"><eqn>0</eqn><inflow>h</inflow></stock>"
                                                    "<flow name=\"h\"><eqn>STEP(1, 0.5)</eqn></flow>"),
                                     QStringLiteral("<start>0</start><stop>2</stop><dt>1</dt>"), QStringLiteral("RK2")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("y"), 1), 0.5);
    QCOMPARE(r.value(QStringLiteral("z"), 1), 0.5);
    // Step 2: y' is 1 at Time 1 and 4 at Time 2: 1/2 + 5/2 = 3; z' is 1 throughout: 3/2.
    QCOMPARE(r.value(QStringLiteral("y"), 2), 3.0);
    QCOMPARE(r.value(QStringLiteral("z"), 2), 1.5);
}

// 0/0 is NaN, and MIN, MAX and a delay keep it, so that the run reports it: C's fmax would
// make MAX(1, 0/0) 1, and a Vensim DELAY FIXED of 0/0 became a delay of one step. z is 0.
void TestEngine::notANumberIsNotDropped()
{
    const test::InlineRun r = simulateText(xmile(QStringLiteral("<aux name=\"z\"><eqn>0</eqn></aux>"
                                                    "<aux name=\"a\"><eqn>MAX(1, z / z)</eqn></aux>"
                                                    "<aux name=\"b\"><eqn>MIN(z / z, 2)</eqn></aux>"
                                                    "<aux name=\"c\"><eqn>MAX(1, 2, z / z, 3)</eqn></aux>"
                                                    "<aux name=\"d\"><eqn>DELAY(TIME, z / z)</eqn></aux>"
                                                    "<aux name=\"e\"><eqn>MAX(1, 2)</eqn></aux>"),
                                     QStringLiteral("<start>0</start><stop>2</stop><dt>1</dt>")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    for (const char *name : {"a", "b", "c"})
        for (std::size_t row = 0; row < 3; ++row)
            QVERIFY2(std::isnan(r.value(QString::fromLatin1(name), row)), name);
    // The delay gives its input's first value before anything is recorded, NaN after.
    QCOMPARE(r.value(QStringLiteral("d"), 0), 0.0);
    QVERIFY(std::isnan(r.value(QStringLiteral("d"), 1)) && std::isnan(r.value(QStringLiteral("d"), 2)));
    QCOMPARE(r.value(QStringLiteral("e"), 0), 2.0);
    QVERIFY(r.run.firstNonFinite);
    QVERIFY2(r.run.firstNonFinite->message.startsWith(QStringLiteral("'a' is NaN at time 0")),
             qPrintable(r.run.firstNonFinite->message));
}

void TestEngine::adaptiveMethodsReportOnTheSaveGrid_data()
{
    QTest::addColumn<int>("method");
    QTest::newRow("rk45") << int(Method::RK45);
    QTest::newRow("rosenbrock") << int(Method::Rosenbrock);
}

void TestEngine::adaptiveMethodsReportOnTheSaveGrid()
{
    // Cooling toward 70 with time constant 10, from 180: T(t) = 70 + 110 e^(-t/10).
    QFETCH(int, method);
    RunOptions o;
    o.method = Method(method);
    o.saveStep = 2.5;
    const test::InlineRun r = simulateText(
        xmile(QStringLiteral("<stock name=\"T\"><eqn>180</eqn><outflow>loss</outflow></stock>"
                             "<flow name=\"loss\"><eqn>(T - 70) / 10</eqn></flow>"),
              QStringLiteral("<start>0</start><stop>30</stop><dt>1</dt>")),
        {}, o);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.run.results->rows(), std::size_t(13));
    for (std::size_t row = 0; row < 13; ++row) {
        const double t = 2.5 * double(row);
        QCOMPARE(r.run.results->at(row, 0), t);
        QVERIFY(std::fabs(r.value(QStringLiteral("T"), row) - (70 + 110 * std::exp(-t / 10))) < 1e-5);
        QVERIFY(std::fabs(r.value(QStringLiteral("loss"), row) - 11 * std::exp(-t / 10)) < 1e-6);
    }
}

void TestEngine::rosenbrockHandlesAStiffModel()
{
    // y' = -1000 (y - cos t): Euler with DT 0.01 blows up (|1 - 1000 DT| = 9); the stiff
    // method follows y ~ cos t (to within about 1/1000 of sin t).
    const QByteArray model = xmile(QStringLiteral("<stock name=\"y\"><eqn>0</eqn><inflow>pull</inflow></stock>"
                                                  "<flow name=\"pull\"><eqn>-1000 * (y - COS(TIME))</eqn></flow>"),
                                   QStringLiteral("<start>0</start><stop>5</stop><dt>0.01</dt><save_step>0.5</save_step>"));
    RunOptions euler;
    euler.method = Method::Euler;
    const test::InlineRun bad = simulateText(model, {}, euler);
    QVERIFY2(bad.run.results, qPrintable(bad.run.error));
    const double blown = bad.value(QStringLiteral("y"), bad.run.results->rows() - 1);
    QVERIFY(!std::isfinite(blown) || std::fabs(blown) > 1e6);
    RunOptions stiff;
    stiff.method = Method::Rosenbrock;
    const test::InlineRun good = simulateText(model, {}, stiff);
    QVERIFY2(good.run.results, qPrintable(good.firstError()));
    for (std::size_t row = 1; row < good.run.results->rows(); ++row) {
        const double t = good.run.results->at(row, 0);
        QVERIFY2(std::fabs(good.value(QStringLiteral("y"), row) - std::cos(t)) < 2e-3, qPrintable(QString::number(t)));
    }
}

void TestEngine::stockInitialValuesMayDependOnAuxiliaries()
{
    const test::InlineRun r = simulateText(xmile(QStringLiteral("<stock name=\"S\"><eqn>half * 4</eqn></stock>"
                                                    "<aux name=\"half\"><eqn>base / 2</eqn></aux>"
                                                    "<aux name=\"base\"><eqn>10</eqn></aux>")));
    QVERIFY(r.run.results);
    QCOMPARE(r.value(QStringLiteral("S"), 0), 20.0);
}

void TestEngine::overridesReplaceConstants()
{
    FlattenOptions o;
    o.overrides.push_back({QStringLiteral("Room Temperature"), 60});
    const test::InlineRun r = simulateText(xmile(QStringLiteral("<aux name=\"Room Temperature\"><eqn>70</eqn></aux>"
                                                    "<aux name=\"double\"><eqn>Room_Temperature * 2</eqn></aux>")), o);
    QVERIFY(r.run.results);
    QCOMPARE(r.value(QStringLiteral("double"), 0), 120.0);

    FlattenOptions bad;
    bad.overrides.push_back({QStringLiteral("Room Temprature"), 60});
    const test::InlineRun e = simulateText(xmile(QStringLiteral("<aux name=\"Room Temperature\"><eqn>70</eqn></aux>")), bad);
    QVERIFY(!e.compiled.model);
    QVERIFY2(e.firstError().contains(QLatin1String("did you mean 'Room Temperature'")), qPrintable(e.firstError()));
}

void TestEngine::algebraicLoopIsAnErrorNamingTheLoop()
{
    const test::InlineRun r = simulateText(xmile(QStringLiteral("<aux name=\"a\"><eqn>b + 1</eqn></aux>"
                                                    "<aux name=\"b\"><eqn>a * 2</eqn></aux>")));
    QVERIFY(!r.compiled.model);
    const QString e = r.firstError();
    QVERIFY2(e.contains(QLatin1String("a -> b -> a")) || e.contains(QLatin1String("b -> a -> b")), qPrintable(e));
}

void TestEngine::unknownNameSuggestsTheClosest()
{
    const test::InlineRun r = simulateText(xmile(QStringLiteral("<aux name=\"contact rate\"><eqn>3</eqn></aux>"
                                                    "<aux name=\"x\"><eqn>contact_rte * 2</eqn></aux>")));
    QVERIFY(!r.compiled.model);
    QVERIFY2(r.firstError().contains(QLatin1String("unknown name 'contact_rte' (did you mean 'contact rate'?)")),
             qPrintable(r.firstError()));
    QCOMPARE(r.compiled.diagnostics.front().pos.line, 1);
}

void TestEngine::builtinsForTeacupAndSir()
{
    const test::InlineRun r = simulateText(xmile(QStringLiteral(
        "<aux name=\"a\"><eqn>MIN(3, TIME)</eqn></aux>"
        "<aux name=\"b\"><eqn>MAX(3, TIME)</eqn></aux>"
        "<aux name=\"c\"><eqn>ABS(-TIME)</eqn></aux>"
        "<aux name=\"d\"><eqn>EXP(1)</eqn></aux>"
        "<aux name=\"e\"><eqn>LN(EXP(2))</eqn></aux>"
        "<aux name=\"f\"><eqn>SQRT(16)</eqn></aux>"
        "<aux name=\"g\"><eqn>STARTTIME + STOPTIME * 10 + DT * 100</eqn></aux>")));
    QVERIFY(r.run.results);
    QCOMPARE(r.value(QStringLiteral("a"), 5), 3.0);
    QCOMPARE(r.value(QStringLiteral("b"), 5), 5.0);
    QCOMPARE(r.value(QStringLiteral("c"), 4), 4.0);
    QCOMPARE(r.value(QStringLiteral("d"), 0), std::exp(1.0));
    QCOMPARE(r.value(QStringLiteral("e"), 0), 2.0);
    QCOMPARE(r.value(QStringLiteral("f"), 0), 4.0);
    QCOMPARE(r.value(QStringLiteral("g"), 0), 0 + 100.0 + 100.0);
}

void TestEngine::nonNegativeStockNeverGoesBelowZero()
{
    // Outflow 30 per step from 100 with dt 1: 100, 70, 40, 10, then the flow is cut to 10.
    const test::InlineRun r = simulateText(xmile(QStringLiteral("<stock name=\"S\"><eqn>100</eqn><outflow>drain</outflow><non_negative/></stock>"
                                                    "<flow name=\"drain\"><eqn>30</eqn></flow>")));
    QVERIFY(r.run.results);
    QCOMPARE(r.value(QStringLiteral("S"), 3), 10.0);
    QCOMPARE(r.value(QStringLiteral("drain"), 3), 10.0);
    QCOMPARE(r.value(QStringLiteral("S"), 4), 0.0);
    QCOMPARE(r.value(QStringLiteral("S"), 10), 0.0);
}

void TestEngine::csvTimeColumnKeepsRowsDistinct()
{
    // Times are written as every other column is, in the shortest text that reads back as
    // the same double: 10 + 1/32 is 10.03125 exactly (six digits would print 10.0312)...
    RunOptions o;
    o.dt = 0.03125;
    o.start = 10;
    o.stop = 10.0625;
    const test::InlineRun r = simulateText(xmile(QStringLiteral("<aux name=\"a\"><eqn>1</eqn></aux>")), {}, o);
    QVERIFY(r.run.results);
    const QByteArray csv = toCsv(*r.run.results);
    QVERIFY2(csv.contains("\n10,1\n10.03125,1\n10.0625,1\n"), csv.constData());
    // ...and rows a millionth apart stay apart: 1000000 + 1/32 needs all its digits.
    o.start = 1000000;
    o.stop = 1000000.0625;
    const test::InlineRun big = simulateText(xmile(QStringLiteral("<aux name=\"a\"><eqn>1</eqn></aux>")), {}, o);
    const QByteArray bigCsv = toCsv(*big.run.results);
    QVERIFY2(bigCsv.contains("\n1000000,1\n1000000.03125,1\n1000000.0625,1\n"), bigCsv.constData());
    // A negative zero (-1 * 0) is written as 0, as no other tool writes the sign of a zero.
    const test::InlineRun zero = simulateText(xmile(QStringLiteral("<aux name=\"z\"><eqn>-1 * 0</eqn></aux>")), {}, o);
    QVERIFY2(toCsv(*zero.run.results).contains("\n1000000,0\n"), toCsv(*zero.run.results).constData());
}

void TestEngine::largeCsvKeepsEveryRowInOrder()
{
    // 300 columns x 2001 rows: enough to be formatted in parallel blocks.
    QString vars;
    for (int i = 0; i < 300; ++i)
        vars += QStringLiteral("<aux name=\"v%1\"><eqn>TIME * %1 + 0.1</eqn></aux>").arg(i);
    RunOptions o;
    o.stop = 2000;
    const test::InlineRun r = simulateText(xmile(vars), {}, o);
    QVERIFY(r.run.results);
    const test::Table t = test::parseTable(toCsv(*r.run.results));
    QCOMPARE(t.rows.size(), std::size_t(2001));
    for (std::size_t row = 0; row < t.rows.size(); ++row) {
        QCOMPARE(t.rows[row].size(), std::size_t(301));
        QCOMPARE(t.rows[row][0], double(row));
        for (std::size_t c = 1; c < 301; ++c)
            QCOMPARE(t.rows[row][c], r.run.results->at(row, c)); // shortest form reads back exactly
    }
}

QTEST_GUILESS_MAIN(TestEngine)
#include "test_engine.moc"

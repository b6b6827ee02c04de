// Vensim's LOOKUP AREA and TIME BASE read from .mdl text, with values worked by hand from
// Vensim's reference manual, and the functions Meadows does not have reported at
// FILE:LINE:COL, never computed as something else.
#include "support/inlinemdl.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

namespace {

const QString kControl = mdlControl(4, QStringLiteral("Year"));

} // namespace

class TestVensimBuiltins : public QObject {
    Q_OBJECT
private slots:
    void lookupArea_data();
    void lookupArea();
    void lookupAreaOverTime();
    void timeBase();
    void unsupportedFunctionsAreNamedAtTheirPlace_data();
    void unsupportedFunctionsAreNamedAtTheirPlace();
    void controlChangingWithTimeIsComputedEveryStep();
    void computedTimeStepOfZeroStopsTheRun();
    void computedSaveStepShorterThanDtSavesEveryStep();
    void misuseIsNamedAsWritten();
};

// The manual's LOOK((0,1),(1,1),(2,2)): 1 from 0 to 1, rising to 2 at 2, held at 2 beyond.
// From 0 to 1 a rectangle of 1 * 1 = 1. From 2 to 4 the held end, 2 * 2 = 4. From 0.5 to 2.5:
// 0.5 * 1 + the trapezoid from 1 to 2, (1 + 2) / 2 = 1.5, + 0.5 * 2 = 3. Before the first
// point the first value is held: from -2 to 0, 2 * 1 = 2. From 1 to 0 the area is taken
// backwards: -1. From 1.5 to 1.5 nothing: 0. Within one segment, from 1 to 1.5: the trapezoid
// under 1 and 1.5, 0.5 * 1.25 = 0.625.
void TestVensimBuiltins::lookupArea_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<double>("expected");
    QTest::newRow("manual 0 to 1") << "LOOKUP AREA(LOOK, 0, 1)" << 1.0;
    QTest::newRow("manual 2 to 4") << "LOOKUP AREA(LOOK, 2, 4)" << 4.0;
    QTest::newRow("manual 0.5 to 2.5") << "LOOKUP AREA(LOOK, 0.5, 2.5)" << 3.0;
    QTest::newRow("before the first point") << "LOOKUP AREA(LOOK, -2, 0)" << 2.0;
    QTest::newRow("backwards") << "LOOKUP AREA(LOOK, 1, 0)" << -1.0;
    QTest::newRow("empty") << "LOOKUP AREA(LOOK, 1.5, 1.5)" << 0.0;
    QTest::newRow("within a segment") << "LOOKUP AREA(LOOK, 1, 1.5)" << 0.625;
}

void TestVensimBuiltins::lookupArea()
{
    QFETCH(QString, call);
    QFETCH(double, expected);
    const QString model = QStringLiteral("LOOK((0,1),(1,1),(2,2)) ~ ~ |\narea = %1 ~ ~ |\n").arg(call);
    for (const bool saved : {false, true}) { // and the same once saved as XMILE and read back
        const MdlRun r = runMdl(model, kControl, saved);
        QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
        QCOMPARE(r.at(QStringLiteral("area"), 0), expected);
    }
}

// The end of the range moving with Time, over a table with a step down: TABLE((0,0),(2,2),
// (3,0)). The area from 0 to t: t^2/2 while t <= 2 (0, 0.5, 2), then 2 plus the falling
// segment's trapezoid, 2 + (2 + 0) / 2 = 3 at t = 3, then 3 (the held end is 0) at t = 4.
void TestVensimBuiltins::lookupAreaOverTime()
{
    const MdlRun r = runMdl(QStringLiteral("TABLE((0,0),(2,2),(3,0)) ~ ~ |\n"
                                           "so far = LOOKUP AREA(TABLE, 0, Time) ~ ~ |\n"),
                            kControl);
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    const double expected[] = {0, 0.5, 2, 3, 3};
    for (int t = 0; t <= 4; ++t)
        QCOMPARE(r.at(QStringLiteral("so far"), t), expected[t]);
}

// TIME BASE(START, SLOPE) "has the value START when Time is 0 and increases by SLOPE relative
// to Time": START + Time * SLOPE. A quarterly model from Time 1: 1970 + 0.25 t, so 1970.25 at
// 1, 1970.5 at 2, 1971 at 4 (not START at the initial time, which is 1 here).
void TestVensimBuiltins::timeBase()
{
    const MdlRun r = runMdl(QStringLiteral("decimal year = TIME BASE(1970, 0.25) ~ Year ~ |\n"),
                            QStringLiteral("INITIAL TIME = 1 ~ Quarter ~ |\n"
                                           "FINAL TIME = 4 ~ Quarter ~ |\n"
                                           "TIME STEP = 1 ~ Quarter ~ |\n"
                                           "SAVEPER = TIME STEP ~ Quarter ~ |\n"));
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("decimal year"), 1), 1970.25);
    QCOMPARE(r.at(QStringLiteral("decimal year"), 2), 1970.5);
    QCOMPARE(r.at(QStringLiteral("decimal year"), 4), 1971.0);
}

// Each function Meadows lacks is a warning at its line and column naming it. The equation
// is on line 2 of m.mdl (line 1 is "{UTF-8}"), after "x = " (column 5).
void TestVensimBuiltins::unsupportedFunctionsAreNamedAtTheirPlace_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<QString>("expected");
    QTest::newRow("weibull") << "RANDOM WEIBULL(0, 10, 2, 0, 1, 0)"
                             << "m.mdl:2:5: warning: the Vensim function RANDOM WEIBULL is not supported";
    QTest::newRow("random lookup") << "RANDOM LOOKUP(LOOK, 0, 10, 0, 1, 0)"
                                   << "m.mdl:2:5: warning: the Vensim function RANDOM LOOKUP is not supported";
    QTest::newRow("lookup slope") << "LOOKUP SLOPE(LOOK, 1, 0)"
                                  << "m.mdl:2:5: warning: the Vensim function LOOKUP SLOPE is not supported";
}

void TestVensimBuiltins::unsupportedFunctionsAreNamedAtTheirPlace()
{
    QFETCH(QString, equation);
    QFETCH(QString, expected);
    const MdlRun r = runMdl(QStringLiteral("x = %1 ~ ~ |\nLOOK((0,1),(1,1),(2,2)) ~ ~ |\n").arg(equation), kControl);
    QVERIFY2(r.messages.contains(expected), qPrintable(r.messages.join(u'\n')));
    QVERIFY(!r.run.results); // and nothing is computed in its place
}

// A known function used wrongly is named as its author wrote it (with spaces, not XMILE's
// underscores), and a wrong argument count is said once, not also "not supported". Line 2 of
// m.mdl, after "x = " (column 5); LOOKUP AREA's first argument at column 17.
void TestVensimBuiltins::misuseIsNamedAsWritten()
{
    const MdlRun arity = runMdl(QStringLiteral("x = TIME BASE(1) ~ ~ |\n"), kControl);
    QVERIFY2(arity.messages.contains(QStringLiteral("m.mdl:2:5: warning: TIME BASE takes 2 argument(s), not 1")),
             qPrintable(arity.messages.join(u'\n')));
    QVERIFY2(arity.messages.filter(QStringLiteral("not supported")).isEmpty(), qPrintable(arity.messages.join(u'\n')));
    QVERIFY(!arity.run.results);
    const MdlRun notATable = runMdl(QStringLiteral("v = 3 ~ ~ |\nx = LOOKUP AREA(v, 0, 1) ~ ~ |\n"), kControl);
    QVERIFY2(notATable.messages.contains(
                 QStringLiteral("m.mdl:3:17: error: in 'x': LOOKUP AREA needs a graphical function as its first argument")),
             qPrintable(notATable.messages.join(u'\n')));
}

// Control variables that change with Time, as Vensim computes them at every step (the
// shared suite's control_vars model checks the same against Vensim's output). By hand:
// TIME STEP is 1 before Time 4, then 0.5; FINAL TIME is 6 before Time 5, then 7; with no
// SAVEPER every step is saved. Steps: 0, 1, 2, 3, 4 (DT 0.5 from here), 4.5, 5 (the stop is
// 7 from here), 5.5, 6, 6.5, 7: 11 rows, the last at 7 (Time is no longer below FINAL TIME).
// s = INTEG(1, 0) moves by each step's DT, so it equals Time on every row; twice = TIME STEP
// * 2 reads DT, which is 1 after Time 4. late = DELAY FIXED(Time, 2, 0) reads the recorded
// Time two time units back, across steps of either size: Time - 2 from Time 2 on, 0 before.
// The same holds after Save As XMILE, which keeps the settings as meadows: attributes.
void TestVensimBuiltins::controlChangingWithTimeIsComputedEveryStep()
{
    const QString model = QStringLiteral("s = INTEG(1, 0) ~ ~ |\n"
                                         "twice = TIME STEP * 2 ~ ~ |\n"
                                         "late = DELAY FIXED(Time, 2, 0) ~ ~ |\n"
                                         "FINAL TIME = IF THEN ELSE(Time < 5, 6, 7) ~ Year ~ |\n"
                                         "INITIAL TIME = 0 ~ Year ~ |\n"
                                         "step then = IF THEN ELSE(Time < 4, 1, 0.5) ~ Year ~ |\n"
                                         "TIME STEP = step then ~ Year ~ |\n");
    for (const bool viaXmile : {false, true}) {
        const MdlRun r = runMdl(model, QString(), viaXmile);
        QVERIFY2(r.run.results, qPrintable(r.run.error + r.messages.join(u'\n')));
        const Results &res = *r.run.results;
        const std::vector<double> times = {0, 1, 2, 3, 4, 4.5, 5, 5.5, 6, 6.5, 7};
        QCOMPARE(res.rows(), times.size());
        const int s = res.column(QStringLiteral("s")), twice = res.column(QStringLiteral("twice")),
                  late = res.column(QStringLiteral("late"));
        QVERIFY(s > 0 && twice > 0 && late > 0);
        for (std::size_t row = 0; row < times.size(); ++row) {
            const double t = times[row];
            QCOMPARE(res.at(row, 0), t);
            QCOMPARE(res.at(row, std::size_t(s)), t);
            QCOMPARE(res.at(row, std::size_t(twice)), t < 4 ? 2.0 : 1.0);
            QCOMPARE(res.at(row, std::size_t(late)), t < 2 ? 0.0 : t - 2);
        }
    }
}

// A computed SAVEPER shorter than TIME STEP (0.3 of it here) saves every step, as a fixed one
// does: rows at 0, 1, ..., 5 (not only where 0.3 divides the time, 0 and 3).
void TestVensimBuiltins::computedSaveStepShorterThanDtSavesEveryStep()
{
    const MdlRun r = runMdl(QStringLiteral("x = Time ~ ~ |\n"
                                           "FINAL TIME = 5 ~ Year ~ |\n"
                                           "INITIAL TIME = 0 ~ Year ~ |\n"
                                           "TIME STEP = IF THEN ELSE(Time < 2, 1, 1) ~ Year ~ |\n"
                                           "SAVEPER = 0.3 * TIME STEP ~ Year ~ |\n"),
                            QString());
    QVERIFY2(r.run.results, qPrintable(r.run.error));
    QCOMPARE(r.run.results->rows(), std::size_t(6));
    for (std::size_t row = 0; row < 6; ++row)
        QCOMPARE(r.run.results->at(row, 0), double(row));
}

// A computed TIME STEP that becomes 0 stops the run at that time with an error naming the
// variable, rather than looping at one time for ever.
void TestVensimBuiltins::computedTimeStepOfZeroStopsTheRun()
{
    const MdlRun r = runMdl(QStringLiteral("FINAL TIME = 10 ~ Year ~ |\n"
                                           "INITIAL TIME = 0 ~ Year ~ |\n"
                                           "TIME STEP = IF THEN ELSE(Time < 3, 1, 0) ~ Year ~ |\n"),
                            QString());
    QVERIFY(!r.run.results);
    QCOMPARE(r.run.error, QStringLiteral("DT is 'TIME STEP', which is 0 at time 3: it must be a positive number larger "
                                         "than the spacing of doubles near that time"));
}

QTEST_APPLESS_MAIN(TestVensimBuiltins)
#include "test_vensim_builtins.moc"

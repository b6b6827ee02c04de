// Vensim's LOOKUP AREA, TIME BASE, GAMMA LN and DELAY FIXED read from .mdl text, with values worked by hand from
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
    void gammaLn();
    void delayFixedHoldsItsInitialValue();
    void unsupportedFunctionsAreNamedAtTheirPlace_data();
    void unsupportedFunctionsAreNamedAtTheirPlace();
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

// GAMMA LN(x) = ln |Gamma(x)|: Gamma(10) = 9! = 362880, so ln 362880 = 12.8018274800814696;
// Gamma(0.5) = sqrt(pi), ln sqrt(pi) = 0.572364942924700087; Gamma(1) = 1, ln 1 = 0;
// Gamma(-0.5) = -2 sqrt(pi), ln |.| = ln 2 + ln sqrt(pi) = 1.26551212348464540.
void TestVensimBuiltins::gammaLn()
{
    const MdlRun r = runMdl(QStringLiteral("a = GAMMA LN(10) ~~|\nb = GAMMA LN(0.5) ~~|\nc = GAMMA LN(1) ~~|\n"
                                           "d = GAMMA LN(-0.5) ~~|\n"),
                            kControl);
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QVERIFY2(r.messages.isEmpty(), qPrintable(r.messages.join(u'\n')));
    QVERIFY(std::fabs(r.at(QStringLiteral("a"), 0) - 12.8018274800814696) < 1e-12);
    QVERIFY(std::fabs(r.at(QStringLiteral("b"), 0) - 0.572364942924700087) < 1e-12);
    QCOMPARE(r.at(QStringLiteral("c"), 4) + 1.0, 1.0);
    QVERIFY(std::fabs(r.at(QStringLiteral("d"), 0) - 1.26551212348464540) < 1e-12);
}

// DELAY FIXED(shipping, 3, shipping) with shipping 0 before time 1 and 1 from then on: the
// initial value is shipping's at the start, 0, fixed then, so receiving is 0 until 3 has
// passed (times 0, 1, 2), then shipping as it was 3 earlier: 0 at 3, 1 at 4 (and TIME STEP 1).
// Read at each time instead, the initial value would make receiving 1 at times 1 and 2.
void TestVensimBuiltins::delayFixedHoldsItsInitialValue()
{
    const MdlRun r = runMdl(QStringLiteral("shipping = STEP(1, 1) ~~|\n"
                                           "receiving = DELAY FIXED(shipping, 3, shipping) ~~|\n"),
                            kControl);
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    const double expected[] = {0, 0, 0, 0, 1};
    for (int t = 0; t <= 4; ++t)
        QCOMPARE(r.at(QStringLiteral("receiving"), t), expected[t]);
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

QTEST_APPLESS_MAIN(TestVensimBuiltins)
#include "test_vensim_builtins.moc"

// Stella's own notations (issue 12): hyperbolic functions, the // safe division, SELF in
// PREVIOUS, <init_eqn>, and the array forms Stella writes (SIZE(Dim), Dim.Element, "1, 2, 3",
// array expressions inside SUM and MEAN). Each expected value is worked by hand in the comment beside it.
#include "support/inlinemodel.h"

#include "model/xmilereader.h"
#include "model/xmilewriter.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using test::simulateText;
using test::xmile;
using namespace meadows::test;

namespace {

// Region (North, South, East), and with `kinds` Kind (a, b) too.
QString regions(bool kinds = false)
{
    return QStringLiteral("<dimensions><dim name=\"Region\"><elem name=\"North\"/><elem name=\"South\"/><elem name=\"East\"/>"
                          "</dim>%1</dimensions>")
        .arg(kinds ? QStringLiteral("<dim name=\"Kind\"><elem name=\"a\"/><elem name=\"b\"/></dim>") : QString());
}

} // namespace

class TestStella : public QObject {
    Q_OBJECT
private slots:
    void hyperbolicFunctions_data();
    void hyperbolicFunctions();
    void safeDivisionOperator_data();
    void safeDivisionOperator();
    void previousOfSelf();
    void initialEquation();
    void dimensionSizeAndQualifiedElements();
    void selfAndWholeArraysInSize();
    void reductionOfTheOneElementComputedIsSaid();
    void numberedDimensionsOfOtherSizesAreNotBound();
    void commaListArrayConstants();
    void arrayExpressionsInsideReductions();
    void subscriptsComputedWhileRunning();
};

// With x = LN 2, e^x = 2 and e^-x = 1/2: SINH = (2 - 1/2)/2 = 0.75, COSH = (2 + 1/2)/2 = 1.25.
// With x = LN(3)/2, e^2x = 3: TANH = (3 - 1)/(3 + 1) = 0.5.
void TestStella::hyperbolicFunctions_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<double>("expected");
    QTest::newRow("SINH") << "SINH(LN(2))" << 0.75;
    QTest::newRow("COSH") << "COSH(LN(2))" << 1.25;
    QTest::newRow("COSH at 0") << "COSH(0)" << 1.0;
    QTest::newRow("TANH") << "TANH(LN(3) / 2)" << 0.5;
    QTest::newRow("lower case") << "sinh(0)" << 0.0;
}

void TestStella::hyperbolicFunctions()
{
    QFETCH(QString, equation);
    QFETCH(double, expected);
    const QString mismatch = test::mismatchAlone(equation, expected);
    QVERIFY2(mismatch.isEmpty(), qPrintable(equation + QStringLiteral(": ") + mismatch));
}

// a // b is a / b, and 0 where b is 0; it binds like * and /, from the left.
void TestStella::safeDivisionOperator_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<double>("expected");
    QTest::newRow("divides") << "7 // 2" << 3.5;
    QTest::newRow("by zero") << "7 // 0" << 0.0;
    QTest::newRow("as * and /") << "1 + 6 // 3 * 2" << 5.0; // 1 + (6 // 3) * 2
    QTest::newRow("left to right") << "12 // 3 // 2" << 2.0;  // (12 // 3) // 2
    QTest::newRow("zero on the right") << "8 / 2 // (1 - 1)" << 0.0;
}

void TestStella::safeDivisionOperator()
{
    QFETCH(QString, equation);
    QFETCH(double, expected);
    const auto r = simulateText(xmile(aux(QStringLiteral("x"), equation)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("x"), 0), expected);
}

// x = PREVIOUS(SELF, 1) * 2 (DT 1): at t = 0 PREVIOUS gives its initial value 1, so
// x(0) = 2; then x(t) = 2 x(t - 1): 4, 8, 16, so x(t) = 2^(t + 1).
void TestStella::previousOfSelf()
{
    const auto r = simulateText(xmile(aux(QStringLiteral("x"), QStringLiteral("PREVIOUS(SELF, 1) * 2")), specs(0, 3, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    for (int t = 0; t <= 3; ++t)
        QCOMPARE(r.at(QStringLiteral("x"), t), std::pow(2.0, t + 1));
}

// <init_eqn> stands in for the equation while the model initialises (as Vensim's ACTIVE
// INITIAL, which xmutil writes as <init_eqn>): stock initial values read it, and from the
// first saved row on the equation gives the value. x has eqn TIME * 10 and init_eqn 5:
// S0 starts at x's initial value, 5, while x itself reads 0 at t = 0, then 10, 20. y has
// eqn 3 and init_eqn 7 + z with z = 1: S1 starts at 8, y reads 3. S integrates x (DT 1):
// S(1) = 0 + x(0) = 0, S(2) = 0 + 10 = 10.
void TestStella::initialEquation()
{
    const QByteArray text = xmile(aux(QStringLiteral("x"), QStringLiteral("TIME * 10"), QStringLiteral("5"))
                                  + aux(QStringLiteral("y"), QStringLiteral("3"), QStringLiteral("7 + z"))
                                  + aux(QStringLiteral("z"), QStringLiteral("1"))
                                  + QStringLiteral("<stock name=\"S0\"><eqn>x</eqn></stock>"
                                                   "<stock name=\"S1\"><eqn>y</eqn></stock>"
                                                   "<stock name=\"S\"><eqn>0</eqn><inflow>f</inflow></stock>"
                                                   "<flow name=\"f\"><eqn>x</eqn></flow>"),
                                  specs(0, 2, 1));
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("S0"), 0), 5.0);
    QCOMPARE(r.at(QStringLiteral("S1"), 2), 8.0);
    QCOMPARE(r.at(QStringLiteral("x"), 0), 0.0);
    QCOMPARE(r.at(QStringLiteral("x"), 1), 10.0);
    QCOMPARE(r.at(QStringLiteral("x"), 2), 20.0);
    QCOMPARE(r.at(QStringLiteral("y"), 1), 3.0);
    QCOMPARE(r.at(QStringLiteral("S"), 1), 0.0);
    QCOMPARE(r.at(QStringLiteral("S"), 2), 10.0);

    const XmileReadResult read = readXmile(text, QStringLiteral("init.xmile"));
    QVERIFY(read.project);
    QCOMPARE(read.project->mainModel().findVariable(QStringLiteral("y"))->initEquation, QStringLiteral("7 + z"));
    QVERIFY(read.diagnostics.empty()); // no "not implemented" warning any more
    const QByteArray written = writeXmile(*read.project);
    QVERIFY2(written.contains("<init_eqn>7 + z</init_eqn>"), written.constData());
    // Once for x and once for y: a second <init_eqn> in either would be warned about when the
    // file is read again (it was written twice until 1 Dec 2026).
    QCOMPARE(written.count("<init_eqn>"), 2);
    const XmileReadResult again = readXmile(written, QStringLiteral("again.xmile"));
    QVERIFY(again.project);
    QVERIFY(again.diagnostics.empty());
}

// Region has North, South, East. SIZE(Region) = 3; Region.South is South's position, 2;
// SIZE of an array variable counts its elements, 3, as before; East alone is 3 (in "third").
void TestStella::dimensionSizeAndQualifiedElements()
{
    const QString dims = regions();
    const QString arrayed = QStringLiteral("<aux name=\"v\"><dimensions><dim name=\"Region\"/></dimensions><eqn>1</eqn></aux>");
    const auto r = simulateText(xmile(aux(QStringLiteral("n"), QStringLiteral("SIZE(Region)"))
                                          + aux(QStringLiteral("south"), QStringLiteral("Region.South"))
                                          + aux(QStringLiteral("third"), QStringLiteral("East"))
                                          + aux(QStringLiteral("count"), QStringLiteral("SIZE(v)")) + arrayed,
                                      specs(0, 1, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("n"), 0), 3.0);
    QCOMPARE(r.at(QStringLiteral("south"), 0), 2.0);
    QCOMPARE(r.at(QStringLiteral("third"), 0), 3.0);
    QCOMPARE(r.at(QStringLiteral("count"), 0), 3.0);
}

// SIZE sees the whole array, even in an equation over its dimensions (isee's "Working with
// Array Equations in Version 10": in A[Dim1, Dim2], SIZE(SELF) is the number of elements of
// A). Region has 3 elements, Kind 2: in own[Region] SIZE(SELF) is 3 and SIZE(v) of v[Region]
// is 3; in grid[Region, Kind] SIZE(SELF) is 3 * 2 = 6 and SIZE(SELF[1, *]), one row (XMILE
// 1.0, "Array Built-in Functions"), is 2. PREVIOUS(SELF, 0) is still the element's own.
void TestStella::selfAndWholeArraysInSize()
{
    const QString dims = regions(true);
    const QString vars = QStringLiteral(
        "<aux name=\"v\"><dimensions><dim name=\"Region\"/></dimensions><eqn>1, 2, 3</eqn></aux>"
        "<aux name=\"own\"><dimensions><dim name=\"Region\"/></dimensions><eqn>SIZE(SELF) * 10 + SIZE(v)</eqn></aux>"
        "<aux name=\"grid\"><dimensions><dim name=\"Region\"/><dim name=\"Kind\"/></dimensions>"
        "<eqn>SIZE(SELF) * 10 + SIZE(SELF[1, *])</eqn></aux>"
        "<stock name=\"kept\"><dimensions><dim name=\"Region\"/></dimensions><eqn>v</eqn><inflow>grow</inflow></stock>"
        "<flow name=\"grow\"><dimensions><dim name=\"Region\"/></dimensions><eqn>PREVIOUS(SELF, 0) + 1</eqn></flow>");
    const auto r = simulateText(xmile(vars, specs(0, 2, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("own[South]"), 0), 33.0);
    QCOMPARE(r.at(QStringLiteral("grid[East, b]"), 0), 62.0);
    // grow[South] is 0 + 1 at time 0 and 1 + 1 at time 1: kept[South] = 2 + 1 + 2 at time 2.
    QCOMPARE(r.at(QStringLiteral("grow[South]"), 1), 2.0);
    QCOMPARE(r.at(QStringLiteral("kept[South]"), 2), 5.0);
}

// In an equation over Region, a bare v[Region] is the element computed (XMILE binds a
// dimension name left out), so SUM(v) is v's own element, 2 for South: the one that is
// said, with how to write the whole array's sum (6). MAX(v, 0), element by element, is not.
void TestStella::reductionOfTheOneElementComputedIsSaid()
{
    const QString dims = regions();
    const QString vars = QStringLiteral(
        "<aux name=\"v\"><dimensions><dim name=\"Region\"/></dimensions><eqn>1, 2, 3</eqn></aux>"
        "<aux name=\"bound\"><dimensions><dim name=\"Region\"/></dimensions><eqn>SUM(v)</eqn></aux>"
        "<aux name=\"whole\"><dimensions><dim name=\"Region\"/></dimensions><eqn>SUM(v[*])</eqn></aux>"
        "<aux name=\"floor\"><dimensions><dim name=\"Region\"/></dimensions><eqn>MAX(v, 0)</eqn></aux>");
    const auto r = simulateText(xmile(vars, specs(0, 1, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("bound[South]"), 0), 2.0);
    QCOMPARE(r.at(QStringLiteral("whole[South]"), 0), 6.0);
    QCOMPARE(r.at(QStringLiteral("floor[South]"), 0), 2.0);
    const QString said = test::onlySaid(r, QStringLiteral("warning: SUM(v) in an equation over its dimensions reads the "
                                                          "one element computed, so it is that element; write SUM(v[*]) "
                                                          "for the whole array"));
    QVERIFY2(said.isEmpty(), qPrintable(said));
}

// C and D are numbered (size 3 and 2): their elements' names, 1, 2, 3 and 1, 2, say only
// where they are, so D is no subrange of C. summed[D] = SUM(v) sums all of v[C] = 1, 2, 4:
// 7 in both; plain[D] = v is an array where one value is expected. Of one size, numbered
// dimensions still bind by position: same[E] = v with E of size 3 is 1, 2, 4.
void TestStella::numberedDimensionsOfOtherSizesAreNotBound()
{
    const QString dims = QStringLiteral("<dimensions><dim name=\"C\" size=\"3\"/><dim name=\"D\" size=\"2\"/>"
                                        "<dim name=\"E\" size=\"3\"/></dimensions>");
    const QString v = QStringLiteral("<aux name=\"v\"><dimensions><dim name=\"C\"/></dimensions><eqn>1, 2, 4</eqn></aux>");
    const auto r = simulateText(
        xmile(v + QStringLiteral("<aux name=\"summed\"><dimensions><dim name=\"D\"/></dimensions><eqn>SUM(v)</eqn></aux>"
                                 "<aux name=\"same\"><dimensions><dim name=\"E\"/></dimensions><eqn>v</eqn></aux>"),
              specs(0, 1, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("summed[1]"), 0), 7.0);
    QCOMPARE(r.at(QStringLiteral("summed[2]"), 0), 7.0);
    QCOMPARE(r.at(QStringLiteral("same[3]"), 0), 4.0);
    const auto plain = simulateText(
        xmile(v + QStringLiteral("<aux name=\"plain\"><dimensions><dim name=\"D\"/></dimensions><eqn>v</eqn></aux>"),
              specs(0, 1, 1), QStringLiteral("Euler"), dims));
    QVERIFY(!plain.run.results);
    QVERIFY2(plain.firstError().contains(QStringLiteral("'v' is an array of 3 values where one value is expected")),
             qPrintable(plain.firstError()));
}

// v[Region] = "1, 2, 3.5" gives North 1, South 2, East 3.5; SUM(v) = 6.5. A stock's
// initial value may be such a list too: S[Region] = "10, 20, 30" with no flows keeps it.
void TestStella::commaListArrayConstants()
{
    const QString dims = regions();
    const QString vars = QStringLiteral(
        "<aux name=\"v\"><dimensions><dim name=\"Region\"/></dimensions><eqn>1, 2, 3.5</eqn></aux>"
        "<aux name=\"total\"><eqn>SUM(v[*])</eqn></aux>"
        "<stock name=\"S\"><dimensions><dim name=\"Region\"/></dimensions><eqn>10, 20, 30</eqn></stock>");
    const auto r = simulateText(xmile(vars, specs(0, 1, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("v[North]"), 0), 1.0);
    QCOMPARE(r.at(QStringLiteral("v[South]"), 0), 2.0);
    QCOMPARE(r.at(QStringLiteral("v[East]"), 1), 3.5);
    QCOMPARE(r.at(QStringLiteral("total"), 0), 6.5);
    QCOMPARE(r.at(QStringLiteral("S[East]"), 1), 30.0);
}

// cost[Region] = 1, 2, 3: SUM(cost[*] * 1.2) = 1.2 + 2.4 + 3.6 = 7.2; MAX(cost[*] - 2) = 1.
// m[Region, Kind] = 1..6 row by row (North a 1, North b 2, South a 3, South b 4, East a 5,
// East b 6), w[Kind] = 10, 100: MEAN(m[*, *] * w[*]) = (10 + 200 + 30 + 400 + 50 + 600) / 6
// = 1290 / 6 = 215 (w broadcast over Region). In an equation over Region, a SUM of '*'
// still runs over every element: share[South] = cost[South] / SUM(cost[*] * 1) = 2 / 6.
void TestStella::arrayExpressionsInsideReductions()
{
    const QString dims = regions(true);
    const QString vars = QStringLiteral(
        "<aux name=\"cost\"><dimensions><dim name=\"Region\"/></dimensions><eqn>1, 2, 3</eqn></aux>"
        "<aux name=\"m\"><dimensions><dim name=\"Region\"/><dim name=\"Kind\"/></dimensions><eqn>1, 2, 3, 4, 5, 6</eqn></aux>"
        "<aux name=\"w\"><dimensions><dim name=\"Kind\"/></dimensions><eqn>10, 100</eqn></aux>"
        "<aux name=\"total\"><eqn>SUM(cost[*] * 1.2)</eqn></aux>"
        "<aux name=\"top\"><eqn>MAX(cost[*] - 2)</eqn></aux>"
        "<aux name=\"weighted\"><eqn>MEAN(m[*, *] * w[*])</eqn></aux>"
        "<aux name=\"share\"><dimensions><dim name=\"Region\"/></dimensions><eqn>cost / SUM(cost[*] * 1)</eqn></aux>");
    const auto r = simulateText(xmile(vars, specs(0, 1, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QVERIFY(std::fabs(r.at(QStringLiteral("total"), 0) - 7.2) < 1e-12);
    QCOMPARE(r.at(QStringLiteral("top"), 0), 1.0);
    QCOMPARE(r.at(QStringLiteral("weighted"), 0), 215.0);
    QCOMPARE(r.at(QStringLiteral("share[South]"), 0), 2.0 / 6.0);
}

// level[Q] = 4, 2, 9: level[INT(TIME / 4) + 1] is 4 at times 0 to 3, 2 at 4 to 7, 9 at 8 to
// 11 (at 12 it is outside Q, which stops the run: test_transposition.cpp). m[D, Q] = D * 10 + Q; with k = 1 + MOD(TIME, 3), row[D] = m[D, k] is 11, 21 at
// time 0 and 12, 22 at time 1; both = m[1 + MOD(TIME, 2), k] is m[b, 2] = 22 at time 1.
void TestStella::subscriptsComputedWhileRunning()
{
    const QString dims = QStringLiteral("<dimensions><dim name=\"D\"><elem name=\"a\"/><elem name=\"b\"/></dim>"
                                        "<dim name=\"Q\" size=\"3\"/></dimensions>");
    const QString vars = QStringLiteral(
        "<aux name=\"level\"><dimensions><dim name=\"Q\"/></dimensions><eqn>4, 2, 9</eqn></aux>"
        "<aux name=\"m\"><dimensions><dim name=\"D\"/><dim name=\"Q\"/></dimensions><eqn>D * 10 + Q</eqn></aux>"
        "<aux name=\"picked\"><eqn>level[INT(TIME / 4) + 1]</eqn></aux>"
        "<aux name=\"k\"><eqn>1 + MOD(TIME, 3)</eqn></aux>"
        "<aux name=\"row\"><dimensions><dim name=\"D\"/></dimensions><eqn>m[D, k]</eqn></aux>"
        "<aux name=\"both\"><eqn>m[1 + MOD(TIME, 2), k]</eqn></aux>");
    const auto r = simulateText(xmile(vars, specs(0, 11, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("picked"), 3), 4.0);
    QCOMPARE(r.at(QStringLiteral("picked"), 4), 2.0);
    QCOMPARE(r.at(QStringLiteral("picked"), 8), 9.0);
    QCOMPARE(r.at(QStringLiteral("picked"), 11), 9.0);
    QCOMPARE(r.at(QStringLiteral("row[a]"), 0), 11.0);
    QCOMPARE(r.at(QStringLiteral("row[b]"), 0), 21.0);
    QCOMPARE(r.at(QStringLiteral("row[a]"), 1), 12.0);
    QCOMPARE(r.at(QStringLiteral("both"), 1), 22.0);
    QVERIFY(!r.run.firstNonFinite);
}

QTEST_GUILESS_MAIN(TestStella)
#include "test_stella.moc"

// XMILE's array reordering and computed subscripts (issue 12, "Run the models people bring";
// XMILE 1.0 §3.7.1 "Arrays" and §3.7.1.1 "Array Operations"): the transposition operator
// (a', a[X, 1, Z]'), dimension positions (a[@2, @1]), and an index computed while the model
// runs that falls outside its dimension, which stops the run with an error unless the file's
// <uses_arrays invalid_index_value> asks for a value (§2.2.1). Each expected value is worked
// by hand in the comment beside it.
#include "support/inlinemodel.h"

#include "solver/parser.h"
#include "solver/references.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

namespace {

// R has 2 elements, C 3; P and Q 3 each (a square of two dimensions of one size, where a
// transposition by position and a reading by dimension names differ); X, Y, Z 2 each.
const QString kDims = QStringLiteral(
    "<dimensions><dim name=\"R\" size=\"2\"/><dim name=\"C\" size=\"3\"/><dim name=\"P\" size=\"3\"/>"
    "<dim name=\"Q\" size=\"3\"/><dim name=\"X\" size=\"2\"/><dim name=\"Y\" size=\"2\"/><dim name=\"Z\" size=\"2\"/>"
    "<dim name=\"M\" size=\"2\"/></dimensions>");

InlineRun run(const QString &vars, double stop = 0, const QString &header = QStringLiteral("<vendor>Meadows tests</vendor>"))
{
    return simulateText(xmile(vars, specs(0, stop, 1), QStringLiteral("Euler"), kDims, header));
}

// The arrays the tests read: a[R, C] = R * 10 + C (11 12 13 / 21 22 23), sq[P, Q] = P * 10 + Q,
// cube[X, Y, Z] = X * 100 + Y * 10 + Z.
QString arrays()
{
    return arrayedAux(QStringLiteral("a"), {QStringLiteral("R"), QStringLiteral("C")}, QStringLiteral("R * 10 + C"))
           + arrayedAux(QStringLiteral("sq"), {QStringLiteral("P"), QStringLiteral("Q")}, QStringLiteral("P * 10 + Q"))
           + arrayedAux(QStringLiteral("cube"), {QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("Z")},
                     QStringLiteral("X * 100 + Y * 10 + Z"));
}

// level[C] = 4, 2, 9, read at the index `index` computes: picked = level[index].
QString picking(const QString &index)
{
    return arrayedAux(QStringLiteral("level"), {QStringLiteral("C")}, QStringLiteral("4, 2, 9"))
           + aux(QStringLiteral("index"), index) + aux(QStringLiteral("picked"), QStringLiteral("level[index]"));
}

} // namespace

class TestTransposition : public QObject {
    Q_OBJECT
private slots:
    void transposesTwoDimensions();
    void transposesThreeDimensionsAndSlices();
    void dimensionPositions();
    void transposedOutsideAnArrayEquation();
    void refusedClearly_data();
    void refusedClearly();
    void indexOutOfRangeStopsTheRun_data();
    void indexOutOfRangeStopsTheRun();
    void indexAnIfDoesNotTakeIsNoError();
    void eachSubscriptIsNamedAsItsOwn();
    void indexUsedWhereNaNHides_data();
    void indexUsedWhereNaNHides();
    void fileAsksForAValue();
    void graphicalFunctionPoints();
    void writtenBackAndRenamed();
    void nameEndingInAnApostrophe();
};

// t[C, R] = a': t[c, r] = a[r, c], so t[3, 1] = a[1, 3] = 13 and t[1, 2] = a[2, 1] = 21; in an
// expression, e[C, R] = a' * 2 + 1 gives e[2, 1] = 12 * 2 + 1 = 25. On the square sq[P, Q],
// s[P, Q] = sq' is read by position: s[1, 2] = sq[2, 1] = 21 and s[3, 1] = sq[1, 3] = 13
// (reading sq by its dimensions' names would give 12 and 31). The spec's other spelling,
// s2[P, Q] = sq[@2, @1], is the same: s2[1, 3] = sq[3, 1] = 31.
void TestTransposition::transposesTwoDimensions()
{
    const auto r = run(arrays() + arrayedAux(QStringLiteral("t"), {QStringLiteral("C"), QStringLiteral("R")}, QStringLiteral("a'"))
                       + arrayedAux(QStringLiteral("e"), {QStringLiteral("C"), QStringLiteral("R")}, QStringLiteral("a' * 2 + 1"))
                       + arrayedAux(QStringLiteral("s"), {QStringLiteral("P"), QStringLiteral("Q")}, QStringLiteral("sq'"))
                       + arrayedAux(QStringLiteral("s2"), {QStringLiteral("P"), QStringLiteral("Q")}, QStringLiteral("sq[@2, @1]")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("t[3,1]"), 0), 13.0);
    QCOMPARE(r.at(QStringLiteral("t[1,2]"), 0), 21.0);
    QCOMPARE(r.at(QStringLiteral("e[2,1]"), 0), 25.0);
    QCOMPARE(r.at(QStringLiteral("s[1,2]"), 0), 21.0);
    QCOMPARE(r.at(QStringLiteral("s[3,1]"), 0), 13.0);
    QCOMPARE(r.at(QStringLiteral("s2[1,3]"), 0), 31.0);
}

// cube' reverses all three dimensions: r3[x, y, z] = cube[z, y, x], so r3[1, 1, 2] =
// cube[2, 1, 1] = 211 and r3[1, 2, 2] = cube[2, 2, 1] = 221; the spec's other spelling of it,
// cube[@3, @2, @1], gives r3b the same. The slice cube[X, 1, Z]' is 2 x 2,
// its two free dimensions reversed (cube[@2, 1, @1]): sl[x, z] = cube[z, 1, x], so
// sl[1, 2] = cube[2, 1, 1] = 211 and sl[2, 1] = cube[1, 1, 2] = 112.
void TestTransposition::transposesThreeDimensionsAndSlices()
{
    const auto r = run(arrays()
                       + arrayedAux(QStringLiteral("r3"), {QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("Z")},
                                 QStringLiteral("cube'"))
                       + arrayedAux(QStringLiteral("r3b"), {QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("Z")},
                                    QStringLiteral("cube[@3, @2, @1]"))
                       + arrayedAux(QStringLiteral("sl"), {QStringLiteral("X"), QStringLiteral("Z")}, QStringLiteral("cube[X, 1, Z]'")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("r3[1,1,2]"), 0), 211.0);
    QCOMPARE(r.at(QStringLiteral("r3[1,2,2]"), 0), 221.0);
    QCOMPARE(r.at(QStringLiteral("r3b[1,1,2]"), 0), 211.0);
    QCOMPARE(r.at(QStringLiteral("r3b[1,2,2]"), 0), 221.0);
    QCOMPARE(r.at(QStringLiteral("sl[1,2]"), 0), 211.0);
    QCOMPARE(r.at(QStringLiteral("sl[2,1]"), 0), 112.0);
}

// The spec's example (§3.7.1.1) with M of 2 and P, Q of 3: b[P, Q, M] = sq3[M, @1, @2] keeps
// the order, b[p, q, m] = sq3[m, p, q]; b2[P, Q, M] = sq3[M, @2, @1] swaps the two, b2[p, q, m]
// = sq3[m, q, p]. With sq3[M, P, Q] = M * 100 + P * 10 + Q: b[1, 3, 2] = 213, b2[1, 3, 2] = 231.
// A position among constants: pc[P, Q] = sq[2, @2] = sq[2, q], so pc[1, 3] = 23.
void TestTransposition::dimensionPositions()
{
    const auto r = run(arrays()
                       + arrayedAux(QStringLiteral("sq3"), {QStringLiteral("M"), QStringLiteral("P"), QStringLiteral("Q")},
                                 QStringLiteral("M * 100 + P * 10 + Q"))
                       + arrayedAux(QStringLiteral("b"), {QStringLiteral("P"), QStringLiteral("Q"), QStringLiteral("M")},
                                 QStringLiteral("sq3[M, @1, @2]"))
                       + arrayedAux(QStringLiteral("b2"), {QStringLiteral("P"), QStringLiteral("Q"), QStringLiteral("M")},
                                 QStringLiteral("sq3[M, @2, @1]"))
                       + arrayedAux(QStringLiteral("pc"), {QStringLiteral("P"), QStringLiteral("Q")}, QStringLiteral("sq[2, @2]")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("b[1,3,2]"), 0), 213.0);
    QCOMPARE(r.at(QStringLiteral("b2[1,3,2]"), 0), 231.0);
    QCOMPARE(r.at(QStringLiteral("pc[1,3]"), 0), 23.0);
}

// In an equation of one value, a' is a's elements in the transposed order: SUM(a') = 11 + 12
// + 13 + 21 + 22 + 23 = 102, MAX(sq') = 33, and SIZE(a') = 2 x 3 = 6.
void TestTransposition::transposedOutsideAnArrayEquation()
{
    const auto r = run(arrays() + aux(QStringLiteral("total"), QStringLiteral("SUM(a')"))
                       + aux(QStringLiteral("top"), QStringLiteral("MAX(sq')")) + aux(QStringLiteral("n"), QStringLiteral("SIZE(a')")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("total"), 0), 102.0);
    QCOMPARE(r.at(QStringLiteral("top"), 0), 33.0);
    QCOMPARE(r.at(QStringLiteral("n"), 0), 6.0);
}

// Each refused when the model is checked, at the equation, with what is wrong.
void TestTransposition::refusedClearly_data()
{
    QTest::addColumn<QString>("variable"); // an element of w's equation over [P, Q], or a scalar's (not x: a dimension is X)
    QTest::addColumn<QString>("message");
    const QString square = QStringLiteral("<aux name=\"w\"><dimensions><dim name=\"P\"/><dim name=\"Q\"/></dimensions><eqn>%1</eqn></aux>");
    const QString scalar = QStringLiteral("<aux name=\"w\"><eqn>%1</eqn></aux>");
    QTest::newRow("a scalar transposed") << scalar.arg(QStringLiteral("k'"))
                                         << "'k' is not an array: the transposition operator ' reverses an array's dimensions";
    QTest::newRow("one element transposed") << square.arg(QStringLiteral("sq[1, 2]'")) << "is one element, not an array";
    QTest::newRow("@3 in two dimensions") << square.arg(QStringLiteral("sq[@3, @1]")) << "'@3' names dimension 3 of 'w', which has 2";
    // Transposed, @k reads @(n + 1 - k): one past the equation's dimensions is still said as written.
    QTest::newRow("@3 transposed in two dimensions") << square.arg(QStringLiteral("sq[@3, @1]'"))
                                                     << "'@3' names dimension 3 of 'w', which has 2";
    QTest::newRow("@1 in a scalar") << scalar.arg(QStringLiteral("sq[@1, 1]")) << "but 'w' is not an array";
    QTest::newRow("@ as a value") << square.arg(QStringLiteral("@1 * 2")) << "expected a value but found '@'";
    QTest::newRow("@0") << square.arg(QStringLiteral("sq[@0, @1]")) << "expected a dimension's position after '@'";
    QTest::newRow("@1.5") << square.arg(QStringLiteral("sq[@1.5, @1]")) << "expected a dimension's position after '@'";
    // @1 is P (3 elements), a's first dimension R has 2.
    QTest::newRow("@ of another size") << square.arg(QStringLiteral("a[@1, @2]")) << "'@1' is 'P' (3 elements) where the "
                                                                                     "subscript picks from 'R' (2 elements)";
    QTest::newRow("a constant index of NaN") << scalar.arg(QStringLiteral("sq[0 / 0, 1]")) << "index nan is outside dimension 'P' (1 to 3)";
    QTest::newRow("a constant index of 1e300") << scalar.arg(QStringLiteral("sq[1e300, 1]"))
                                               << "index 1e+300 is outside dimension 'P' (1 to 3)";
    QTest::newRow("a constant index below 1") << scalar.arg(QStringLiteral("sq[-2, 1]")) << "index -2 is outside dimension 'P' (1 to 3)";
}

void TestTransposition::refusedClearly()
{
    QFETCH(QString, variable);
    QFETCH(QString, message);
    const auto r = run(arrays() + aux(QStringLiteral("k"), QStringLiteral("2")) + variable);
    QVERIFY(!r.compiled.model);
    const QStringList said = formatted(r.compiled.diagnostics);
    QVERIFY2(!said.isEmpty() && said.front().contains(message), qPrintable(said.join(u'\n')));
    QVERIFY2(said.front().startsWith(QStringLiteral("inline.xmile:1:")) || said.front().contains(QStringLiteral(":1:")),
             qPrintable(said.front()));
}

void TestTransposition::indexOutOfRangeStopsTheRun_data()
{
    QTest::addColumn<QString>("index");
    QTest::addColumn<QString>("message");
    // INT(TIME / 4) + 1 is 1 at times 0 to 3, 2 at 4 to 7, 3 at 8 to 11 and 4 at 12, past C's 3.
    QTest::newRow("past the end") << "INT(TIME / 4) + 1" << "the subscript of 'level' is 4 at time 12, outside 'C' (1 to 3)";
    // 3 - TIME is 0 at time 3, and -1 after.
    QTest::newRow("zero") << "3 - TIME" << "the subscript of 'level' is 0 at time 3, outside 'C' (1 to 3)";
    QTest::newRow("negative") << "1 - 2 * TIME" << "the subscript of 'level' is -1 at time 1, outside 'C' (1 to 3)";
    QTest::newRow("NaN") << "IF TIME >= 5 THEN NAN ELSE 1" << "the subscript of 'level' is nan at time 5";
    QTest::newRow("1e300") << "IF TIME >= 2 THEN 1e300 ELSE 1" << "the subscript of 'level' is 1e+300 at time 2";
    QTest::newRow("Inf") << "IF TIME >= 2 THEN 1 / 0 ELSE 1" << "the subscript of 'level' is inf at time 2";
}

// The run stops where the index leaves the dimension, with no results (none would mean
// anything), its error at the equation of the variable reading it: on the file's one line.
void TestTransposition::indexOutOfRangeStopsTheRun()
{
    QFETCH(QString, index);
    QFETCH(QString, message);
    const auto r = run(picking(index), 12);
    QVERIFY2(r.compiled.model, qPrintable(r.firstError()));
    QVERIFY(!r.run.results);
    QVERIFY2(r.run.error.startsWith(QStringLiteral("in 'picked': ")) && r.run.error.contains(message), qPrintable(r.run.error));
    QVERIFY(r.run.errorSource.isValid());
    QCOMPARE(r.run.errorSource.position().line, 1);
    QVERIFY(r.run.errorSource.position().column > 1);
}

// A pick the IF does not take is no error: guarded = IF index <= 3 THEN level[index] ELSE -1
// with index = TIME + 1 is level[1], [2], [3] = 4, 2, 9 at times 0 to 2, then -1. AND and OR
// guard their second operand as IF its branches: anded = IF index <= 3 AND level[index] > 3
// is 1, 0, 1, then 0 (false whatever level[4] is); ored = IF index > 3 OR level[index] > 3 is
// 1, 0, 1, then 1.
void TestTransposition::indexAnIfDoesNotTakeIsNoError()
{
    const auto r = run(arrayedAux(QStringLiteral("level"), {QStringLiteral("C")}, QStringLiteral("4, 2, 9"))
                           + aux(QStringLiteral("index"), QStringLiteral("TIME + 1"))
                           + aux(QStringLiteral("guarded"), QStringLiteral("IF index <= 3 THEN level[index] ELSE -1"))
                           + aux(QStringLiteral("anded"), QStringLiteral("IF index <= 3 AND level[index] > 3 THEN 1 ELSE 0"))
                           + aux(QStringLiteral("ored"), QStringLiteral("IF index > 3 OR level[index] > 3 THEN 1 ELSE 0")),
                       5);
    QVERIFY2(r.run.results, qPrintable(r.firstError() + r.run.error));
    QCOMPARE(r.at(QStringLiteral("guarded"), 0), 4.0);
    QCOMPARE(r.at(QStringLiteral("guarded"), 2), 9.0);
    QCOMPARE(r.at(QStringLiteral("guarded"), 5), -1.0);
    const double anded[] = {1, 0, 1, 0, 0, 0}, ored[] = {1, 0, 1, 1, 1, 1};
    for (int t = 0; t <= 5; ++t) {
        QCOMPARE(r.at(QStringLiteral("anded"), t), anded[t]);
        QCOMPARE(r.at(QStringLiteral("ored"), t), ored[t]);
    }
    QVERIFY(!r.run.firstNonFinite);
}

// An element picked by two computed subscripts names the one that left its dimension: a is
// over R (2 elements) and C (3); a[k, k] with k = TIME + 1 is 3 at time 2, outside R, though
// inside C.
void TestTransposition::eachSubscriptIsNamedAsItsOwn()
{
    const auto r = run(arrays() + aux(QStringLiteral("k"), QStringLiteral("TIME + 1")) + aux(QStringLiteral("picked"), QStringLiteral("a[k, k]")), 4);
    QVERIFY2(r.compiled.model, qPrintable(r.firstError()));
    QVERIFY(!r.run.results);
    QVERIFY2(r.run.error.contains(QStringLiteral("the subscript of 'a' is 3 at time 2, outside 'R' (1 to 2)")), qPrintable(r.run.error));
}

void TestTransposition::indexUsedWhereNaNHides_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<double>("stopsAt");
    // index = TIME + 1 leaves C (1 to 3) at time 3. NaN compared is false and MIN skips it, so
    // each of these would give a number that hides the bad index; each must stop the run.
    QTest::newRow("in a condition") << "IF level[index] > 5 THEN 1 ELSE 2" << 3.0;
    QTest::newRow("in MIN") << "MIN(100, level[index])" << 3.0;
    QTest::newRow("in the ELSE an IF takes") << "IF TIME < 2 THEN 0 ELSE level[index]" << 3.0;
    // The inner IF's THEN is taken from time 3; the outer IF takes the inner one from time 4.
    QTest::newRow("in nested IFs both taken") << "IF TIME >= 4 THEN (IF index > 3 THEN level[index] ELSE 0) ELSE -1"
                                              << 4.0;
}

// An index out of range whose NaN a condition, MIN or a taken ELSE would hide stops the run
// there, as one read directly does.
void TestTransposition::indexUsedWhereNaNHides()
{
    QFETCH(QString, equation);
    QFETCH(double, stopsAt);
    const auto r = run(arrayedAux(QStringLiteral("level"), {QStringLiteral("C")}, QStringLiteral("4, 2, 9"))
                           + aux(QStringLiteral("index"), QStringLiteral("TIME + 1"))
                           + aux(QStringLiteral("picked"), equation),
                       6);
    QVERIFY2(r.compiled.model, qPrintable(r.firstError()));
    QVERIFY(!r.run.results);
    const QString said = QStringLiteral("the subscript of 'level' is %1 at time %2, outside 'C' (1 to 3)").arg(stopsAt + 1).arg(stopsAt);
    QVERIFY2(r.run.error.startsWith(QStringLiteral("in 'picked': ")) && r.run.error.contains(said), qPrintable(r.run.error));
}

// <uses_arrays invalid_index_value="0"> (XMILE 1.0 §2.2.1): the index 4 at time 12 gives 0, and
// the run goes on; "NaN" gives NaN, which the run reports as it reports any.
void TestTransposition::fileAsksForAValue()
{
    const QString header = QStringLiteral("<vendor>Meadows tests</vendor><options><uses_arrays maximum_dimensions=\"3\" "
                                          "invalid_index_value=\"%1\"/></options>");
    const auto zero = run(picking(QStringLiteral("INT(TIME / 4) + 1")), 12, header.arg(QStringLiteral("0")));
    QVERIFY2(zero.run.results, qPrintable(zero.run.error));
    QCOMPARE(zero.at(QStringLiteral("picked"), 11), 9.0);
    QCOMPARE(zero.at(QStringLiteral("picked"), 12), 0.0);
    const auto nan = run(picking(QStringLiteral("INT(TIME / 4) + 1")), 12, header.arg(QStringLiteral("NaN")));
    QVERIFY2(nan.run.results, qPrintable(nan.run.error));
    QVERIFY(std::isnan(nan.at(QStringLiteral("picked"), 12)));
    QVERIFY(nan.run.firstNonFinite);
    QVERIFY2(nan.run.firstNonFinite->message.startsWith(QStringLiteral("'picked' is NaN at time 12")),
             qPrintable(nan.run.firstNonFinite->message));
    // Any other value is not XMILE's: said, and the run stops at the index as by default.
    const auto other = run(picking(QStringLiteral("INT(TIME / 4) + 1")), 12, header.arg(QStringLiteral("5")));
    QVERIFY(!other.run.results);
    QVERIFY(formatted(other.compiled.diagnostics).join(u'\n').contains(QStringLiteral("is neither NaN nor 0")));
}

// A graphical function is a container of its points (XMILE 1.0 §3.7.1.3, "var[3] returns the
// y-value of the third data point"): g and the standalone curve have y = 5, 7, 4, 9, so g[3] =
// 4 and curve[2] = 7; moving = g[TIME + 1] is 7 at time 1 and 9 at time 3, and at time 4 the
// point 5 is past the 4, which stops the run; g[0] is refused when checked.
void TestTransposition::graphicalFunctionPoints()
{
    const QString points = QStringLiteral("<gf><xscale min=\"0\" max=\"3\"/><ypts>5,7,4,9</ypts></gf>");
    const QString vars = QStringLiteral("<aux name=\"g\"><eqn>TIME</eqn>%1</aux>").arg(points)
                         + QStringLiteral("<gf name=\"curve\"><xscale min=\"0\" max=\"3\"/><ypts>5,7,4,9</ypts></gf>")
                         + aux(QStringLiteral("third"), QStringLiteral("g[3]")) + aux(QStringLiteral("second"), QStringLiteral("curve[2]"))
                         + aux(QStringLiteral("moving"), QStringLiteral("g[TIME + 1]"));
    const auto r = run(vars, 3);
    QVERIFY2(r.run.results, qPrintable(r.firstError() + r.run.error));
    QCOMPARE(r.at(QStringLiteral("third"), 0), 4.0);
    QCOMPARE(r.at(QStringLiteral("second"), 0), 7.0);
    QCOMPARE(r.at(QStringLiteral("moving"), 1), 7.0);
    QCOMPARE(r.at(QStringLiteral("moving"), 3), 9.0);
    const auto past = run(vars, 4);
    QVERIFY(!past.run.results);
    QVERIFY2(past.run.error.contains(QStringLiteral("the subscript of 'g' is 5 at time 4, outside the points of 'g' (1 to 4)")),
             qPrintable(past.run.error));
    const auto zero = run(QStringLiteral("<aux name=\"g\"><eqn>TIME</eqn>%1</aux>").arg(points) + aux(QStringLiteral("x"), QStringLiteral("g[0]")));
    QVERIFY(!zero.compiled.model);
    QVERIFY2(formatted(zero.compiled.diagnostics).join(u'\n').contains(QStringLiteral("point 0 is outside the points of 'g' (1 to 4)")),
             qPrintable(formatted(zero.compiled.diagnostics).join(u'\n')));
}

// The operators print back as written (toString's spacing), and renaming a renames its
// transpositions.
void TestTransposition::writtenBackAndRenamed()
{
    const ParseResult parsed = parseEquation(QStringLiteral("a' * 2 + b[@2, @1]' ^ 2"));
    QVERIFY(parsed.expr);
    QCOMPARE(toString(*parsed.expr), QStringLiteral("a'*2+b[@2, @1]'^2"));
    QCOMPARE(renameReferences(QStringLiteral("a' + a[1, R]' + ab'"), QStringLiteral("a"), QStringLiteral("new name")),
             QStringLiteral("new_name' + new_name[1, R]' + ab'"));
}

// Stella lets a name end in an apostrophe (customers'): written unquoted, it is the variable,
// not a transposition: twice = customers' * 2 = 6. A transposed slice of positions reads them
// backwards: rp[P, Q] = sq[@2, @1]' = sq[@1, @2] = sq, so rp[1, 3] = 13.
void TestTransposition::nameEndingInAnApostrophe()
{
    const auto r = run(arrays() + aux(QStringLiteral("customers'"), QStringLiteral("3"))
                       + aux(QStringLiteral("twice"), QStringLiteral("customers' * 2"))
                       + arrayedAux(QStringLiteral("rp"), {QStringLiteral("P"), QStringLiteral("Q")}, QStringLiteral("sq[@2, @1]'")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("twice"), 0), 6.0);
    QCOMPARE(r.at(QStringLiteral("rp[1,3]"), 0), 13.0);
}

QTEST_GUILESS_MAIN(TestTransposition)
#include "test_transposition.moc"

// Arrays as Stella and XMILE write them (issue 12, "Arrays in full"): range subscripts
// a[lo:hi] and Stella's [*:Sub], dimension mappings (isee:maps_to), LOOKUPMEAN and
// LOOKUPAREA over scalar and arrayed graphical functions (and Meadows' functions of a table's
// points), and a variable written with two <eqn>. Each expected value is worked by hand in
// the comment beside it.
#include "support/inlinemodel.h"

#include "model/xmilereader.h"
#include "model/xmilewriter.h"
#include "solver/analysis/expreval.h"
#include "solver/parser.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using test::simulateText;
using test::xmile;
using namespace meadows::test;

namespace {
const QString kRegions = QStringLiteral("<dim name=\"Region\"><elem name=\"North\"/><elem name=\"South\"/><elem name=\"East\"/></dim>");

// The 1-based line and column of `offset` in `text`, as a diagnostic writes them.
QString placeOf(const QByteArray &text, qsizetype offset)
{
    const qsizetype lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return QStringLiteral("%1:%2").arg(text.left(offset).count('\n') + 1).arg(offset - lineStart + 1);
}

// The diagnostics of reading `text`, each formatted as FILE:LINE:COL: severity: message.
QStringList readDiagnostics(const QByteArray &text)
{
    QStringList out;
    for (const Diagnostic &d : readXmile(text, QStringLiteral("inline.xmile")).diagnostics)
        out << d.format();
    return out;
}
} // namespace

class TestArrays : public QObject {
    Q_OBJECT
private slots:
    void rangeSubscripts();
    void rangeSubscriptErrors_data();
    void rangeSubscriptErrors();
    void dimensionMappings();
    void dimensionMappingProblemsAreWarnings();
    void dimensionMappingsAreSavedBack();
    void lookupMeanAndArea();
    void pointsOfATable();
    void arrayedGraphicalFunctions();
    void elementTablesShareTheVariablesEquation();
    void secondEquationIsAWarning();
    void standardDeviation();
};

// v[Slot] = Slot * 10 over Slot = 1..4: v = 10, 20, 30, 40. r[Region] = Region: 1, 2, 3.
void TestArrays::rangeSubscripts()
{
    const QString dims = QStringLiteral("<dimensions><dim name=\"Slot\" size=\"4\"/>") + kRegions
                         + QStringLiteral("<dim name=\"Coastal\"><elem name=\"South\"/><elem name=\"East\"/></dim></dimensions>");
    const QString vars =
        arrayedAux(QStringLiteral("v"), {QStringLiteral("Slot")}, QStringLiteral("Slot * 10"))
        + arrayedAux(QStringLiteral("r"), {QStringLiteral("Region")}, QStringLiteral("Region"))
        + arrayedAux(QStringLiteral("grid"), {QStringLiteral("Region"), QStringLiteral("Slot")}, QStringLiteral("Region * 10 + Slot"))
        + aux(QStringLiteral("mid"), QStringLiteral("SUM(v[2:4])"))                 // 20 + 30 + 40 = 90
        + aux(QStringLiteral("scaled"), QStringLiteral("SUM(v[2:3] * 1.5)"))         // (20 + 30) * 1.5 = 75
        + aux(QStringLiteral("pairs"), QStringLiteral("SUM(v[1:2] * v[1:2])"))       // one range, read together: 100 + 400 = 500
        + aux(QStringLiteral("low mean"), QStringLiteral("MEAN(v[1:2])"))            // (10 + 20) / 2 = 15
        + aux(QStringLiteral("top min"), QStringLiteral("MIN(v[3:4])"))              // 30
        + aux(QStringLiteral("head max"), QStringLiteral("MAX(v[1:3])"))             // 30
        + aux(QStringLiteral("product"), QStringLiteral("PROD(v[1:2] / 10)"))        // 1 * 2 = 2
        + aux(QStringLiteral("whole product"), QStringLiteral("PROD(v)"))            // 10 * 20 * 30 * 40 = 240000
        + aux(QStringLiteral("by name"), QStringLiteral("SUM(r[South:East])"))       // 2 + 3 = 5
        + aux(QStringLiteral("qualified"), QStringLiteral("SUM(r[Region.North:Region.South])")) // 1 + 2 = 3
        + aux(QStringLiteral("single"), QStringLiteral("SUM(v[3:3])"))               // 30
        + aux(QStringLiteral("computed ends"), QStringLiteral("SUM(v[1+1:2*2])"))    // 20 + 30 + 40 = 90
        + aux(QStringLiteral("sub"), QStringLiteral("SUM(r[*:Coastal])"))            // South, East: 2 + 3 = 5
        + aux(QStringLiteral("sub scaled"), QStringLiteral("SUM(r[*:Coastal] * 10)")) // (2 + 3) * 10 = 50
        // grid[South, 2:3] = 22 + 23 = 45; grid[*:Coastal, 4] = 24 + 34 = 58
        + aux(QStringLiteral("block"), QStringLiteral("SUM(grid[South, 2:3])"))
        + aux(QStringLiteral("column"), QStringLiteral("SUM(grid[*:Coastal, 4])"))
        // rows North..South, slots 1..2: 11 + 12 + 21 + 22 = 66
        + aux(QStringLiteral("corner"), QStringLiteral("SUM(grid[North:South, 1:2])"))
        // per region: its slots 3..4: North 13 + 14 = 27, South 47, East 67
        + arrayedAux(QStringLiteral("tail"), {QStringLiteral("Region")}, QStringLiteral("SUM(grid[Region, 3:4])"));
    const auto r = simulateText(xmile(vars, specs(0, 1, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("mid"), 0), 90.0);
    QCOMPARE(r.value(QStringLiteral("scaled"), 0), 75.0);
    QCOMPARE(r.value(QStringLiteral("pairs"), 0), 500.0);
    QCOMPARE(r.value(QStringLiteral("low mean"), 0), 15.0);
    QCOMPARE(r.value(QStringLiteral("top min"), 0), 30.0);
    QCOMPARE(r.value(QStringLiteral("head max"), 0), 30.0);
    QCOMPARE(r.value(QStringLiteral("product"), 0), 2.0);
    QCOMPARE(r.value(QStringLiteral("whole product"), 0), 240000.0);
    QCOMPARE(r.value(QStringLiteral("by name"), 0), 5.0);
    QCOMPARE(r.value(QStringLiteral("qualified"), 0), 3.0);
    QCOMPARE(r.value(QStringLiteral("single"), 0), 30.0);
    QCOMPARE(r.value(QStringLiteral("computed ends"), 0), 90.0);
    QCOMPARE(r.value(QStringLiteral("sub"), 0), 5.0);
    QCOMPARE(r.value(QStringLiteral("sub scaled"), 0), 50.0);
    QCOMPARE(r.value(QStringLiteral("block"), 0), 45.0);
    QCOMPARE(r.value(QStringLiteral("column"), 0), 58.0);
    QCOMPARE(r.value(QStringLiteral("corner"), 0), 66.0);
    QCOMPARE(r.value(QStringLiteral("tail[North]"), 0), 27.0);
    QCOMPARE(r.value(QStringLiteral("tail[East]"), 0), 67.0);
}

// Each bad range is an error at its place in the equation: "mid = " is 0-based offset 0 of
// the equation, so the column is 1 + the offset of the bad part.
void TestArrays::rangeSubscriptErrors_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<QString>("message");
    QTest::newRow("backwards") << "SUM(v[3:2])" << "runs backwards";
    QTest::newRow("past the end") << "SUM(v[2:5])" << "position 5 is outside dimension 'Slot' (1 to 4)";
    QTest::newRow("not an element") << "SUM(r[South:West])" << "'West' is not an element of 'Region'";
    QTest::newRow("not a subrange") << "SUM(v[*:Region])" << "is not a subrange of 'Slot'";
    QTest::newRow("not a dimension") << "SUM(v[*:Nowhere])" << "'Nowhere' in '*:Nowhere' is not a dimension";
    QTest::newRow("a slice where one value is expected") << "v[1:2]" << "is an array of 2 values";
    QTest::newRow("ends known only while running") << "SUM(v[1:TIME+1])" << "must be an element of 'Slot' or a position known before the run";
}

void TestArrays::rangeSubscriptErrors()
{
    QFETCH(QString, equation);
    QFETCH(QString, message);
    const QString dims = QStringLiteral("<dimensions><dim name=\"Slot\" size=\"4\"/>") + kRegions + QStringLiteral("</dimensions>");
    const QString vars = arrayedAux(QStringLiteral("v"), {QStringLiteral("Slot")}, QStringLiteral("Slot * 10"))
                         + arrayedAux(QStringLiteral("r"), {QStringLiteral("Region")}, QStringLiteral("Region"))
                         + aux(QStringLiteral("bad"), equation);
    const auto r = simulateText(xmile(vars, specs(0, 1, 1), QStringLiteral("Euler"), dims));
    const QString error = r.firstError();
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.startsWith(QLatin1String("inline.xmile:")) && error.contains(QLatin1String(": error: ")), qPrintable(error));
}

// Zone (z1, z2, z3) maps to Region (North, South, East): z1 stands for North, z2 for South,
// z3 for East. pop[Region] = 100, 200, 300; share[Zone] = Zone = 1, 2, 3.
void TestArrays::dimensionMappings()
{
    const QString dims = QStringLiteral("<dimensions>") + kRegions
                         + QStringLiteral("<dim name=\"Zone\"><elem name=\"z1\"/><elem name=\"z2\"/><elem name=\"z3\"/>"
                                          "<isee:maps_to>Region</isee:maps_to></dim></dimensions>");
    const QString vars =
        arrayedAux(QStringLiteral("pop"), {QStringLiteral("Region")}, QStringLiteral("Region * 100"))
        + arrayedAux(QStringLiteral("share"), {QStringLiteral("Zone")}, QStringLiteral("Zone"))
        // share[Zone] over Region: the zone each region maps from: 100*1, 200*2, 300*3
        + arrayedAux(QStringLiteral("weighted"), {QStringLiteral("Region")}, QStringLiteral("pop * share[Zone]"))
        // share unsubscripted over Region: 1, 2, 3
        + arrayedAux(QStringLiteral("bare"), {QStringLiteral("Region")}, QStringLiteral("share"))
        // the other way: pop[Region] over Zone: 100, 200, 300
        + arrayedAux(QStringLiteral("back"), {QStringLiteral("Zone")}, QStringLiteral("pop[Region] + pop"))
        // Zone as a value over Region: the position of the zone mapped to: 1, 2, 3
        + arrayedAux(QStringLiteral("zone number"), {QStringLiteral("Region")}, QStringLiteral("Zone"));
    const QByteArray text = xmile(vars, specs(0, 1, 1), QStringLiteral("Euler"), dims);
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("weighted[North]"), 0), 100.0);
    QCOMPARE(r.value(QStringLiteral("weighted[South]"), 0), 400.0);
    QCOMPARE(r.value(QStringLiteral("weighted[East]"), 0), 900.0);
    QCOMPARE(r.value(QStringLiteral("bare[South]"), 0), 2.0);
    QCOMPARE(r.value(QStringLiteral("back[z1]"), 0), 200.0);
    QCOMPARE(r.value(QStringLiteral("back[z3]"), 0), 600.0);
    QCOMPARE(r.value(QStringLiteral("zone number[East]"), 0), 3.0);
    QVERIFY2(readDiagnostics(text).isEmpty(), qPrintable(readDiagnostics(text).join(u'\n')));

    // Without the mapping, share unsubscripted over Region is an array of 3 where one value
    // is expected: an error, not a guess.
    QByteArray unmapped = text;
    unmapped.replace("<isee:maps_to>Region</isee:maps_to>", "");
    const auto without = simulateText(unmapped);
    QVERIFY2(without.firstError().contains(QLatin1String("'share' is an array of 3 values")), qPrintable(without.firstError()));
}

// A mapping onto an unknown dimension, or onto one of another size, and a mapping written
// inside an element: each a warning at its '<', and the mapping not used.
void TestArrays::dimensionMappingProblemsAreWarnings()
{
    const QByteArray text = QStringLiteral(
        "<xmile version=\"1.0\"><header/><sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>\n"
        "<dimensions>%1\n"
        "<dim name=\"Pair\"><elem name=\"p1\"/><elem name=\"p2\"/><isee:maps_to>Region</isee:maps_to></dim>\n"
        "<dim name=\"Lost\"><elem name=\"l1\"/><isee:maps_to>Nowhere</isee:maps_to></dim>\n"
        "<dim name=\"Zone\"><elem name=\"z1\"><isee:maps_to>Region.North</isee:maps_to></elem></dim>\n"
        "</dimensions><model><variables><aux name=\"x\"><eqn>1</eqn></aux></variables></model></xmile>")
                                .arg(kRegions)
                                .toUtf8();
    const QStringList diags = readDiagnostics(text);
    QCOMPARE(diags.size(), 3);
    const qsizetype pair = text.indexOf("<isee:maps_to>Region");
    const qsizetype lost = text.indexOf("<isee:maps_to>Nowhere");
    const qsizetype inElement = text.indexOf("<isee:maps_to>Region.North");
    QCOMPARE(diags[0], QStringLiteral("inline.xmile:%1: warning: <isee:maps_to> in <elem> of dimension 'Zone' is not "
                                      "implemented: it is ignored").arg(placeOf(text, inElement)));
    QCOMPARE(diags[1], QStringLiteral("inline.xmile:%1: warning: dimension 'Pair' (2 elements) maps to 'Region' (3 elements): "
                                      "a mapping pairs elements in order and needs as many; it is not used")
                           .arg(placeOf(text, pair)));
    QCOMPARE(diags[2], QStringLiteral("inline.xmile:%1: warning: dimension 'Lost' maps to 'Nowhere', which is no dimension: "
                                      "the mapping is not used").arg(placeOf(text, lost)));
}

// A mapping read is written back as Stella wrote it, and reads back the same.
void TestArrays::dimensionMappingsAreSavedBack()
{
    const QByteArray text = xmile(aux(QStringLiteral("x"), QStringLiteral("1")), specs(0, 1, 1), QStringLiteral("Euler"),
                                  QStringLiteral("<dimensions>") + kRegions
                                      + QStringLiteral("<dim name=\"Zone\"><elem name=\"z1\"/><elem name=\"z2\"/><elem name=\"z3\"/>"
                                                       "<isee:maps_to>Region</isee:maps_to></dim></dimensions>"));
    const XmileReadResult read = readXmile(text, QStringLiteral("a.xmile"));
    QVERIFY(read.project);
    QCOMPARE(read.project->findDimension(u"Zone")->mapsTo, QStringList{QStringLiteral("Region")});
    QVERIFY(read.project->findDimension(u"Zone")->extras.children.empty()); // read, not kept as unknown
    const QByteArray written = writeXmile(*read.project);
    QVERIFY2(written.contains("<isee:maps_to>Region</isee:maps_to>"), written.constData());
    const XmileReadResult again = readXmile(written, QStringLiteral("b.xmile"));
    QVERIFY(again.project);
    QVERIFY(*again.project == *read.project);
}

// The functions of a table's points (solver/tablepoints.h) on g's points (0, 4) (1, 1) (2, 3)
// (5, 2), by hand: MIN over [0, 2] of 4, 1, 3: 1; MAX over [1, 5] of 1, 3, 2: 3; MEAN there
// 6 / 3 = 2; MEDIAN over [0, 5] of 1, 2, 3, 4: (2 + 3) / 2 = 2.5, over [0, 2] of 1, 3, 4: 3;
// MAX over [6, 7], where no point is: the value given for none, -1; AT 2: 3, AT 1.5 (no
// point): -1; COUNT 4; LAST_X 5. MIN over [TIME, 5] as time runs: at 0 and 1 it is 1, at 2
// (points 3 and 2 left) 2.
void TestArrays::pointsOfATable()
{
    const QString vars =
        QStringLiteral("<aux name=\"g\"><eqn>TIME</eqn><gf><xpts>0,1,2,5</xpts><ypts>4,1,3,2</ypts></gf></aux>")
        + aux(QStringLiteral("low"), QStringLiteral("POINTS_MIN(g, 0, 2)"))
        + aux(QStringLiteral("high"), QStringLiteral("POINTS_MAX(g, 1, 5)"))
        + aux(QStringLiteral("mean"), QStringLiteral("POINTS_MEAN(g, 1, 5)"))
        + aux(QStringLiteral("median even"), QStringLiteral("POINTS_MEDIAN(g, 0, 5)"))
        + aux(QStringLiteral("median odd"), QStringLiteral("POINTS_MEDIAN(g, 0, 2)"))
        + aux(QStringLiteral("none"), QStringLiteral("POINTS_MAX(g, 6, 7, -1)"))
        + aux(QStringLiteral("at two"), QStringLiteral("POINTS_AT(g, 2)"))
        + aux(QStringLiteral("between"), QStringLiteral("POINTS_AT(g, 1.5, -1)"))
        + aux(QStringLiteral("count"), QStringLiteral("POINTS_COUNT(g)"))
        + aux(QStringLiteral("last"), QStringLiteral("POINTS_LAST_X(g)"))
        + aux(QStringLiteral("ahead"), QStringLiteral("POINTS_MIN(g, TIME, 5)"));
    const auto r = simulateText(xmile(vars, specs(0, 2, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    const std::pair<const char *, double> expected[] = {{"low", 1},   {"high", 3},      {"mean", 2},   {"median even", 2.5},
                                                        {"median odd", 3}, {"none", -1}, {"at two", 3}, {"between", -1},
                                                        {"count", 4}, {"last", 5}};
    for (const auto &[name, value] : expected)
        QCOMPARE(r.value(QLatin1String(name), 0), value);
    QCOMPARE(r.value(QStringLiteral("ahead"), 0), 1.0);
    QCOMPARE(r.value(QStringLiteral("ahead"), 1), 1.0);
    QCOMPARE(r.value(QStringLiteral("ahead"), 2), 2.0);
}

// g: x 0, 1, 2 (the x scale 0..2), y 0, 2, 2. Continuous, its area is the trapezoid 0..1,
// (0 + 2) / 2 = 1, and the rectangle 1..2, 2: 3 in all; its mean over 0..2 is 3 / 2 = 1.5
// (the mean of the y points, 4 / 3, would be another thing).
void TestArrays::lookupMeanAndArea()
{
    const auto gf = [](const QString &name, const QString &type) {
        return QStringLiteral("<aux name=\"%1\"><eqn>TIME</eqn><gf%2><xscale min=\"0\" max=\"2\"/><yscale min=\"0\" max=\"2\"/>"
                              "<ypts>0,2,2</ypts></gf></aux>")
            .arg(name, type.isEmpty() ? QString() : QStringLiteral(" type=\"%1\"").arg(type));
    };
    const QString vars =
        gf(QStringLiteral("g"), {}) + gf(QStringLiteral("steps"), QStringLiteral("discrete"))
        + gf(QStringLiteral("line"), QStringLiteral("extrapolate")) + aux(QStringLiteral("half"), QStringLiteral("0.5"))
        + aux(QStringLiteral("mean"), QStringLiteral("LOOKUPMEAN(g)"))               // 3 / 2 = 1.5
        + aux(QStringLiteral("area"), QStringLiteral("LOOKUPAREA(g)"))               // 3
        + aux(QStringLiteral("to one"), QStringLiteral("LOOKUPMEAN(g, 1)"))          // from 0 to 1: area 1, width 1: 1
        // from 0.5 to 2: y(0.5) = 1, (1 + 2) / 2 * 0.5 = 0.75, plus 2: 2.75 over 1.5 = 11/6
        + aux(QStringLiteral("from half"), QStringLiteral("LOOKUPMEAN(g, 2, half)"))
        + aux(QStringLiteral("reversed"), QStringLiteral("LOOKUPAREA(g, half, 2)"))  // the same area either way: 2.75
        // beyond the x range a continuous table counts 0: area 3 over -1..3, width 4: 0.75
        + aux(QStringLiteral("wide"), QStringLiteral("LOOKUPMEAN(g, 3, -1)"))
        + aux(QStringLiteral("point"), QStringLiteral("LOOKUPMEAN(g, 0.5, 0.5)"))    // no width: the value there, 1
        // discrete: 0 on [0, 1), 2 on [1, 2): area 2, mean over 0..2: 1
        + aux(QStringLiteral("step mean"), QStringLiteral("LOOKUPMEAN(steps)"))
        // extrapolated: the first segment (slope 2) continues left, y(-1) = -2: (-2 + 0) / 2 * 1 = -1,
        // and the last (flat at 2) right, 2..3: 2. Area over -1..3: -1 + 3 + 2 = 4, mean 1
        + aux(QStringLiteral("line area"), QStringLiteral("LOOKUPAREA(line, 3, -1)"))
        + aux(QStringLiteral("line mean"), QStringLiteral("LOOKUPMEAN(line, -1, 3)"));
    const auto r = simulateText(xmile(vars, specs(0, 1, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("mean"), 0), 1.5);
    QCOMPARE(r.value(QStringLiteral("area"), 0), 3.0);
    QCOMPARE(r.value(QStringLiteral("to one"), 0), 1.0);
    QVERIFY(std::fabs(r.value(QStringLiteral("from half"), 0) - 11.0 / 6.0) < 1e-12);
    QCOMPARE(r.value(QStringLiteral("reversed"), 0), 2.75);
    QCOMPARE(r.value(QStringLiteral("wide"), 0), 0.75);
    QCOMPARE(r.value(QStringLiteral("point"), 0), 1.0);
    QCOMPARE(r.value(QStringLiteral("step mean"), 0), 1.0);
    QCOMPARE(r.value(QStringLiteral("line area"), 0), 4.0);
    QCOMPARE(r.value(QStringLiteral("line mean"), 0), 1.0);

    // The expression evaluator (loop scores) reads the same: from 0.5 to 2, 11/6.
    GraphicalFunction table;
    table.xscale = Scale{0, 2};
    table.ypts = {0, 2, 2};
    EvaluationContext context;
    context.table = [&](const QString &name) { return name == QLatin1String("g") ? &table : nullptr; };
    const ParseResult parsed = parseEquation(QStringLiteral("LOOKUPMEAN(g, 2, 0.5)"));
    QVERIFY(parsed.expr);
    const std::optional<double> direct = evaluate(*parsed.expr, context);
    QVERIFY(direct && std::fabs(*direct - 11.0 / 6.0) < 1e-12);

    // Bounds computed while the model runs (bptk_py's test_lookuparea: LOOKUPAREA(gf, TIME)),
    // the same at each step. From 0 to TIME: the area 0, 0.25 (y(0.5) = 1: 0.5 * 1 / 2), 1,
    // 2, 3 at times 0 to 2, and 3 at 3 (nothing beyond 2); the mean over it the value at 0,
    // then 0.25 / 0.5 = 0.5, 1, 2 / 1.5, 1.5, and 3 / 3 = 1. From TIME - 1 to TIME: at 0.5 the
    // area 0.25 over a width of 1 (the part before 0 counts 0), at 2 the rectangle 1..2, 2.
    const auto running = simulateText(xmile(
        gf(QStringLiteral("g"), {}) + aux(QStringLiteral("so far"), QStringLiteral("LOOKUPAREA(g, TIME)"))
            + aux(QStringLiteral("mean so far"), QStringLiteral("LOOKUPMEAN(g, TIME)"))
            + aux(QStringLiteral("moving"), QStringLiteral("LOOKUPMEAN(g, TIME, TIME - 1)")),
        specs(0, 3, 0.5)));
    QVERIFY2(running.run.results, qPrintable(running.firstError()));
    const double area[] = {0, 0.25, 1, 2, 3, 3, 3}, mean[] = {0, 0.5, 1, 2 / 1.5, 1.5, 3 / 2.5, 1};
    for (std::size_t row = 0; row < 7; ++row) {
        QCOMPARE(running.value(QStringLiteral("so far"), row), area[row]);
        QVERIFY(std::fabs(running.value(QStringLiteral("mean so far"), row) - mean[row]) < 1e-12);
    }
    QCOMPARE(running.value(QStringLiteral("moving"), 1), 0.25);
    QCOMPARE(running.value(QStringLiteral("moving"), 4), 2.0);
    const auto noTable = simulateText(xmile(aux(QStringLiteral("m"), QStringLiteral("LOOKUPMEAN(3)")), specs(0, 1, 1)));
    QVERIFY2(noTable.firstError().contains(QLatin1String("LOOKUPMEAN needs a graphical function")), qPrintable(noTable.firstError()));
}

// h[Kind] has a graphical function per element, both over x 0..1: a is flat at 1 (mean 1),
// b rises from 0 to 4 (mean (0 + 4) / 2 = 2, and 2 at x = 0.5).
void TestArrays::arrayedGraphicalFunctions()
{
    const QString dims = QStringLiteral("<dimensions><dim name=\"Kind\"><elem name=\"a\"/><elem name=\"b\"/></dim></dimensions>");
    const QString h = QStringLiteral(
        "<aux name=\"h\"><dimensions><dim name=\"Kind\"/></dimensions>"
        "<element subscript=\"a\"><eqn>0.5</eqn><gf><xscale min=\"0\" max=\"1\"/><ypts>1,1</ypts></gf></element>"
        "<element subscript=\"b\"><eqn>0.5</eqn><gf><xscale min=\"0\" max=\"1\"/><ypts>0,4</ypts></gf></element></aux>");
    const QString vars = h + arrayedAux(QStringLiteral("means"), {QStringLiteral("Kind")}, QStringLiteral("LOOKUPMEAN(h)"))
                         + aux(QStringLiteral("b mean"), QStringLiteral("LOOKUPMEAN(h[b])"))        // 2
                         + aux(QStringLiteral("b area"), QStringLiteral("LOOKUPAREA(h[b], 0.5)"))   // 0..0.5: (0 + 2) / 2 * 0.5 = 0.5
                         + aux(QStringLiteral("b at"), QStringLiteral("LOOKUP(h[b], 0.25)"))        // 4 * 0.25 = 1
                         + arrayedAux(QStringLiteral("looked"), {QStringLiteral("Kind")}, QStringLiteral("LOOKUP(h, 1)")); // a 1, b 4
    const auto r = simulateText(xmile(vars, specs(0, 1, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("h[a]"), 0), 1.0);
    QCOMPARE(r.value(QStringLiteral("h[b]"), 0), 2.0);
    QCOMPARE(r.value(QStringLiteral("means[a]"), 0), 1.0);
    QCOMPARE(r.value(QStringLiteral("means[b]"), 0), 2.0);
    QCOMPARE(r.value(QStringLiteral("b mean"), 0), 2.0);
    QCOMPARE(r.value(QStringLiteral("b area"), 0), 0.5);
    QCOMPARE(r.value(QStringLiteral("b at"), 0), 1.0);
    QCOMPARE(r.value(QStringLiteral("looked[a]"), 0), 1.0);
    QCOMPARE(r.value(QStringLiteral("looked[b]"), 0), 4.0);

    // Outside an equation over Kind, h names two different tables: pick one.
    const auto ambiguous = simulateText(xmile(h + aux(QStringLiteral("m"), QStringLiteral("LOOKUPMEAN(h)")), specs(0, 1, 1),
                                              QStringLiteral("Euler"), dims));
    QVERIFY2(ambiguous.firstError().contains(QLatin1String("each element of 'h' has a graphical function of its own")),
             qPrintable(ambiguous.firstError()));
}

// XMILE 1.0 section 4.5.3, "Apply-to-All Arrays with Non-Apply-to-All Graphical Functions":
// g has one equation, TIME, and a table per element: g[a] rises 0, 10, 20 over x 0..2, g[b]
// falls 5, 5, 0; so g[a] = 10 and g[b] = 5 at time 1, 20 and 0 at time 2. With no equation
// at all (t) each element's table reads time as a variable's does, and LOOKUP(t[b], 1.5)
// reads b's table at 1.5: 2.5 (a's would give 15).
void TestArrays::elementTablesShareTheVariablesEquation()
{
    const QString dims = QStringLiteral("<dimensions><dim name=\"D\"><elem name=\"a\"/><elem name=\"b\"/></dim></dimensions>");
    const QString tables = QStringLiteral(
        "<element subscript=\"a\"><gf><xscale min=\"0\" max=\"2\"/><ypts>0,10,20</ypts></gf></element>"
        "<element subscript=\"b\"><gf><xscale min=\"0\" max=\"2\"/><ypts>5,5,0</ypts></gf></element>");
    const QString vars = QStringLiteral("<aux name=\"g\"><dimensions><dim name=\"D\"/></dimensions>%1<eqn>TIME</eqn></aux>"
                                        "<aux name=\"t\"><dimensions><dim name=\"D\"/></dimensions>%1</aux>").arg(tables)
                         + aux(QStringLiteral("read"), QStringLiteral("LOOKUP(t[b], 1.5)"));
    const auto r = simulateText(xmile(vars, specs(0, 2, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QVERIFY2(formatted(r.compiled.diagnostics).isEmpty(), qPrintable(formatted(r.compiled.diagnostics).join(u'\n')));
    for (const char *v : {"g", "t"}) {
        const QString name = QString::fromLatin1(v);
        QCOMPARE(r.at(name + QStringLiteral("[a]"), 1), 10.0);
        QCOMPARE(r.at(name + QStringLiteral("[b]"), 1), 5.0);
        QCOMPARE(r.at(name + QStringLiteral("[a]"), 2), 20.0);
        QCOMPARE(r.at(name + QStringLiteral("[b]"), 2), 0.0);
    }
    QCOMPARE(r.at(QStringLiteral("read"), 0), 2.5);
}

// XMILE allows one <eqn> in a variable: a second is a warning at its '<' naming the first,
// and the last one is used (x = 2). The same for an array element's (y[a] = 4).
void TestArrays::secondEquationIsAWarning()
{
    const QByteArray text = "<xmile version=\"1.0\"><header/><sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>\n"
                            "<dimensions><dim name=\"Kind\"><elem name=\"a\"/></dim></dimensions>\n"
                            "<model><variables>\n"
                            "<aux name=\"x\"><eqn>1</eqn>\n  <eqn>2</eqn></aux>\n"
                            "<aux name=\"y\"><dimensions><dim name=\"Kind\"/></dimensions>"
                            "<element subscript=\"a\"><eqn>3</eqn><eqn>4</eqn></element></aux>\n"
                            "</variables></model></xmile>";
    const QStringList diags = readDiagnostics(text);
    const qsizetype first = text.indexOf("<eqn>1");
    const qsizetype second = text.indexOf("<eqn>2");
    const qsizetype third = text.indexOf("<eqn>3");
    const qsizetype fourth = text.indexOf("<eqn>4");
    QCOMPARE(diags.size(), 2);
    const auto place = [&](qsizetype at) { return placeOf(text, at).replace(u':', QStringLiteral(", column ")); };
    QCOMPARE(diags[0], QStringLiteral("inline.xmile:%1: warning: 'x' has a second <eqn> (the first is at line %2); XMILE "
                                      "allows one: this last one is used").arg(placeOf(text, second), place(first)));
    QCOMPARE(diags[1], QStringLiteral("inline.xmile:%1: warning: 'y[a]' has a second <eqn> (the first is at line %2); "
                                      "XMILE allows one: this last one is used").arg(placeOf(text, fourth), place(third)));
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("x"), 0), 2.0);
    QCOMPARE(r.value(QStringLiteral("y[a]"), 0), 4.0);
}

// STDDEV: the population standard deviation, sqrt(sum((x - mean)^2) / n) (see
// populationStdDev in solver/builtins.cpp for why n). v[Slot] = 10, 20, 30, 40 (mean 25,
// squared deviations 225 + 25 + 25 + 225 = 500); grid[Region, Slot] = Region * 10 + Slot.
void TestArrays::standardDeviation()
{
    const QString dims = QStringLiteral("<dimensions><dim name=\"Slot\" size=\"4\"/>") + kRegions + QStringLiteral("</dimensions>");
    const QString vars =
        arrayedAux(QStringLiteral("v"), {QStringLiteral("Slot")}, QStringLiteral("Slot * 10"))
        + arrayedAux(QStringLiteral("grid"), {QStringLiteral("Region"), QStringLiteral("Slot")}, QStringLiteral("Region * 10 + Slot"))
        + aux(QStringLiteral("whole"), QStringLiteral("STDDEV(v)"))                  // sqrt(500 / 4) = sqrt(125)
        + aux(QStringLiteral("starred"), QStringLiteral("STDDEV(v[*])"))             // the same: sqrt(125)
        + aux(QStringLiteral("doubled"), QStringLiteral("STDDEV(v[*] * 2)"))         // each deviation doubled: sqrt(2000 / 4) = sqrt(500)
        + aux(QStringLiteral("shifted"), QStringLiteral("STDDEV(v[*] + 1000)"))      // a shift moves no deviation: sqrt(125)
        + aux(QStringLiteral("pair"), QStringLiteral("STDDEV(v[1:2])"))              // 10, 20: mean 15, (25 + 25) / 2 = 25: 5
        + aux(QStringLiteral("one"), QStringLiteral("STDDEV(v[3:3])"))               // one element: 0
        + aux(QStringLiteral("scalar"), QStringLiteral("STDDEV(7)"))                 // one value: 0
        // column 1 of grid: 11, 21, 31: mean 21, (100 + 0 + 100) / 3 = 200 / 3
        + aux(QStringLiteral("column"), QStringLiteral("STDDEV(grid[*, 1])"))
        // all twelve: rows 11..14, 21..24, 31..34. Mean 22.5; the row means 12.5, 22.5, 32.5
        // add (100 + 0 + 100) * 4 = 800 to the rows' own 3 * 5 (1.5^2 + 0.5^2 + 0.5^2 + 1.5^2 = 5)
        // = 815: sqrt(815 / 12)
        + aux(QStringLiteral("everything"), QStringLiteral("STDDEV(grid)"))
        // per region, its own row: 1.5, 0.5, 0.5, 1.5 from the row mean: sqrt(5 / 4)
        + arrayedAux(QStringLiteral("row spread"), {QStringLiteral("Region")}, QStringLiteral("STDDEV(grid[Region, *])"))
        // v times TIME: 0 at time 0 (all equal), sqrt(125) * 2 at time 2
        + aux(QStringLiteral("growing"), QStringLiteral("STDDEV(v[*] * TIME)"));
    const auto r = simulateText(xmile(vars, specs(0, 2, 1), QStringLiteral("Euler"), dims));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("whole"), 0), std::sqrt(125.0));
    QCOMPARE(r.value(QStringLiteral("starred"), 0), std::sqrt(125.0));
    QCOMPARE(r.value(QStringLiteral("doubled"), 0), std::sqrt(500.0));
    QCOMPARE(r.value(QStringLiteral("shifted"), 0), std::sqrt(125.0));
    QCOMPARE(r.value(QStringLiteral("pair"), 0), 5.0);
    QCOMPARE(r.value(QStringLiteral("one"), 0), 0.0);
    QCOMPARE(r.value(QStringLiteral("scalar"), 0), 0.0);
    QCOMPARE(r.value(QStringLiteral("column"), 0), std::sqrt(200.0 / 3.0));
    QCOMPARE(r.value(QStringLiteral("everything"), 0), std::sqrt(815.0 / 12.0));
    QCOMPARE(r.value(QStringLiteral("row spread[North]"), 0), std::sqrt(1.25));
    QCOMPARE(r.value(QStringLiteral("row spread[East]"), 0), std::sqrt(1.25));
    QCOMPARE(r.value(QStringLiteral("growing"), 0), 0.0);
    QCOMPARE(r.value(QStringLiteral("growing"), 2), 2 * std::sqrt(125.0));

    // The standard deviation of no elements is undefined: an error, as for MEAN.
    const QString empty = QStringLiteral("<dimensions><dim name=\"None\" size=\"0\"/></dimensions>");
    const auto none = simulateText(xmile(arrayedAux(QStringLiteral("w"), {QStringLiteral("None")}, QStringLiteral("1"))
                                             + aux(QStringLiteral("bad"), QStringLiteral("STDDEV(w)")),
                                         specs(0, 1, 1), QStringLiteral("Euler"), empty));
    QVERIFY2(none.firstError().contains(QLatin1String("of no elements is undefined")), qPrintable(none.firstError()));

    // The run and the expression evaluator (which loop analysis uses) share the registry's
    // evaluation: 1, 2, 3, 4 has mean 2.5 and squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5.
    QCOMPARE(mismatchAlone(QStringLiteral("STDDEV(1, 2, 3, 4)"), std::sqrt(5.0 / 4.0)), QString());
    const ParseResult parsed = parseEquation(QStringLiteral("STDDEV(1, 2, 3, 4)"));
    QVERIFY(parsed.expr);
    QCOMPARE(evaluate(*parsed.expr, EvaluationContext{}), std::optional<double>(std::sqrt(5.0 / 4.0)));
}

QTEST_GUILESS_MAIN(TestArrays)
#include "test_arrays.moc"

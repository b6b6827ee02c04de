// Never silently wrong (issue 12): files from Stella and the XMILE specification that Meadows
// once read or ran without a word and with wrong numbers. Each expected value is worked by
// hand in the comment beside it.
#include "support/inlinemodel.h"

#include "model/xmileelements.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using test::simulateText;
using test::xmile;
using namespace meadows::test;

namespace {
QByteArray file(const QString &beforeModel, const QString &variables)
{
    return QStringLiteral("<xmile version=\"1.0\"><header/><sim_specs method=\"Euler\">%1</sim_specs>%2"
                          "<model><variables>%3</variables></model></xmile>")
        .arg(specs(0, 3, 1), beforeModel, variables)
        .toUtf8();
}
} // namespace

class TestNeverSilent : public QObject {
    Q_OBJECT
private slots:
    void stella10VariablesDirectlyUnderModel();
    void aFlowNamedTwiceIsCountedOnce();
    void anElementOfNoSubscriptIsSaid();
    void anInitEquationNoElementReadsIsSaid();
    void aGraphicalFunctionOutOfOrderIsAnError();
    void aVariableNamedLikeADimensionIsSaid();
    void behaviorMakesStocksAndFlowsNonNegative_data();
    void behaviorMakesStocksAndFlowsNonNegative();
    void nonNegativeStockStopsANegativeInflow();
    void aFlowCutForOneStockIsCutForTheOther();
    void delaysHaveAValueAtTheFirstStep();
    void delayFixedReadsItsInitialValueOnce();
    void moduleOutputsAreQuotedWhereTheyMustBe();
    void everySpecElementHasARule();
    void unimplementedElementsWarnWithTheirPosition();
};

// Stella 10 writes <stock>, <flow> and <aux> straight under <model>. S starts at 10 and
// gains f = 2 per time unit: S(t) = 10 + 2t, so S(4) = 18.
void TestNeverSilent::stella10VariablesDirectlyUnderModel()
{
    const QByteArray text = "<xmile version=\"1.0\"><header/><sim_specs><start>0</start><stop>4</stop><dt>1</dt></sim_specs>"
                            "<model><stock name=\"S\"><eqn>10</eqn><inflow>f</inflow></stock>"
                            "<flow name=\"f\"><eqn>rate</eqn></flow><aux name=\"rate\"><eqn>2</eqn></aux></model></xmile>";
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("S"), 0), 10.0);
    QCOMPARE(r.at(QStringLiteral("S"), 4), 18.0);
    QCOMPARE(r.at(QStringLiteral("f"), 2), 2.0);
}

// S names f = 1 as its inflow twice (a tester's file): it was counted twice (S = 0, 2, 4).
// It is counted once, S = 0, 1, 2, 3, and the reading says so at the second <inflow>
// (line 1, its column found in the text).
void TestNeverSilent::aFlowNamedTwiceIsCountedOnce()
{
    const QByteArray text = file({}, QStringLiteral("<stock name=\"S\"><eqn>0</eqn><inflow>f</inflow><inflow>f</inflow>"
                                                    "</stock><flow name=\"f\"><eqn>1</eqn></flow>"));
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    for (int t = 0; t <= 3; ++t)
        QCOMPARE(r.at(QStringLiteral("S"), t), double(t));
    const qsizetype second = text.indexOf("<inflow>", text.indexOf("<inflow>") + 1);
    const QStringList said = formatted(readXmile(text, QStringLiteral("inline.xmile")).diagnostics);
    QVERIFY2(said.contains(QStringLiteral("inline.xmile:1:%1: warning: 'S' names 'f' as its inflow twice: it is counted once")
                               .arg(second + 1)),
             qPrintable(said.join(u'\n')));
}

// a over D = {A, B} with elements A (1), B (2) and Q (3), which D does not have (a tester's
// file): SUM(a[*]) is 3 whatever Q holds, and Q's element was left out without a word. It is
// said now at Q's equation; a second element A (5) is said too, the first (1) used.
void TestNeverSilent::anElementOfNoSubscriptIsSaid()
{
    const QByteArray text = file(QStringLiteral("<dimensions><dim name=\"D\"><elem name=\"A\"/><elem name=\"B\"/></dim></dimensions>"),
                                 QStringLiteral("<aux name=\"a\"><dimensions><dim name=\"D\"/></dimensions>"
                                                "<element subscript=\"A\"><eqn>1</eqn></element><element subscript=\"B\"><eqn>2</eqn></element>"
                                                "<element subscript=\"Q\"><eqn>3</eqn></element><element subscript=\"A\"><eqn>5</eqn></element></aux>"
                                                "<aux name=\"s\"><eqn>SUM(a[*])</eqn></aux>"));
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("s"), 0), 3.0);
    const QStringList said = formatted(r.compiled.diagnostics);
    const auto at = [&](const char *eqn) {
        const qsizetype offset = text.indexOf(eqn) + qsizetype(qstrlen("<eqn>"));
        return QStringLiteral("inline.xmile:1:%1: warning: ").arg(offset + 1);
    };
    QVERIFY2(said.contains(at("<eqn>3</eqn>") + QStringLiteral("'a' has an element [Q] that names no element of its dimensions: "
                                                               "it is left out")), qPrintable(said.join(u'\n')));
    QVERIFY2(said.contains(at("<eqn>5</eqn>") + QStringLiteral("'a' has a second element [A]; the first is used")),
             qPrintable(said.join(u'\n')));
}

// The flattener reads a variable's <init_eqn> only where one equation gives every element:
// with <element>s of their own, it is said at the <init_eqn>, and the elements start at
// their equations (A at 1, B at 2, so s = 3 from the first row).
void TestNeverSilent::anInitEquationNoElementReadsIsSaid()
{
    const QByteArray text = file(QStringLiteral("<dimensions><dim name=\"D\"><elem name=\"A\"/><elem name=\"B\"/></dim></dimensions>"),
                                 QStringLiteral("<aux name=\"a\"><dimensions><dim name=\"D\"/></dimensions>"
                                                "<element subscript=\"A\"><eqn>1</eqn></element><element subscript=\"B\"><eqn>2</eqn></element>"
                                                "<init_eqn>100</init_eqn></aux>"
                                                "<aux name=\"s\"><eqn>SUM(a[*])</eqn></aux>"));
    const XmileReadResult read = readXmile(text, QStringLiteral("init.xmile"));
    QVERIFY(read.project);
    QStringList said;
    for (const Diagnostic &d : read.diagnostics)
        said << d.format();
    const qsizetype column = text.indexOf("<init_eqn>") + 1;
    QCOMPARE(said, QStringList{QStringLiteral("init.xmile:1:%1: warning: 'a' gives its elements equations of their own: its "
                                              "<init_eqn> is not used, each element starts at its <eqn>").arg(column)});
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("s"), 0), 3.0);
}

// A graphical function's x points out of order were read between the wrong neighbours: points
// (0, 0), (2, 10), (1, 100), (3, 30) gave 5 at x = 1, a value no drawing of the table shows.
// It is an error at the <gf>; equal x points (a step) stay allowed.
void TestNeverSilent::aGraphicalFunctionOutOfOrderIsAnError()
{
    const auto read = [](const char *xpts) {
        const QByteArray text = file(QString(), QStringLiteral("<aux name=\"g\"><eqn>TIME</eqn><gf><xpts>%1</xpts>"
                                                               "<ypts>0,10,100,30</ypts></gf></aux>").arg(QLatin1String(xpts)));
        const XmileReadResult r = readXmile(text, QStringLiteral("gf.xmile"));
        QStringList said;
        for (const Diagnostic &d : r.diagnostics)
            said << d.format();
        return std::make_pair(r.project.has_value(), said);
    };
    const auto [outOfOrder, said] = read("0,2,1,3"); // an error: loading the file stops there (modelfile.h)
    Q_UNUSED(outOfOrder);
    QVERIFY2(said.size() == 1 && said.front().contains(QStringLiteral(": error: the graphical function's x points must not "
                                                                      "decrease: point 3 is 1, after 2")),
             qPrintable(said.join(u'\n')));
    const auto [step, none] = read("0,1,1,3");
    QVERIFY(step);
    QVERIFY2(none.isEmpty(), qPrintable(none.join(u'\n')));
    const auto r = simulateText(file(QString(), QStringLiteral("<aux name=\"g\"><eqn>TIME</eqn><gf><xpts>0,1,1,3</xpts>"
                                                               "<ypts>0,10,100,30</ypts></gf></aux>")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("g"), 0), 0.0);
}

// XMILE 1.0 §3.7.1: dimension names "must be distinct from model variables names". Here the
// variable region = 7 and the dimension Region = {north, south} share one: pop[Region] =
// region * 10 reads the variable (70, 70), and picked[Region] = pop[Region] + 1 subscripts
// by the dimension (71, 71). Both stand, and the variable's name is warned at.
void TestNeverSilent::aVariableNamedLikeADimensionIsSaid()
{
    const QByteArray text = file(QStringLiteral("<dimensions><dim name=\"Region\"><elem name=\"north\"/><elem name=\"south\"/></dim></dimensions>"),
                                 QStringLiteral("<aux name=\"region\"><eqn>7</eqn></aux>"
                                                "<aux name=\"pop\"><dimensions><dim name=\"Region\"/></dimensions><eqn>region * 10</eqn></aux>"
                                                "<aux name=\"picked\"><dimensions><dim name=\"Region\"/></dimensions><eqn>pop[Region] + 1</eqn></aux>"));
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("pop[north]"), 0), 70.0);
    QCOMPARE(r.at(QStringLiteral("pop[south]"), 0), 70.0);
    QCOMPARE(r.at(QStringLiteral("picked[south]"), 0), 71.0);
    const QStringList said = formatted(r.compiled.diagnostics);
    const qsizetype name = text.indexOf("<eqn>7</eqn>"); // where the variable is said to be
    QVERIFY2(said.contains(QStringLiteral("inline.xmile:1:%1: warning: 'region' has the name of dimension 'Region', which no "
                                          "variable may have: outside square brackets the name reads the variable, inside them the "
                                          "dimension; rename one").arg(name + 1)),
             qPrintable(said.join(u'\n')));
}

// S starts at 1 and drains at 3 per time unit (DT 1). A non-negative S gives what it has:
// drain is cut to 1 at t = 0, S(1) = 0, and from then on drain is 0 and S stays 0. Without
// the rule S(1) = 1 - 3 = -2 and S(2) = -5.
// back = -2 flows into T (whose own <non_negative>false</non_negative> wins over any
// default). As a non-negative flow (a uniflow) back is MAX(0, -2) = 0 and T stays 0; as a
// plain flow T(1) = -2 and T(2) = -4.
void TestNeverSilent::behaviorMakesStocksAndFlowsNonNegative_data()
{
    QTest::addColumn<QString>("behavior");
    QTest::addColumn<double>("s2");
    QTest::addColumn<double>("t2");
    QTest::newRow("none") << QString() << -5.0 << -4.0;
    QTest::newRow("XMILE: everything") << "<behavior><non_negative/></behavior>" << 0.0 << 0.0;
    QTest::newRow("XMILE: stocks") << "<behavior><stock><non_negative/></stock></behavior>" << 0.0 << -4.0;
    QTest::newRow("Stella") << "<behavior><non_negative><stock>true</stock><flow>true</flow></non_negative></behavior>"
                            << 0.0 << 0.0;
    QTest::newRow("Stella: stocks only")
        << "<behavior><non_negative><stock>true</stock><flow>false</flow></non_negative></behavior>" << 0.0 << -4.0;
}

void TestNeverSilent::behaviorMakesStocksAndFlowsNonNegative()
{
    QFETCH(QString, behavior);
    QFETCH(double, s2);
    QFETCH(double, t2);
    const auto r = simulateText(file(behavior,
                                     QStringLiteral("<stock name=\"S\"><eqn>1</eqn><outflow>drain</outflow></stock>"
                                                    "<flow name=\"drain\"><eqn>3</eqn></flow>"
                                                    "<stock name=\"T\"><eqn>0</eqn><inflow>back</inflow>"
                                                    "<non_negative>false</non_negative></stock>"
                                                    "<flow name=\"back\"><eqn>-2</eqn></flow>")));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("S"), 2), s2);
    QCOMPARE(r.at(QStringLiteral("T"), 2), t2);
}

// S (non-negative) holds 2; its inflow g is -5, a flow running backwards. g may take only
// what S holds: g = -2 at t = 0, S(1) = 0; then g = 0 and S stays 0 (it went to -3 and -8).
void TestNeverSilent::nonNegativeStockStopsANegativeInflow()
{
    const auto r = simulateText(xmile(QStringLiteral("<stock name=\"S\"><eqn>2</eqn><inflow>g</inflow><non_negative/></stock>"
                                                     "<flow name=\"g\"><eqn>-5</eqn></flow>"),
                                      specs(0, 3, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("g"), 0), -2.0);
    QCOMPARE(r.at(QStringLiteral("S"), 1), 0.0);
    QCOMPARE(r.at(QStringLiteral("g"), 1), 0.0);
    QCOMPARE(r.at(QStringLiteral("S"), 3), 0.0);
}

// move = 5 takes material from Up (non-negative, holds 1) to Down (listed first, holds 0).
// Up can give 1: move is cut to 1, Up(1) = 0 and Down(1) = 1, not 5: what leaves one stock
// arrives in the other. Afterwards move = 0 and Up + Down stays 1.
void TestNeverSilent::aFlowCutForOneStockIsCutForTheOther()
{
    const auto r = simulateText(xmile(QStringLiteral("<stock name=\"Down\"><eqn>0</eqn><inflow>move</inflow></stock>"
                                                     "<stock name=\"Up\"><eqn>1</eqn><outflow>move</outflow><non_negative/></stock>"
                                                     "<flow name=\"move\"><eqn>5</eqn></flow>"),
                                      specs(0, 3, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("move"), 0), 1.0);
    QCOMPARE(r.at(QStringLiteral("Up"), 1), 0.0);
    QCOMPARE(r.at(QStringLiteral("Down"), 1), 1.0);
    QCOMPARE(r.at(QStringLiteral("Down"), 3), 1.0);
}

// input = 2 TIME + 1: 1, 3, 5, 7, 9 at t = 0..4. Before their record starts, DELAY and
// PREVIOUS without an initial value give the input's first value, 1 (they gave NaN at t = 0);
// Stella's HISTORY gives 0 for a time before the start (isee's help, "Data builtins").
// DELAY(input, 3) at t = 3 is input(0) = 1, at t = 4 input(1) = 3. PREVIOUS(input) at t = 2 is
// input(1) = 3. HISTORY(input, TIME - 2) at t = 4 is input(2) = 5.
void TestNeverSilent::delaysHaveAValueAtTheFirstStep()
{
    const auto r = simulateText(xmile(QStringLiteral("<aux name=\"input\"><eqn>2 * TIME + 1</eqn></aux>"
                                                     "<aux name=\"late\"><eqn>DELAY(input, 3)</eqn></aux>"
                                                     "<aux name=\"prev\"><eqn>PREVIOUS(input)</eqn></aux>"
                                                     "<aux name=\"then\"><eqn>HISTORY(input, TIME - 2)</eqn></aux>"),
                                      specs(0, 4, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    for (const char *name : {"late", "prev"})
        QCOMPARE(r.at(QString::fromLatin1(name), 0), 1.0);
    QCOMPARE(r.at(QStringLiteral("then"), 0), 0.0);
    QCOMPARE(r.at(QStringLiteral("then"), 1), 0.0);
    QCOMPARE(r.at(QStringLiteral("then"), 2), 1.0);
    QCOMPARE(r.at(QStringLiteral("late"), 1), 1.0);
    QCOMPARE(r.at(QStringLiteral("late"), 3), 1.0);
    QCOMPARE(r.at(QStringLiteral("late"), 4), 3.0);
    QCOMPARE(r.at(QStringLiteral("prev"), 2), 3.0);
    QCOMPARE(r.at(QStringLiteral("then"), 4), 5.0);
}

// DELAY FIXED(input, 2, TIME + 100): the initial value is read once, at t = 0: 100. At
// t = 1 the delayed time -1 is before the start, so it gives 100 (not 1 + 100 = 101). At
// t = 2 it gives input(0) = 1.
void TestNeverSilent::delayFixedReadsItsInitialValueOnce()
{
    const auto r = simulateText(xmile(QStringLiteral("<aux name=\"input\"><eqn>2 * TIME + 1</eqn></aux>"
                                                     "<aux name=\"fixed\"><eqn>DELAY_FIXED(input, 2, TIME + 100)</eqn></aux>"),
                                      specs(0, 3, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("fixed"), 0), 100.0);
    QCOMPARE(r.at(QStringLiteral("fixed"), 1), 100.0);
    QCOMPARE(r.at(QStringLiteral("fixed"), 2), 1.0);
}

// Module m holds "a.b" = 2 and "c/d" = 3. Unquoted, "m.a.b" would name b in a module a:
// the header writes m."a.b" and m."c/d", which CSV quotes as a field with quotes in it
// ("m.""a.b"""). The plain name m.e stays as it is.
void TestNeverSilent::moduleOutputsAreQuotedWhereTheyMustBe()
{
    const QByteArray text = "<xmile version=\"1.0\"><header/><sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>"
                            "<model><variables><module name=\"m\" model=\"inner\"/></variables></model>"
                            "<model name=\"inner\"><variables><aux name=\"a.b\" access=\"output\"><eqn>2</eqn></aux>"
                            "<aux name=\"c/d\" access=\"output\"><eqn>3</eqn></aux>"
                            "<aux name=\"e\" access=\"output\"><eqn>4</eqn></aux></variables></model></xmile>";
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    const QByteArray csv = toCsv(*r.run.results);
    const QByteArray header = csv.left(csv.indexOf('\n'));
    QCOMPARE(header, QByteArray("Time,\"m.\"\"a.b\"\"\",\"m.\"\"c/d\"\"\",m.e"));
    QCOMPARE(r.at(QStringLiteral("m.\"a.b\""), 1), 2.0);
}

// Every element XMILE 1.0 defines, by parent, copied from the specification's sections
// 2 (header, sim_specs, units, dimensions, behavior, data) and 3 (model, variables,
// stocks, flows, auxiliaries, modules, groups, graphical functions, arrays, macros).
// Meadows must have decided about each one.
void TestNeverSilent::everySpecElementHasARule()
{
    const QStringList spec{
        "xmile/header", "xmile/sim_specs", "xmile/model_units", "xmile/dimensions", "xmile/behavior",
        "xmile/style", "xmile/data", "xmile/model", "xmile/macro",
        "header/vendor", "header/product", "header/name", "header/version", "header/caption", "header/options",
        "header/author", "header/affiliation", "header/client", "header/copyright", "header/contact",
        "header/created", "header/modified", "header/uuid", "header/includes",
        "sim_specs/start", "sim_specs/stop", "sim_specs/dt", "model_units/unit", "unit/eqn", "unit/alias",
        "dimensions/dim", "dim/elem", "behavior/non_negative", "behavior/stock", "behavior/flow",
        "model/sim_specs", "model/behavior", "model/variables", "model/views",
        "variables/stock", "variables/flow", "variables/aux", "variables/module", "variables/group", "variables/gf",
        "stock/eqn", "stock/inflow", "stock/outflow", "stock/non_negative", "stock/conveyor", "stock/queue",
        "stock/units", "stock/doc", "stock/range", "stock/scale", "stock/format", "stock/dimensions",
        "stock/element", "stock/event_poster",
        "flow/eqn", "flow/gf", "flow/multiplier", "flow/non_negative", "flow/overflow", "flow/leak",
        "flow/leak_integers", "flow/leak_start", "flow/leak_end", "flow/units", "flow/doc", "flow/range",
        "flow/scale", "flow/format", "flow/dimensions", "flow/element", "flow/event_poster",
        "aux/eqn", "aux/gf", "aux/units", "aux/doc", "aux/range", "aux/scale", "aux/format", "aux/dimensions",
        "aux/element", "aux/event_poster",
        "module/connect", "group/entity", "gf/xscale", "gf/yscale", "gf/xpts", "gf/ypts",
        "element/eqn", "element/gf",
        "macro/parm", "macro/eqn", "macro/format", "macro/doc", "macro/sim_specs", "macro/variables", "macro/views",
    };
    for (const QString &path : spec) {
        const QStringList parts = path.split(u'/');
        QVERIFY2(xmileElementRule(parts[0], parts[1]), qPrintable(path + QStringLiteral(" has no rule")));
    }
}

// Each element that changes the numbers and is not implemented, placed in a file on a
// line of its own, gives "FILE:LINE:COL: warning: <name> in <parent> is not implemented".
void TestNeverSilent::unimplementedElementsWarnWithTheirPosition()
{
    int checked = 0;
    for (const XmileElementRule &rule : xmileElementRules()) {
        if (rule.support != XmileSupport::NotImplemented)
            continue;
        const QString parent = QLatin1String(rule.parent), name = QLatin1String(rule.name);
        QString element = QStringLiteral("\n  <%1/>\n").arg(name); // line 2, column 3
        QString text;
        if (parent == QLatin1String("xmile"))
            text = QStringLiteral("<xmile>%1<model/></xmile>").arg(element);
        else if (parent == QLatin1String("header"))
            text = QStringLiteral("<xmile><header>%1</header><model/></xmile>").arg(element);
        else if (parent == QLatin1String("model"))
            text = QStringLiteral("<xmile><model>%1</model></xmile>").arg(element);
        else if (parent == QLatin1String("macro"))
            text = QStringLiteral("<xmile><model/><macro name=\"m\">%1</macro></xmile>").arg(element);
        else if (parent == QLatin1String("element"))
            text = QStringLiteral("<xmile><model><variables><aux name=\"x\"><element subscript=\"a\">%1</element></aux>"
                                  "</variables></model></xmile>").arg(element);
        else
            text = QStringLiteral("<xmile><model><variables><%1 name=\"x\">%2</%1></variables></model></xmile>")
                       .arg(parent, element);
        // Everything before the element is on line 1: the element starts line 2 at column 3.
        const XmileReadResult read = readXmile(text.toUtf8(), QStringLiteral("spec.xmile"));
        QStringList warnings;
        for (const Diagnostic &d : read.diagnostics)
            warnings << d.format();
        // These files have no <sim_specs>, which XMILE requires: said once, at the file.
        QCOMPARE(warnings.removeAll(QStringLiteral("spec.xmile: warning: the file has no <sim_specs>: the run goes from 0 to "
                                                   "100 by 1")), qsizetype(1));
        const QString expected = QStringLiteral("spec.xmile:2:3: warning: <%1> in <%2> is not implemented").arg(name, parent);
        QVERIFY2(warnings.size() == 1 && warnings.front().startsWith(expected),
                 qPrintable(QStringLiteral("%1: got [%2]").arg(expected, warnings.join(QStringLiteral(" | ")))));
        ++checked;
    }
    QCOMPARE(checked, 6); // data, sim_specs in a model and a macro, multiplier, init_eqn in a stock and an element
    // <sim_specs> without <stop> (XMILE requires start, stop and dt): the default 100 is said, at
    // the <sim_specs> element (line 1, column 8).
    const XmileReadResult noStop = readXmile("<xmile><sim_specs><start>0</start><dt>1</dt></sim_specs><model/></xmile>",
                                             QStringLiteral("spec.xmile"));
    QStringList said;
    for (const Diagnostic &d : noStop.diagnostics)
        said << d.format();
    QCOMPARE(said, QStringList{QStringLiteral("spec.xmile:1:8: warning: <sim_specs> has no <stop>: it is 100")});
}

QTEST_GUILESS_MAIN(TestNeverSilent)
#include "test_neversilent.moc"

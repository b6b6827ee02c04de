// Vensim rates shared by stocks, as XMILE flows: a rate that drains one stock and fills
// another is one flow between them (model lists, numbers, and the diagram's pipe ends);
// what XMILE cannot say (a rate filling two stocks) keeps a net flow of its own.
#include "support/inlinemdl.h"

#include "diagram/diagramshapes.h"
#include "model/names.h"
#include "model/vensim/mdlreader.h"

#include <QtTest>

using namespace meadows;

namespace {

// A chain of three stocks in the style of World3's age groups:
//   A = INTEG(-m1, 100), B = INTEG(m1 - m2, 0), C = INTEG(m2, 0), m1 = 0.1 A, m2 = 0.5 B.
// D = INTEG(m2, 0) is filled by m2 as well: XMILE lets a flow fill one stock only.
// The sketch draws A, B, C left to right with the valves of m1 and m2 between them, each
// valve's two pipe arrows reaching the stocks' sides (x 140 and 260 for m1, 340 and 460
// for m2); D is not drawn.
const char *const kChain =
    "{UTF-8}\n"
    "A = INTEG(-m1, 100) ~ people ~|\n"
    "B = INTEG(m1 - m2, 0) ~ people ~|\n"
    "C = INTEG(m2, 0) ~ people ~|\n"
    "D = INTEG(m2, 0) ~ people ~|\n"
    "m1 = 0.1 * A ~ people/Month ~|\n"
    "m2 = 0.5 * B ~ people/Month ~|\n";

const char *const kChainSketch =
    "\\\\\\---/// Sketch information - do not modify anything except names\n"
    "V300  Do not put anything below this section - it will be ignored\n*View 1\n"
    "10,1,A,100,100,40,20,3,3,0,0,0,0,0,0\n"
    "10,2,B,300,100,40,20,3,3,0,0,0,0,0,0\n"
    "10,3,C,500,100,40,20,3,3,0,0,0,0,0,0\n"
    "11,4,0,200,100,6,8,34,3,0,0,1,0,0,0\n10,5,m1,200,130,40,20,40,3,0,0,0,0,0,0\n"
    "1,6,4,1,4,0,0,22,0,0,0,-1--1--1,,1|(140,100)|\n"
    "1,7,4,2,100,0,0,22,0,0,0,-1--1--1,,1|(260,100)|\n"
    "11,8,0,400,100,6,8,34,3,0,0,1,0,0,0\n10,9,m2,400,130,40,20,40,3,0,0,0,0,0,0\n"
    "1,10,8,2,4,0,0,22,0,0,0,-1--1--1,,1|(340,100)|\n"
    "1,11,8,3,100,0,0,22,0,0,0,-1--1--1,,1|(460,100)|\n"
    "///---\\\\\\\n";

// A model of `equations`, read with the control and a sketch whose one view holds `objects`.
XmileReadResult readWithSketch(const QString &equations, const QString &objects)
{
    const QString text = QStringLiteral("{UTF-8}\n") + equations + test::mdlControl(4)
                         + QStringLiteral("\\\\\\---/// Sketch information - do not modify anything except names\n"
                                          "V300  Do not put anything below this section - it will be ignored\n*View 1\n")
                         + objects + QStringLiteral("///---\\\\\\\n");
    return readVensim(text.toUtf8(), QStringLiteral("m.mdl"));
}

// The last element of `type` in the first view; nullptr when there is none.
const ViewElement *lastOf(const XmileReadResult &r, ViewElement::Type type)
{
    const ViewElement *found = nullptr;
    for (const ViewElement &e : r.project->mainModel().views.at(0).elements)
        if (e.type == type)
            found = &e;
    return found;
}

QPointF pointOf(const ViewElement &flow, std::size_t k)
{
    return {flow.points.at(k).x, flow.points.at(k).y};
}

XmileReadResult readChain()
{
    const QString text = QLatin1String(kChain) + test::mdlControl(3) + QLatin1String(kChainSketch);
    return readVensim(text.toUtf8(), QStringLiteral("chain.mdl"));
}

} // namespace

class TestVensimFlows : public QObject {
    Q_OBJECT
private slots:
    void rateBetweenTwoStocksIsOneFlow();
    void chainRunsAsVensimDoes();
    void pipeRunsStockToStock();
    void pipeBentAtItsValveTurnsThere();
    void aValveWithoutANameIsTheStocksOwnFlow();
    void aRateSharedWithAHiddenStockFlowsIntoTheShownOne();
};

void TestVensimFlows::rateBetweenTwoStocksIsOneFlow()
{
    const XmileReadResult r = readChain();
    QVERIFY2(r.project, qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    const Model &m = r.project->mainModel();
    QCOMPARE(m.findVariable(u"A")->inflows, QStringList{});
    QCOMPARE(m.findVariable(u"A")->outflows, QStringList{QStringLiteral("m1")});
    QCOMPARE(m.findVariable(u"B")->inflows, QStringList{QStringLiteral("m1")});
    QCOMPARE(m.findVariable(u"B")->outflows, QStringList{QStringLiteral("m2")});
    QCOMPARE(m.findVariable(u"C")->inflows, QStringList{QStringLiteral("m2")});
    QCOMPARE(m.findVariable(u"m1")->kind, VariableKind::Flow);
    QCOMPARE(m.findVariable(u"m2")->kind, VariableKind::Flow);
    // No net flow for A, B or C; D, a second stock m2 would fill, gets one.
    QVERIFY(!m.findVariable(u"B net flow"));
    QVERIFY(!m.findVariable(u"C net flow"));
    const Variable *d = m.findVariable(u"D");
    QCOMPARE(d->inflows, QStringList{QStringLiteral("D net flow")});
    QCOMPARE(m.findVariable(u"D net flow")->equation, QStringLiteral("m2"));
}

void TestVensimFlows::chainRunsAsVensimDoes()
{
    // Euler, TIME STEP 1, by hand (m1 = 0.1 A, m2 = 0.5 B, evaluated at each step's start):
    //   t   A      B              C       D (= C)   m1    m2
    //   0   100    0              0       0         10    0
    //   1   90     10             0       0         9     5
    //   2   81     10+9-5 = 14    5       5         8.1   7
    //   3   72.9   14+8.1-7 = 15.1 12     12
    // Read directly, and through XMILE (Save As) and back.
    const double a[] = {100, 90, 81, 72.9}, b[] = {0, 10, 14, 15.1}, c[] = {0, 0, 5, 12};
    const QString equations = QString::fromLatin1(kChain).mid(QStringLiteral("{UTF-8}\n").size());
    for (const bool viaXmile : {false, true}) {
        const test::MdlRun run = test::runMdl(equations, test::mdlControl(3), viaXmile);
        QVERIFY2(run.messages.isEmpty(), qPrintable(run.messages.join(u'\n')));
        for (int t = 0; t <= 3; ++t) {
            QCOMPARE(run.at(QStringLiteral("A"), t), a[t]);
            QCOMPARE(run.at(QStringLiteral("B"), t), b[t]);
            QCOMPARE(run.at(QStringLiteral("C"), t), c[t]);
            QCOMPARE(run.at(QStringLiteral("D"), t), c[t]);
        }
    }
}

void TestVensimFlows::pipeRunsStockToStock()
{
    const XmileReadResult r = readChain();
    QVERIFY2(r.project, qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    const Model &m = r.project->mainModel();
    const diagram::DiagramShapes shapes = diagram::diagramShapes(m, m.views.at(0), diagram::estimateLabelSize);
    QCOMPARE(shapes.pipes.size(), std::size_t(2));
    // Each pipe's ends are the stocks, not clouds: m1 from A to B, m2 from B to C, and each
    // runs from the side of the stock it drains (the valves' arrows give the end points).
    const struct {
        const char *flow, *source, *sink;
        double fromX, toX;
    } expected[] = {{"m1", "A", "B", 140, 260}, {"m2", "B", "C", 340, 460}};
    for (const auto &e : expected) {
        const auto pipe = std::find_if(shapes.pipes.begin(), shapes.pipes.end(), [&](const diagram::PipeShape &p) {
            return shapes.boxes[std::size_t(p.valve)].name == canonicalName(QString::fromLatin1(e.flow));
        });
        QVERIFY2(pipe != shapes.pipes.end(), e.flow);
        QVERIFY(pipe->source >= 0 && pipe->sink >= 0);
        const diagram::ShapeBox &source = shapes.boxes[std::size_t(pipe->source)];
        const diagram::ShapeBox &sink = shapes.boxes[std::size_t(pipe->sink)];
        QCOMPARE(source.kind, diagram::ShapeKind::Stock);
        QCOMPARE(sink.kind, diagram::ShapeKind::Stock);
        QCOMPARE(source.name, canonicalName(QString::fromLatin1(e.source)));
        QCOMPARE(sink.name, canonicalName(QString::fromLatin1(e.sink)));
        QCOMPARE(pipe->points.front().x(), e.fromX);
        QCOMPARE(pipe->points.back().x(), e.toX);
    }
    for (const diagram::ShapeBox &box : shapes.boxes)
        QVERIFY(box.kind != diagram::ShapeKind::Cloud);
}

// A pipe bent at its valve: S at (400,200) drains through the valve at (650,200) down into a
// cloud at (650,350). The valve's arrows end at (422,200) on S and (650,333) on the cloud.
// Vensim draws an L; the pipe had run diagonally from (422,200) to (650,333), leaving the
// valve beside it. It now turns at the valve and ends at the cloud's centre.
void TestVensimFlows::pipeBentAtItsValveTurnsThere()
{
    const XmileReadResult r = readWithSketch(QStringLiteral("S = INTEG(-f, 10) ~ ~ |\nf = 1 ~ ~ |\n"),
                                             QStringLiteral("10,1,S,400,200,50,25,3,3,0,0,0,0,0,0\n12,7,48,650,350,10,8,0,3,0,0,-1,0,0,0\n"
                                                            "11,8,48,650,200,6,8,34,3,0,0,1,0,0,0\n10,9,f,680,200,30,11,40,3,0,0,-1,0,0,0\n"
                                                            "1,10,8,1,4,0,0,22,0,0,0,-1--1--1,,1|(422,200)|\n"
                                                            "1,11,8,7,100,0,0,22,0,0,0,-1--1--1,,1|(650,333)|\n"
                                                            "10,12,f,500,500,30,11,8,2,0,3,-1,0,0,0\n"));
    QVERIFY2(r.project, qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    const ViewElement *flow = lastOf(r, ViewElement::Type::Flow), *shadow = lastOf(r, ViewElement::Type::Alias);
    QVERIFY(flow && shadow);
    QVERIFY(drawnAsName(*shadow)); // the shadow of a flow (shape 8) is <f>, as Vensim draws it
    QCOMPARE(flow->points.size(), std::size_t(3));
    QCOMPARE(pointOf(*flow, 0), QPointF(422, 200));
    QCOMPARE(pointOf(*flow, 1), QPointF(650, 200));
    QCOMPARE(pointOf(*flow, 2), QPointF(650, 350));
    QCOMPARE(flow->labelSide, QStringLiteral("right")); // f's name stands at (680,200), right of its valve
}

// "position = INTEG(speed, 0)" with speed a stock: Vensim draws a valve with no name on
// position's pipe, and speed's arrow to it (SDXorg's simple_harmonic_oscillator). The reader
// makes the rate a flow of its own, position net flow; the valve is that flow, with its pipe
// from the cloud at (194,117) to position and the connector from speed. The valve, its pipe
// and the connector had been left out without a word.
void TestVensimFlows::aValveWithoutANameIsTheStocksOwnFlow()
{
    const XmileReadResult r = readWithSketch(QStringLiteral("position = INTEG(speed, 0) ~ ~ |\nspeed = INTEG(1, 0) ~ ~ |\n"),
                                             QStringLiteral("10,1,position,352,118,40,20,3,3,0,0,-1,0,0,0\n10,2,speed,346,243,40,20,3,3,0,0,-1,0,0,0\n"
                                                            "12,3,48,194,117,30,30,0,3,0,0,-1,0,0,0\n11,4,0,268,117,6,8,2,3,0,0,1,0,0,0\n"
                                                            "1,5,4,3,100,0,0,22,0,192,0,-1--1--1,,1|(243,117)|\n"
                                                            "1,6,4,1,4,0,0,22,0,192,0,-1--1--1,,1|(293,117)|\n"
                                                            "1,7,2,4,0,0,0,0,0,192,0,-1--1--1,,1|(0,0)|\n"));
    QVERIFY2(r.project && r.diagnostics.empty(), qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    const ViewElement *flow = lastOf(r, ViewElement::Type::Flow), *link = lastOf(r, ViewElement::Type::Connector);
    QVERIFY(flow && link);
    QCOMPARE(flow->name, QStringLiteral("position net flow"));
    QCOMPARE(QPointF(*flow->x, *flow->y), QPointF(268, 117));
    QCOMPARE(flow->points.size(), std::size_t(2));
    QCOMPARE(pointOf(*flow, 0), QPointF(194, 117)); // the cloud's centre
    QCOMPARE(pointOf(*flow, 1), QPointF(293, 117));
    QCOMPARE(link->from.name, QStringLiteral("speed"));
    QCOMPARE(link->to.name, QStringLiteral("position net flow"));

    // Two nameless valves on S, whose rate a - b of two stocks is one flow: the first valve
    // is it, the second, with nothing left to be, is not drawn (both had been the one flow,
    // the second without its pipe).
    const XmileReadResult both = readWithSketch(
        QStringLiteral("S = INTEG(a - b, 0) ~ ~ |\na = INTEG(1, 0) ~ ~ |\nb = INTEG(0.5, 0) ~ ~ |\n"),
        QStringLiteral("10,1,S,300,100,40,20,3,3,0,0,0,0,0,0\n12,2,48,100,100,10,8,0,3,0,0,-1,0,0,0\n"
                       "11,3,48,200,100,6,8,34,3,0,0,1,0,0,0\n"
                       "1,4,3,1,4,0,0,22,0,0,0,-1--1--1,,1|(260,100)|\n1,5,3,2,100,0,0,22,0,0,0,-1--1--1,,1|(110,100)|\n"
                       "12,6,48,500,100,10,8,0,3,0,0,-1,0,0,0\n11,7,48,400,100,6,8,34,3,0,0,1,0,0,0\n"
                       "1,8,7,6,4,0,0,22,0,0,0,-1--1--1,,1|(490,100)|\n1,9,7,1,100,0,0,22,0,0,0,-1--1--1,,1|(340,100)|\n"));
    QVERIFY2(both.project, qPrintable(test::formatted(both.diagnostics).join(u'\n')));
    QStringList flows;
    for (const ViewElement &e : both.project->mainModel().views.at(0).elements)
        if (e.type == ViewElement::Type::Flow)
            flows << QStringLiteral("%1@%2").arg(e.name).arg(*e.x);
    QCOMPARE(flows, QStringList{QStringLiteral("S net flow@200")});
}

// f fills T and S; XMILE lets a flow fill one stock. T comes first in the file, but the
// sketch hides it (its tenth field), so S, which Vensim shows with f's valve piped into it,
// has f as its inflow, and T a net flow of its own (SDXorg's Query_file: BalanceFunds had
// no pipes, its rates given to the hidden CumIncome). Both still count f: T and S at 1 are
// 1 and 1.5.
void TestVensimFlows::aRateSharedWithAHiddenStockFlowsIntoTheShownOne()
{
    const XmileReadResult r = readWithSketch(QStringLiteral("T = INTEG(f, 0) ~ u ~ |\nS = INTEG(f + g, 0) ~ u ~ |\n"
                                                            "f = 1 ~ u ~ |\ng = 0.5 ~ u ~ |\n"),
                                             QStringLiteral("10,1,S,300,200,40,20,3,3,0,0,0,0,0,0\n12,2,48,100,200,10,8,0,3,0,0,-1,0,0,0\n"
                                                            "1,3,5,1,4,0,0,22,0,0,0,-1--1--1,,1|(230,200)|\n"
                                                            "1,4,5,2,100,0,0,22,0,0,0,-1--1--1,,1|(130,200)|\n"
                                                            "11,5,48,180,200,6,8,34,3,0,0,1,0,0,0\n10,6,f,180,220,20,8,40,3,0,0,-1,0,0,0\n"
                                                            "10,17,T,300,400,40,20,3,3,1,0,0,0,0,0\n"));
    QVERIFY2(r.project, qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    const Model &m = r.project->mainModel();
    QCOMPARE(m.findVariable(u"S")->inflows, (QStringList{QStringLiteral("f"), QStringLiteral("g")}));
    QCOMPARE(m.findVariable(u"T")->inflows, QStringList{QStringLiteral("T net flow")});
    const ViewElement *flow = lastOf(r, ViewElement::Type::Flow);
    QVERIFY(flow && flow->name == QLatin1String("f"));
    QCOMPARE(pointOf(*flow, flow->points.size() - 1), QPointF(230, 200)); // into S
    const test::InlineRun run = test::simulateRead(r);
    QCOMPARE(run.at(QStringLiteral("T"), 1), 1.0);
    QCOMPARE(run.at(QStringLiteral("S"), 1), 1.5);
}

QTEST_GUILESS_MAIN(TestVensimFlows)
#include "test_vensim_flows.moc"

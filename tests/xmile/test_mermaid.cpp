// Importing Mermaid flowcharts as causal-loop diagrams.
#include "model/mermaidreader.h"
#include "model/xmilereader.h"
#include "model/xmilewriter.h"

#include <QtTest>

using namespace meadows;

namespace {
const ViewElement *connector(const Project &p, const QString &from, const QString &to)
{
    for (const ViewElement &e : p.mainModel().views.at(0).elements) {
        if (e.type == ViewElement::Type::Connector && e.from.name == from && e.to.name == to)
            return &e;
    }
    return nullptr;
}
} // namespace

class TestMermaid : public QObject {
    Q_OBJECT
private slots:
    void readsNodesLinksAndPolarities();
    void leavesPlacementToLayout();
    void roundTripsThroughXmile();
    void quotedLabelsMayHoldBracketsAndQuotes();
    void errorsHaveLineAndColumn_data();
    void errorsHaveLineAndColumn();
    void subgraphsAndCapitalisedKeywordsStillRead();
};

void TestMermaid::readsNodesLinksAndPolarities()
{
    const QByteArray text = R"MMD(```mermaid
flowchart LR
  %% the retry storm
  load[Load] -- "+" --> latency(Latency)
  latency -->|+| timeouts((Timeouts)) -- "(+)" --> retries{Retries}
  retries -- + --> load
  capacity[Capacity] -- "(-)" --> latency;
  breaker[Breaker open] -->|−| load
  load --> capacity
  style load fill:#f9f
```)MMD";
    const MermaidReadResult r = readMermaid(text, QStringLiteral("storm.md"));
    QVERIFY(r.project);
    const Model &m = r.project->mainModel();
    QCOMPARE(m.variables.size(), std::size_t(6));
    QVERIFY(m.findVariable(u"Breaker open"));
    for (const Variable &v : m.variables) {
        QVERIFY(v.equation.isEmpty()); // a causal-loop diagram: names, no equations
        QCOMPARE(v.kind, VariableKind::Aux);
    }
    QCOMPARE(connector(*r.project, QStringLiteral("Load"), QStringLiteral("Latency"))->polarity, QStringLiteral("+"));
    QCOMPARE(connector(*r.project, QStringLiteral("Timeouts"), QStringLiteral("Retries"))->polarity, QStringLiteral("+"));
    QCOMPARE(connector(*r.project, QStringLiteral("Retries"), QStringLiteral("Load"))->polarity, QStringLiteral("+"));
    QCOMPARE(connector(*r.project, QStringLiteral("Capacity"), QStringLiteral("Latency"))->polarity, QStringLiteral("-"));
    QCOMPARE(connector(*r.project, QStringLiteral("Breaker_open"), QStringLiteral("Load"))->polarity, QStringLiteral("-"));
    QCOMPARE(connector(*r.project, QStringLiteral("Load"), QStringLiteral("Capacity"))->polarity, QString()); // unknown
    // The unlabelled link is not warned about; only labels that are no polarity are.
    QVERIFY(std::none_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic &d) { return d.severity == Severity::Error; }));
}

// The reader places nothing: whoever shows the diagram lays it out with Graphviz
// (tests/layout holds that layout to zero overlaps). Every node is on the view, unplaced.
void TestMermaid::leavesPlacementToLayout()
{
    QByteArray text = "graph TD\n";
    for (int i = 0; i < 12; ++i)
        text += "  n" + QByteArray::number(i) + " --> n" + QByteArray::number((i + 1) % 12) + "\n";
    const MermaidReadResult r = readMermaid(text, QStringLiteral("ring.mmd"));
    QVERIFY(r.project);
    int auxes = 0, connectors = 0;
    for (const ViewElement &e : r.project->mainModel().views.at(0).elements) {
        if (e.type == ViewElement::Type::Aux) {
            ++auxes;
            QVERIFY(!e.x && !e.y);
        } else if (e.type == ViewElement::Type::Connector) {
            ++connectors;
            QVERIFY(!e.angle);
        }
    }
    QCOMPARE(auxes, 12);
    QCOMPARE(connectors, 12);
}

void TestMermaid::roundTripsThroughXmile()
{
    const MermaidReadResult r = readMermaid("flowchart LR\n a[Demand] -- \"-\" --> b[Price]\n b -- \"+\" --> a\n", QStringLiteral("x.mmd"));
    QVERIFY(r.project);
    const XmileReadResult back = readXmile(writeXmile(*r.project), QStringLiteral("x.xmile"));
    QVERIFY(back.project);
    QVERIFY(*back.project == *r.project);
    QVERIFY(writeXmile(*r.project).contains("polarity=\"-\""));
}

// What `meadows export --format mermaid` writes for names with brackets or quotes reads back.
void TestMermaid::quotedLabelsMayHoldBracketsAndQuotes()
{
    const MermaidReadResult r = readMermaid("flowchart LR\n"
                                            "  a(\"Demand (units)\") -- \"+\" --> b[\"Price [list]\"]\n"
                                            "  b -- \"-\" --> c([\"Say #quot;no#quot;\"])\n",
                                            QStringLiteral("x.mmd"));
    QVERIFY(r.project);
    const Model &m = r.project->mainModel();
    QCOMPARE(m.variables.size(), std::size_t(3));
    QCOMPARE(m.variables[0].name, QStringLiteral("Demand (units)"));
    QCOMPARE(m.variables[1].name, QStringLiteral("Price [list]"));
    QCOMPARE(m.variables[2].name, QStringLiteral("Say \"no\""));
}

void TestMermaid::errorsHaveLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not a flowchart") << QByteArray("sequenceDiagram\n A->>B: hi\n") << QStringLiteral("f.mmd:1:1: error: a Mermaid flowchart starts with");
    QTest::newRow("unclosed shape") << QByteArray("flowchart LR\n  a[Load --> b\n") << QStringLiteral("f.mmd:2:4: error: the shape of node 'a' is never closed");
    QTest::newRow("bad link") << QByteArray("flowchart LR\n  a ~~ b\n") << QStringLiteral("f.mmd:2:5: error: expected a link");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("f.mmd:1:1: error: no Mermaid flowchart found");
    // A shape left open before the next one: not one node labelled "Load --> b[Lat".
    QTest::newRow("unbalanced bracket")
        << QByteArray("flowchart LR\n  a[Load --> b[Lat]\n")
        << QStringLiteral("f.mmd:2:15: error: '[' opens a shape inside the label of node 'a', whose '[' at column 4 "
                          "is not closed before it (put a label that holds brackets in quotes)");
    QTest::newRow("unbalanced parenthesis")
        << QByteArray("graph TD\na(Load (peak))\n")
        << QStringLiteral("f.mmd:2:8: error: '(' opens a shape inside the label of node 'a', whose '(' at column 2");
    // Mermaid's keywords are not node names: a link to one is an error, never dropped.
    QTest::newRow("link to end")
        << QByteArray("flowchart LR\n  b --> end\n")
        << QStringLiteral("f.mmd:2:9: error: 'end' is a Mermaid keyword, not a node name (Mermaid itself refuses it): "
                          "capitalise it or choose another id");
    QTest::newRow("link from end") << QByteArray("flowchart LR\nend --> a\n")
                                   << QStringLiteral("f.mmd:2:1: error: 'end' is a Mermaid keyword");
    QTest::newRow("link from subgraph") << QByteArray("flowchart LR\n  a --> b\n  subgraph --> a\n")
                                        << QStringLiteral("f.mmd:3:3: error: 'subgraph' is a Mermaid keyword");
    QTest::newRow("link to subgraph") << QByteArray("flowchart LR\n  a -- \"+\" --> subgraph\n")
                                      << QStringLiteral("f.mmd:2:16: error: 'subgraph' is a Mermaid keyword");
}

void TestMermaid::errorsHaveLineAndColumn()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const MermaidReadResult r = readMermaid(text, QStringLiteral("f.mmd"));
    QVERIFY(!r.project);
    QVERIFY(!r.diagnostics.empty());
    QVERIFY2(r.diagnostics.front().format().startsWith(expected), qPrintable(r.diagnostics.front().format()));
}

// Boxes are presentation: their nodes and links read as if the box were not there, and
// "End" (capitalised, as Mermaid's documentation advises) is an ordinary node.
void TestMermaid::subgraphsAndCapitalisedKeywordsStillRead()
{
    const MermaidReadResult r = readMermaid("flowchart LR\n"
                                            "  subgraph team [The team]\n"
                                            "    a[Load] -- \"+\" --> End\n"
                                            "  end\n"
                                            "  subgraph\n"
                                            "  End -- \"-\" --> subgraphs\n"
                                            "  end\n",
                                            QStringLiteral("f.mmd"));
    QVERIFY(r.project);
    const Model &m = r.project->mainModel();
    QCOMPARE(m.variables.size(), std::size_t(3));
    QCOMPARE(m.variables[0].name, QStringLiteral("Load"));
    QCOMPARE(m.variables[1].name, QStringLiteral("End"));
    QCOMPARE(m.variables[2].name, QStringLiteral("subgraphs"));
    QVERIFY(connector(*r.project, QStringLiteral("Load"), QStringLiteral("End")));
    QCOMPARE(connector(*r.project, QStringLiteral("Load"), QStringLiteral("End"))->polarity, QStringLiteral("+"));
    QVERIFY(connector(*r.project, QStringLiteral("End"), QStringLiteral("subgraphs")));
    QCOMPARE(connector(*r.project, QStringLiteral("End"), QStringLiteral("subgraphs"))->polarity, QStringLiteral("-"));
}

QTEST_GUILESS_MAIN(TestMermaid)
#include "test_mermaid.moc"

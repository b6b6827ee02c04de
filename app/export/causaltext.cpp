#include "causaltext.h"

#include "model/mermaidreader.h"

#include <QSet>
#include <QStringList>

namespace meadows {

namespace {

// Mermaid reads some words at the start of a line as statements, not node ids.
bool startsLikeKeyword(const QString &id)
{
    static const char *const keywords[] = {"end", "style", "class", "click", "linkstyle", "subgraph", "direction",
                                           "graph", "flowchart"};
    const QString lower = id.toLower();
    for (const char *k : keywords) {
        if (lower.startsWith(QLatin1String(k)))
            return true;
    }
    return false;
}

// ASCII letters, digits and '_' only, unique, never a keyword: ids are for Mermaid, the
// names live in the labels.
std::vector<QString> mermaidIds(const CausalGraph &graph)
{
    std::vector<QString> ids;
    QSet<QString> used;
    for (const QString &name : graph.names()) {
        QString id;
        for (QChar c : name) {
            const bool plain = c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_');
            if (plain)
                id += c;
            else if (!id.endsWith(u'_'))
                id += u'_';
        }
        while (id.endsWith(u'_'))
            id.chop(1);
        if (id.isEmpty() || id[0].isDigit() || id[0] == u'_' || startsLikeKeyword(id))
            id.prepend(QStringLiteral("v_"));
        QString unique = id;
        for (int n = 2; used.contains(unique.toLower()); ++n)
            unique = QStringLiteral("%1_%2").arg(id).arg(n);
        used.insert(unique.toLower());
        ids.push_back(unique);
    }
    return ids;
}

QString mermaidLabel(QString name)
{
    return name.replace(u'"', QLatin1String("#quot;"));
}

QString dotString(QString s)
{
    s.replace(u'\\', QLatin1String("\\\\")).replace(u'"', QLatin1String("\\\"")).replace(u'\n', QLatin1String("\\n"));
    return u'"' + s + u'"';
}

// A comment line must not end early: no line breaks inside.
QString oneLine(QString s)
{
    return s.replace(u'\n', u' ').replace(u'\r', u' ');
}

constexpr int kMaxListedLoops = 200;
// More than this many boxes would crowd out the graph in a rendered flowchart.
constexpr int kMaxDrawnLoops = 30;

} // namespace

QString loopPath(const CausalGraph &graph, const LoopList &loops, std::size_t loop, const QString &arrow)
{
    QStringList names = loopVariableNames(graph, loops, loop);
    names << names.value(0);
    return names.join(arrow);
}

QByteArray mermaidFlowchart(const QString &title, const CausalModel &causal, const LoopList &loops)
{
    const CausalGraph &graph = causal.graph;
    const std::vector<QString> ids = mermaidIds(graph);
    QString out = QStringLiteral("flowchart LR\n");
    if (!title.isEmpty())
        out += QStringLiteral("  %% %1 (exported by Meadows)\n").arg(oneLine(title));
    for (int v = 0; v < graph.variableCount(); ++v) {
        const VariableKind kind = std::size_t(v) < causal.variables.size() ? causal.variables[std::size_t(v)].kind : VariableKind::Aux;
        const QString label = mermaidLabel(oneLine(graph.name(v)));
        const QString shape = kind == VariableKind::Stock  ? QStringLiteral("[\"%1\"]")
                              : kind == VariableKind::Flow ? QStringLiteral("([\"%1\"])")
                                                           : QStringLiteral("(\"%1\")");
        out += QStringLiteral("  ") + ids[std::size_t(v)] + shape.arg(label) + u'\n';
    }
    QStringList negative, unknown;
    int index = 0;
    for (const CausalLink &link : graph.links()) {
        const QString &from = ids[std::size_t(link.from)];
        const QString &to = ids[std::size_t(link.to)];
        switch (link.polarity) {
        case LinkPolarity::Positive:
            out += QStringLiteral("  %1 -- \"+\" --> %2\n").arg(from, to);
            break;
        case LinkPolarity::Negative:
            out += QStringLiteral("  %1 -- \"-\" --> %2\n").arg(from, to);
            negative << QString::number(index);
            break;
        case LinkPolarity::Unknown:
            out += QStringLiteral("  %1 --> %2\n").arg(from, to);
            unknown << QString::number(index);
            break;
        }
        ++index;
    }
    // The loops as a box of labelled nodes, which GitHub and GitLab draw beside the graph
    // (a comment would not show); Meadows' importer knows the box and leaves it out.
    if (!loops.empty()) {
        out += QStringLiteral("  subgraph %1 [\"Feedback loops\"]\n    direction TB\n").arg(QLatin1String(kMermaidLoopsId));
        for (std::size_t i = 0; i < loops.size() && i < std::size_t(kMaxDrawnLoops); ++i)
            out += QStringLiteral("    %1_%2[\"%2 %3: %4\"]\n")
                       .arg(QLatin1String(kMermaidLoopsId), loops.name(i), polarityName(loops.polarity(i)),
                            mermaidLabel(oneLine(loopPath(graph, loops, i, QStringLiteral(" → ")))));
        if (loops.size() > std::size_t(kMaxDrawnLoops))
            out += QStringLiteral("    %1_more[\"... and %2 more loops\"]\n")
                       .arg(QLatin1String(kMermaidLoopsId)).arg(loops.size() - std::size_t(kMaxDrawnLoops));
        out += QStringLiteral("  end\n");
    }
    // linkStyle counts links in the order they were written.
    if (!negative.isEmpty())
        out += QStringLiteral("  linkStyle %1 stroke:#c62828,color:#c62828\n").arg(negative.join(u','));
    if (!unknown.isEmpty())
        out += QStringLiteral("  linkStyle %1 stroke:#888888,stroke-dasharray:4 3\n").arg(unknown.join(u','));
    out += QStringLiteral("  classDef stock fill:#eef4fb,stroke:#2c5a8c\n");
    QStringList stocks;
    for (int v = 0; v < graph.variableCount(); ++v) {
        if (std::size_t(v) < causal.variables.size() && causal.variables[std::size_t(v)].kind == VariableKind::Stock)
            stocks << ids[std::size_t(v)];
    }
    if (!stocks.isEmpty())
        out += QStringLiteral("  class %1 stock\n").arg(stocks.join(u','));
    return out.toUtf8();
}

QByteArray graphvizDot(const QString &title, const CausalModel &causal, const LoopList &loops)
{
    const CausalGraph &graph = causal.graph;
    QString out;
    if (!title.isEmpty())
        out += QStringLiteral("// %1 (exported by Meadows)\n").arg(oneLine(title));
    if (!loops.empty())
        out += QStringLiteral("// Feedback loops:\n");
    for (std::size_t i = 0; i < loops.size() && i < std::size_t(kMaxListedLoops); ++i)
        out += QStringLiteral("//   %1 (%2): %3\n")
                   .arg(loops.name(i), polarityName(loops.polarity(i)), oneLine(loopPath(graph, loops, i, QStringLiteral(" -> "))));
    if (loops.size() > std::size_t(kMaxListedLoops))
        out += QStringLiteral("//   ... and %1 more\n").arg(loops.size() - std::size_t(kMaxListedLoops));
    out += QStringLiteral("digraph %1 {\n").arg(dotString(title.isEmpty() ? QStringLiteral("model") : title));
    out += QStringLiteral("  rankdir=LR;\n"
                          "  node [shape=ellipse, fontname=\"Helvetica\", color=\"#2c5a8c\"];\n"
                          "  edge [fontname=\"Helvetica\"];\n");
    for (int v = 0; v < graph.variableCount(); ++v) {
        const bool stock = std::size_t(v) < causal.variables.size() && causal.variables[std::size_t(v)].kind == VariableKind::Stock;
        out += QStringLiteral("  %1%2;\n").arg(dotString(graph.name(v)),
                                                stock ? QStringLiteral(" [shape=box, style=filled, fillcolor=\"#eef4fb\"]") : QString());
    }
    for (const CausalLink &link : graph.links()) {
        QString attributes;
        switch (link.polarity) {
        case LinkPolarity::Positive:
            attributes = QStringLiteral("label=\"+\", color=\"#2c5a8c\", fontcolor=\"#2c5a8c\"");
            break;
        case LinkPolarity::Negative:
            attributes = QStringLiteral("label=\"-\", color=\"#c62828\", fontcolor=\"#c62828\"");
            break;
        case LinkPolarity::Unknown:
            attributes = QStringLiteral("label=\"?\", color=\"#888888\", fontcolor=\"#888888\", style=dashed");
            break;
        }
        out += QStringLiteral("  %1 -> %2 [%3];\n").arg(dotString(graph.name(link.from)), dotString(graph.name(link.to)), attributes);
    }
    out += QStringLiteral("}\n");
    return out.toUtf8();
}

QByteArray causalText(ExportFormat format, const QString &title, const CausalModel &causal, const LoopList &loops)
{
    return format == ExportFormat::Mermaid ? mermaidFlowchart(title, causal, loops) : graphvizDot(title, causal, loops);
}

} // namespace meadows

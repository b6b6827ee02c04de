#include "mermaidreader.h"

#include "names.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>
#include <cmath>

namespace meadows {

namespace {

struct Node {
    QString id;
    QString label;
};

struct Link {
    int from = -1;
    int to = -1;
    QString polarity; // "+", "-" or empty
};

// "+", "(+)", "s", "same" -> "+"; "-", "−", "(-)", "o", "opposite" -> "-"; else empty.
QString polarityOf(QString label)
{
    label = label.trimmed();
    if (label.startsWith(u'"') && label.endsWith(u'"') && label.size() >= 2)
        label = label.mid(1, label.size() - 2).trimmed();
    if (label.startsWith(u'(') && label.endsWith(u')') && label.size() >= 2)
        label = label.mid(1, label.size() - 2).trimmed();
    label = label.toLower();
    if (label == QLatin1String("+") || label == QLatin1String("s") || label == QLatin1String("same"))
        return QStringLiteral("+");
    if (label == QLatin1String("-") || label == QStringLiteral("\u2212") || label == QLatin1String("o")
        || label == QLatin1String("opposite"))
        return QStringLiteral("-");
    return {};
}

class Reader {
public:
    Reader(const QString &fileName, std::vector<Diagnostic> &diags) : m_file(fileName), m_diags(diags) {}

    bool parse(const QString &text)
    {
        const QStringList lines = text.split(u'\n');
        bool sawHeader = false;
        for (int n = 0; n < lines.size(); ++n) {
            QString line = lines[n];
            if (const qsizetype c = line.indexOf(QLatin1String("%%")); c >= 0)
                line.truncate(c);
            qsizetype indent = 0;
            while (indent < line.size() && line[indent].isSpace())
                ++indent;
            m_indent = int(indent);
            line = line.trimmed();
            if (line.endsWith(u';'))
                line.chop(1);
            if (line.isEmpty() || line.startsWith(QLatin1String("```")))
                continue;
            if (!sawHeader) {
                static const QRegularExpression header(QStringLiteral("^(flowchart|graph)(\\s+(LR|RL|TD|TB|BT))?$"),
                                                       QRegularExpression::CaseInsensitiveOption);
                if (!header.match(line).hasMatch()) {
                    error(n + 1, 1, QStringLiteral("a Mermaid flowchart starts with 'flowchart LR' or 'graph TD', not '%1'").arg(line));
                    return false;
                }
                sawHeader = true;
                continue;
            }
            if (m_inLoopsBox) {
                m_inLoopsBox = line != QLatin1String("end");
                continue;
            }
            if (line.startsWith(QLatin1String("subgraph ")) && line.mid(9).trimmed().startsWith(QLatin1String(kMermaidLoopsId))) {
                m_inLoopsBox = true; // Meadows' own list of loops: names, not variables
                continue;
            }
            // "subgraph" and "end" open and close a box; followed by a link they are
            // node names, which Mermaid refuses and statement() reports.
            static const QRegularExpression subgraphHeader(QStringLiteral("^subgraph(\\s+[^-=\\s].*)?$"));
            if (line.startsWith(QLatin1String("classDef")) || line.startsWith(QLatin1String("class "))
                || line.startsWith(QLatin1String("style ")) || line.startsWith(QLatin1String("linkStyle"))
                || subgraphHeader.match(line).hasMatch() || line == QLatin1String("end")
                || line.startsWith(QLatin1String("direction ")) || line.startsWith(QLatin1String("click ")))
                continue; // presentation: nothing causal in it
            if (!statement(line, n + 1))
                return false;
        }
        if (!sawHeader) {
            m_indent = 0;
            error(1, 1, QStringLiteral("no Mermaid flowchart found (expected 'flowchart LR' or 'graph TD')"));
            return false;
        }
        return true;
    }

    Project project() const;

private:
    // Columns inside a statement count from its first character: add the indentation back.
    void error(int line, int column, const QString &message)
    {
        m_diags.push_back({Severity::Error, m_file, {line, column + m_indent}, message});
    }

    // A chain: node (link node)*, where a node may carry a shape with a label.
    bool statement(const QString &line, int lineNumber)
    {
        qsizetype i = 0;
        int previous = node(line, i, lineNumber);
        if (previous < 0)
            return false;
        for (;;) {
            skipSpace(line, i);
            if (i >= line.size())
                return true;
            QString polarity;
            bool labelled = false;
            if (!link(line, i, &polarity, &labelled)) {
                error(lineNumber, int(i) + 1, QStringLiteral("expected a link such as '-->' or '-- \"+\" -->' here"));
                return false;
            }
            const int next = node(line, i, lineNumber);
            if (next < 0)
                return false;
            if (labelled && polarity.isEmpty())
                m_unknownLabels++;
            m_links.push_back({previous, next, polarity});
            previous = next;
        }
    }

    static void skipSpace(const QString &s, qsizetype &i)
    {
        while (i < s.size() && s[i].isSpace())
            ++i;
    }

    // -->, --- , ==>, -.->, with an optional label: "-- text -->" or "-->|text|".
    bool link(const QString &s, qsizetype &i, QString *polarity, bool *labelled)
    {
        static const QRegularExpression pipe(QStringLiteral("\\G(?:-->|---|==>|-\\.->|-\\.-)\\s*\\|([^|]*)\\|"));
        static const QRegularExpression inlineLabel(QStringLiteral("\\G(?:--|==|-\\.)\\s*(\"[^\"]*\"|[^->=.][^->=]*?)\\s*(?:-->|---|==>|\\.->)"));
        static const QRegularExpression bare(QStringLiteral("\\G(?:-->|---|==>|-\\.->|-\\.-)"));
        QRegularExpressionMatch m = pipe.match(s, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            m = inlineLabel.match(s, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (m.hasMatch()) {
            *labelled = true;
            *polarity = polarityOf(m.captured(1));
            i = m.capturedEnd();
            return true;
        }
        m = bare.match(s, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return false;
        i = m.capturedEnd();
        return true;
    }

    // id, optionally followed by a shape holding the label: [..] (..) ((..)) {..} [(..)] ([..]) >..]
    int node(const QString &s, qsizetype &i, int lineNumber)
    {
        skipSpace(s, i);
        const qsizetype start = i;
        while (i < s.size() && (s[i].isLetterOrNumber() || s[i] == u'_' || s[i] == u'.' || s[i].unicode() > 127))
            ++i;
        const QString id = s.mid(start, i - start);
        if (id.isEmpty()) {
            error(lineNumber, int(start) + 1, QStringLiteral("expected a node name here"));
            return -1;
        }
        if (id == QLatin1String("end") || id == QLatin1String("subgraph")) {
            error(lineNumber, int(start) + 1,
                  QStringLiteral("'%1' is a Mermaid keyword, not a node name (Mermaid itself refuses it): "
                                 "capitalise it or choose another id").arg(id));
            return -1;
        }
        QString label;
        if (i < s.size() && QStringLiteral("[({>").contains(s[i])) {
            static const QHash<QString, QString> closers{
                {QStringLiteral("(("), QStringLiteral("))")}, {QStringLiteral("(["), QStringLiteral("])")},
                {QStringLiteral("[("), QStringLiteral(")]")}, {QStringLiteral("[["), QStringLiteral("]]")},
                {QStringLiteral("{{"), QStringLiteral("}}")}, {QStringLiteral("["), QStringLiteral("]")},
                {QStringLiteral("("), QStringLiteral(")")}, {QStringLiteral("{"), QStringLiteral("}")},
                {QStringLiteral(">"), QStringLiteral("]")}};
            QString open = s.mid(i, 2);
            if (!closers.contains(open))
                open = s.mid(i, 1);
            const QString close = closers.value(open);
            // A quoted label may hold the closing brackets: look for them after the quotes.
            qsizetype from = i + open.size();
            while (from < s.size() && s[from].isSpace())
                ++from;
            bool quoted = false;
            if (from < s.size() && s[from] == u'"') {
                const qsizetype quote = s.indexOf(u'"', from + 1);
                if (quote > 0) {
                    from = quote + 1;
                    quoted = true;
                }
            }
            const qsizetype end = s.indexOf(close, from);
            if (end < 0) {
                error(lineNumber, int(i) + 1, QStringLiteral("the shape of node '%1' is never closed with '%2'").arg(id, close));
                return -1;
            }
            // An unquoted label cannot open another shape: "a[Load --> b[Lat]" is a shape
            // left open, not one node labelled "Load --> b[Lat" (Mermaid refuses it too).
            if (!quoted) {
                for (qsizetype k = i + open.size(); k < end; ++k) {
                    if (s[k] == u'[' || s[k] == u'(' || s[k] == u'{') {
                        error(lineNumber, int(k) + 1,
                              QStringLiteral("'%1' opens a shape inside the label of node '%2', whose '%3' at column %4 "
                                             "is not closed before it (put a label that holds brackets in quotes)")
                                  .arg(s[k]).arg(id, open).arg(i + 1 + m_indent));
                        return -1;
                    }
                }
            }
            label = s.mid(i + open.size(), end - i - open.size()).trimmed();
            if (label.startsWith(u'"') && label.endsWith(u'"') && label.size() >= 2)
                label = label.mid(1, label.size() - 2).replace(QLatin1String("#quot;"), QLatin1String("\""));
            i = end + close.size();
        }
        return declare(id, label);
    }

    int declare(const QString &id, const QString &label)
    {
        if (auto it = m_index.constFind(id); it != m_index.constEnd()) {
            if (!label.isEmpty())
                m_nodes[*it].label = label;
            return *it;
        }
        m_nodes.push_back({id, label});
        m_index.insert(id, int(m_nodes.size()) - 1);
        return int(m_nodes.size()) - 1;
    }

    QString m_file;
    std::vector<Diagnostic> &m_diags;
    std::vector<Node> m_nodes;
    QHash<QString, int> m_index;
    std::vector<Link> m_links;
    int m_unknownLabels = 0;
    int m_indent = 0;
    bool m_inLoopsBox = false;

public:
    int unknownLabels() const { return m_unknownLabels; }
};

// The variables and their links, unplaced: whoever shows the diagram lays it out
// (diagram/autolayout.h), as for any model that comes without one.
Project Reader::project() const
{
    Project p = makeNewProject();
    p.models.clear();
    p.simSpecs.timeUnits = QStringLiteral("Months");
    Model main;
    View view;
    view.type = QStringLiteral("stock_flow"); // XMILE keeps every diagram in a stock_flow view
    const int n = int(m_nodes.size());
    QStringList names;
    for (int k = 0; k < n; ++k) {
        const Node &node = m_nodes[k];
        QString name = displayName(node.label.isEmpty() ? node.id : QString(node.label).replace(QLatin1String("<br>"), QLatin1String(" ")));
        // Two nodes with one label stay two variables.
        for (int suffix = 2; names.contains(name, Qt::CaseInsensitive); ++suffix)
            name = QStringLiteral("%1 %2").arg(displayName(node.label.isEmpty() ? node.id : node.label)).arg(suffix);
        names << name;
        Variable v;
        v.kind = VariableKind::Aux;
        v.name = name;
        main.variables.push_back(v);
        ViewElement e;
        e.type = ViewElement::Type::Aux;
        e.name = name;
        e.uid = k + 1;
        view.elements.push_back(e);
    }
    int uid = n + 1;
    for (const Link &l : m_links) {
        ViewElement c;
        c.type = ViewElement::Type::Connector;
        c.uid = uid++;
        c.from.name = equationName(names[l.from]);
        c.to.name = equationName(names[l.to]);
        c.polarity = l.polarity;
        view.elements.push_back(c);
    }
    main.views.push_back(view);
    p.models.push_back(main);
    return p;
}

} // namespace

MermaidReadResult readMermaid(const QByteArray &text, const QString &fileName)
{
    MermaidReadResult result;
    Reader reader(fileName, result.diagnostics);
    if (!reader.parse(QString::fromUtf8(text)))
        return result;
    if (reader.unknownLabels() > 0)
        result.diagnostics.push_back({Severity::Warning, fileName, {},
                                      QStringLiteral("%1 link label(s) are not a polarity (+ or -): those links are "
                                                     "imported with unknown polarity").arg(reader.unknownLabels())});
    result.project = reader.project();
    result.project->fileName = fileName;
    return result;
}

} // namespace meadows

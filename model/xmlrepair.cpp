#include "xmlrepair.h"

#include <QSet>

namespace meadows {

namespace {

// XMILE elements that never hold one of their own kind: a second one starting while the
// first is open means the first's closing tag was left out.
bool neverHoldsItsKind(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("header"), QStringLiteral("sim_specs"), QStringLiteral("model_units"), QStringLiteral("dimensions"),
        QStringLiteral("dim"), QStringLiteral("elem"), QStringLiteral("model"), QStringLiteral("variables"),
        QStringLiteral("views"), QStringLiteral("view"), QStringLiteral("aux"), QStringLiteral("stock"),
        QStringLiteral("flow"), QStringLiteral("module"), QStringLiteral("group"), QStringLiteral("macro"),
        QStringLiteral("parm"), QStringLiteral("eqn"), QStringLiteral("init_eqn"), QStringLiteral("units"),
        QStringLiteral("doc"), QStringLiteral("gf"), QStringLiteral("xscale"), QStringLiteral("yscale"),
        QStringLiteral("xpts"), QStringLiteral("ypts"), QStringLiteral("inflow"), QStringLiteral("outflow"),
        QStringLiteral("element"), QStringLiteral("connect"), QStringLiteral("connector"), QStringLiteral("alias"),
        QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("pts"), QStringLiteral("start"),
        QStringLiteral("stop"), QStringLiteral("dt"), QStringLiteral("conveyor"), QStringLiteral("queue"),
        QStringLiteral("range"), QStringLiteral("scale"), QStringLiteral("format"), QStringLiteral("behavior"),
        QStringLiteral("style"), QStringLiteral("name"), QStringLiteral("vendor"), QStringLiteral("product"),
        QStringLiteral("options"), QStringLiteral("unit"),
    };
    return names.contains(name);
}

// The kind a closing tag left out is judged by: variables are one kind (a stock never
// holds a flow or an aux); other such elements each their own; empty for the rest.
QString kindOf(const QString &name)
{
    if (name == QLatin1String("aux") || name == QLatin1String("stock") || name == QLatin1String("flow")
        || name == QLatin1String("module"))
        return QStringLiteral("variable");
    return neverHoldsItsKind(name) ? name : QString();
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u':' || c == u'-' || c == u'.';
}

class Repairer {
public:
    explicit Repairer(const QString &text) : m_text(text), m_positions(QString(), text) {}

    std::optional<RepairedXml> run()
    {
        const qsizetype n = m_text.size();
        qsizetype i = 0;
        while (i < n) {
            const qsizetype lt = m_text.indexOf(u'<', i);
            if (lt < 0) {
                m_out.text += QStringView(m_text).mid(i);
                break;
            }
            m_out.text += QStringView(m_text).mid(i, lt - i);
            const std::optional<qsizetype> next = markup(lt);
            if (!next)
                return std::nullopt;
            i = *next;
        }
        // A file that ends inside an element other than the root was cut short: what is
        // missing cannot be guessed, and a model read from it would lose the rest.
        if (m_open.size() > 1 || (m_open.size() == 1 && m_open.front().name != QLatin1String("xmile")))
            return std::nullopt;
        closeDownTo(0, n, QStringLiteral("at the end of the file"));
        if (m_out.notes.empty())
            return std::nullopt;
        return std::move(m_out);
    }

private:
    struct Open {
        QString name;
        qsizetype at = 0; // its '<' in the original text
    };

    // Copies the markup starting at `lt` (repaired), returning where the text after it
    // starts; nullopt when it cannot be read with a clear intent.
    std::optional<qsizetype> markup(qsizetype lt)
    {
        const QStringView rest = QStringView(m_text).mid(lt);
        if (rest.startsWith(u"<!--"))
            return comment(lt);
        if (rest.startsWith(u"<![CDATA["))
            return copyThrough(lt, QStringLiteral("]]>"));
        if (rest.startsWith(u"<?"))
            return copyThrough(lt, QStringLiteral("?>"));
        if (rest.startsWith(u"<!")) { // a DOCTYPE, with or without declarations in brackets
            const qsizetype bracket = m_text.indexOf(u'[', lt), close = m_text.indexOf(u'>', lt);
            return bracket >= 0 && bracket < close ? copyThrough(lt, QStringLiteral("]>")) : copyThrough(lt, QStringLiteral(">"));
        }
        if (rest.startsWith(u"</"))
            return endTag(lt);
        return startTag(lt);
    }

    std::optional<qsizetype> copyThrough(qsizetype from, const QString &end)
    {
        const qsizetype at = m_text.indexOf(end, from);
        if (at < 0)
            return std::nullopt;
        m_out.text += QStringView(m_text).mid(from, at + end.size() - from);
        return at + end.size();
    }

    // XML forbids "--" inside a comment and a comment ending in "--->"; Stella reads both.
    // Each is read as "- ", which keeps every offset where it was.
    std::optional<qsizetype> comment(qsizetype lt)
    {
        const qsizetype begin = lt + 4;
        const qsizetype end = m_text.indexOf(QLatin1String("-->"), begin);
        if (end < 0)
            return std::nullopt;
        QString body = m_text.mid(begin, end - begin);
        qsizetype first = -1;
        for (qsizetype k = 0; k < body.size(); ++k) {
            const bool pair = body[k] == u'-' && k + 1 < body.size() && body[k + 1] == u'-';
            const bool last = body[k] == u'-' && k + 1 == body.size();
            if (pair || last) {
                body[pair ? k + 1 : k] = u' ';
                if (first < 0)
                    first = begin + k;
            }
        }
        if (first >= 0)
            m_out.notes.push_back({first, QStringLiteral("'--' inside a comment is not allowed in XML: read as '- '")});
        m_out.text += QStringLiteral("<!--") + body + QStringLiteral("-->");
        return end + 3;
    }

    QString nameAt(qsizetype &i) const
    {
        const qsizetype start = i;
        while (i < m_text.size() && isNameChar(m_text[i]))
            ++i;
        return m_text.mid(start, i - start);
    }

    std::optional<qsizetype> endTag(qsizetype lt)
    {
        qsizetype i = lt + 2;
        const QString name = nameAt(i);
        while (i < m_text.size() && m_text[i].isSpace())
            ++i;
        if (name.isEmpty() || i >= m_text.size() || m_text[i] != u'>')
            return std::nullopt;
        std::size_t match = m_open.size();
        while (match > 0 && m_open[match - 1].name != name)
            --match;
        if (match == 0)
            return std::nullopt; // it closes nothing open: no clear intent
        closeDownTo(match, lt, QStringLiteral("before </%1>").arg(name));
        m_open.pop_back();
        m_out.text += QStringView(m_text).mid(lt, i + 1 - lt);
        return i + 1;
    }

    std::optional<qsizetype> startTag(qsizetype lt)
    {
        qsizetype i = lt + 1;
        const QString name = nameAt(i);
        if (name.isEmpty())
            return std::nullopt;
        QChar quote;
        for (; i < m_text.size(); ++i) { // to the '>' outside attribute values
            const QChar c = m_text[i];
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == u'"' || c == u'\'') {
                quote = c;
            } else if (c == u'>' || c == u'<') {
                break;
            }
        }
        if (i >= m_text.size() || m_text[i] != u'>')
            return std::nullopt;
        const bool empty = m_text[i - 1] == u'/';
        if (const QString kind = kindOf(name); !kind.isEmpty()) {
            std::size_t same = m_open.size();
            while (same > 0 && kindOf(m_open[same - 1].name) != kind)
                --same;
            if (same > 0)
                closeDownTo(same - 1, lt, QStringLiteral("before <%1>").arg(name));
        }
        if (!empty)
            m_open.push_back({name, lt});
        m_out.text += QStringView(m_text).mid(lt, i + 1 - lt);
        return i + 1;
    }

    // Closes the open elements above the first `keep`, with closing tags put in at the
    // output's end, which stands for `at` in the original text.
    void closeDownTo(std::size_t keep, qsizetype at, const QString &where)
    {
        while (m_open.size() > keep) {
            const Open o = m_open.back();
            m_open.pop_back();
            const QString tag = QStringLiteral("</%1>").arg(o.name);
            m_out.inserted.push_back({m_out.text.size(), tag.size()});
            m_out.text += tag;
            const SourcePos opened = m_positions.position(o.at);
            m_out.notes.push_back({at, QStringLiteral("<%1> opened at line %2, column %3 has no closing tag: read as closed %4")
                                           .arg(o.name).arg(opened.line).arg(opened.column).arg(where)});
        }
    }

    const QString &m_text;
    SourceText m_positions; // of the original text, for the notes
    std::vector<Open> m_open;
    RepairedXml m_out;
};

} // namespace

std::optional<RepairedXml> repairXml(const QString &text)
{
    return Repairer(text).run();
}

} // namespace meadows

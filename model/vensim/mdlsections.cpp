#include "mdlsections.h"

#include "mdllexer.h"

#include <QRegularExpression>

namespace meadows::vensim {

namespace {

qsizetype skipBlank(const QString &text, qsizetype i, qsizetype end)
{
    while (i < end && text[i].isSpace())
        ++i;
    return i;
}

// The next unquoted occurrence of one of `stops`, or `end`.
qsizetype findUnquoted(const QString &text, qsizetype i, qsizetype end, QStringView stops)
{
    bool quoted = false;
    for (; i < end; ++i) {
        const QChar c = text[i];
        if (c == u'"')
            quoted = !quoted;
        else if (quoted && c == u'\\') // \" and \\ inside a name, as the lexer pairs them
            ++i;
        else if (!quoted && stops.contains(c))
            return i;
    }
    return end;
}

// "NAME(a, b : out)" starting at i; returns the offset after the closing ')'.
qsizetype readMacroHeader(const QString &text, qsizetype i, qsizetype end, MacroHeader &h, MdlLayout &layout)
{
    h.offset = i;
    const qsizetype open = text.indexOf(u'(', i);
    const qsizetype close = open < 0 ? -1 : text.indexOf(u')', open);
    if (open < 0 || close < 0 || close >= end) {
        layout.errors.push_back({i, QStringLiteral(":MACRO: needs a name and its parameters in parentheses")});
        const qsizetype line = text.indexOf(u'\n', i);
        return line < 0 ? end : line;
    }
    h.name = withoutContinuations(QStringView(text).mid(i, open - i)).simplified();
    // A header may go on over several lines, each but the last ending in a backslash.
    const QString inside = withoutContinuations(QStringView(text).mid(open + 1, close - open - 1));
    const qsizetype colon = inside.indexOf(u':');
    const auto names = [](const QString &s) {
        QStringList out;
        for (const QString &p : s.split(u',', Qt::SkipEmptyParts))
            if (!p.simplified().isEmpty())
                out << p.simplified();
        return out;
    };
    h.parameters = names(colon < 0 ? inside : inside.left(colon));
    if (colon >= 0)
        h.outputs = names(inside.mid(colon + 1));
    return close + 1;
}

} // namespace

MdlLayout splitSections(const QString &text)
{
    MdlLayout layout;
    qsizetype end = text.size();
    // "\\\---///" opens the sketch; some files have two backslashes.
    qsizetype sketch = text.indexOf(QLatin1String("\\\\---///"));
    if (sketch > 0 && text[sketch - 1] == u'\\')
        --sketch;
    if (sketch >= 0) {
        end = sketch;
        const qsizetype line = text.indexOf(u'\n', sketch);
        layout.sketchBegin = line < 0 ? text.size() : line + 1;
    }
    qsizetype i = 0;
    if (text.startsWith(QLatin1String("{UTF-8}")))
        i = 7;
    QString group;
    int macro = -1;
    for (;;) {
        i = skipBlank(text, i, end);
        if (i >= end)
            break;
        if (text.mid(i, 7).compare(QLatin1String(":MACRO:"), Qt::CaseInsensitive) == 0) {
            if (macro >= 0) // the open macro's body would take this one in
                layout.errors.push_back({layout.macros[std::size_t(macro)].offset,
                                         QStringLiteral(":MACRO: %1 has no :END OF MACRO: before the next :MACRO:")
                                             .arg(layout.macros[std::size_t(macro)].name)});
            MacroHeader h;
            i = readMacroHeader(text, skipBlank(text, i + 7, end), end, h, layout);
            layout.macros.push_back(h);
            macro = int(layout.macros.size()) - 1;
            continue;
        }
        if (text.mid(i, 14).compare(QLatin1String(":END OF MACRO:"), Qt::CaseInsensitive) == 0) {
            if (macro < 0)
                layout.errors.push_back({i, QStringLiteral(":END OF MACRO: with no :MACRO: open")});
            macro = -1;
            i += 14;
            continue;
        }
        const qsizetype tilde1 = findUnquoted(text, i, end, u"~|");
        Record r;
        r.begin = i;
        r.end = tilde1;
        qsizetype next = tilde1;
        if (tilde1 < end && text[tilde1] == u'~') {
            const qsizetype tilde2 = findUnquoted(text, tilde1 + 1, end, u"~|");
            r.units = text.mid(tilde1 + 1, tilde2 - tilde1 - 1);
            next = tilde2;
            if (tilde2 < end && text[tilde2] == u'~') {
                const qsizetype bar = text.indexOf(u'|', tilde2 + 1);
                const qsizetype stop = (bar < 0 || bar > end) ? end : bar;
                r.comment = text.mid(tilde2 + 1, stop - tilde2 - 1);
                next = stop;
                // A third '~' brings a flag (":SUPPLEMENTARY"). Anything else after it is the
                // next equation, read into this one's comment because a '|' is missing:
                // said, or that equation would be lost without a word.
                const qsizetype tilde3 = findUnquoted(text, tilde2 + 1, stop, u"~");
                if (tilde3 < stop) {
                    r.comment = text.mid(tilde2 + 1, tilde3 - tilde2 - 1);
                    if (!text.mid(tilde3 + 1, stop - tilde3 - 1).trimmed().startsWith(u':'))
                        layout.errors.push_back({tilde3, QStringLiteral("a third '~' in one equation, and no flag such as "
                                                                        ":SUPPLEMENTARY after it: is the '|' that ends "
                                                                        "the equation before it missing?")});
                }
            }
        }
        if (next >= end && r.end >= end && text.mid(i, end - i).trimmed().isEmpty())
            break;
        if (next >= end)
            layout.errors.push_back({i, QStringLiteral("the equation does not end with '|'")});
        // A group header: "****** .name ****** ~ comment |"
        const QString head = text.mid(r.begin, r.end - r.begin).trimmed();
        if (head.startsWith(u'*')) {
            const qsizetype dot = head.indexOf(u'.');
            if (dot >= 0) {
                const qsizetype lineEnd = head.indexOf(u'\n', dot);
                group = head.mid(dot + 1, lineEnd < 0 ? -1 : lineEnd - dot - 1).trimmed();
            }
        } else {
            r.group = group;
            r.macro = macro;
            r.units = r.units.trimmed();
            // Vensim breaks a long comment with "\" at the end of a line, as it does equations:
            // the words run on, with one space where the break was.
            static const QRegularExpression continuation(QStringLiteral("[ \\t]*\\\\[ \\t]*\\r?\\n[ \\t]*"));
            r.comment = r.comment.replace(continuation, QStringLiteral(" ")).trimmed();
            layout.records.push_back(r);
        }
        i = next + 1;
    }
    // Unclosed, a macro takes every equation after it into its body, the model's own with
    // them: said, rather than a model that silently lost them.
    if (macro >= 0)
        layout.errors.push_back({layout.macros[std::size_t(macro)].offset,
                                 QStringLiteral(":MACRO: %1 has no :END OF MACRO:").arg(layout.macros[std::size_t(macro)].name)});
    return layout;
}

} // namespace meadows::vensim

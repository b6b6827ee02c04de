#include "source.h"

#include <algorithm>
#include <iterator>

namespace meadows {

SourceText::SourceText(QString fileName, QString text, std::vector<Insertion> inserted)
    : m_fileName(std::move(fileName)), m_text(std::move(text)), m_inserted(std::move(inserted))
{
    m_lineStarts.push_back(0);
    for (qsizetype i = 0; i < m_text.size(); ++i) {
        if (m_text[i] == u'\n')
            m_lineStarts.push_back(i + 1);
    }
}

SourcePos SourceText::position(qsizetype offset) const
{
    offset = std::clamp<qsizetype>(offset, 0, m_text.size());
    // Repairs are in increasing order: the last one starting before the offset may hold it.
    const auto byStart = [](const Insertion &in, qsizetype at) { return in.at < at; };
    if (auto holding = std::lower_bound(m_inserted.begin(), m_inserted.end(), offset, byStart);
        holding != m_inserted.begin() && offset < std::prev(holding)->at + std::prev(holding)->length)
        offset = std::prev(holding)->at; // inside a repair: where it was put
    auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const auto line = static_cast<int>(it - m_lineStarts.begin());
    const qsizetype start = m_lineStarts[line - 1];
    int column = 1;
    for (qsizetype i = start; i < offset; ++i) {
        if (m_text[i] != u'\r')
            ++column;
    }
    // The file's own column: repairs before it on its line do not count.
    for (auto in = std::lower_bound(m_inserted.begin(), m_inserted.end(), start, byStart);
         in != m_inserted.end() && in->at < offset; ++in)
        column -= int(std::min(in->length, offset - in->at));
    return {line, column};
}

SourcePos SourceRef::positionOfDecodedOffset(qsizetype decodedOffset) const
{
    if (!isValid())
        return {};
    if (rewritten) {
        // The file offset of the last name or call starting at or before the offset: exact
        // for what errors point at (names and calls), the nearest one before otherwise.
        const auto after = std::upper_bound(rewritten->begin(), rewritten->end(), decodedOffset,
                                            [](qsizetype at, const auto &pair) { return at < pair.first; });
        return source->position(after == rewritten->begin() ? offset : std::prev(after)->second);
    }
    const QString &raw = source->text();
    qsizetype rawPos = offset;
    const qsizetype end = std::min(raw.size(), offset + length);
    qsizetype decoded = 0;
    while (rawPos < end && decoded < decodedOffset) {
        if (raw[rawPos] == u'&') {
            const qsizetype semi = raw.indexOf(u';', rawPos);
            rawPos = (semi >= 0 && semi < end && semi - rawPos < 12) ? semi + 1 : rawPos + 1;
        } else if (raw[rawPos] == u'\r' && rawPos + 1 < end && raw[rawPos + 1] == u'\n') {
            rawPos += 2; // XML folds CRLF into one LF
        } else if (raw.mid(rawPos, 9) == QLatin1String("<![CDATA[")) {
            rawPos += 9;
            continue;
        } else {
            ++rawPos;
        }
        ++decoded;
    }
    return source->position(rawPos);
}

QString Diagnostic::format() const
{
    const char *kind = severity == Severity::Error ? "error" : severity == Severity::Warning ? "warning" : "note";
    QString where = file.isEmpty() ? QStringLiteral("<input>") : file;
    if (pos.line > 0)
        where += QStringLiteral(":%1:%2").arg(pos.line).arg(pos.column);
    return QStringLiteral("%1: %2: %3").arg(where, QLatin1String(kind), message);
}

} // namespace meadows

// Delimited text (.csv, .tab, .txt): one row a line, cells split at the delimiter,
// a cell in double quotes may hold the delimiter and "" for a quote.
#include "model/sizelimit.h"
#include "workbook.h"

#include <QFile>
#include <cmath>
#include <QStringDecoder>

namespace meadows::spreadsheet {

namespace {

Cell cellOf(const QString &raw)
{
    Cell c;
    c.text = raw;
    bool ok = false;
    const double v = raw.trimmed().toDouble(&ok);
    if (ok && std::isfinite(v)) // "nan" and "inf" read as numbers by Qt are words here, as "abc" is
        c.number = v;
    return c;
}

} // namespace

ReadResult readDelimited(const QString &path, QChar delimiter, const QString &sheetName)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, QStringLiteral("cannot open %1: %2").arg(path, file.errorString())};
    const QByteArray bytes = file.read(kMaxSpreadsheetBytes + 1);
    if (bytes.size() > kMaxSpreadsheetBytes)
        return {std::nullopt, QStringLiteral("%1 is more than %2 bytes").arg(path).arg(kMaxSpreadsheetBytes)};
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(bytes);
    if (utf8.hasError())
        text = QString::fromLatin1(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    Sheet sheet;
    sheet.name = sheetName;
    const std::int64_t limit = maxModelSize();
    int row = 0, column = 0;
    QString cell;
    bool quoted = false, wasQuoted = false;
    const auto endCell = [&]() -> bool {
        if (!cell.isEmpty() || wasQuoted) {
            if (sheet.cellCount() >= limit || row >= kMaxRows || column >= kMaxColumns)
                return false;
            sheet.set({row, column}, cellOf(cell));
        }
        cell.clear();
        wasQuoted = false;
        ++column;
        return true;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                cell += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
            continue;
        }
        bool ok = true;
        if (c == u'"' && cell.trimmed().isEmpty()) {
            quoted = wasQuoted = true;
            cell.clear();
        } else if (c == delimiter) {
            ok = endCell();
        } else if (c == u'\n' || c == u'\r') {
            ok = endCell();
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            ++row;
            column = 0;
        } else {
            cell += c;
        }
        if (!ok)
            return {std::nullopt, QStringLiteral("%1 has more than %2 cells, or a cell beyond %3%4")
                                      .arg(path).arg(limit).arg(columnName(kMaxColumns - 1)).arg(kMaxRows)};
    }
    if (!endCell())
        return {std::nullopt, QStringLiteral("%1 has more than %2 cells").arg(path).arg(limit)};
    Workbook book;
    book.sheets.push_back(std::move(sheet));
    return {std::move(book), {}};
}

} // namespace meadows::spreadsheet

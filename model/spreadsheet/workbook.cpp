#include "workbook.h"

#include "model/filenamecheck.h"
#include "model/inputfiles.h"

#include <QFileInfo>

namespace meadows::spreadsheet {

const Cell *Sheet::cell(CellPos p) const
{
    const auto it = m_cells.constFind(key(p));
    return it == m_cells.constEnd() ? nullptr : &*it;
}

std::optional<double> Sheet::number(CellPos p) const
{
    const Cell *c = cell(p);
    return c ? c->number : std::nullopt;
}

const Sheet *Workbook::sheet(const QString &name) const
{
    for (const Sheet &s : sheets)
        if (s.name == name)
            return &s;
    for (const Sheet &s : sheets)
        if (s.name.compare(name, Qt::CaseInsensitive) == 0)
            return &s;
    return nullptr;
}

const DefinedName *Workbook::definedName(const QString &name, const QString &sheetName) const
{
    const DefinedName *global = nullptr;
    for (const DefinedName &n : names) {
        if (n.name.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (n.scopeSheet.isEmpty())
            global = global ? global : &n;
        else if (n.scopeSheet.compare(sheetName, Qt::CaseInsensitive) == 0)
            return &n;
    }
    return global;
}

ReadResult readWorkbook(const QString &path, const QString &delimiter)
{
    if (const QString problem = nulCharacterProblem(path); !problem.isEmpty())
        return {std::nullopt, problem};
    const QFileInfo info(path);
    if (!info.exists())
        return {std::nullopt, QStringLiteral("the file %1 does not exist").arg(path)};
    if (!info.isFile()) // a pipe would wait for ever for a writer
        return {std::nullopt, QStringLiteral("%1 is not a file").arg(path)};
    noteInputFile(path);
    if (info.size() > kMaxSpreadsheetBytes)
        return {std::nullopt, QStringLiteral("%1 is %2 bytes, more than the %3 a spreadsheet may have")
                                  .arg(path).arg(info.size()).arg(kMaxSpreadsheetBytes)};
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("xls"))
        return readXls(path);
    if (suffix == QLatin1String("xlsx") || suffix == QLatin1String("xlsm"))
        return readXlsx(path);
    QChar sep = suffix == QLatin1String("csv") ? QChar(u',') : QChar(u'\t');
    if (delimiter.size() == 1)
        sep = delimiter[0];
    else if (delimiter.compare(QLatin1String("\\t"), Qt::CaseInsensitive) == 0)
        sep = QChar(u'\t');
    return readDelimited(path, sep, delimiter);
}

std::optional<int> parseColumn(QStringView letters)
{
    if (letters.isEmpty() || letters.size() > 3)
        return std::nullopt;
    int n = 0;
    for (QChar c : letters) {
        const char16_t u = c.toUpper().unicode();
        if (u < u'A' || u > u'Z')
            return std::nullopt;
        n = n * 26 + (u - u'A' + 1);
    }
    if (n > kMaxColumns)
        return std::nullopt;
    return n - 1;
}

std::optional<CellPos> parseCell(QStringView text)
{
    qsizetype i = 0;
    if (i < text.size() && text[i] == u'$')
        ++i;
    const qsizetype letters = i;
    while (i < text.size() && text[i].isLetter() && text[i].unicode() < 128)
        ++i;
    const auto column = parseColumn(text.mid(letters, i - letters));
    if (!column)
        return std::nullopt;
    if (i < text.size() && text[i] == u'$')
        ++i;
    const QStringView digits = text.mid(i);
    if (digits.isEmpty() || digits.size() > 7)
        return std::nullopt;
    for (QChar c : digits)
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
    const int row = digits.toInt();
    if (row < 1 || row > kMaxRows)
        return std::nullopt;
    return CellPos{row - 1, *column};
}

std::optional<CellRange> parseRange(QStringView text, QString *sheet)
{
    text = text.trimmed();
    const qsizetype bang = text.lastIndexOf(u'!');
    if (bang >= 0) {
        QStringView s = text.left(bang).trimmed();
        if (s.size() >= 2 && s.front() == u'\'' && s.back() == u'\'')
            s = s.mid(1, s.size() - 2);
        if (sheet)
            *sheet = s.toString().replace(QLatin1String("''"), QLatin1String("'"));
        text = text.mid(bang + 1);
    }
    const qsizetype colon = text.indexOf(u':');
    const auto first = parseCell(colon < 0 ? text : text.left(colon));
    const auto last = colon < 0 ? first : parseCell(text.mid(colon + 1));
    if (!first || !last)
        return std::nullopt;
    CellRange r;
    r.first = {std::min(first->row, last->row), std::min(first->column, last->column)};
    r.last = {std::max(first->row, last->row), std::max(first->column, last->column)};
    return r;
}

QString columnName(int column)
{
    QString name;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

QString cellName(CellPos p)
{
    return columnName(p.column) + QString::number(p.row + 1);
}

} // namespace meadows::spreadsheet

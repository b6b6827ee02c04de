#pragma once
// A spreadsheet's cells, read whole from a .xls (FreeXL), .xlsx (libzip and
// QXmlStreamReader) or delimited text file (.csv, .tab, ...), with the workbook's
// named cell ranges. What Vensim's GET XLS / GET DIRECT functions read; the Vensim
// meaning of their arguments lives in model/vensim/mdlgetdata.cpp.
//
// Every reader is bounded: a file larger than kMaxSpreadsheetBytes, a sheet with
// more cells than maxModelSize() (model/sizelimit.h) or an .xlsx whose parts inflate
// beyond 256 bytes for each of those (at most kMaxSpreadsheetBytes) is refused with
// an error, never read on.
#include <QHash>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace meadows::spreadsheet {

constexpr std::int64_t kMaxSpreadsheetBytes = 256LL * 1024 * 1024;
constexpr int kMaxRows = 1048576; // Excel's own limits
constexpr int kMaxColumns = 16384;

// A cell's place, counted from 0 (A1 is row 0, column 0).
struct CellPos {
    int row = 0;
    int column = 0;
    bool operator==(const CellPos &) const = default;
};

struct CellRange {
    CellPos first, last; // inclusive corners, first above and left of last
    int rows() const { return last.row - first.row + 1; }
    int columns() const { return last.column - first.column + 1; }
};

struct Cell {
    std::optional<double> number; // set for numeric cells
    QString text;                 // text cells (and a number's text in delimited files)
};

class Sheet {
public:
    QString name;
    // Empty when the cell is blank or absent.
    const Cell *cell(CellPos p) const;
    std::optional<double> number(CellPos p) const;
    void set(CellPos p, Cell c) { m_cells.insert(key(p), std::move(c)); }
    qsizetype cellCount() const { return m_cells.size(); }

private:
    static quint64 key(CellPos p) { return (quint64(quint32(p.row)) << 32) | quint32(p.column); }
    QHash<quint64, Cell> m_cells;
};

// A workbook's defined name: global (sheet empty) or local to one sheet.
struct DefinedName {
    QString name;
    QString scopeSheet; // the sheet it is local to; empty for the whole workbook
    QString sheet;      // the sheet its cells are on
    CellRange range;
};

struct Workbook {
    std::vector<Sheet> sheets;
    std::vector<DefinedName> names;

    const Sheet *sheet(const QString &name) const; // exact name first, then ignoring case
    // A name as seen from `sheetName`: its local definition first, then the global one.
    const DefinedName *definedName(const QString &name, const QString &sheetName) const;
};

struct ReadResult {
    std::optional<Workbook> workbook;
    QString error; // why it could not be read, when workbook is empty
};

// Reads the file by its extension: .xls, .xlsx (also .xlsm), anything else as
// delimited text. For text, `delimiter` separates the cells (Vensim passes it where a
// sheet's name would be); empty means ',' for .csv and a tab otherwise. A text file's
// one sheet is named after the delimiter argument, so a lookup by that name finds it.
ReadResult readWorkbook(const QString &path, const QString &delimiter = {});

// "B2", "$B$2", "AB10" (case-insensitive). Empty when not a cell reference.
std::optional<CellPos> parseCell(QStringView text);
// "B2", "B2:D4", "Sheet1!$B$2:$D$4", "'My sheet'!B2"; the sheet, when given, in `sheet`.
std::optional<CellRange> parseRange(QStringView text, QString *sheet = nullptr);
// "A" -> 0, "AB" -> 27; empty when not only letters or beyond kMaxColumns.
std::optional<int> parseColumn(QStringView letters);
// 0 -> "A", 27 -> "AB"; and a cell's name "B2".
QString columnName(int column);
QString cellName(CellPos p);

// The format readers, each filling a Workbook or setting an error.
ReadResult readXls(const QString &path);
ReadResult readXlsx(const QString &path);
ReadResult readDelimited(const QString &path, QChar delimiter, const QString &sheetName);

} // namespace meadows::spreadsheet

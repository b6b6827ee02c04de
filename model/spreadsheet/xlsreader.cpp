// Excel 97-2003 workbooks (.xls, BIFF) through FreeXL. FreeXL does not give the
// workbook's defined names, so an .xls is read by cell references only.
#include "model/lazylibrary.h"
#include "model/sizelimit.h"
#include "workbook.h"

#include <algorithm>
#include <QFile>
#include <freexl.h>

namespace meadows::spreadsheet {

namespace {

// The functions taken from FreeXL, loaded the first time an .xls is read
// (model/lazylibrary.h says why). Every call below goes through here.
#define FREEXL_FUNCTIONS(X) X(freexl_open_info) X(freexl_open) X(freexl_close) X(freexl_get_info) \
    X(freexl_select_active_worksheet) X(freexl_worksheet_dimensions) X(freexl_get_worksheet_name) X(freexl_get_cell_value)
struct FreeXl {
    FREEXL_FUNCTIONS(MEADOWS_LAZY_FIELD)
    QString error; // empty when all of the above were found
};

const FreeXl &freexl()
{
    return functionsOf<FreeXl>(MEADOWS_FREEXL_LIBRARY, [](FreeXl &api, LazyLibrary &library) { FREEXL_FUNCTIONS(MEADOWS_LAZY_TAKE) });
}

class Handle {
public:
    ~Handle()
    {
        if (h)
            freexl().freexl_close(h);
    }
    const void *h = nullptr;
};

// FreeXL says what went wrong only as a number (freexl.h); the reader is told in words.
QString freexlError(const QString &path, int code)
{
    static constexpr struct {
        int code;
        const char *why;
    } kReasons[] = {
        {FREEXL_FILE_NOT_FOUND, "the file cannot be opened"},
        {FREEXL_INSUFFICIENT_MEMORY, "not enough memory"},
        {FREEXL_INVALID_CFBF_HEADER, "it is not an Excel 97-2003 file (no compound-file header)"},
        {FREEXL_CFBF_INVALID_SIGNATURE, "its compound-file header is damaged (an .xlsx named .xls gives this too)"},
        {FREEXL_INVALID_CHARACTER, "its text uses a character set FreeXL cannot convert"},
        {FREEXL_UNSUPPORTED_CHARSET, "its text uses a character set FreeXL cannot convert"},
        {FREEXL_CFBF_READ_ERROR, "it is too short to be an Excel 97-2003 file, or not a regular file"},
        {FREEXL_CFBF_SEEK_ERROR, "it is too short to be an Excel 97-2003 file, or not a regular file"},
        {FREEXL_BIFF_WORKBOOK_NOT_FOUND, "it holds no workbook"},
    };
    const auto known = std::find_if(std::begin(kReasons), std::end(kReasons), [code](const auto &r) { return r.code == code; });
    const QString why = QLatin1String(known != std::end(kReasons) ? known->why : "the file is damaged");
    return QStringLiteral("cannot read %1 as an Excel 97-2003 workbook: %2 (FreeXL error %3)").arg(path, why).arg(code);
}

// Sheet names and sizes, without loading any cell: a file claiming millions of cells
// is refused before FreeXL allocates them.
std::optional<QString> checkDimensions(const QString &path, const QByteArray &encoded)
{
    const FreeXl &xl = freexl();
    Handle info;
    int rc = xl.freexl_open_info(encoded.constData(), &info.h);
    if (rc != FREEXL_OK)
        return freexlError(path, rc);
    unsigned int sheets = 0;
    rc = xl.freexl_get_info(info.h, FREEXL_BIFF_SHEET_COUNT, &sheets);
    if (rc != FREEXL_OK)
        return freexlError(path, rc);
    std::int64_t total = 0;
    for (unsigned short s = 0; s < sheets; ++s) {
        unsigned int rows = 0;
        unsigned short columns = 0;
        if (xl.freexl_select_active_worksheet(info.h, s) != FREEXL_OK
            || xl.freexl_worksheet_dimensions(info.h, &rows, &columns) != FREEXL_OK)
            continue; // sizes FreeXL cannot tell are checked again once loaded
        total += std::int64_t(rows) * columns;
    }
    if (total > maxModelSize())
        return QStringLiteral("%1 spans %2 cells, more than the limit of %3").arg(path).arg(total).arg(maxModelSize());
    return std::nullopt;
}

} // namespace

ReadResult readXls(const QString &path)
{
    const FreeXl &xl = freexl();
    if (!xl.error.isEmpty())
        return {std::nullopt, QStringLiteral("%1: FreeXL, which reads .xls files, is not available: %2").arg(path, xl.error)};
    const QByteArray encoded = QFile::encodeName(path);
    if (auto error = checkDimensions(path, encoded))
        return {std::nullopt, *error};
    Handle book;
    int rc = xl.freexl_open(encoded.constData(), &book.h);
    if (rc != FREEXL_OK)
        return {std::nullopt, freexlError(path, rc)};
    unsigned int sheets = 0;
    rc = xl.freexl_get_info(book.h, FREEXL_BIFF_SHEET_COUNT, &sheets);
    if (rc != FREEXL_OK)
        return {std::nullopt, freexlError(path, rc)};
    Workbook result;
    std::int64_t total = 0;
    for (unsigned short s = 0; s < sheets; ++s) {
        Sheet sheet;
        const char *name = nullptr;
        if (xl.freexl_get_worksheet_name(book.h, s, &name) == FREEXL_OK && name)
            sheet.name = QString::fromUtf8(name);
        unsigned int rows = 0;
        unsigned short columns = 0;
        if (xl.freexl_select_active_worksheet(book.h, s) != FREEXL_OK
            || xl.freexl_worksheet_dimensions(book.h, &rows, &columns) != FREEXL_OK)
            return {std::nullopt, QStringLiteral("cannot read sheet %1 of %2").arg(s + 1).arg(path)};
        total += std::int64_t(rows) * columns;
        if (total > maxModelSize())
            return {std::nullopt, QStringLiteral("%1 spans more than %2 cells").arg(path).arg(maxModelSize())};
        for (unsigned int r = 0; r < rows; ++r) {
            for (unsigned short c = 0; c < columns; ++c) {
                FreeXL_CellValue v;
                if (xl.freexl_get_cell_value(book.h, r, c, &v) != FREEXL_OK)
                    continue;
                Cell cell;
                switch (v.type) {
                case FREEXL_CELL_INT:
                    cell.number = double(v.value.int_value);
                    break;
                case FREEXL_CELL_DOUBLE:
                    cell.number = v.value.double_value;
                    break;
                case FREEXL_CELL_TEXT: case FREEXL_CELL_SST_TEXT: case FREEXL_CELL_DATE:
                case FREEXL_CELL_DATETIME: case FREEXL_CELL_TIME:
                    cell.text = QString::fromUtf8(v.value.text_value);
                    break;
                default:
                    continue;
                }
                sheet.set({int(r), int(c)}, std::move(cell));
            }
        }
        result.sheets.push_back(std::move(sheet));
    }
    return {std::move(result), {}};
}

} // namespace meadows::spreadsheet

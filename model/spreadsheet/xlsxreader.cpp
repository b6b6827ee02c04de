// Office Open XML workbooks (.xlsx): a zip (read with libzip) of XML parts (read with
// QXmlStreamReader): the workbook (sheets and defined names), its relationships (which
// part holds which sheet), the shared strings and each worksheet's cells.
#include "model/lazylibrary.h"
#include "model/sizelimit.h"
#include "workbook.h"

#include <QDir>
#include <QFile>
#include <QXmlStreamReader>
#include <cmath>
#include <zip.h>

namespace meadows::spreadsheet {

namespace {

// XML a workbook may inflate to: 256 bytes for each model element the size limit
// allows (256 MB by default), never more than kMaxSpreadsheetBytes.
std::int64_t maxInflatedBytes()
{
    return std::min(kMaxSpreadsheetBytes, maxModelSize() * 256);
}

// The functions taken from libzip, loaded the first time an .xlsx is read
// (model/lazylibrary.h says why). Every call below goes through here.
#define LIBZIP_FUNCTIONS(X) X(zip_open) X(zip_error_init_with_code) X(zip_error_strerror) X(zip_error_fini) \
    X(zip_discard) X(zip_name_locate) X(zip_fopen) X(zip_fread) X(zip_file_strerror) X(zip_fclose)
struct LibZip {
    LIBZIP_FUNCTIONS(MEADOWS_LAZY_FIELD)
    QString error; // empty when all of the above were found
};

const LibZip &libzip()
{
    return functionsOf<LibZip>(MEADOWS_LIBZIP_LIBRARY, [](LibZip &api, LazyLibrary &library) { LIBZIP_FUNCTIONS(MEADOWS_LAZY_TAKE) });
}

class Package {
public:
    explicit Package(const QString &path) : m_path(path)
    {
        if (!m_api.error.isEmpty()) {
            m_error = QStringLiteral("%1: libzip, which opens .xlsx files, is not available: %2").arg(path, m_api.error);
            return;
        }
        int error = 0;
        m_zip = m_api.zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
        if (!m_zip) {
            zip_error_t e;
            m_api.zip_error_init_with_code(&e, error);
            m_error = QStringLiteral("cannot open %1 as an .xlsx (zip) file: %2").arg(path, QString::fromUtf8(m_api.zip_error_strerror(&e)));
            m_api.zip_error_fini(&e);
        }
    }
    ~Package()
    {
        if (m_zip)
            m_api.zip_discard(m_zip);
    }
    bool ok() const { return m_zip && m_error.isEmpty(); }
    const QString &path() const { return m_path; }
    const QString &error() const { return m_error; }
    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }

    bool has(const QString &part) const { return m_zip && m_api.zip_name_locate(m_zip, part.toUtf8().constData(), 0) >= 0; }

    // A part's bytes, inflated no further than what is left of the budget: a zip bomb
    // stops at the limit with an error instead of filling the memory.
    std::optional<QByteArray> read(const QString &part)
    {
        zip_file_t *f = m_api.zip_fopen(m_zip, part.toUtf8().constData(), 0);
        if (!f) {
            fail(QStringLiteral("%1 has no part %2").arg(m_path, part));
            return std::nullopt;
        }
        QByteArray out;
        char buffer[65536];
        for (;;) {
            const zip_int64_t n = m_api.zip_fread(f, buffer, sizeof buffer);
            if (n < 0) {
                fail(QStringLiteral("cannot inflate %1 in %2: %3").arg(part, m_path, QString::fromUtf8(m_api.zip_file_strerror(f))));
                m_api.zip_fclose(f);
                return std::nullopt;
            }
            if (n == 0)
                break;
            m_inflated += n;
            if (m_inflated > maxInflatedBytes()) {
                fail(QStringLiteral("%1 inflates to more than %2 bytes").arg(m_path).arg(maxInflatedBytes()));
                m_api.zip_fclose(f);
                return std::nullopt;
            }
            out.append(buffer, qsizetype(n));
        }
        m_api.zip_fclose(f);
        return out;
    }

private:
    const LibZip &m_api = libzip();
    QString m_path;
    zip_t *m_zip = nullptr;
    QString m_error;
    std::int64_t m_inflated = 0;
};

// "worksheets/sheet1.xml" from "xl/workbook.xml" -> "xl/worksheets/sheet1.xml".
QString resolvePart(const QString &from, const QString &target)
{
    if (target.startsWith(u'/'))
        return target.mid(1);
    const qsizetype slash = from.lastIndexOf(u'/');
    return QDir::cleanPath((slash < 0 ? QString() : from.left(slash + 1)) + target);
}

// Relationship id -> target part, from a .rels part.
QHash<QString, QString> relationships(const QByteArray &xml, const QString &owner, QHash<QString, QString> *byType = nullptr)
{
    QHash<QString, QString> out;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("Relationship")) {
            const auto a = r.attributes();
            const QString target = resolvePart(owner, a.value(QLatin1String("Target")).toString());
            out.insert(a.value(QLatin1String("Id")).toString(), target);
            if (byType) {
                const QString type = a.value(QLatin1String("Type")).toString();
                byType->insert(type.mid(type.lastIndexOf(u'/') + 1), target);
            }
        }
    }
    return out;
}

QString xmlError(const QXmlStreamReader &r, const QString &part, const QString &path)
{
    return QStringLiteral("%1 in %2: malformed XML at line %3: %4").arg(part, path).arg(r.lineNumber()).arg(r.errorString());
}

// The text of an element and its descendants' <t> runs (rich text), skipping the
// phonetic guides (<rPh>); the reader ends on the element's end.
QString runText(QXmlStreamReader &r)
{
    QString text;
    int depth = 1;
    bool skip = false;
    while (depth > 0 && !r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            ++depth;
            if (r.name() == QLatin1String("rPh"))
                skip = true;
        } else if (r.isEndElement()) {
            --depth;
            if (r.name() == QLatin1String("rPh"))
                skip = false;
        } else if (r.isCharacters() && !skip) {
            text += r.text();
        }
    }
    return text;
}

class XlsxReader {
public:
    explicit XlsxReader(const QString &path) : m_path(path), m_zip(path) {}

    ReadResult read()
    {
        if (!m_zip.ok())
            return {std::nullopt, m_zip.error()};
        QString workbookPart = QStringLiteral("xl/workbook.xml");
        if (auto rels = m_zip.read(QStringLiteral("_rels/.rels"))) {
            QHash<QString, QString> byType;
            relationships(*rels, QString(), &byType);
            workbookPart = byType.value(QStringLiteral("officeDocument"), workbookPart);
        }
        const QString relsPart = resolvePart(workbookPart, QStringLiteral("_rels/")
                                                               + workbookPart.mid(workbookPart.lastIndexOf(u'/') + 1) + QStringLiteral(".rels"));
        const auto relsXml = m_zip.read(relsPart);
        const auto bookXml = relsXml ? m_zip.read(workbookPart) : std::nullopt;
        if (!bookXml)
            return {std::nullopt, m_zip.error()};
        QHash<QString, QString> byType;
        const QHash<QString, QString> rels = relationships(*relsXml, workbookPart, &byType);
        if (const QString strings = byType.value(QStringLiteral("sharedStrings")); !strings.isEmpty() && m_zip.has(strings))
            if (!readSharedStrings(strings))
                return {std::nullopt, m_error};
        Workbook book;
        std::vector<QString> parts;
        if (!readWorkbookPart(*bookXml, workbookPart, rels, book, parts))
            return {std::nullopt, m_error};
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (!readSheet(parts[i], book.sheets[i]))
                return {std::nullopt, m_error};
        return {std::move(book), {}};
    }

private:
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    bool readSharedStrings(const QString &part)
    {
        const auto xml = m_zip.read(part);
        if (!xml)
            return fail(m_zip.error());
        QXmlStreamReader r(*xml);
        while (!r.atEnd()) {
            r.readNext();
            if (r.isStartElement() && r.name() == QLatin1String("si")) {
                if (m_strings.size() >= maxModelSize())
                    return fail(QStringLiteral("%1 has more than %2 strings").arg(m_path).arg(maxModelSize()));
                m_strings << runText(r);
            }
        }
        return r.hasError() ? fail(xmlError(r, part, m_path)) : true;
    }

    bool readWorkbookPart(const QByteArray &xml, const QString &part, const QHash<QString, QString> &rels, Workbook &book,
                          std::vector<QString> &sheetParts)
    {
        QXmlStreamReader r(xml);
        QStringList everySheet; // in the workbook's order, which localSheetId counts in
        while (!r.atEnd()) {
            r.readNext();
            if (!r.isStartElement())
                continue;
            const auto a = r.attributes();
            if (r.name() == QLatin1String("sheet")) {
                everySheet << a.value(QLatin1String("name")).toString();
                QString id;
                for (const QXmlStreamAttribute &attr : a)
                    if (attr.name() == QLatin1String("id")) // r:id, whatever the prefix is bound to
                        id = attr.value().toString();
                const QString target = rels.value(id);
                if (target.isEmpty())
                    continue; // no relationship: no cells to read
                if (!m_zip.has(target)) // a damaged file: said, not "no such sheet" when the sheet is asked for
                    return fail(QStringLiteral("sheet '%1' of %2 is in the part %3, which the file does not have")
                                    .arg(everySheet.back(), m_zip.path(), target));
                Sheet s;
                s.name = a.value(QLatin1String("name")).toString();
                book.sheets.push_back(std::move(s));
                sheetParts.push_back(target);
            } else if (r.name() == QLatin1String("definedName")) {
                DefinedName n;
                n.name = a.value(QLatin1String("name")).toString();
                const QString local = a.value(QLatin1String("localSheetId")).toString();
                const QString ref = r.readElementText(QXmlStreamReader::SkipChildElements);
                const auto range = parseRange(ref, &n.sheet);
                if (!range)
                    continue; // formulas, print areas over several ranges: not cell ranges Vensim reads
                n.range = *range;
                if (!local.isEmpty())
                    n.scopeSheet = QStringLiteral("#") + local; // named once the sheets are known
                book.names.push_back(std::move(n));
            }
        }
        if (r.hasError())
            return fail(xmlError(r, part, m_path));
        for (DefinedName &n : book.names) {
            if (!n.scopeSheet.startsWith(u'#'))
                continue;
            const int index = n.scopeSheet.mid(1).toInt();
            n.scopeSheet = index >= 0 && index < everySheet.size() ? everySheet[index] : QStringLiteral("?");
        }
        return true;
    }

    bool readSheet(const QString &part, Sheet &sheet)
    {
        const auto xml = m_zip.read(part);
        if (!xml)
            return fail(m_zip.error());
        QXmlStreamReader r(*xml);
        int row = -1, column = -1;
        while (!r.atEnd()) {
            r.readNext();
            if (!r.isStartElement())
                continue;
            if (r.name() == QLatin1String("row")) {
                bool ok = false;
                const int n = r.attributes().value(QLatin1String("r")).toInt(&ok);
                row = ok ? n - 1 : row + 1;
                column = -1;
                if (row < 0 || row >= kMaxRows)
                    return fail(QStringLiteral("%1 in %2: row %3 is beyond Excel's %4").arg(part, m_path).arg(row + 1).arg(kMaxRows));
            } else if (r.name() == QLatin1String("c")) {
                const auto a = r.attributes();
                const QString ref = a.value(QLatin1String("r")).toString();
                CellPos p{row < 0 ? 0 : row, column + 1};
                if (!ref.isEmpty()) {
                    const auto parsed = parseCell(ref);
                    if (!parsed)
                        return fail(QStringLiteral("%1 in %2: '%3' is not a cell reference").arg(part, m_path, ref));
                    p = *parsed;
                }
                if (p.column >= kMaxColumns)
                    return fail(QStringLiteral("%1 in %2: a cell beyond column %3").arg(part, m_path, columnName(kMaxColumns - 1)));
                row = p.row;
                column = p.column;
                const QString type = a.value(QLatin1String("t")).toString();
                std::optional<Cell> cell = readCell(r, type);
                if (!m_error.isEmpty())
                    return false;
                if (cell) {
                    if (sheet.cellCount() >= maxModelSize())
                        return fail(QStringLiteral("%1 has more than %2 cells").arg(m_path).arg(maxModelSize()));
                    sheet.set(p, std::move(*cell));
                }
            }
        }
        return r.hasError() ? fail(xmlError(r, part, m_path)) : true;
    }

    // One <c>: its value <v> (a number, or an index into the shared strings) or its
    // inline string <is>; the reader ends on </c>.
    std::optional<Cell> readCell(QXmlStreamReader &r, const QString &type)
    {
        QString value;
        bool hasValue = false;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isEndElement() && r.name() == QLatin1String("c"))
                break;
            if (!r.isStartElement())
                continue;
            if (r.name() == QLatin1String("v")) {
                value = r.readElementText(QXmlStreamReader::SkipChildElements);
                hasValue = true;
            } else if (r.name() == QLatin1String("is")) {
                value = runText(r);
                hasValue = true;
            }
        }
        if (!hasValue)
            return std::nullopt;
        Cell c;
        if (type == QLatin1String("s")) {
            bool ok = false;
            const qsizetype index = value.trimmed().toLongLong(&ok);
            if (!ok || index < 0 || index >= m_strings.size()) {
                fail(QStringLiteral("%1: a cell names shared string %2, which does not exist").arg(m_path, value));
                return std::nullopt;
            }
            c.text = m_strings[index];
        } else if (type == QLatin1String("str") || type == QLatin1String("inlineStr") || type == QLatin1String("e")
                   || type == QLatin1String("d")) {
            c.text = value;
        } else {
            bool ok = false;
            const double v = value.trimmed().toDouble(&ok);
            if (ok && std::isfinite(v)) // Qt reads "nan" and "inf" as numbers; a sheet's are words
                c.number = v;
            c.text = value;
        }
        return c;
    }

    QString m_path;
    Package m_zip;
    QString m_error;
    QStringList m_strings;
};

} // namespace

ReadResult readXlsx(const QString &path)
{
    return XlsxReader(path).read();
}

} // namespace meadows::spreadsheet

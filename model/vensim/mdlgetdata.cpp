#include "mdlgetdata.h"

#include "mdldatareading.h"
#include "mdldatatransforms.h"
#include "model/filenamecheck.h"
#include "model/names.h"

#include "model/sizelimit.h"
#include "model/spreadsheet/workbook.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <algorithm>
#include <map>
#include <memory>

namespace meadows::vensim {

namespace {

using spreadsheet::CellPos;
using spreadsheet::CellRange;
using spreadsheet::Sheet;
using spreadsheet::Workbook;

enum class GetKind { None, Constants, Lookups, Data, Subscript };

GetKind getKind(const Expr &e)
{
    if (e.kind != Expr::Kind::Call)
        return GetKind::None;
    const QString key = e.text.simplified().toUpper().replace(u'_', u' ');
    for (const char *prefix : {"GET XLS ", "GET DIRECT "}) {
        if (!key.startsWith(QLatin1String(prefix)))
            continue;
        const QStringView what = QStringView(key).mid(qsizetype(qstrlen(prefix)));
        if (what == QLatin1String("CONSTANTS"))
            return GetKind::Constants;
        if (what == QLatin1String("LOOKUPS"))
            return GetKind::Lookups;
        if (what == QLatin1String("DATA"))
            return GetKind::Data;
        if (what == QLatin1String("SUBSCRIPT"))
            return GetKind::Subscript;
    }
    return GetKind::None;
}

struct Failure {
    qsizetype offset = 0;
    QString message;
    bool said = false; // a file that cannot be read is said once, at the first call naming it
};

// Where the values start: a cell, or the top left of a named range (which then also
// bounds how far they may go).
struct Anchor {
    const Sheet *sheet = nullptr;
    CellPos at;
    std::optional<CellRange> bound;
    QString name; // the named range, for messages
};

QString where(const Sheet *sheet, CellPos p)
{
    // A delimited file's one sheet is named by its delimiter (',' or '\t'), which means
    // nothing in a message: its cell alone.
    if (sheet->name.size() == 1 && !sheet->name.front().isLetterOrNumber())
        return spreadsheet::cellName(p);
    return QStringLiteral("%1!%2").arg(sheet->name, spreadsheet::cellName(p));
}

class ExternalData {
public:
    ExternalData(const SubscriptRanges &ranges, const QString &folder, Reporter &report)
        : m_ranges(ranges), m_folder(folder), m_report(report)
    {
    }

    std::optional<QStringList> subscriptElements(const Expr &call)
    {
        Failure f;
        const auto args = stringArguments(call, 5, f);
        const Workbook *book = args ? workbook((*args)[0], (*args)[1], call.args[0].offset, f) : nullptr;
        const Sheet *tab = book ? sheetOf(*book, (*args)[0], (*args)[1], call.args[1].offset, f) : nullptr;
        const auto first = tab ? locate(*book, tab, (*args)[0], (*args)[1], (*args)[2], call.args[2].offset, f) : std::nullopt;
        if (!first) {
            if (!f.said)
                m_report.error(f.offset, f.message);
            return std::nullopt;
        }
        if ((*args)[3].isEmpty()) {
            m_report.error(call.args[3].offset, QStringLiteral("%1 without a last cell is not supported: name the last "
                                                               "cell of the elements").arg(call.text));
            return std::nullopt;
        }
        const auto last = locate(*book, tab, (*args)[0], (*args)[1], (*args)[3], call.args[3].offset, f);
        if (!last || last->sheet != first->sheet) {
            m_report.error(f.offset, last ? QStringLiteral("the first and last cells are on different sheets") : f.message);
            return std::nullopt;
        }
        const CellPos to = last->bound ? last->bound->last : last->at;
        const std::int64_t cells = std::int64_t(to.row - first->at.row + 1) * (to.column - first->at.column + 1);
        if (to.row < first->at.row || to.column < first->at.column || cells > maxModelSize()) {
            m_report.error(call.args[3].offset, QStringLiteral("%1 to %2 is not a block of at most %3 cells")
                                                    .arg(where(first->sheet, first->at), spreadsheet::cellName(to))
                                                    .arg(maxModelSize()));
            return std::nullopt;
        }
        QStringList elements;
        for (int row = first->at.row; row <= to.row; ++row) {
            for (int column = first->at.column; column <= to.column; ++column) {
                const spreadsheet::Cell *c = first->sheet->cell({row, column});
                if (!c)
                    continue;
                const QString name = c->number ? QString::number(*c->number, 'g', 15) : c->text.trimmed();
                if (!name.isEmpty())
                    elements << (*args)[4] + name;
            }
        }
        if (elements.isEmpty())
            m_report.error(call.args[2].offset, QStringLiteral("no elements from %1 to %2")
                                                    .arg(where(first->sheet, first->at), spreadsheet::cellName(to)));
        return elements.isEmpty() ? std::nullopt : std::optional<QStringList>(elements);
    }

    void run(std::vector<Definition> &defs)
    {
        std::vector<Definition> out;
        out.reserve(defs.size());
        m_tables.emplace(defs);
        for (Definition &d : defs) {
            const GetKind kind = d.rhs ? getKind(*d.rhs) : GetKind::None;
            if (kind != GetKind::Data && d.readingOffset >= 0 && d.reading != DataReading::Interpolate
                && !(d.rhs && makesDataSeries(*d.rhs)))
                m_report.warning(d.readingOffset, QStringLiteral("%1 is read for data from a file (GET XLS DATA, GET DIRECT "
                                                                 "DATA); '%2' is computed from its equation at every "
                                                                 "step, so the keyword is not used")
                                                      .arg(readingKeyword(d.reading), d.name));
            if (kind == GetKind::None) {
                if (d.op == Tok::LParen && d.rhs && d.rhs->kind != Expr::Kind::Lookup) {
                    m_report.error(d.rhs->offset, QStringLiteral("a lookup read with %1 is not supported: Meadows reads "
                                                                 "lookups written as points or read with GET XLS LOOKUPS "
                                                                 "or GET DIRECT LOOKUPS").arg(d.rhs->text));
                    continue;
                }
                out.push_back(std::move(d));
                continue;
            }
            Failure failure;
            std::optional<std::vector<Definition>> read = expand(d, kind, failure);
            if (!read) {
                if (!failure.said)
                    m_report.error(failure.offset, failure.message);
                continue;
            }
            for (Definition &e : *read)
                out.push_back(std::move(e));
        }
        replaceDataFunctions(out, m_tables->readBases());
        defs = std::move(out);
    }

private:
    std::optional<std::vector<Definition>> expand(const Definition &d, GetKind kind, Failure &f)
    {
        const Expr &call = *d.rhs;
        if (kind == GetKind::Subscript) {
            f.offset = call.offset;
            f.message = QStringLiteral("%1 defines a subscript range: write it after ':'").arg(call.text);
            return std::nullopt;
        }
        const int arity = kind == GetKind::Constants ? 3 : 4;
        const std::optional<QStringList> quoted = stringArguments(call, arity, f);
        if (!quoted)
            return std::nullopt;
        const QStringList &args = *quoted;
        // Vensim reads "x = GET DIRECT DATA(...)" as the data equation "x := ..." (SDEverywhere's
        // directdata_endofdata model, run in Vensim, is written so); "==" is no data equation.
        if (kind == GetKind::Data && d.op != Tok::Assign && d.op != Tok::Eq) {
            f.message = QStringLiteral("%1 defines data: write the equation with ':='").arg(call.text);
            return std::nullopt;
        }
        const Workbook *book = workbook(args[0], args[1], call.args[0].offset, f);
        if (!book)
            return std::nullopt;
        const Sheet *tab = sheetOf(*book, args[0], args[1], call.args[1].offset, f);
        if (!tab)
            return std::nullopt;

        // The subscripts that vary (ranges) and the position of each element in them.
        std::vector<int> varying;
        for (int i = 0; i < int(d.subscripts.size()); ++i)
            if (m_ranges.isRange(d.subscripts[i].name))
                varying.push_back(i);
        const int most = kind == GetKind::Constants ? 2 : 1;
        if (int(varying.size()) > most) {
            f.message = QStringLiteral("%1 reads %2 subscript range(s) at most (%3); write an equation for each "
                                       "element of the others").arg(call.text).arg(most)
                            .arg(kind == GetKind::Constants ? QStringLiteral("down the rows and across the columns")
                                                            : QStringLiteral("one row or column for each element"));
            return std::nullopt;
        }
        const std::vector<QStringList> elements = definedElements(d, m_ranges);

        std::vector<Definition> out;
        if (kind == GetKind::Constants) {
            QString cell = args[2];
            const bool transpose = cell.endsWith(u'*');
            if (transpose)
                cell.chop(1);
            const auto anchor = locate(*book, tab, args[0], args[1], cell, call.args[2].offset, f);
            if (!anchor)
                return std::nullopt;
            for (const QStringList &t : elements) {
                std::vector<int> at = positions(d, varying, t);
                int down = 0, across = 0;
                if (at.size() == 1)
                    across = at[0];
                else if (at.size() == 2)
                    down = at[0], across = at[1];
                if (transpose)
                    std::swap(down, across);
                const auto value = numberAt(*anchor, down, across, call.args[2].offset, f);
                if (!value)
                    return std::nullopt;
                Expr number;
                number.kind = Expr::Kind::Number;
                number.number = *value;
                number.offset = call.offset;
                out.push_back(element(d, t, std::move(number), d.op == Tok::EqEq ? Tok::EqEq : Tok::Eq));
            }
            return out;
        }

        const auto anchor = locate(*book, tab, args[0], args[1], args[3], call.args[3].offset, f);
        if (!anchor)
            return std::nullopt;
        const auto times = timeAxis(*book, *anchor, args[0], args[1], args[2], call.args[2].offset, f);
        if (!times)
            return std::nullopt;
        if (std::int64_t(elements.size()) * std::int64_t(times->points.size()) > maxModelSize()) {
            f.offset = call.offset;
            f.message = QStringLiteral("%1 reads %2 points for each of %3 elements, more than the limit of %4 values")
                            .arg(call.text).arg(times->points.size()).arg(elements.size()).arg(maxModelSize());
            return std::nullopt;
        }
        for (const QStringList &t : elements) {
            const std::vector<int> at = positions(d, varying, t);
            const int k = at.empty() ? 0 : at[0];
            LookupTable table;
            for (const auto &[i, time] : times->points) {
                const CellPos p = times->horizontal ? CellPos{anchor->at.row + k, anchor->at.column + i}
                                                    : CellPos{anchor->at.row + i, anchor->at.column + k};
                if (!inBound(*anchor, p, call.args[3].offset, f))
                    return std::nullopt;
                const spreadsheet::Cell *c = anchor->sheet->cell(p);
                if (!c || (!c->number && c->text.trimmed().isEmpty()))
                    continue; // Vensim leaves missing values out and interpolates across them
                if (!c->number) {
                    // So it does with text ("Vensim omits these data points from the synthesized
                    // lookup but continues reading other valid data points", SDEverywhere's
                    // directdata_invalidcell test, made with Vensim); said, since it may be a slip.
                    m_report.warning(call.args[3].offset, QStringLiteral("%1 holds '%2', not a number: that point is left "
                                                                         "out, as Vensim does, and the values around it "
                                                                         "are read across it").arg(where(anchor->sheet, p), c->text));
                    continue;
                }
                table.xs.push_back(time);
                table.ys.push_back(*c->number);
            }
            if (table.xs.empty()) {
                f.offset = call.args[3].offset;
                f.message = QStringLiteral("no values at %1 for '%2'").arg(where(anchor->sheet, anchor->at), d.name);
                return std::nullopt;
            }
            Expr lookup;
            lookup.kind = Expr::Kind::Lookup;
            lookup.table = std::move(table);
            lookup.offset = call.offset;
            if (kind == GetKind::Lookups) {
                out.push_back(element(d, t, std::move(lookup), Tok::LParen));
                continue;
            }
            // Data: the points read at Time, as the equation's keyword says.
            for (Definition &e : dataEquations(element(d, t, Expr(call), Tok::Eq), std::move(lookup.table),
                                               m_tables->baseOf(d.name), m_tables->readByFunctions(d.name)))
                out.push_back(std::move(e));
        }
        return out;
    }

    // The arguments, which Vensim needs as literals in single quotes.
    static std::optional<QStringList> stringArguments(const Expr &call, int arity, Failure &f)
    {
        f.offset = call.offset;
        if (int(call.args.size()) != arity) {
            f.message = QStringLiteral("%1 takes %2 arguments, not %3").arg(call.text).arg(arity).arg(call.args.size());
            return std::nullopt;
        }
        QStringList args;
        for (const Expr &a : call.args) {
            if (a.kind != Expr::Kind::Name || !a.subscripts.empty()) {
                f.offset = a.offset;
                f.message = QStringLiteral("%1 needs its arguments in single quotes; string variables are not "
                                           "supported").arg(call.text);
                return std::nullopt;
            }
            args << a.text.trimmed();
        }
        return args;
    }

    // The position of each varying subscript's element in its range.
    std::vector<int> positions(const Definition &d, const std::vector<int> &varying, const QStringList &tuple) const
    {
        std::vector<int> at;
        for (int v : varying)
            at.push_back(int(m_ranges.elementsOf(d.subscripts[v].name).indexOf(tuple[v], Qt::CaseInsensitive)));
        return at;
    }

    // One element's equation: the definition narrowed to that element.
    static Definition element(const Definition &d, const QStringList &tuple, Expr rhs, Tok op)
    {
        Definition e = elementOf(d, tuple);
        e.op = op;
        e.rhs = std::move(rhs);
        return e;
    }

    const Workbook *workbook(const QString &file, const QString &tab, qsizetype offset, Failure &f)
    {
        f.offset = offset;
        if (file.startsWith(u'?')) {
            f.message = QStringLiteral("'%1' names a file through Vensim's settings (XLS Files), but no settings line "
                                       "30 gives it and there is no '%2' beside the model (in %3): name the file itself")
                            .arg(file, file.mid(1).trimmed(), QDir::toNativeSeparators(m_folder));
            return nullptr;
        }
        QString path = QString(file).replace(u'\\', u'/');
        if (QFileInfo(path).isRelative())
            path = QDir(m_folder).filePath(path);
        path = QDir::cleanPath(path);
        const bool text = !path.endsWith(QLatin1String(".xls"), Qt::CaseInsensitive)
                          && !path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)
                          && !path.endsWith(QLatin1String(".xlsm"), Qt::CaseInsensitive);
        // A delimited file's "sheet" is its delimiter, so each delimiter is a reading of its own.
        const QString key = text ? path + QLatin1Char('\n') + tab : path;
        auto it = m_books.find(key);
        if (it == m_books.end())
            it = m_books.emplace(key, std::make_shared<spreadsheet::ReadResult>(spreadsheet::readWorkbook(path, text ? tab : QString()))).first;
        if (!it->second->workbook) {
            f.message = QStringLiteral("cannot read '%1': %2").arg(shownFileName(file), it->second->error);
            f.said = m_unreadable.contains(key);
            m_unreadable.insert(key);
            return nullptr;
        }
        return &*it->second->workbook;
    }

    static const Sheet *sheetOf(const Workbook &book, const QString &file, const QString &tab, qsizetype offset, Failure &f)
    {
        if (book.sheets.size() == 1 && book.names.empty() && book.sheets.front().name == tab)
            return &book.sheets.front(); // delimited text: one sheet, named after its delimiter
        if (const Sheet *s = book.sheet(tab))
            return s;
        QStringList names;
        for (const Sheet &s : book.sheets)
            names << s.name;
        f.offset = offset;
        f.message = QStringLiteral("'%1' has no sheet '%2' (it has %3)").arg(file, tab, names.join(QLatin1String(", ")));
        return nullptr;
    }

    static std::optional<Anchor> locate(const Workbook &book, const Sheet *tab, const QString &file, const QString &tabName,
                                        const QString &ref, qsizetype offset, Failure &f)
    {
        if (const auto cell = spreadsheet::parseCell(ref))
            return Anchor{tab, *cell, std::nullopt, QString()};
        if (const spreadsheet::DefinedName *n = book.definedName(ref, tabName)) {
            const Sheet *sheet = n->sheet.isEmpty() ? tab : book.sheet(n->sheet);
            if (sheet)
                return Anchor{sheet, n->range.first, n->range, n->name};
            f.offset = offset;
            f.message = QStringLiteral("the range '%1' in '%2' is on sheet '%3', which does not exist").arg(ref, file, n->sheet);
            return std::nullopt;
        }
        f.offset = offset;
        f.message = QStringLiteral("'%1' is neither a cell (such as B2) nor a range named in '%2'").arg(ref, file);
        return std::nullopt;
    }

    static bool inBound(const Anchor &a, CellPos p, qsizetype offset, Failure &f)
    {
        if (p.row >= spreadsheet::kMaxRows || p.column >= spreadsheet::kMaxColumns) {
            f.offset = offset;
            f.message = QStringLiteral("the values run past the last row or column of sheet '%1'").arg(a.sheet->name);
            return false;
        }
        if (!a.bound || (p.row <= a.bound->last.row && p.column <= a.bound->last.column))
            return true;
        f.offset = offset;
        f.message = QStringLiteral("the range '%1' (%2:%3) is too small: %4 is outside it").arg(a.name,
                        where(a.sheet, a.bound->first), spreadsheet::cellName(a.bound->last), spreadsheet::cellName(p));
        return false;
    }

    static std::optional<double> numberAt(const Anchor &a, int down, int across, qsizetype offset, Failure &f)
    {
        const CellPos p{a.at.row + down, a.at.column + across};
        if (!inBound(a, p, offset, f))
            return std::nullopt;
        const spreadsheet::Cell *c = a.sheet->cell(p);
        if (c && c->number)
            return c->number;
        f.offset = offset;
        f.message = c && !c->text.trimmed().isEmpty()
                        ? QStringLiteral("%1 holds '%2', not a number").arg(where(a.sheet, p), c->text)
                        : QStringLiteral("%1 is empty").arg(where(a.sheet, p));
        return std::nullopt;
    }

    // The times of GET ... DATA / LOOKUPS: a row number ('4': across that row from the
    // values' first column), a column letter ('A': down that column from their first
    // row), or a named range; each time with its place along the values.
    struct Axis {
        bool horizontal = true;
        std::vector<std::pair<int, double>> points;
    };

    static std::optional<Axis> timeAxis(const Workbook &book, const Anchor &values, const QString &file, const QString &tab,
                                        const QString &ref, qsizetype offset, Failure &f)
    {
        Axis axis;
        f.offset = offset;
        QString bare = ref;
        bare.remove(u'$');
        bool isRow = false;
        const int row = bare.toInt(&isRow);
        const auto column = spreadsheet::parseColumn(bare);
        if ((isRow && row >= 1 && row <= spreadsheet::kMaxRows) || column) {
            axis.horizontal = isRow;
            for (int i = 0;; ++i) {
                const CellPos p = isRow ? CellPos{row - 1, values.at.column + i} : CellPos{values.at.row + i, *column};
                if (p.row >= spreadsheet::kMaxRows || p.column >= spreadsheet::kMaxColumns)
                    break;
                const auto t = values.sheet->number(p);
                if (!t)
                    break;
                axis.points.push_back({i, *t});
            }
            if (axis.points.empty()) {
                const CellPos first = isRow ? CellPos{row - 1, values.at.column} : CellPos{values.at.row, *column};
                f.message = QStringLiteral("no times at %1").arg(where(values.sheet, first));
                return std::nullopt;
            }
            return axis;
        }
        const spreadsheet::DefinedName *n = book.definedName(ref, tab);
        if (!n) {
            f.message = QStringLiteral("'%1' is neither a row number, a column letter nor a range named in '%2'").arg(ref, file);
            return std::nullopt;
        }
        const Sheet *sheet = n->sheet.isEmpty() ? values.sheet : book.sheet(n->sheet);
        if (!sheet || (n->range.rows() > 1 && n->range.columns() > 1)) {
            f.message = sheet ? QStringLiteral("the times '%1' must be one row or one column").arg(ref)
                              : QStringLiteral("the range '%1' is on sheet '%2', which does not exist").arg(ref, n->sheet);
            return std::nullopt;
        }
        axis.horizontal = n->range.rows() == 1;
        const int count = axis.horizontal ? n->range.columns() : n->range.rows();
        for (int i = 0; i < count; ++i) {
            const CellPos p = axis.horizontal ? CellPos{n->range.first.row, n->range.first.column + i}
                                              : CellPos{n->range.first.row + i, n->range.first.column};
            if (const auto t = sheet->number(p))
                axis.points.push_back({i, *t});
        }
        if (axis.points.empty()) {
            f.message = QStringLiteral("the range '%1' holds no times").arg(ref);
            return std::nullopt;
        }
        return axis;
    }

    const SubscriptRanges &m_ranges;
    QString m_folder;
    Reporter &m_report;
    std::map<QString, std::shared_ptr<spreadsheet::ReadResult>> m_books;
    QSet<QString> m_unreadable; // the books whose error has been said
    std::optional<DataTableNames> m_tables; // made when the equations are known (run)
};

} // namespace

bool isGetSubscript(const Expr &call)
{
    return getKind(call) == GetKind::Subscript;
}

std::optional<QStringList> readSubscriptElements(const Expr &call, const QString &modelFolder, Reporter &report)
{
    const SubscriptRanges none;
    return ExternalData(none, modelFolder, report).subscriptElements(call);
}

void readExternalData(std::vector<Definition> &defs, const SubscriptRanges &ranges, const QString &modelFolder,
                      Reporter &report)
{
    ExternalData(ranges, modelFolder, report).run(defs);
}

} // namespace meadows::vensim

#include "mdldatfile.h"

#include "mdldatareading.h"
#include "model/names.h"
#include "model/sizelimit.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <cmath>

namespace meadows::vensim {

namespace {

QStringList &files()
{
    static QStringList paths;
    return paths;
}

// "name[e1, e2]" as a key: the name and each element compared as names are.
QString seriesKey(const QString &name, const QStringList &elements)
{
    QStringList canonical;
    for (const QString &e : elements)
        canonical << canonicalName(e.trimmed());
    return canonicalName(name.trimmed()) + (canonical.isEmpty() ? QString() : u'[' + canonical.join(u',') + u']');
}

struct DatFile {
    QHash<QString, LookupTable> series; // by seriesKey
    QString error;                      // why it could not be read; empty when it was
    bool reported = false;
};

// Reads one .dat file. A line whose first word is a number is a point: a time and a value,
// both finite, the times rising; any other line names a series (once in a file).
DatFile readDat(const QString &path)
{
    DatFile out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        out.error = QStringLiteral("cannot read the data file %1: %2").arg(path, f.errorString());
        return out;
    }
    LookupTable *current = nullptr;
    std::int64_t values = 0; // points and series, bounded by the size limit
    int lineNumber = 0;
    const auto fail = [&](const QString &what) {
        out.error = QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(what);
        return out;
    };
    while (!f.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(f.readLine()).simplified();
        if (line.isEmpty())
            continue;
        if (++values > maxModelSize())
            return fail(QStringLiteral("more than %1 points and series (raise the limit with --max-size)").arg(maxModelSize()));
        const QStringList words = line.split(u' ');
        bool isNumber = false;
        const double time = words.front().toDouble(&isNumber);
        if (isNumber) {
            bool valueOk = false;
            const double value = words.size() == 2 ? words[1].toDouble(&valueOk) : 0;
            if (!valueOk || !std::isfinite(time) || !std::isfinite(value))
                return fail(QStringLiteral("a point is a time and a value, two finite numbers, not '%1'").arg(line.left(80)));
            if (!current)
                return fail(QStringLiteral("a point before any variable's name"));
            if (!current->xs.empty() && !(time > current->xs.back()))
                return fail(QStringLiteral("the times of a series must rise: %1 after %2").arg(time).arg(current->xs.back()));
            current->xs.push_back(time);
            current->ys.push_back(value);
            continue;
        }
        // A name, perhaps with its element: "A Values[A1]" or "BC Values[B1,C2]".
        const qsizetype open = line.indexOf(u'[');
        QStringList elements;
        if (open >= 0) {
            if (!line.endsWith(u']'))
                return fail(QStringLiteral("'%1' is neither a name nor a point").arg(line.left(80)));
            elements = line.mid(open + 1, line.size() - open - 2).split(u',');
        }
        const QString key = seriesKey(open >= 0 ? line.left(open) : line, elements);
        if (out.series.contains(key))
            return fail(QStringLiteral("'%1' is listed twice").arg(line.left(80)));
        current = &out.series[key];
    }
    return out;
}

} // namespace

QString setDataFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            return QStringLiteral("--data: cannot read the file '%1'").arg(path);
    }
    files() = paths;
    return {};
}

const QStringList &dataFiles()
{
    return files();
}

void supplyDataFromFiles(std::vector<Definition> &defs, const SubscriptRanges &ranges, Reporter &report)
{
    if (files().isEmpty())
        return;
    std::vector<DatFile> read; // read when a variable first needs them
    DataTableNames tables(defs);
    std::vector<Definition> out;
    out.reserve(defs.size());
    for (Definition &d : defs) {
        if (d.op != Tok::End || d.incomplete || d.record.macro >= 0) {
            out.push_back(std::move(d));
            continue;
        }
        if (read.empty()) {
            for (const QString &path : files())
                read.push_back(readDat(path));
        }
        bool failed = false;
        for (DatFile &file : read) {
            if (!file.error.isEmpty()) {
                if (!file.reported) // said once, at the first variable that needs the file
                    report.error(d.nameOffset, file.error);
                file.reported = true;
                failed = true;
            }
        }
        const std::vector<QStringList> elements = definedElements(d, ranges);
        std::vector<Definition> supplied;
        std::size_t found = 0;
        for (const QStringList &t : elements) {
            const QString key = seriesKey(d.name, t);
            const LookupTable *points = nullptr;
            for (const DatFile &file : read) // the first file that has it, in the order given
                if (!points)
                    if (const auto it = file.series.constFind(key); it != file.series.constEnd() && !it->xs.empty())
                        points = &*it;
            if (!points)
                break;
            ++found;
            Definition e = elementOf(d, t);
            e.op = Tok::Eq;
            for (Definition &eq : dataEquations(e, *points, tables.baseOf(d.name), tables.readByFunctions(d.name)))
                supplied.push_back(std::move(eq));
        }
        if (failed || found < elements.size()) {
            if (!failed && found > 0)
                report.error(d.nameOffset, QStringLiteral("the data files hold some elements of '%1' but not all").arg(d.name));
            out.push_back(std::move(d));
            continue;
        }
        for (Definition &e : supplied)
            out.push_back(std::move(e));
    }
    // GET DATA functions on these variables (those on GET DIRECT DATA's were replaced before).
    replaceDataFunctions(out, tables.readBases());
    defs = std::move(out);
}

} // namespace meadows::vensim

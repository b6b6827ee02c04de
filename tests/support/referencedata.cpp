#include "referencedata.h"

#include <algorithm>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <cmath>
#include <map>

namespace meadows::test {

QString normalizeColumn(const QString &name)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    static const QRegularExpression punctuation(QStringLiteral("\\s*([\\[\\],.])\\s*"));
    QString n = name.trimmed();
    while (n.startsWith(u'"'))
        n.remove(0, 1);
    while (n.endsWith(u'"'))
        n.chop(1);
    n = n.trimmed().toLower().replace(u'_', u' ');
    n.replace(spaces, QStringLiteral(" "));
    n.replace(punctuation, QStringLiteral("\\1"));
    return n;
}

namespace {
// A CSV/TSV line split on `delim`, honouring double quotes.
QStringList splitLine(const QString &line, QChar delim)
{
    QStringList out;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == delim) {
            out << field;
            field.clear();
        } else {
            field += c;
        }
    }
    out << field;
    return out;
}
} // namespace

Table parseTable(const QByteArray &data)
{
    QString raw = QString::fromUtf8(data);
    if (raw.startsWith(QChar(0xFEFF)))
        raw.remove(0, 1);
    raw.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(u'\r', u'\n');
    const QStringList lines = raw.split(u'\n');
    const QChar delim = lines.value(0).contains(u'\t') ? u'\t' : u',';
    Table t;
    bool header = true;
    for (const QString &line : lines) {
        const QStringList cells = splitLine(line, delim);
        if (std::all_of(cells.begin(), cells.end(), [](const QString &c) { return c.trimmed().isEmpty(); }))
            continue;
        if (header) {
            t.columns << QStringLiteral("time");
            for (qsizetype i = 1; i < cells.size(); ++i)
                t.columns << normalizeColumn(cells[i]);
            header = false;
            continue;
        }
        std::vector<double> row;
        for (const QString &c : cells) {
            bool ok = false;
            const double v = c.trimmed().toDouble(&ok);
            row.push_back(ok ? v : std::nan(""));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

Table readTable(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return parseTable(f.readAll());
}

Comparison compareTables(const Table &actual, const Table &expected)
{
    static const QSet<QString> control{QStringLiteral("initial time"), QStringLiteral("final time"),
                                       QStringLiteral("time step"), QStringLiteral("saveper"),
                                       QStringLiteral("dt"), QStringLiteral("starttime"), QStringLiteral("stoptime")};
    // Rows are matched by time, nearest first, as the judge does: either side may print
    // times rounded (Vensim writes 10.03125 as 10.0312), so a row matches when its time is
    // within 1e-5 relative of the expected one.
    std::vector<std::pair<double, const std::vector<double> *>> byTime;
    for (const auto &r : actual.rows) {
        if (!r.empty() && !std::isnan(r[0]))
            byTime.push_back({r[0], &r});
    }
    std::stable_sort(byTime.begin(), byTime.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    auto rowAt = [&byTime](double t) -> const std::vector<double> * {
        const auto j = std::lower_bound(byTime.begin(), byTime.end(), t,
                                        [](const auto &entry, double v) { return entry.first < v; });
        auto best = byTime.end();
        if (j != byTime.end())
            best = j;
        if (j != byTime.begin() && (best == byTime.end() || std::fabs(std::prev(j)->first - t) <= std::fabs(best->first - t)))
            best = std::prev(j);
        if (best == byTime.end() || std::fabs(best->first - t) > 1e-5 * std::max(1.0, std::fabs(t)))
            return nullptr;
        return best->second;
    };
    Comparison result;
    for (qsizetype ei = 0; ei < expected.columns.size(); ++ei) {
        const QString &name = expected.columns[ei];
        if (name == QLatin1String("time") || control.contains(name))
            continue;
        const qsizetype ai = actual.columns.indexOf(name);
        if (ai < 0) {
            result.message = QStringLiteral("missing column '%1'").arg(name);
            return result;
        }
        for (const auto &er : expected.rows) {
            if (ei >= qsizetype(er.size()) || std::isnan(er[ei]))
                continue;
            const double t = er[0];
            const std::vector<double> *row = rowAt(t);
            if (!row) {
                result.message = QStringLiteral("no row at time %1").arg(t);
                return result;
            }
            const std::vector<double> &ar = *row;
            const double a = ai < qsizetype(ar.size()) ? ar[ai] : std::nan("");
            const double e = er[ei];
            if (std::isnan(a) || std::fabs(a - e) > 1e-4 * std::max(std::fabs(a), std::fabs(e)) + 1e-6) {
                result.message = QStringLiteral("'%1' at time %2: got %3, expected %4").arg(name).arg(t).arg(a, 0, 'g', 10).arg(e, 0, 'g', 10);
                return result;
            }
            ++result.checked;
        }
    }
    result.ok = result.checked > 0;
    if (!result.ok)
        result.message = QStringLiteral("no values compared");
    return result;
}

std::vector<ReferenceModel> referenceModels(const QString &root)
{
    std::vector<ReferenceModel> out;
    QDirIterator dirs(root, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    QStringList folders{root};
    while (dirs.hasNext())
        folders << dirs.next();
    folders.sort();
    for (const QString &folder : folders) {
        QDir d(folder);
        QString ref;
        for (const char *name : {"output.csv", "output.tab"}) {
            if (d.exists(QLatin1String(name))) {
                ref = d.filePath(QLatin1String(name));
                break;
            }
        }
        if (ref.isEmpty())
            continue;
        const QStringList models = d.entryList({QStringLiteral("*.xmile"), QStringLiteral("*.stmx"), QStringLiteral("*.xml"), QStringLiteral("*.mdl")}, QDir::Files|QDir::CaseSensitive, QDir::Name);
        for (const QString &m : models)
            out.push_back({d.filePath(m), ref, QDir(root).relativeFilePath(d.filePath(m))});
    }
    return out;
}

} // namespace meadows::test

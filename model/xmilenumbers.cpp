#include "xmilenumbers.h"
#include "numberliteral.h"

#include <QStringList>

#include <cmath>

namespace meadows {

std::optional<double> parseSpecNumber(const QString &text)
{
    bool ok = false;
    const double d = text.trimmed().toDouble(&ok);
    if (ok)
        return d;
    const QStringList parts = text.split(u'/');
    if (parts.size() != 2)
        return std::nullopt;
    bool okTop = false;
    bool okBottom = false;
    const double top = parts[0].trimmed().toDouble(&okTop);
    const double bottom = parts[1].trimmed().toDouble(&okBottom);
    if (!okTop || !okBottom || bottom == 0)
        return std::nullopt;
    return top / bottom;
}

std::optional<std::vector<double>> parseNumberList(const QString &text, const QString &sep, QString *bad)
{
    std::vector<double> out;
    const QString separator = sep.isEmpty() ? QStringLiteral(",") : sep;
    for (const QString &part : text.split(separator, Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (t.isEmpty())
            continue;
        bool ok = false;
        double d = t.toDouble(&ok);
        if (!ok) { // an underflow (1e-999) is 0, the nearest double, as the equation readers take it
            const bool sign = t.startsWith(u'-') || t.startsWith(u'+');
            const NumberLiteral n = readNumberLiteral(QStringView(t).mid(sign ? 1 : 0));
            ok = n.problem.isEmpty();
            d = t.startsWith(u'-') ? -n.value : n.value;
        }
        if (!ok || !std::isfinite(d)) {
            *bad = t;
            return std::nullopt;
        }
        out.push_back(d);
    }
    return out;
}

std::optional<std::int64_t> parseDimensionSize(const QString &text, std::int64_t limit, QString *error)
{
    bool ok = false;
    const qlonglong size = text.trimmed().toLongLong(&ok);
    if (!ok && !text.trimmed().isEmpty() && text.trimmed().front().isDigit()) {
        *error = QStringLiteral("size '%1' is too large (the limit is %2 elements; raise it with --max-size)")
                     .arg(text.trimmed()).arg(limit);
        return std::nullopt;
    }
    if (!ok || size < 1) {
        *error = QStringLiteral("size '%1' is not a whole number of at least 1").arg(text.trimmed());
        return std::nullopt;
    }
    if (size > limit) {
        *error = QStringLiteral("size %1 is more than the limit of %2 elements (raise it with --max-size)")
                     .arg(size).arg(limit);
        return std::nullopt;
    }
    return std::int64_t(size);
}

} // namespace meadows

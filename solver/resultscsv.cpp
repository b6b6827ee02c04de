// Results as CSV, the format `meadows run` writes.
#include "simulation.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace meadows {

namespace {

void appendNumber(QByteArray &out, double v)
{
    if (std::isnan(v)) {
        out += "NaN";
        return;
    }
    if (std::isinf(v)) {
        out += v > 0 ? "Inf" : "-Inf";
        return;
    }
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end - buf);
}

void appendField(QByteArray &out, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n')) {
        QByteArray q = utf8;
        q.replace("\"", "\"\"");
        out += '"' + q + '"';
    } else {
        out += utf8;
    }
}

// printf's %g rounds an exact tie to even (10.03125 -> 10.0312), as Vensim does.
QByteArray formatTime(double t, int digits)
{
    char buf[40];
    const int n = std::snprintf(buf, sizeof buf, "%.*g", digits, t);
    return QByteArray(buf, n);
}

// Vensim writes times with six significant digits, and reference outputs line up with
// that; Meadows does the same, using more digits only where six would make two rows'
// times look alike. Every other column is written in full.
int timeDigits(const Results &results)
{
    const std::size_t rows = results.rows();
    for (int digits = 6; digits < 17; ++digits) {
        bool distinct = true;
        QByteArray previous;
        for (std::size_t r = 0; r < rows && distinct; ++r) {
            const QByteArray text = formatTime(results.at(r, 0), digits);
            distinct = text != previous;
            previous = text;
        }
        if (distinct)
            return digits;
    }
    return 17;
}

} // namespace

QByteArray toCsv(const Results &results)
{
    QByteArray out;
    out.reserve(int(results.data.size() * 12 + results.names.size() * 16));
    for (std::size_t c = 0; c < results.names.size(); ++c) {
        if (c)
            out += ',';
        appendField(out, results.names[c]);
    }
    out += '\n';
    const std::size_t rows = results.rows();
    const int digits = timeDigits(results);
    for (std::size_t r = 0; r < rows; ++r) {
        out += formatTime(results.at(r, 0), digits);
        for (std::size_t c = 1; c < results.columns; ++c) {
            out += ',';
            appendNumber(out, results.at(r, c));
        }
        out += '\n';
    }
    return out;
}

} // namespace meadows

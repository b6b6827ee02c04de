// Results as CSV, the format `meadows run` writes.
#include "simulation.h"

#include <QFile>
#include <QTemporaryFile>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <algorithm>
#include <functional>
#include <thread>
#include <vector>

namespace meadows {

namespace {

// Writes v at p (room for 32 characters) and returns the end.
char *writeNumber(char *p, double v)
{
    if (std::isnan(v)) {
        std::memcpy(p, "NaN", 3);
        return p + 3;
    }
    if (std::isinf(v)) {
        const char *text = v > 0 ? "Inf" : "-Inf";
        const std::size_t n = std::strlen(text);
        std::memcpy(p, text, n);
        return p + n;
    }
    return std::to_chars(p, p + 32, v).ptr;
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

void writeCsv(const Results &results, const std::function<bool(const char *, std::size_t)> &write)
{
    QByteArray header;
    for (std::size_t c = 0; c < results.names.size(); ++c) {
        if (c)
            header += ',';
        appendField(header, results.names[c]);
    }
    header += '\n';
    if (!write(header.constData(), std::size_t(header.size())))
        return;
    // Rows are formatted a block at a time into fixed buffers, several blocks at once on
    // several cores (formatting numbers is most of `meadows run`'s time), and written in
    // order: memory stays bounded whatever the size of the results.
    const std::size_t rows = results.rows();
    const int digits = timeDigits(results);
    const std::size_t rowBound = results.columns * 34 + 48; // 32 per number, a comma, the time
    const std::size_t blockRows = std::max<std::size_t>(1, (std::size_t(1) << 20) / rowBound);
    const bool large = rows * results.columns > 200000; // below this, threads cost more than they save
    const std::size_t workers = large ? std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8) : 1;
    std::vector<std::vector<char>> buffers(workers, std::vector<char>(blockRows * rowBound));
    std::vector<std::size_t> used(workers);
    const auto format = [&](std::size_t worker, std::size_t first, std::size_t last) {
        char *const base = buffers[worker].data();
        char *p = base;
        for (std::size_t r = first; r < last; ++r) {
            const double *row = results.data.data() + r * results.columns;
            p += std::snprintf(p, 40, "%.*g", digits, row[0]);
            for (std::size_t c = 1; c < results.columns; ++c) {
                *p++ = ',';
                p = writeNumber(p, row[c]);
            }
            *p++ = '\n';
        }
        used[worker] = std::size_t(p - base);
    };
    for (std::size_t start = 0; start < rows; start += blockRows * workers) {
        std::vector<std::thread> threads;
        for (std::size_t w = 0; w < workers; ++w) {
            const std::size_t first = std::min(rows, start + w * blockRows);
            const std::size_t last = std::min(rows, first + blockRows);
            if (w == 0 || first == last)
                continue;
            threads.emplace_back(format, w, first, last);
        }
        format(0, start, std::min(rows, start + blockRows));
        for (std::thread &t : threads)
            t.join();
        for (std::size_t w = 0; w < workers; ++w) {
            const std::size_t first = std::min(rows, start + w * blockRows);
            if (first == std::min(rows, first + blockRows))
                continue;
            if (!write(buffers[w].data(), used[w]))
                return;
        }
    }
}

QByteArray toCsv(const Results &results)
{
    QByteArray out;
    writeCsv(results, [&out](const char *data, std::size_t n) {
        out.append(data, qsizetype(n));
        return true;
    });
    return out;
}

// Written beside the target and renamed over it: a reader never sees half a file. Not
// QSaveFile: its fsync on commit costs as much as the simulation, and a results file needs
// atomic replacement, not a flush to disk.
QString saveCsvFile(const Results &results, const QString &path)
{
    QTemporaryFile file(path + QStringLiteral(".XXXXXX"));
    if (!file.open())
        return file.errorString();
    bool written = true;
    writeCsv(results, [&](const char *data, std::size_t n) {
        written = file.write(data, qint64(n)) == qint64(n);
        return written;
    });
    if (!written || !file.flush())
        return file.errorString();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    if (std::rename(QFile::encodeName(file.fileName()).constData(), QFile::encodeName(path).constData()) != 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    file.setAutoRemove(false);
    return {};
}

} // namespace meadows

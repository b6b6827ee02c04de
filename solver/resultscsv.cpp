// Results as CSV, the format `meadows run` writes.
#include "simulation.h"

#include <QFile>
#include "model/outputfile.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <algorithm>
#include <functional>
#include <condition_variable>
#include <cstdint>
#include <mutex>
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
    // -0 (QUANTUM(-0.9, 1), a product with a negative 0) is written as 0: no tool writes the sign
    // of a zero, and it reads back equal.
    return std::to_chars(p, p + 32, v == 0 ? 0.0 : v).ptr;
}

// Times in plain decimals where that stays short (1000000, not 1e+06; 1980.125, not 1980.12),
// still the shortest text that reads back as the same double.
char *writeTime(char *p, double t)
{
    const double magnitude = std::fabs(t);
    if (t == 0 || (magnitude >= 1e-4 && magnitude < 1e15))
        return std::to_chars(p, p + 32, t, std::chars_format::fixed).ptr;
    return writeNumber(p, t);
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

} // namespace

void appendCsvNumber(QByteArray &out, double v)
{
    char buffer[40];
    out.append(buffer, writeNumber(buffer, v) - buffer);
}

QString timeText(double t)
{
    char buffer[40];
    return QString::fromLatin1(buffer, writeTime(buffer, t) - buffer);
}

void appendCsvField(QByteArray &out, const QString &s)
{
    appendField(out, s);
}

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
    // Rows are formatted a block at a time into fixed buffers by several workers while this
    // thread writes finished blocks in order (formatting numbers is most of `meadows run`'s
    // time, writing most of the rest): memory stays bounded whatever the size of the results.
    const std::size_t rows = results.rows();
    const std::size_t rowBound = results.columns * 34 + 48; // 32 per number, a comma, the time
    const std::size_t blockRows = std::max<std::size_t>(1, (std::size_t(1) << 19) / rowBound);
    const std::size_t blocks = (rows + blockRows - 1) / blockRows;
    const bool large = rows * results.columns > 200000; // below this, threads cost more than they save
    const std::size_t workers = large ? std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8) : 0;
    const auto format = [&](std::size_t block, std::vector<char> &buffer) {
        buffer.resize(blockRows * rowBound);
        char *const base = buffer.data();
        char *p = base;
        const std::size_t last = std::min(rows, (block + 1) * blockRows);
        for (std::size_t r = block * blockRows; r < last; ++r) {
            const double *row = results.data.data() + r * results.columns;
            p = writeTime(p, row[0]);
            for (std::size_t c = 1; c < results.columns; ++c) {
                *p++ = ',';
                p = writeNumber(p, row[c]);
            }
            *p++ = '\n';
        }
        return std::size_t(p - base);
    };
    if (workers == 0) {
        std::vector<char> buffer;
        for (std::size_t b = 0; b < blocks; ++b) {
            const std::size_t n = format(b, buffer);
            if (!write(buffer.data(), n))
                return;
        }
        return;
    }
    // Block b goes to worker b % workers and to slot b % slots; two slots per worker let a
    // worker format its next block while its last one is being written.
    struct Slot {
        std::vector<char> buffer;
        std::size_t used = 0;
        std::size_t block = SIZE_MAX; // the block it holds, formatted; SIZE_MAX: free
    };
    const std::size_t slotCount = 2 * workers;
    std::vector<Slot> ring(slotCount);
    std::mutex mutex;
    std::condition_variable changed;
    bool stopped = false;
    const auto work = [&](std::size_t worker) {
        for (std::size_t b = worker; b < blocks; b += workers) {
            Slot &slot = ring[b % slotCount];
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stopped || slot.block == SIZE_MAX; });
                if (stopped)
                    return;
            }
            const std::size_t used = format(b, slot.buffer);
            {
                std::lock_guard lock(mutex);
                slot.used = used;
                slot.block = b;
            }
            changed.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w)
        threads.emplace_back(work, w);
    for (std::size_t b = 0; b < blocks && !stopped; ++b) {
        Slot &slot = ring[b % slotCount];
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return slot.block == b; });
        }
        const bool ok = write(slot.buffer.data(), slot.used);
        {
            std::lock_guard lock(mutex);
            slot.block = SIZE_MAX;
            stopped = !ok;
        }
        changed.notify_all();
    }
    for (std::thread &t : threads)
        t.join();
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

// Atomic replacement without a flush to disk (see model/outputfile.h): a results file is
// cheap to make again, and an fsync would cost as much as the simulation.
QString saveCsvFile(const Results &results, const QString &path)
{
    OutputFile file(path, Durability::Rename);
    if (!file.open())
        return file.error();
    writeCsv(results, [&](const char *data, std::size_t n) { return file.write(data, n); });
    file.commit();
    return file.error();
}

} // namespace meadows

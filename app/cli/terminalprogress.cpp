#include "terminalprogress.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace meadows {

namespace {
constexpr qint64 kQuietMs = 1000;  // a run shorter than this shows nothing
constexpr qint64 kRedrawMs = 200;  // at most five redraws a second
} // namespace

TerminalProgress::TerminalProgress(QString what, double start, double stop)
    : m_what(std::move(what)), m_start(start), m_stop(stop), m_enabled(isatty(STDERR_FILENO) == 1)
{
    m_clock.start();
}

TerminalProgress::~TerminalProgress()
{
    if (m_shown) {
        std::fputs("\r\033[K", stderr); // back to the line's start and clear it
        std::fflush(stderr);
    }
}

void TerminalProgress::update(double done)
{
    if (!m_enabled)
        return;
    const qint64 now = m_clock.elapsed();
    if (now < kQuietMs || now - m_lastDrawn < kRedrawMs)
        return;
    m_lastDrawn = now;
    m_shown = true;
    const double share = std::clamp(done, 0.0, 1.0);
    const QString line = QStringLiteral("\r%1: %2% (time %3 of %4)\033[K")
                             .arg(m_what)
                             .arg(int(share * 100))
                             .arg(m_start + share * (m_stop - m_start), 0, 'g', 6)
                             .arg(m_stop, 0, 'g', 6);
    std::fputs(line.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

} // namespace meadows

#include "informationdelay.h"

#include <algorithm>
#include <cmath>

namespace meadows {

// A due time is the entry's time plus whole steps, computed as `time` is but not in the
// same order: one within a relative 1e-9 of `time` has come.
bool InformationDelay::isDue(const Entry &e, double time)
{
    return e.due <= time + 1e-9 * std::max(1.0, std::abs(time));
}

void InformationDelay::enter(double now, double due, double value)
{
    // An earlier input due no sooner than this one is never the most recent due input again.
    while (!m_waiting.empty() && m_waiting.back().due >= due)
        m_waiting.pop_back();
    m_waiting.push_back({due, value});
    // Of the inputs due by now only the last matters; time only moves on.
    while (m_waiting.size() > 1 && isDue(m_waiting[1], now))
        m_waiting.pop_front();
}

double InformationDelay::value(double time, double before) const
{
    double v = before;
    for (const Entry &e : m_waiting) {
        if (!isDue(e, time))
            break;
        v = e.value;
    }
    return v;
}

} // namespace meadows

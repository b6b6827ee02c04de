#include "informationdelay.h"

#include <cmath>


namespace meadows {

// A due time is the entry's time plus whole steps, computed as `time` is but not in the
// same order, so the two may differ in their last bits (far more than 1e-9 of a step at a
// time of 1e7): one within a quarter of a step of `time` has come. A quarter, not a half,
// so that Runge-Kutta's evaluation half a step on does not see the next step's input.
bool InformationDelay::isDue(const Entry &e, double time, double dt)
{
    return e.due <= time + 0.25 * dt;
}

void InformationDelay::enter(double now, double dt, double due, double value)
{
    if (std::isnan(due)) {
        // A delay time of 0/0: when the input comes due is unknown, and so is the value from
        // now on, until a later input comes due. NaN, due at once, which the run reports.
        due = now;
        value = std::nan("");
    }
    // An earlier input due no sooner than this one is never the most recent due input again.
    while (!m_waiting.empty() && m_waiting.back().due >= due)
        m_waiting.pop_back();
    m_waiting.push_back({due, value});
    // Of the inputs due by now only the last matters; time only moves on.
    while (m_waiting.size() > 1 && isDue(m_waiting[1], now, dt))
        m_waiting.pop_front();
}

double InformationDelay::value(double time, double dt, double before) const
{
    double v = before;
    for (const Entry &e : m_waiting) {
        if (!isDue(e, time, dt))
            break;
        v = e.value;
    }
    return v;
}

} // namespace meadows

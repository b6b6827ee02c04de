#include "oven.h"
#include "inflowadmission.h"

#include <algorithm>
#include <cmath>

namespace meadows {

int ovenSteps(double time, double dt, int minimum)
{
    if (!(time > 0) || !(dt > 0)) // a negative, zero or NaN time: the least the phase takes
        return minimum;
    // More steps than any run has (runner.cpp refuses more than 1e9), still well within an int.
    return int(std::clamp(std::round(time / dt), double(minimum), 1.1e9));
}

void Oven::start(double content)
{
    m_phase = Phase::Filling;
    m_timed = false;
    m_remaining = 0;
    m_cleanSteps = 0;
    m_content = content;
}

void Oven::admit(const CompiledOven &o, double *m, double dt)
{
    if (!m_timed && m_phase == Phase::Filling && o.fillTime >= 0) {
        m_remaining = ovenSteps(m[o.fillTime], dt, 1);
        m_timed = true;
    } else if (!m_timed && m_phase == Phase::Cooking) {
        m_remaining = ovenSteps(m[o.cookTime], dt, 1);
        m_timed = true;
    }
    // The clean time is the one the variable has when the oven finishes cooking.
    if (m_phase == Phase::Releasing)
        m_cleanSteps = o.cleanTime >= 0 ? ovenSteps(m[o.cleanTime], dt, 0) : 0;
    // What a conveyor releases into the oven has nowhere else to go: it enters whatever
    // the phase, and takes room under the capacity first.
    const double driven = beltDrivenRate(m, o.inflows, o.beltDriven) * dt;
    double available = 0; // an amount, over this DT; a shut oven takes nothing
    if (m_phase == Phase::Filling) {
        available = HUGE_VAL;
        if (o.inflowLimit >= 0)
            available = std::max(0.0, m[o.inflowLimit] * dt);
        if (o.capacity >= 0)
            available = std::min(available, std::max(0.0, m[o.capacity] - m_content - driven));
    }
    serveInflows(m, o.inflows, o.beltDriven, available, dt);
}

void Oven::advance(const CompiledOven &o, const double *m, double dt)
{
    double admitted = 0;
    for (std::uint32_t f : o.inflows)
        admitted += std::max(0.0, m[f]) * dt;
    const auto enter = [this](Phase next) {
        m_phase = next;
        m_timed = false;
    };
    switch (m_phase) {
    case Phase::Filling: {
        m_content += admitted;
        if (m_timed)
            --m_remaining;
        const bool full = o.capacity >= 0 && m_content >= m[o.capacity] - 1e-9 * std::max(1.0, std::fabs(m[o.capacity]));
        if (full || (m_timed && m_remaining <= 0))
            enter(Phase::Cooking);
        break;
    }
    case Phase::Cooking:
        m_content += admitted;
        if (--m_remaining <= 0)
            enter(Phase::Releasing);
        break;
    case Phase::Releasing: {
        // Everything it held leaves; what a conveyor downstream refused stays (the
        // comparison keeps rounding in content / DT * DT from leaving a crumb behind).
        const double released = std::max(0.0, m[o.outflow]) * dt;
        m_content = (released >= m_content * (1 - 1e-12) ? 0.0 : m_content - released) + admitted;
        enter(m_cleanSteps > 0 ? Phase::Cleaning : Phase::Filling);
        if (m_cleanSteps > 0) {
            m_remaining = m_cleanSteps;
            m_timed = true;
        }
        break;
    }
    case Phase::Cleaning:
        m_content += admitted;
        if (--m_remaining <= 0)
            enter(Phase::Filling);
        break;
    }
}

} // namespace meadows

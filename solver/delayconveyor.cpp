#include "delayconveyor.h"

#include <algorithm>
#include <cmath>

namespace meadows {

namespace {
// Positions are sums of step lengths: within this of the exit is at it.
constexpr double kAtExit = 1e-9;
// Parcels kept at most: a belt this many steps long is far beyond any run (as a Stella
// belt's slats, conveyor.cpp); beyond it the newest input joins the parcel before it.
constexpr std::size_t kMaxParcels = 1000000;
} // namespace

// How far the belt moves in a step, in belts. A conveyance time of 0 or less empties the
// belt at once; NaN leaves it where it is (the output, NaN, is reported by the run).
double DelayConveyor::move(double time, double dt)
{
    if (std::isnan(time))
        return 0;
    return time > 0 ? dt / time : HUGE_VAL;
}

double DelayConveyor::leavingShare(const Parcel &p, double moved)
{
    const double low = p.low - moved, high = p.high - moved;
    if (high <= kAtExit)
        return 1;
    if (low >= -kAtExit)
        return 0;
    return -low / (high - low);
}

void DelayConveyor::initialise(const GraphicalFunction &profile, double total, double initialTime, double dt)
{
    m_parcels.clear();
    if (total == 0 || profile.size() == 0)
        return;
    const double x0 = profile.x(0), x1 = profile.x(profile.size() - 1);
    const double whole = profile.area(x0, x1);
    if (!(initialTime > dt) || !(whole > 0) || x1 <= x0) { // all of it leaves in the first step
        m_parcels.push_back({total, 0, 0});
        return;
    }
    const double step = dt / initialTime; // belts per step
    const std::size_t steps = std::size_t(std::min(std::ceil(1 / step - kAtExit), double(kMaxParcels)));
    for (std::size_t k = 0; k < steps; ++k) {
        const double low = double(k) * step, high = k + 1 == steps ? 1.0 : double(k + 1) * step;
        const double share = profile.area(x0 + low * (x1 - x0), x0 + high * (x1 - x0)) / whole;
        m_parcels.push_back({total * share, low, high});
    }
}

double DelayConveyor::output(double time, double dt) const
{
    if (std::isnan(time))
        return time;
    const double moved = move(time, dt);
    double leaving = 0;
    for (const Parcel &p : m_parcels) {
        const double share = leavingShare(p, moved);
        if (share == 0)
            break; // the parcels behind it are further from the exit
        leaving += share * p.amount;
    }
    return leaving / dt;
}

void DelayConveyor::advance(double input, double time, double leak, double dt)
{
    const double moved = move(time, dt);
    while (!m_parcels.empty()) {
        Parcel &p = m_parcels.front();
        const double share = leavingShare(p, moved);
        if (share == 0)
            break;
        if (share == 1) {
            m_parcels.pop_front();
            continue;
        }
        p.amount *= 1 - share; // what has not yet passed the exit, up to it
        p.low = moved;
        break;
    }
    for (Parcel &p : m_parcels) {
        p.low -= moved;
        p.high -= moved;
    }
    const Parcel entering{input * dt, std::max(0.0, 1 - moved), 1};
    if (m_parcels.size() < kMaxParcels)
        m_parcels.push_back(entering);
    else
        m_parcels.back() = {m_parcels.back().amount + entering.amount, m_parcels.back().low, 1};
    // A leak of more than all of it in one step (leak * DT > 1) takes all it carries, not a
    // negative amount that would grow without bound as it flips sign each step.
    const double kept = std::max(0.0, 1 - leak * dt);
    if (kept != 1)
        for (Parcel &p : m_parcels)
            p.amount *= kept;
}

} // namespace meadows

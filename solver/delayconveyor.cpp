#include "delayconveyor.h"

#include "profileparts.h"

#include <algorithm>
#include <cmath>

namespace meadows {

namespace {
// Positions are sums of step lengths: within this of the exit is at it, or within a millionth
// of a step where steps are shorter (a conveyance time of a billion steps would otherwise
// count the parcel behind the exit as at it too).
constexpr double kAtExit = 1e-9;
double atExit(double moved) { return std::min(kAtExit, 1e-6 * moved); }
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

double DelayConveyor::leavingShare(const Parcel &p, double moved) const
{
    const double low = p.low - m_travelled - moved, high = p.high - m_travelled - moved;
    const double tolerance = atExit(moved);
    if (high <= tolerance)
        return 1;
    if (low >= -tolerance)
        return 0;
    return -low / (high - low);
}

void DelayConveyor::initialise(const GraphicalFunction &profile, double total, double initialTime, double time, double dt)
{
    m_parcels.clear();
    m_travelled = 0;
    m_kept = 1;
    if (total == 0)
        return;
    const std::vector<ProfilePart> parts = profileParts(profile, initialTime, dt, kMaxParcels);
    if (parts.empty()) { // all of it leaves in the first step
        m_parcels.push_back({total, 0, 0});
        return;
    }
    // Each step's share of the profile where the belt, at the speed it starts with, brings it
    // out in that step: with ctime 10 and initctime 5 a flat 100 leaves as 20 a step for 5
    // steps, inittot / initctime, as Vensim's help says it "will come out" (a belt at a
    // standstill or NaN: over its length).
    const double belt = time > 0 && std::isfinite(time) ? dt / time : dt / initialTime; // belts per step
    for (const ProfilePart &p : parts)
        m_parcels.push_back({total * p.share, p.from * belt, p.to * belt});
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
    return leaving * m_kept / dt;
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
        p.low = m_travelled + moved;
        break;
    }
    // An empty belt starts its measures again: a conveyance time of 0 moves it infinitely far.
    if (m_parcels.empty()) {
        m_travelled = 0;
        m_kept = 1;
    } else {
        m_travelled += moved;
    }
    const Parcel entering{input * dt / m_kept, m_travelled + std::max(0.0, 1 - moved), m_travelled + 1};
    if (m_parcels.size() < kMaxParcels)
        m_parcels.push_back(entering);
    else
        m_parcels.back() = {m_parcels.back().amount + entering.amount, m_parcels.back().low, entering.high};
    // A leak of more than all of it in one step (leak * DT > 1) takes all it carries, not a
    // negative amount that would grow without bound as it flips sign each step. A leak of
    // NaN makes every amount on the belt NaN, which the run reports, rather than taking all.
    const double kept = std::isnan(leak) ? leak : std::max(0.0, 1 - leak * dt);
    if (kept == 0) {
        m_parcels.clear();
        m_travelled = 0;
        m_kept = 1;
        return;
    }
    m_kept *= kept;
    // Far from 1 the shares would lose precision or overflow, and a NaN would make every
    // later input NaN too: written back into the amounts (a NaN only into those on the belt).
    if (!(m_kept >= 1e-100 && m_kept <= 1e100)) {
        for (Parcel &p : m_parcels)
            p.amount *= m_kept;
        m_kept = 1;
    }
}

} // namespace meadows

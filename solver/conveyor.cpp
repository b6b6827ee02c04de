#include "conveyor.h"
#include "program.h"

#include <algorithm>
#include <cmath>

namespace meadows {

int slatsFor(double transitTime, double dt)
{
    const double n = std::floor(transitTime / dt + 0.5);
    if (!(n >= 1)) // also NaN
        return 1;
    // A million DTs of transit is far beyond what leaves within any run Meadows allows
    // (docs/conveyors.md); longer belts are cut there rather than allocated.
    return n > 1e6 ? 1000000 : int(n);
}

bool inLeakZone(int i, int length, double start, double end)
{
    const double fromInlet = 1.0 - (double(i) + 0.5) / double(length);
    return start <= fromInlet && fromInlet <= end;
}

namespace {

int zoneCount(const CompiledLeak &leak, int length, int upTo)
{
    int n = 0;
    for (int i = 0; i < upTo; ++i)
        n += inLeakZone(i, length, leak.start, leak.end);
    return n;
}

} // namespace

// Each slat in a leak's zone sheds, per DT: with linear leakage the amount fixed when it
// entered (its leak fraction times what entered, over the slats of the zone), so that the
// fraction of what enters leaks away over the zone; with exponential leakage its content
// times the fraction times DT. A slat never sheds more than it holds; the leaks take in
// their order. What is left on the exit slat is the outflow.
template<bool Apply, typename Slats>
double Belt::pass(const CompiledConveyor &c, const double *m, double dt, int which, Slats &slats)
{
    const int length = int(slats.size());
    double leaked = 0;
    for (int i = 0; i < length; ++i) {
        auto &slat = slats[std::size_t(i)];
        double content = slat.content;
        for (std::size_t k = 0; k < c.leaks.size(); ++k) {
            const CompiledLeak &leak = c.leaks[k];
            if (!inLeakZone(i, length, leak.start, leak.end))
                continue;
            double amount = c.exponentialLeak ? content * m[leak.fraction] * dt
                                              : std::min(slat.alloc[k], slat.budget[k]);
            amount = std::clamp(amount, 0.0, std::max(0.0, content));
            if (leak.integers)
                amount = std::floor(amount);
            content -= amount;
            if constexpr (Apply) {
                if (!c.exponentialLeak)
                    slat.budget[k] -= amount;
            }
            if (int(k) == which)
                leaked += amount;
        }
        if constexpr (Apply)
            slat.content = content;
        if constexpr (!Apply) {
            if (which < 0 && i == 0)
                return content;
        }
    }
    return which < 0 ? 0.0 : leaked;
}

bool Belt::arrested(const CompiledConveyor &c, const double *m)
{
    return c.arrest >= 0 && m[c.arrest] != 0.0;
}

namespace {

// The conveyor this one's outflow feeds is arrested: what reaches the exit waits there (a
// conveyor's outflow cannot be refused in part; the sources leave this case open, and
// holding it keeps "all inflows are zero" true downstream).
bool held(const CompiledConveyor &c, const double *m)
{
    return c.heldBy >= 0 && m[c.heldBy] != 0.0;
}

// The time unit the DT starting now falls in, counted from the start time (a hair over, so
// that a time a rounding below a whole unit is that unit).
long long timeUnit(const double *m, double dt)
{
    return (long long)std::floor(m[TimeSlot] - m[StartSlot] + 1e-6 * dt);
}

// <sample>: the transit time material entering now gets is re-read from <len> in a DT
// where the condition is non-zero (without one, every DT); else the one last read stays.
double transitNow(const CompiledConveyor &c, const double *m, double latched)
{
    return c.sample < 0 || m[c.sample] != 0.0 ? m[c.transitTime] : latched;
}

} // namespace

// Arrested, the belt stops: time is suspended for what is on it, so nothing leaks either.
double Belt::leaving(const CompiledConveyor &c, const double *m, int which, double dt) const
{
    if (arrested(c, m) || (which < 0 && held(c, m)))
        return 0.0;
    return pass<false>(c, m, dt, which, m_slats);
}

void Belt::insert(const CompiledConveyor &c, const double *m, double amount, int depth)
{
    const std::size_t leaks = c.leaks.size();
    while (int(m_slats.size()) < depth)
        m_slats.push_back({0.0, std::vector<double>(leaks, 0.0), std::vector<double>(leaks, 0.0)});
    Slat &slat = m_slats[std::size_t(depth - 1)];
    slat.content += amount;
    if (c.exponentialLeak)
        return;
    const int length = int(m_slats.size());
    for (std::size_t k = 0; k < leaks; ++k) {
        const CompiledLeak &leak = c.leaks[k];
        const int zone = zoneCount(leak, length, length);
        if (zone == 0)
            continue;
        const double perSlat = std::max(0.0, m[leak.fraction]) * amount / double(zone);
        slat.alloc[k] += perSlat;
        slat.budget[k] += perSlat * double(zoneCount(leak, length, depth));
    }
}

void Belt::advance(const CompiledConveyor &c, const double *m, double admitted, double dt)
{
    if (arrested(c, m))
        return; // nor is the transit time read: time is suspended
    m_transit = transitNow(c, m, m_transit);
    if (c.discrete) {
        // What the inflow limit let in counts against this time unit's budget.
        if (const long long unit = timeUnit(m, dt); unit != m_unit) {
            m_unit = unit;
            m_used = 0;
        }
        for (std::size_t f = 0; f < c.inflows.size(); ++f)
            if (!c.beltDriven[f])
                m_used += std::max(0.0, m[c.inflows[f]]) * dt;
    }
    if (!m_slats.empty()) {
        pass<true>(c, m, dt, -1, m_slats);
        // Without an outflow, or with the conveyor it feeds arrested, material that reaches
        // the exit waits there.
        const bool leaves = c.outflow >= 0 && !held(c, m);
        if (!leaves && m_slats.size() > 1)
            m_slats[1].content += m_slats[0].content;
        if (leaves || m_slats.size() > 1)
            m_slats.erase(m_slats.begin());
    }
    const int depth = slatsFor(m_transit, dt);
    // Slats beyond the transit time that are empty (the transit time fell) are dropped.
    while (int(m_slats.size()) > depth && m_slats.back().content == 0.0)
        m_slats.pop_back();
    insert(c, m, c.signedMaterial ? admitted : std::max(0.0, admitted), depth);
}

// Steady state: one unit entering at the inlet is followed down the belt, shedding as the
// leaks would; the belt holds the amount in that profile, scaled to `amount`.
void Belt::initialise(const CompiledConveyor &c, const double *m, double amount, double dt)
{
    // What the belt starts with: a signed belt (DELAY MATERIAL) holds negative material too.
    const double start = c.signedMaterial ? amount : std::max(0.0, amount);
    m_transit = m[c.transitTime]; // latched from its initial value (<sample>)
    m_used = 0;
    m_unit = 0;
    const int length = slatsFor(m_transit, dt);
    const std::size_t leaks = c.leaks.size();
    std::vector<double> unitAlloc(leaks, 0.0);
    for (std::size_t k = 0; k < leaks; ++k) {
        const int zone = zoneCount(c.leaks[k], length, length);
        if (!c.exponentialLeak && zone > 0)
            unitAlloc[k] = std::max(0.0, m[c.leaks[k].fraction]) / double(zone);
    }
    std::vector<double> profile(std::size_t(length), 0.0);
    profile[std::size_t(length - 1)] = 1.0;
    for (int i = length - 1; i > 0; --i) {
        double content = profile[std::size_t(i)];
        for (std::size_t k = 0; k < leaks; ++k) {
            const CompiledLeak &leak = c.leaks[k];
            if (inLeakZone(i, length, leak.start, leak.end))
                content -= c.exponentialLeak ? content * m[leak.fraction] * dt : unitAlloc[k];
        }
        profile[std::size_t(i - 1)] = std::max(0.0, content);
    }
    double sum = 0;
    for (double p : profile)
        sum += p;
    const double scale = sum > 0 && std::isfinite(amount) ? start / sum : 0.0;
    m_slats.assign(std::size_t(length), {0.0, std::vector<double>(leaks, 0.0), std::vector<double>(leaks, 0.0)});
    for (int i = 0; i < length; ++i) {
        Slat &slat = m_slats[std::size_t(i)];
        slat.content = scale * profile[std::size_t(i)];
        for (std::size_t k = 0; k < leaks; ++k) {
            slat.alloc[k] = scale * unitAlloc[k];
            slat.budget[k] = slat.alloc[k] * double(zoneCount(c.leaks[k], length, i + 1));
        }
    }
    // A transit time beyond the million slats a belt is cut to: without leaks the amount
    // is spread as the whole belt would hold it (amount / n a slat, n the transit time in
    // DTs), and what lies beyond the cut waits on the last slat, a million DTs from the
    // exit, so that the conveyor still holds all of it. Spread over the cut belt instead, a
    // DELAY MATERIAL of 1e12 with 1 a year released a million a year.
    const double wanted = std::floor(m_transit / dt + 0.5);
    if (leaks == 0 && wanted > double(length) && std::isfinite(amount) && length > 1) {
        const double perSlat = start / wanted;
        for (int i = 0; i + 1 < length; ++i)
            m_slats[std::size_t(i)].content = perSlat;
        m_slats.back().content = start - perSlat * double(length - 1);
    }
    // A discrete conveyor's initial value is "separated into packages" (isee's help), one per
    // time unit of the belt: each time unit's block of slats (1/DT of them) gives what it
    // holds to its exit-most slat, so that a package leaves in the first DT of each time unit
    // from the start on. Which slat is ambiguous in the sources ("the start of each unit time",
    // "stacked in the last DT of each conveyor slat"); docs/conveyors.md says why this one.
    // A package sheds as a load put on there would: its leak allocation is its slats' together.
    if (c.discrete && dt < 1.0) {
        const auto unitOf = [dt](std::size_t i) { return (long long)std::floor(double(i) * dt + 1e-6 * dt); };
        std::size_t head = 0;
        for (std::size_t i = 1; i < m_slats.size(); ++i) {
            if (unitOf(i) != unitOf(head)) {
                head = i;
                continue;
            }
            Slat &to = m_slats[head];
            Slat &from = m_slats[i];
            to.content += from.content;
            from.content = 0;
            for (std::size_t k = 0; k < c.leaks.size(); ++k) {
                to.alloc[k] += from.alloc[k];
                to.budget[k] = to.alloc[k] * double(zoneCount(c.leaks[k], length, int(head) + 1));
                from.alloc[k] = from.budget[k] = 0;
            }
        }
    }
}

double Belt::inflowRoom(const CompiledConveyor &c, const double *m, double dt) const
{
    if (c.inflowLimit < 0)
        return HUGE_VAL;
    const double limit = std::max(0.0, m[c.inflowLimit]);
    // Continuous: "converted to a per DT limit by multiplying by DT". A DT of a time unit
    // or more starts a time unit each step, so a discrete conveyor gets the same.
    if (!c.discrete || dt >= 1.0)
        return limit * dt;
    // Discrete: "the full amount allowed each time unit is allowed to enter in a single
    // DT"; the budget is the time unit's, whole units counted from the start time.
    const double used = timeUnit(m, dt) == m_unit ? m_used : 0.0;
    return std::max(0.0, limit - used);
}

void Belt::slatContents(const CompiledConveyor &c, const double *memory, double dt, std::vector<double> &out) const
{
    const double transit = arrested(c, memory) ? m_transit : transitNow(c, memory, m_transit);
    const std::size_t length = std::max(m_slats.size(), std::size_t(slatsFor(transit, dt)));
    out.assign(length, 0.0);
    for (std::size_t i = 0; i < m_slats.size(); ++i)
        out[i] = m_slats[i].content;
}

double Belt::contents() const
{
    double sum = 0;
    for (const Slat &s : m_slats)
        sum += s.content;
    return sum;
}

} // namespace meadows

#include "agedqueue.h"

#include "model/vensim/mdltranslate.h"

#include <algorithm>
#include <cmath>

namespace meadows {

namespace {
// Parts laid at the start at most: an age range this many steps long is far beyond any run
// (as DELAY CONVEYOR's parcels, delayconveyor.cpp); the oldest step then takes the rest.
constexpr long long kMaxStartingParts = 1000000;
} // namespace

void AgedQueue::initialise(const GraphicalFunction &profile, double initial, double ageRange, double dt)
{
    m_cohorts.clear();
    m_step = 0;
    m_total = initial;
    if (initial == 0)
        return;
    const double x0 = profile.size() ? profile.x(0) : 0, x1 = profile.size() ? profile.x(profile.size() - 1) : 0;
    const double whole = profile.size() ? profile.area(x0, x1) : 0;
    if (!(ageRange > dt) || !(whole > 0) || x1 <= x0 || !std::isfinite(initial)) {
        m_cohorts.push_back({initial, -1}); // all of it one step old
        return;
    }
    const long long steps = std::min(kMaxStartingParts, (long long)std::ceil(ageRange / dt - 1e-9));
    const auto at = [&](double age) { return x0 + std::min(age / ageRange, 1.0) * (x1 - x0); };
    for (long long m = steps; m >= 1; --m) { // the oldest first
        const double share = profile.area(at(double(m - 1) * dt), m == steps ? x1 : at(double(m) * dt)) / whole;
        if (share != 0)
            m_cohorts.push_back({initial * share, -m});
    }
}

void AgedQueue::advance(double inflow, double outflow, double dt)
{
    // A negative inflow flows out, a negative outflow in.
    const double in = (std::max(inflow, 0.0) + std::max(-outflow, 0.0)) * dt;
    double out = (std::max(outflow, 0.0) + std::max(-inflow, 0.0)) * dt;
    const long long now = m_step++;
    if (std::isnan(in) || std::isnan(out)) {
        m_cohorts.assign(1, {std::nan(""), now});
        m_total = std::nan("");
        return;
    }
    // Below zero the queue is one part, a step old: what comes in fills it first.
    double left = in;
    if (!m_cohorts.empty() && m_cohorts.front().amount < 0) {
        left += m_cohorts.front().amount;
        m_cohorts.clear();
    }
    while (out > 0 && !m_cohorts.empty()) {
        Cohort &oldest = m_cohorts.front();
        if (oldest.amount > out) {
            oldest.amount -= out;
            out = 0;
        } else {
            out -= oldest.amount;
            m_cohorts.pop_front();
        }
    }
    left -= out; // more went out than there was: below zero
    if (left != 0)
        m_cohorts.push_back({left, now});
    m_total = 0;
    for (const Cohort &c : m_cohorts)
        m_total += c.amount;
}

double AgedQueue::query(Query q, const double *args, double dt) const
{
    switch (q) {
    case Query::Total:
        return m_total;
    case Query::AgeAverage:
        return ageAverage(args[0], dt);
    case Query::AgeInRange:
        return ageInRange(args[0], args[1], dt);
    case Query::AgeOldest:
        return m_cohorts.empty() ? 0.0 : age(m_cohorts.front(), dt);
    }
    return 0;
}

// The mean age of the oldest `quantity`, the last part it reaches taken in part; of all of
// it when `quantity` is 0 or less or more than there is. Below zero the one part is a step
// old, which is its age.
double AgedQueue::ageAverage(double quantity, double dt) const
{
    if (m_cohorts.empty())
        return 0;
    if (m_total < 0)
        return age(m_cohorts.front(), dt);
    const double wanted = quantity <= 0 || quantity > m_total ? m_total : quantity;
    double taken = 0, weighted = 0;
    for (const Cohort &c : m_cohorts) {
        const double part = std::min(c.amount, wanted - taken);
        taken += part;
        weighted += part * age(c, dt);
        if (taken >= wanted)
            break;
    }
    return taken > 0 ? weighted / taken : 0.0;
}

double AgedQueue::ageInRange(double minAge, double maxAge, double dt) const
{
    double sum = 0;
    for (const Cohort &c : m_cohorts) {
        const double a = age(c, dt);
        if ((minAge == vensim::kNotAvailable || a >= minAge) && (maxAge == vensim::kNotAvailable || a <= maxAge))
            sum += c.amount;
    }
    return sum;
}

} // namespace meadows

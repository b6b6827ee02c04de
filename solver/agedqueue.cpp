#include "agedqueue.h"

#include "model/vensim/mdltranslate.h"
#include "profileparts.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows {

namespace {
// Parts laid at the start at most: an age range this many steps long is far beyond any run
// (as DELAY CONVEYOR's parcels, delayconveyor.cpp); longer ones are laid in groups of steps.
constexpr std::size_t kMaxStartingParts = 1000000;
// What is left after a step's flows, relative to the largest of the level and the flows,
// below which it is gone: a few units in the last place of their sums (0.1 in three times and
// 0.3 out leaves 2.8e-17), which would otherwise keep an old age on an empty queue, or make
// it "below zero". A remainder of 1 behind 1e13 is kept.
constexpr double kCrumb = 64 * std::numeric_limits<double>::epsilon();
} // namespace

AgedQueue::ExactSum AgedQueue::ExactSum::plus(double x) const
{
    const double sum = high + x;
    const double back = sum - high;
    const double error = (high - (sum - back)) + (x - back);
    return {sum, low + error};
}

void AgedQueue::add(double amount, long long entered)
{
    const ExactSum amounts = m_cohorts.empty() ? ExactSum{} : m_cohorts.back().amountsThrough;
    const ExactSum weighted = m_cohorts.empty() ? ExactSum{} : m_cohorts.back().weightedThrough;
    m_cohorts.push_back({amount, entered, amounts.plus(amount), weighted.plus(amount * double(entered))});
}

double AgedQueue::amountUpTo(std::size_t k) const
{
    const Cohort &oldest = m_cohorts.front();
    return oldest.amount + m_cohorts[k].amountsThrough.minus(oldest.amountsThrough);
}

double AgedQueue::weightedUpTo(std::size_t k) const
{
    const Cohort &oldest = m_cohorts.front();
    return oldest.amount * double(oldest.entered) + m_cohorts[k].weightedThrough.minus(oldest.weightedThrough);
}

// Each part is (now - entered) steps old: the sum of amount * age over the parts before k is
// DT * (now * their amount - their amount * entered).
double AgedQueue::ageWeight(std::size_t k, double part, double dt) const
{
    const double before = k == 0 ? 0.0 : dt * (double(m_step) * amountUpTo(k - 1) - weightedUpTo(k - 1));
    return part == 0 ? before : before + part * age(m_cohorts[k], dt);
}

void AgedQueue::initialise(const GraphicalFunction &profile, double initial, double ageRange, double dt)
{
    m_cohorts.clear();
    m_step = 0;
    m_total = initial;
    if (initial == 0)
        return;
    if (std::isnan(initial) || std::isnan(ageRange)) {
        m_total = std::nan("");
        add(m_total, -1);
        return;
    }
    const std::vector<ProfilePart> parts = initial > 0 && std::isfinite(initial)
                                               ? profileParts(profile, std::min(ageRange, kLongestLayout * dt), dt, kMaxStartingParts)
                                               : std::vector<ProfilePart>{};
    if (parts.empty()) { // all of it one step old
        add(initial, -1);
        return;
    }
    // The oldest first; a part over steps [from, to) of the age range is from + 1 to `to` steps
    // old (the youngest a step old), taken at its middle age when it is a group of steps.
    for (auto p = parts.rbegin(); p != parts.rend(); ++p) {
        if (p->share != 0)
            add(initial * p->share, -std::llround((p->from + 1 + p->to) / 2));
    }
}

void AgedQueue::advance(double inflow, double outflow, double dt)
{
    // A negative inflow flows out, a negative outflow in.
    const double in = (std::max(inflow, 0.0) + std::max(-outflow, 0.0)) * dt;
    double out = (std::max(outflow, 0.0) + std::max(-inflow, 0.0)) * dt;
    const long long now = m_step++;
    if (std::isnan(in) || std::isnan(out) || std::isnan(m_total)) {
        m_total = std::nan("");
        m_cohorts.clear();
        add(m_total, now);
        return;
    }
    m_total += in - out;
    // Below zero the queue is one part, a step old: what comes in fills it first.
    double left = in, deficit = 0;
    if (!m_cohorts.empty() && m_cohorts.front().amount < 0) {
        deficit = -m_cohorts.front().amount;
        left -= deficit;
        m_cohorts.clear();
    }
    // What a subtraction leaves below this is the rounding of the amounts subtracted, not
    // content (new inflow is content however small: 0.001 into a queue of 1e12 is kept).
    const double crumb = kCrumb * std::max({out, deficit, in});
    bool netted = deficit > 0;
    while (out > crumb && !m_cohorts.empty()) {
        Cohort &oldest = m_cohorts.front();
        if (oldest.amount - out > crumb) {
            oldest.amount -= out;
            out = 0;
        } else {
            out -= oldest.amount;
            m_cohorts.pop_front();
        }
    }
    if (out > crumb) {
        left -= out; // more went out than there was: below zero
        netted = true;
    }
    if (netted ? std::abs(left) > crumb : left != 0)
        add(left, now);
}

double AgedQueue::query(Query q, const double *args, double dt) const
{
    if (std::isnan(m_total))
        return m_total;
    switch (q) {
    case Query::Total:
        return m_total;
    case Query::AgeAverage:
        return std::isnan(args[0]) ? args[0] : ageAverage(args[0], dt);
    case Query::AgeInRange:
        return std::isnan(args[0]) || std::isnan(args[1]) ? std::nan("") : ageInRange(args[0], args[1], dt);
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
    if (m_cohorts.front().amount < 0)
        return age(m_cohorts.front(), dt);
    const std::size_t n = m_cohorts.size();
    const double all = amountUpTo(n - 1);
    if (!(all > 0))
        return 0;
    if (quantity <= 0 || quantity >= all)
        return ageWeight(n, 0, dt) / all;
    // The first part the oldest `quantity` reaches into.
    std::size_t low = 0, high = n - 1;
    while (low < high) {
        const std::size_t mid = low + (high - low) / 2;
        if (amountUpTo(mid) < quantity)
            low = mid + 1;
        else
            high = mid;
    }
    const double before = low == 0 ? 0.0 : amountUpTo(low - 1);
    return ageWeight(low, quantity - before, dt) / quantity;
}

// The parts are in the order they came in, their ages falling: those within the bounds are
// one stretch of them.
double AgedQueue::ageInRange(double minAge, double maxAge, double dt) const
{
    const auto first = maxAge == vensim::kNotAvailable
                           ? m_cohorts.begin()
                           : std::partition_point(m_cohorts.begin(), m_cohorts.end(), [&](const Cohort &c) { return age(c, dt) > maxAge; });
    const auto last = minAge == vensim::kNotAvailable
                          ? m_cohorts.end()
                          : std::partition_point(m_cohorts.begin(), m_cohorts.end(), [&](const Cohort &c) { return age(c, dt) >= minAge; });
    if (last <= first)
        return 0;
    // The difference of the running sums themselves, not of two rounded totals: a few young
    // parts behind a large old one keep their digits.
    const std::size_t from = std::size_t(first - m_cohorts.begin()), to = std::size_t(last - m_cohorts.begin());
    return from == 0 ? amountUpTo(to - 1) : m_cohorts[to - 1].amountsThrough.minus(m_cohorts[from - 1].amountsThrough);
}

} // namespace meadows

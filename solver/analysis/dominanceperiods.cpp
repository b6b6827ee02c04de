#include "solver/analysis/dominanceperiods.h"

#include "solver/simulation.h"

#include <QStringList>
#include <algorithm>
#include <cmath>

namespace meadows {

namespace {

constexpr double kTakeOver = 0.5;  // a loop takes charge at half of its group's total
constexpr double kHoldOn = 0.4;    // ... and keeps it down to this
constexpr double kLead = 0.1;      // ... unless another loop leads it by this much
constexpr double kDefaultShare = 1.0 / 40; // minimum period: this share of the run

struct Run {
    int state;
    std::size_t first, last; // save steps
};

// The state of one group at each save step, with hysteresis.
std::vector<int> groupStates(const DominanceResult &result, int component)
{
    std::vector<int> states;
    int holder = DominancePeriod::kShared;
    for (std::size_t t = 0; t < result.times.size(); ++t) {
        int best = -1;
        double bestScore = 0, holderScore = 0;
        bool active = false;
        for (std::size_t l = 0; l < result.loopCount; ++l) {
            if (result.loopComponent[l] != component)
                continue;
            const double score = std::fabs(result.relative(t, l));
            active = active || score > 0;
            if (score > bestScore) {
                best = int(l);
                bestScore = score;
            }
            if (int(l) == holder)
                holderScore = score;
        }
        int state;
        if (result.atRest(t, component))
            state = DominancePeriod::kAtRest;
        else if (!active)
            state = DominancePeriod::kInactive;
        else if (holder >= 0 && holderScore >= kHoldOn && bestScore - holderScore < kLead)
            state = holder;
        else if (bestScore >= kTakeOver)
            state = best;
        else
            state = DominancePeriod::kShared;
        holder = state;
        states.push_back(state);
    }
    return states;
}

double runLength(const std::vector<Run> &runs, std::size_t i, const std::vector<double> &times)
{
    const double end = runs[i].last + 1 < times.size() ? times[runs[i].last + 1] : times.back();
    return end - times[runs[i].first];
}

// Gives each run shorter than `minimum` to its longer neighbour, shortest first, then
// merges neighbours that have become the same state.
void absorbShortRuns(std::vector<Run> &runs, const std::vector<double> &times, double minimum)
{
    while (runs.size() > 1) {
        std::size_t shortest = runs.size();
        for (std::size_t i = 0; i < runs.size(); ++i) {
            if (runLength(runs, i, times) < minimum
                && (shortest == runs.size() || runLength(runs, i, times) < runLength(runs, shortest, times)))
                shortest = i;
        }
        if (shortest == runs.size())
            return;
        // The neighbour to take it: one that agrees on whether anything moves (a blip
        // of motion belongs to the motion beside it, not to a stretch at rest), then
        // the longer.
        const auto resting = [&](std::size_t i) { return runs[i].state == DominancePeriod::kAtRest; };
        std::size_t into;
        if (shortest == 0)
            into = 1;
        else if (shortest + 1 == runs.size())
            into = shortest - 1;
        else if (resting(shortest - 1) != resting(shortest + 1))
            into = resting(shortest - 1) == resting(shortest) ? shortest - 1 : shortest + 1;
        else
            into = runLength(runs, shortest - 1, times) >= runLength(runs, shortest + 1, times) ? shortest - 1 : shortest + 1;
        runs[into].first = std::min(runs[into].first, runs[shortest].first);
        runs[into].last = std::max(runs[into].last, runs[shortest].last);
        runs.erase(runs.begin() + std::ptrdiff_t(shortest));
        for (std::size_t i = 1; i < runs.size();) {
            if (runs[i].state == runs[i - 1].state) {
                runs[i - 1].last = runs[i].last;
                runs.erase(runs.begin() + std::ptrdiff_t(i));
            } else {
                ++i;
            }
        }
    }
}

} // namespace

std::vector<DominancePeriod> dominanceStory(const DominanceResult &result, const PeriodOptions &options)
{
    std::vector<DominancePeriod> out;
    if (result.times.empty() || result.loopComponent.size() < result.loopCount)
        return out;
    const std::vector<double> &times = result.times;
    const double minimum = options.minimumLength >= 0 ? options.minimumLength : (times.back() - times.front()) * kDefaultShare;
    std::vector<int> order; // components by their first loop
    for (std::size_t l = 0; l < result.loopCount; ++l) {
        if (std::find(order.begin(), order.end(), result.loopComponent[l]) == order.end())
            order.push_back(result.loopComponent[l]);
    }
    for (int component : order) {
        std::vector<int> states = groupStates(result, component);
        if (states.size() > 1)
            states[0] = states[1]; // the initial time has no score: it opens the first period
        std::vector<Run> runs;
        for (std::size_t t = 0; t < states.size(); ++t) {
            if (!runs.empty() && runs.back().state == states[t])
                runs.back().last = t;
            else
                runs.push_back({states[t], t, t});
        }
        absorbShortRuns(runs, times, minimum);
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const double to = runs[i].last + 1 < times.size() ? times[runs[i].last + 1] : times.back();
            out.push_back({component, runs[i].state, times[runs[i].first], to});
        }
    }
    return out;
}

std::vector<std::vector<TimePeriod>> dominancePeriods(const DominanceResult &result, const LoopList &loops)
{
    std::vector<std::vector<TimePeriod>> periods(loops.size());
    for (const DominancePeriod &p : dominanceStory(result)) {
        if (p.loop >= 0 && std::size_t(p.loop) < periods.size())
            periods[std::size_t(p.loop)].push_back({p.from, p.to});
    }
    for (std::vector<TimePeriod> &list : periods)
        std::sort(list.begin(), list.end(), [](const TimePeriod &a, const TimePeriod &b) { return a.from < b.from; });
    return periods;
}

QString periodLabel(const DominancePeriod &period, const DominanceResult &result)
{
    switch (period.loop) {
    case DominancePeriod::kShared:
        return QStringLiteral("shared");
    case DominancePeriod::kAtRest:
        return QStringLiteral("at rest");
    case DominancePeriod::kInactive:
        return QStringLiteral("no loop active");
    default:
        return result.loopNames.at(std::size_t(period.loop));
    }
}

QString formatTime(double t)
{
    return timeText(t);
}

QByteArray periodLines(const std::vector<DominancePeriod> &periods, const DominanceResult &result)
{
    QString out;
    for (const DominancePeriod &p : periods)
        out += QStringLiteral("%1 %2–%3\n").arg(periodLabel(p, result), formatTime(p.from), formatTime(p.to));
    return out.toUtf8();
}

QString formatPeriods(const std::vector<TimePeriod> &periods, int maxPeriods)
{
    QStringList parts;
    for (const TimePeriod &p : periods) {
        if (parts.size() == maxPeriods) {
            parts << QStringLiteral("…");
            break;
        }
        parts << (p.from == p.to ? formatTime(p.from) : QStringLiteral("%1–%2").arg(formatTime(p.from), formatTime(p.to)));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace meadows

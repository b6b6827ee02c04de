#include "solver/analysis/dominanceperiods.h"

#include <QHash>
#include <algorithm>
#include <QStringList>
#include <cmath>

namespace meadows {

namespace {
constexpr double kDominant = 0.5;
}

std::vector<std::vector<TimePeriod>> dominancePeriods(const DominanceResult &result, const LoopList &loops)
{
    const std::size_t n = std::min(result.loopCount, loops.size());
    std::vector<std::vector<TimePeriod>> periods(loops.size());
    std::vector<int> previous; // the loop dominating each component at the step before
    QHash<int, int> slotOf;    // component -> its index in `previous`
    for (std::size_t l = 0; l < n; ++l) {
        if (!slotOf.contains(loops.component(l))) {
            slotOf.insert(loops.component(l), int(previous.size()));
            previous.push_back(-1);
        }
    }
    for (std::size_t t = 0; t < result.times.size(); ++t) {
        std::vector<int> best(previous.size(), -1);
        std::vector<double> bestScore(previous.size(), 0.0);
        for (std::size_t l = 0; l < n; ++l) {
            const int slot = slotOf.value(loops.component(l));
            const double score = std::fabs(result.relative(t, l));
            if (score >= kDominant && score > bestScore[std::size_t(slot)]) {
                best[std::size_t(slot)] = int(l);
                bestScore[std::size_t(slot)] = score;
            }
        }
        for (std::size_t s = 0; s < best.size(); ++s) {
            const int loop = best[s];
            if (loop < 0) {
                previous[s] = -1;
                continue;
            }
            std::vector<TimePeriod> &list = periods[std::size_t(loop)];
            if (previous[s] == loop && !list.empty())
                list.back().to = result.times[t];
            else
                list.push_back({result.times[t], result.times[t]});
            previous[s] = loop;
        }
    }
    return periods;
}

QString formatPeriods(const std::vector<TimePeriod> &periods, int maxPeriods)
{
    QStringList parts;
    for (const TimePeriod &p : periods) {
        if (parts.size() == maxPeriods) {
            parts << QStringLiteral("…");
            break;
        }
        parts << (p.from == p.to ? QString::number(p.from, 'g', 6)
                                 : QStringLiteral("%1–%2").arg(QString::number(p.from, 'g', 6), QString::number(p.to, 'g', 6)));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace meadows

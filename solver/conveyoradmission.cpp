#include "conveyoradmission.h"

#include <algorithm>
#include <cmath>

namespace meadows {

namespace {

// Batches are sums of flows times DT: a batch that fits up to rounding fits.
bool fits(double amount, double limit)
{
    return amount <= limit + 1e-12 * std::max(1.0, std::fabs(limit));
}

} // namespace

double batchesTaken(const std::deque<double> &batches, double offset, double asked, double room, bool oneAtATime,
                    bool batchIntegrity)
{
    const double limit = std::max(0.0, std::min(asked, room));
    double skipped = 0; // of the batches ahead of this flow's
    double taken = 0;
    for (double batch : batches) {
        double left = batch;
        if (skipped < offset) {
            const double part = std::min(left, offset - skipped);
            skipped += part;
            left -= part;
            if (left <= 1e-12 * batch)
                continue; // taken whole by the flows ahead
        }
        if (fits(taken + left, limit)) {
            taken += left;
        } else {
            if (!batchIntegrity)
                taken = limit; // the last batch split: the rest of it stays at the front
            break;
        }
        if (oneAtATime)
            break;
    }
    return std::min(taken, limit);
}

double takenAhead(const CompiledQueue &q, const double *m, std::uint32_t flow, double dt)
{
    double ahead = 0;
    for (const std::vector<std::uint32_t> *flows : {&q.outflows, &q.overflows}) {
        for (std::uint32_t f : *flows) {
            if (f == flow)
                return ahead;
            ahead += std::max(0.0, m[f]) * dt;
        }
    }
    return ahead;
}

const CompiledConveyor *conveyorFedBy(const std::vector<CompiledConveyor> &conveyors, std::uint32_t flow)
{
    for (const CompiledConveyor &c : conveyors) {
        for (std::size_t f = 0; f < c.inflows.size(); ++f) {
            if (c.inflows[f] == flow && c.fromQueue[f] >= 0)
                return &c;
        }
    }
    return nullptr;
}

void admitInflows(const CompiledConveyor &c, double *m, double room, double dt, const std::vector<CompiledQueue> &queues,
                  const std::vector<Fifo> &fifos)
{
    for (std::size_t f = 0; f < c.inflows.size(); ++f) {
        if (c.beltDriven[f])
            continue;
        double &flow = m[c.inflows[f]];
        const double asked = std::max(0.0, flow) * dt;
        double served = std::min(asked, room);
        if (const std::int32_t q = c.fromQueue[f]; q >= 0 && std::size_t(q) < fifos.size()) {
            const double offset = takenAhead(queues[std::size_t(q)], m, c.inflows[f], dt);
            served = batchesTaken(fifos[std::size_t(q)].batches(), offset, asked, room, c.oneAtATime, c.batchIntegrity);
        }
        room -= served;
        flow = served / dt;
    }
}

} // namespace meadows

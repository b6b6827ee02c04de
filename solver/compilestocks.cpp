#include "compilestocks.h"
#include "conveyorlinks.h"

#include <algorithm>
#include <cstddef>

namespace meadows {

namespace {

std::vector<int> stockPositions(const FlatModel &flat)
{
    std::vector<int> position(flat.vars.size(), -1);
    int stocks = 0;
    for (std::size_t i = 0; i < flat.vars.size(); ++i) {
        if (flat.vars[i].kind == FlatVar::Kind::Stock)
            position[i] = stocks++;
    }
    return position;
}

// Per variable: a conveyor's outflow or leak, whose value its belt has already released.
std::vector<bool> beltFlows(const FlatModel &flat)
{
    std::vector<bool> beltFlow(flat.vars.size(), false);
    for (const FlatConveyor &c : flat.conveyors) {
        if (c.outflow >= 0)
            beltFlow[std::size_t(c.outflow)] = true;
        for (const FlatLeak &l : c.leaks)
            beltFlow[std::size_t(l.flow)] = true;
    }
    return beltFlow;
}

// The queue (its position in FlatModel::queues) that flow `f` leaves, through an outflow or
// an overflow; -1 when it leaves none.
std::int32_t queueOf(const FlatModel &flat, int f)
{
    for (std::size_t q = 0; q < flat.queues.size(); ++q) {
        const FlatQueue &queue = flat.queues[q];
        if (std::find(queue.outflows.begin(), queue.outflows.end(), f) != queue.outflows.end()
            || std::find(queue.overflows.begin(), queue.overflows.end(), f) != queue.overflows.end())
            return std::int32_t(q);
    }
    return -1;
}

} // namespace

std::vector<CompiledQueue> compileQueues(const FlatModel &flat)
{
    std::vector<CompiledQueue> out;
    if (flat.queues.empty())
        return out;
    const std::vector<int> stockPosition = stockPositions(flat);
    const auto slotsOf = [&](const std::vector<int> &vars) {
        std::vector<std::uint32_t> s;
        for (int v : vars)
            s.push_back(varSlot(v));
        return s;
    };
    for (const FlatQueue &q : flat.queues)
        out.push_back({std::uint32_t(stockPosition[std::size_t(q.stock)]), slotsOf(flat.vars[std::size_t(q.stock)].inflows),
                       slotsOf(q.outflows), slotsOf(q.overflows)});
    return out;
}

// The ovens in memory slots; stocks by their position among the stocks.
std::vector<CompiledOven> compileOvens(const FlatModel &flat)
{
    std::vector<CompiledOven> out;
    const std::vector<int> stockPosition = flat.ovens.empty() ? std::vector<int>{} : stockPositions(flat);
    const std::vector<bool> beltFlow = flat.ovens.empty() ? std::vector<bool>{} : beltFlows(flat);
    const auto optional = [&](int v) { return v < 0 ? std::int64_t(-1) : std::int64_t(varSlot(v)); };
    for (const FlatOven &o : flat.ovens) {
        CompiledOven co{std::uint32_t(stockPosition[std::size_t(o.stock)]), varSlot(o.cookTime), optional(o.fillTime),
                        optional(o.capacity), optional(o.inflowLimit), optional(o.cleanTime), varSlot(o.outflow), {}, {}};
        for (int f : flat.vars[std::size_t(o.stock)].inflows) {
            co.inflows.push_back(varSlot(f));
            co.beltDriven.push_back(beltFlow[std::size_t(f)]);
        }
        out.push_back(std::move(co));
    }
    return out;
}

// The conveyors in memory slots; stocks by their position among the stocks.
std::vector<CompiledConveyor> compileConveyors(const FlatModel &flat)
{
    std::vector<CompiledConveyor> out;
    if (flat.conveyors.empty())
        return out;
    const std::vector<int> stockPosition = stockPositions(flat);
    const std::vector<bool> beltFlow = beltFlows(flat);
    const auto optional = [&](int v) { return v < 0 ? std::int64_t(-1) : std::int64_t(varSlot(v)); };
    for (const FlatConveyor &c : flat.conveyors) {
        CompiledConveyor cc;
        cc.stock = std::uint32_t(stockPosition[std::size_t(c.stock)]);
        cc.transitTime = varSlot(c.transitTime);
        cc.capacity = optional(c.capacity);
        cc.inflowLimit = optional(c.inflowLimit);
        cc.arrest = optional(c.arrest);
        cc.sample = optional(c.sample);
        cc.heldBy = optional(arrestDownstream(flat, c));
        cc.outflow = optional(c.outflow);
        cc.exponentialLeak = c.exponentialLeak;
        cc.signedMaterial = c.signedMaterial;
        cc.oneAtATime = c.oneAtATime;
        cc.batchIntegrity = c.batchIntegrity;
        for (int f : flat.vars[std::size_t(c.stock)].inflows) {
            cc.inflows.push_back(varSlot(f));
            cc.beltDriven.push_back(beltFlow[std::size_t(f)]);
            cc.fromQueue.push_back(queueOf(flat, f));
        }
        // "The conveyor MUST be discrete if there is a queue directly upstream" (XMILE 1.0
        // section 4.2.1); Stella selects it and greys the choice out.
        cc.discrete = c.discrete || std::any_of(cc.fromQueue.begin(), cc.fromQueue.end(), [](std::int32_t q) { return q >= 0; });
        for (const FlatLeak &l : c.leaks)
            cc.leaks.push_back({varSlot(l.flow), varSlot(l.fraction), l.start, l.end, l.integers});
        out.push_back(std::move(cc));
    }
    return out;
}

} // namespace meadows

#pragma once
// Stella's queues (XMILE 1.0 section 3.7.2, <queue/>): a stock that holds what flows in as
// batches, one per inflow and DT, and lets them out first in, first out. A queue is never
// inflow constrained; its outflows, in the order it lists them, take what it holds at the
// start of the DT from the front (an outflow without an equation takes everything); what
// a capacity- or inflow-limited conveyor downstream refuses goes to the queue's overflow
// flows (<overflow/>), in their order. See docs/conveyors.md.
#include <cstdint>
#include <deque>
#include <vector>

namespace meadows {

// A queue as the compiled model knows it: memory slots, no names.
struct CompiledQueue {
    std::uint32_t stock = 0;               // position among the stocks
    std::vector<std::uint32_t> inflows;    // slots, in the queue's order
    std::vector<std::uint32_t> outflows;   // slots of the outflows that are not overflows
    std::vector<std::uint32_t> overflows;  // slots of the overflow flows
};

// The batches in a queue, the front first.
class Fifo {
public:
    void put(double amount);      // a batch at the back (nothing for an empty one)
    double take(double amount);   // from the front; returns what it took
    double contents() const;
    const std::deque<double> &batches() const { return m_batches; }

private:
    std::deque<double> m_batches;
};

} // namespace meadows

#pragma once
// Stella's ovens: a batch stock, the one home of an oven's state and arithmetic. As isee's
// help ("Oven Computation") describes it, an oven opens and fills, for its fill time or
// until it holds its capacity (whichever comes first; either may be left out), its inflow
// cut to its inflow limit and to the room left; then it closes and cooks its content for
// the cook time, taking nothing in; then it releases its whole content through its one
// outflow in one DT; then, after its clean time (shut and empty; none by default), it
// opens again. Each time is read when its phase begins and rounded to whole DTs (the fill
// and cook times to at least one). The compiler computes the outflow from the oven (the
// VM's Oven instruction); the runner cuts the inflows, and after each step moves the oven
// on and sets the stock's value to its content. See docs/conveyors.md.
#include <cstdint>
#include <vector>

namespace meadows {

// An oven as the compiled model knows it: memory slots, no names.
struct CompiledOven {
    std::uint32_t stock = 0;        // position among the stocks (CompiledModel::stockSlots)
    std::uint32_t cookTime = 0;     // slot of the cook time
    std::int64_t fillTime = -1;     // slot of the fill time; -1: fills until at capacity
    std::int64_t capacity = -1;     // slot of the capacity; -1: unlimited
    std::int64_t inflowLimit = -1;  // slot of the inflow limit; -1: unlimited
    std::int64_t cleanTime = -1;    // slot of the clean time; -1: none
    std::uint32_t outflow = 0;      // slot of the outflow
    std::vector<std::uint32_t> inflows;   // slots of the inflows, served in this order
    std::vector<std::uint8_t> beltDriven; // per inflow: a conveyor's outflow or leak, never cut
};

class Oven {
public:
    enum class Phase { Filling, Cooking, Releasing, Cleaning };

    void start(double content);
    // What leaves through the outflow in this DT, as an amount: everything while releasing.
    double releasing() const { return m_phase == Phase::Releasing ? m_content : 0.0; }
    // Before the stocks move: reads the time of a phase that has just begun, and cuts the
    // inflows in `memory` to what the oven takes in this DT.
    void admit(const CompiledOven &o, double *memory, double dt);
    // The end of a step: takes in what the inflows brought, and moves to the next phase
    // when this one is over.
    void advance(const CompiledOven &o, const double *memory, double dt);
    double contents() const { return m_content; }
    Phase phase() const { return m_phase; }

private:
    Phase m_phase = Phase::Filling;
    int m_remaining = 0;   // DTs left in this phase
    bool m_timed = false;  // the phase's time has been read (a filling oven without a fill time: never)
    int m_cleanSteps = 0;  // read when the oven finishes cooking
    double m_content = 0;
};

// round(time / DT), half away from zero, at least `minimum` (and at most a million).
int ovenSteps(double time, double dt, int minimum);

} // namespace meadows

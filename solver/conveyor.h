#pragma once
// Stella's conveyors (XMILE 1.0 section 3.7.2): the one home of a conveyor's state and
// arithmetic. A conveyor is a belt of slats, one DT of travel each; material that flows in
// during a DT is put on the slat round(transit time / DT) DTs from the exit, moves one slat
// per DT, and leaves through the conveyor's outflow when it reaches the exit, exactly one
// transit time after it entered. Leakage flows take a share of each slat while it passes
// through their leak zone. The compiler computes the outflow and the leaks from the belt
// (the VM's Belt instruction); the runner admits the inflows (capacity, inflow limit),
// advances the belt after each step, and sets the conveyor's value to what is on it.
// See docs/conveyors.md.
#include <cstdint>
#include <vector>

namespace meadows {

struct CompiledLeak {
    std::uint32_t flow;      // the leak flow's slot (its value: the amount leaked per time unit)
    std::uint32_t fraction;  // the slot of its leak fraction (the flow's own equation)
    double start = 0, end = 1; // the leak zone, fractions of the belt from the inlet
    bool integers = false;   // only whole units leak
};

// A conveyor as the compiled model knows it: memory slots, no names.
struct CompiledConveyor {
    std::uint32_t stock = 0;       // position among the stocks (CompiledModel::stockSlots)
    std::uint32_t transitTime = 0; // slot of the transit time
    std::int64_t capacity = -1;    // slot of the capacity; -1: unlimited
    std::int64_t inflowLimit = -1; // slot of the inflow limit; -1: unlimited
    std::int64_t outflow = -1;     // slot of the outflow; -1: none (the material stays at the exit)
    std::vector<std::uint32_t> inflows;   // slots of the inflows
    std::vector<std::uint8_t> beltDriven; // per inflow: another conveyor's outflow or leak, never cut
    std::vector<CompiledLeak> leaks;
    bool exponentialLeak = false;
    bool signedMaterial = false; // negative material enters and travels as it is (ConveyorOptions)
    std::int64_t arrest = -1; // slot of <arrest>: while non-zero nothing moves; -1: never arrested
    std::int64_t sample = -1; // slot of <sample>: the transit time is re-read only while non-zero; -1: every DT
    std::int64_t heldBy = -1; // slot of the arrest of the conveyor the outflow feeds: the exit waits while it is set
    std::vector<std::int32_t> fromQueue; // per inflow: the queue (CompiledModel::queues) it leaves; -1: none
    bool discrete = false;     // the inflow limit is a per-time-unit budget; the initial value in packages
    bool oneAtATime = true;    // from a queue: only the front batch each DT
    bool batchIntegrity = false; // from a queue: only whole batches
};

// The slats of one conveyor; index 0 is the exit.
class Belt {
public:
    // Fills the belt at steady state: `amount` spread over round(T / DT) slats as constant
    // inflow with the current leak fractions would have left it; a discrete conveyor's in
    // one package per time unit. Takes the transit time as the one new material gets.
    void initialise(const CompiledConveyor &c, const double *memory, double amount, double dt);
    // What leaves in this DT, as amounts (not rates): through the outflow (`which` < 0) or
    // through leak `which`. Reads the belt only; nothing while arrested or held.
    double leaving(const CompiledConveyor &c, const double *memory, int which, double dt) const;
    // The end of a step: takes the leaks and the exit slat off the belt, and puts
    // `admitted` (an amount) on the slat the transit time asks for. Nothing while arrested.
    void advance(const CompiledConveyor &c, const double *memory, double admitted, double dt);
    // What the inflow limit still lets in this DT, an amount: in_limit * DT, or for a
    // discrete conveyor what is left of this time unit's in_limit. HUGE_VAL: no limit.
    double inflowRoom(const CompiledConveyor &c, const double *memory, double dt) const;
    // <arrest> is non-zero now.
    static bool arrested(const CompiledConveyor &c, const double *memory);
    double transitTime() const { return m_transit; } // what new material is given (<sample>)
    double contents() const;
    // What is on each slat, from the exit, into `out`: round(transit time / DT) slats (the
    // transit time now), or more while material put on for a longer one is on its way.
    void slatContents(const CompiledConveyor &c, const double *memory, double dt, std::vector<double> &out) const;

private:
    struct Slat {
        double content = 0;
        std::vector<double> alloc;  // per leak: the amount it sheds per DT in the zone (linear leak)
        std::vector<double> budget; // per leak: what it may still shed (linear leak)
    };
    // One DT of leaking over the belt: what leaves through leak `which`, or through the exit
    // (`which` < 0). With `apply`, the slats lose what leaks.
    template<bool Apply, typename Slats>
    static double pass(const CompiledConveyor &c, const double *memory, double dt, int which, Slats &slats);
    void insert(const CompiledConveyor &c, const double *memory, double amount, int depth);

    std::vector<Slat> m_slats;
    double m_transit = 0;  // the transit time last taken from <len>
    double m_used = 0;     // discrete: what the inflow limit let in during time unit m_unit
    long long m_unit = 0;  // counted from the start time
};

// round(T / DT), half away from zero, at least one slat.
int slatsFor(double transitTime, double dt);
// Slat i (0: the exit) of a belt of `length` slats lies in the zone [start, end], measured
// from the inlet, when its middle does.
bool inLeakZone(int i, int length, double start, double end);

} // namespace meadows

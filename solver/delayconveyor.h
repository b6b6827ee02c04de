#pragma once
// Vensim's DELAY CONVEYOR at run time. Its reference (fn_delay_conveyor.html): the input
// delayed by the conveyance time ctime, where "changing ctime speeds up or slows down the
// whole conveyor"; leak is the fraction that leaks per time unit, a proportional share of
// everything on the conveyor including what was just added ("total leakage = ahead level *
// leak", "ahead level = convey total + TIME STEP * (input - convey out)"); the initial
// material inittot is laid out as the lookup initprofile says it will come out, over
// initctime (mgu09_initialization_of_conveyors.html), so a flat profile first returns
// inittot / initctime.
//
// Stella's conveyor (conveyor.h) samples the transit time as material enters and keeps its
// place on the belt; here the whole belt moves at DT / ctime(t) each step, so the material
// is kept as parcels at positions along the belt (0 the exit, 1 the inlet) that all move
// together. Each step's input is a parcel spread over the stretch of belt it covers in one
// step, [1 - DT / ctime, 1]; a parcel that straddles the exit leaves in proportion to the
// part that has passed it, so a belt slowed or sped up by a fraction of a step releases
// smoothly. The step rule is Meadows' reading of the reference, said at the call
// (mdltranslate.cpp): what passes the exit leaves, this step's input enters, then what is on
// the belt, the input included, loses leak * DT of itself. So with a constant ctime of N
// steps the input leaves exactly N steps later times (1 - leak * DT)^N, DELAY FIXED's value
// with no leak.
#include "model/graphicalfunction.h"

#include <cstdint>
#include <deque>

namespace meadows {

// A DELAY CONVEYOR as the compiled model knows it: the slots of its arguments, and the
// initial profile's table.
struct CompiledDelayConveyor {
    std::uint32_t input = 0, time = 0, leak = 0, total = 0, initialTime = 0;
    GraphicalFunction profile;
};

class DelayConveyor {
public:
    // Lays `total` on the belt, `profile` giving how it comes out over `initialTime` (each
    // step's share the profile's area over that step, its x range stretched over initialTime),
    // each share where the belt, moving at DT / `time` now, brings it to the exit in its step.
    void initialise(const GraphicalFunction &profile, double total, double initialTime, double time, double dt);
    // What passes the exit in this step, the belt moving dt / `time`, per time unit.
    double output(double time, double dt) const;
    // The end of a step: what passed the exit leaves, `input` (per time unit) enters, and
    // what is on the belt loses leak * dt of itself.
    void advance(double input, double time, double leak, double dt);

private:
    // A parcel's amount and place are kept in terms that stay fixed while the belt moves
    // and leaks, so that a step costs only the parcels that leave, however many there are
    // (a conveyance time of 1e9 lays a million): its place in belts from where the exit was
    // at the start, and its amount as a share of what a parcel laid at the start would hold.
    struct Parcel {
        double amount; // times m_kept: what it holds now
        double low, high; // minus m_travelled: where it lies, in belts from the exit
    };
    static double move(double time, double dt);
    double leavingShare(const Parcel &p, double moved) const;
    std::deque<Parcel> m_parcels; // from the exit
    double m_travelled = 0; // belts moved since the start
    double m_kept = 1;      // the product of every step's 1 - leak * DT
};

} // namespace meadows

#pragma once
// Vensim's DELAY INFORMATION at run time. Its reference: the input delayed by a delay time
// that may change; "if delay time is decreasing some values of the input will be discarded
// and replaced by more recent inputs; if delay time is increasing existing values will be
// held". Each step's input is due when its own delay has run out; the value at time t is
// the most recently entered input that is due by t, else the initial value. So a constant
// delay is DELAY FIXED, a shortening one skips ahead, and a lengthening one holds.
//
// Written here because no library keeps such a queue: an input that entered earlier and
// is due no sooner than a later one can never be the value again, so only entries whose
// due times rise with their entry are kept (a monotone queue), and reading is O(1) amortised.
#include <cstdint>
#include <deque>

namespace meadows {

// An information delay as the compiled model knows it: the slots of its input and of the
// time that step's input is due.
struct CompiledInformationDelay {
    std::uint32_t input = 0;
    std::uint32_t due = 0;
};

class InformationDelay {
public:
    // This step's input, entered at `now` (steps come in time order, `dt` apart) and due at `due`.
    void enter(double now, double dt, double due, double value);
    // The most recent input due by `time` (steps `dt` apart), or `before` when none is yet.
    double value(double time, double dt, double before) const;

private:
    struct Entry {
        double due;
        double value;
    };
    static bool isDue(const Entry &e, double time, double dt);
    std::deque<Entry> m_waiting; // entered in order; due times strictly rising
};

} // namespace meadows

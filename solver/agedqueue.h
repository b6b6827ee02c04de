#pragma once
// Vensim's QUEUE FIFO at run time: a level that remembers when each part of it came in, so
// that QUEUE AGE AVERAGE, QUEUE AGE IN RANGE and QUEUE AGE OLDEST can ask how old it is.
// Vensim's help (fn_queue_fifo.html and the pages of the three functions):
// - "A queue is the same as a Level defined using an INTEG equation", whose value "will
//   never change within a time step": it moves once a step, after the step's rates.
// - "If inflow is negative it is treated as a positive outflow. Similarly, if outflow is
//   negative it is treated as a positive inflow."
// - What leaves is the oldest first (first in, first out).
// - At the start, initial "is distributed over age TIME STEP to age range + TIME STEP with a
//   profile given by the Lookup function profile", "automatically renormalized to have an x
//   axis running from 0 to age range and an area of 1". Here the profile's share over each
//   step [(m - 1) DT, m DT] of that axis is the part m steps old (profileparts.h), so the
//   youngest is one step old, as what came in during the last step is. An age range of more
//   than a million steps is laid in groups of steps, each at its middle age. A negative
//   initial value, or an age range of one step or less, is one part a step old; an age range
//   of NaN makes the queue NaN.
// - "If a queue goes negative it is treated as having entries only from the previous time
//   step (both the average and oldest age will be equal to TIME STEP)."
// Ages are counted in steps, so they are exact multiples of DT, which the functions compare
// exactly (the help advises 4.95 rather than 5 "to prevent numerical surprises"); a TIME STEP
// that changes counts each step as the current one, as the help says the functions assume a
// constant TIME STEP. The help does not say what an empty queue's age is: Meadows gives 0,
// and says so at the call. A NaN argument gives NaN.
//
// The parts keep running sums of their amounts and of amount * step entered, so the functions
// find any range of ages by binary search (the parts are in the order they came in) and a
// step costs only the parts that leave, however long the queue. The sums are kept in two
// doubles each (the sum and its rounding error), as their differences are what the functions
// read: a few young parts of 0.001 behind 1e13 that came in long ago, or a run of 1e8 steps
// whose weighted sum passes 1e16, keep their digits.
#include "model/graphicalfunction.h"

#include <cstdint>
#include <deque>

namespace meadows {

// A QUEUE FIFO as the compiled model knows it: the slots of its arguments and its profile.
struct CompiledAgedQueue {
    std::uint32_t inflow = 0, outflow = 0, initial = 0, ageRange = 0;
    GraphicalFunction profile;
};

class AgedQueue {
public:
    enum class Query : std::uint8_t {
        Total,      // what it holds
        AgeAverage, // (quantity): the mean age of the oldest `quantity`; all of it when <= 0 or more
        AgeInRange, // (min, max): how much is at least min and at most max old; :NA: leaves a bound out
        AgeOldest,  // the age of the oldest part
    };

    void initialise(const GraphicalFunction &profile, double initial, double ageRange, double dt);
    // The end of a step: what flows out leaves from the oldest, what flows in enters.
    void advance(double inflow, double outflow, double dt);
    double total() const { return m_total; }
    double query(Query q, const double *args, double dt) const;

private:
    // A sum with the rounding error of its additions (Knuth's two-sum): the difference of two
    // is exact to about 1e-32 of their size.
    struct ExactSum {
        double high = 0, low = 0;
        ExactSum plus(double x) const;
        double minus(const ExactSum &other) const { return (high - other.high) + (low - other.low); }
    };
    struct Cohort {
        double amount;     // what is left of it (only the oldest is ever taken in part)
        long long entered; // the step it came in during: at step k it is k - entered steps old
        // Running sums up to and including it, of the amounts as they came in and of amount *
        // entered: a stretch of parts' sums are differences of these.
        ExactSum amountsThrough, weightedThrough;
    };
    void add(double amount, long long entered);
    // Of the parts from the oldest to `k` (an index): their amount, and their amount * entered.
    double amountUpTo(std::size_t k) const;
    double weightedUpTo(std::size_t k) const;
    // The sum of amount * age over the parts before `k`, and `part` of the part `k` (when any).
    double ageWeight(std::size_t k, double part, double dt) const;
    double ageAverage(double quantity, double dt) const;
    double ageInRange(double minAge, double maxAge, double dt) const;
    double age(const Cohort &c, double dt) const { return double(m_step - c.entered) * dt; }

    std::deque<Cohort> m_cohorts; // the oldest first; one negative cohort when it is below 0
    long long m_step = 0;         // steps since the start
    double m_total = 0;           // as a level: changed by each step's inflow less its outflow
};

} // namespace meadows

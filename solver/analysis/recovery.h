#pragma once
// "How big a dip tips it": a sweep over a disturbance's parameters (its size, its length)
// in which each run either recovers or does not, and the boundary between the two.
//
// A run recovers when every stock ends within `tolerance` of where the reference run ends:
// the run with every varied parameter at its first grid value (FROM, put the undisturbed
// value there: a dip of size 0 or length 0). "Within" is relative to the stock's size in
// the reference run (the largest magnitude it takes there; 1 for a stock that stays at 0),
// so a backlog that settles back at 10 after the dip recovers and one still growing at the
// end does not. A run that fails or ends on Inf or NaN does not recover.
#include "sweep.h"

#include <limits>

namespace meadows {

struct RecoveryOptions {
    double tolerance = 0.01; // of each stock's size in the reference run
    double precision = 1e-6; // of the boundary, relative to the last axis' span
};

// Where recovery changes along the last axis: between two neighbouring grid values that
// disagree, pushed by bisection to `precision`.
struct RecoveryBoundary {
    double across = std::numeric_limits<double>::quiet_NaN(); // the first axis' value (two axes); NaN for one
    double value = 0;          // on the last axis
    bool recoversBelow = true; // the runs just below `value` recover, those above do not
};

struct RecoveryMap {
    std::vector<SweepAxis> axes;          // one or two
    std::vector<QString> stocks;          // the stocks compared, as the model displays them
    std::vector<double> reference;        // their final values in the reference run
    std::vector<double> scale;            // what the tolerance is relative to, per stock
    std::vector<std::vector<double>> finals; // per grid point (the first axis slowest): the stocks' final values
    std::vector<char> recovers;           // per grid point
    std::vector<RecoveryBoundary> boundary;
    double tolerance = 0;
    QString error; // a run that could not start, a model without stocks, or "cancelled"

    std::size_t points() const { return recovers.size(); }
    // The grid point's values on each axis.
    std::vector<double> valuesAt(std::size_t point) const;
};

// Runs `model` (made with the axes' names settable, in order) at every grid point on
// `threads` threads (0: every core), classifies each run and locates the boundary.
// `progress(done, total)` counts the grid's runs, then the bisections'.
RecoveryMap mapRecovery(const ParameterizedModel &model, const std::vector<SweepAxis> &axes,
                        const RecoveryOptions &options = {}, const RunOptions &run = {}, unsigned threads = 0,
                        const std::atomic<bool> *cancel = nullptr,
                        const std::function<void(std::size_t, std::size_t)> &progress = {});

} // namespace meadows

#pragma once
// A parameter sweep: the model run at every point of a grid over one or more parameters,
// each run reduced to one number per variable.
#include "parameters.h"

#include "solver/simulation.h"

#include <atomic>
#include <functional>

namespace meadows {

struct SweepAxis {
    QString name;
    double from = 0, to = 0;
    int count = 1; // values from..to inclusive, evenly spaced
    double value(int k) const { return count == 1 ? from : (k + 1 == count ? to : from + (to - from) * k / (count - 1)); }
};

// NAME=FROM:TO:N, as `meadows sweep --vary` takes it; on a mistake, empty with `error`
// saying what is wrong.
std::optional<SweepAxis> parseSweepAxis(const QString &text, QString *error);

// final: the last saved value; max / min over the saved rows; time-above: how long
// `variable` is above `level` (linear between saved rows).
struct SweepMeasure {
    enum class Kind { Final, Max, Min, TimeAbove } kind = Kind::Final;
    QString variable; // time-above only
    double level = 0; // time-above only
};

struct SweepTable {
    QStringList columns;                   // the parameters, then what is measured
    std::vector<std::vector<double>> rows; // one per grid point, the first axis slowest
    QString error;                         // a run that could not start, or cancelled
};

// Runs `model` (made with the axes' names settable, in order) at every grid point on
// `threads` threads (0: every core).
SweepTable runSweep(const ParameterizedModel &model, const std::vector<SweepAxis> &axes, const SweepMeasure &measure,
                    const RunOptions &run = {}, unsigned threads = 0, const std::atomic<bool> *cancel = nullptr,
                    const std::function<void(std::size_t, std::size_t)> &progress = {});

// The table as CSV: a header of column names, one line per row.
QByteArray sweepCsv(const SweepTable &table);

} // namespace meadows

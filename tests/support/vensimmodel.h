#pragma once
// Small Vensim models written inline in tests: .mdl text in, messages and trajectories out.
#include "model/vensim/mdlreader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace meadows::test {

struct VensimRun {
    QStringList messages; // reading's and compiling's, as FILE:LINE:COL: ... lines
    RunResult result;
    // The value of `name` at `time`; NaN when the run or the variable is missing.
    double at(const QString &name, double time) const;
    // Every saved value of `name`, in time order; empty when the run or the variable is missing.
    std::vector<double> series(const QString &name) const;
};

// `text` is the whole model after "{UTF-8}" (line 2 of the file "m.mdl" onward), control
// section included. With `savedAsXmile`, the project is written as XMILE and read back first.
VensimRun runVensim(const QString &text, const RunOptions &options = {}, bool savedAsXmile = false);

} // namespace meadows::test

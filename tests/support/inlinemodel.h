#pragma once
// Small models written inline in tests: a few XMILE variables in, trajectories out.
#include "model/xmilereader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <QString>
#include <cmath>

namespace meadows::test {

// `variables` goes inside <variables>; `specs` inside <sim_specs>; `extra` (dimensions,
// macros, other models) after the main model, `header` inside <header>.
QByteArray xmile(const QString &variables,
                 const QString &specs = QStringLiteral("<start>0</start><stop>10</stop><dt>1</dt>"),
                 const QString &method = QStringLiteral("Euler"), const QString &extra = {},
                 const QString &header = QStringLiteral("<vendor>Meadows tests</vendor>"));

struct InlineRun {
    CompileResult compiled;
    RunResult run;
    // The value of a displayed variable at a row; NaN when the variable does not exist.
    double value(const QString &name, std::size_t row) const;
    // The value at a time (the row saved at that time).
    double at(const QString &name, double time) const;
    QString firstError() const;
};

InlineRun simulateText(const QByteArray &text, const FlattenOptions &flatten = {}, const RunOptions &options = {});

} // namespace meadows::test

#pragma once
// Small models written inline in tests: a few XMILE variables in, trajectories out.
#include "model/xmilereader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <QString>
#include <QStringList>
#include <vector>
#include <cmath>

namespace meadows::test {

// `variables` goes inside <variables>; `specs` inside <sim_specs>; `extra` (dimensions,
// macros, other models) after the main model, `header` inside <header>.
QByteArray xmile(const QString &variables,
                 const QString &specs = QStringLiteral("<start>0</start><stop>10</stop><dt>1</dt>"),
                 const QString &method = QStringLiteral("Euler"), const QString &extra = {},
                 const QString &header = QStringLiteral("<vendor>Meadows tests</vendor>"));

// XMILE variable elements for inline models; equations are escaped. `in` and `out` of a stock
// are comma-separated flow names.
QString aux(const QString &name, const QString &eqn, const QString &init = {});
QString flow(const QString &name, const QString &eqn);
// An apply-to-all auxiliary over `dims`, in order.
QString arrayedAux(const QString &name, const QStringList &dims, const QString &eqn);
QString stock(const QString &name, const QString &init, const QString &in = {}, const QString &out = {},
              bool nonNegative = false);
// The inside of <sim_specs>.
QString specs(double start, double stop, double dt);

struct InlineRun {
    CompileResult compiled;
    RunResult run;
    // The value of a displayed variable at a row; NaN when the variable does not exist.
    double value(const QString &name, std::size_t row) const;
    // The value at a time (the row saved at that time).
    double at(const QString &name, double time) const;
    QString firstError() const;
};

// `equation` as the only aux, evaluated at time 0, against `expected` (within 1e-12): empty
// when it matches, else what it gave (its value with 17 digits, or why it did not run).
QString mismatchAlone(const QString &equation, double expected);

// Each diagnostic as the command line prints it: FILE:LINE:COL: severity: message.
QStringList formatted(const std::vector<Diagnostic> &diagnostics);

// Empty when the run's diagnostics are one, containing `text`; else every one of them.
inline QString onlySaid(const InlineRun &r, const QString &text)
{
    const QStringList said = formatted(r.compiled.diagnostics);
    return said.size() == 1 && said.front().contains(text) ? QString() : said.join(u'\n');
}

// Compiles and runs what a reader gave; without a project, its diagnostics are the compile's.
InlineRun simulateRead(const XmileReadResult &read, const FlattenOptions &flatten = {}, const RunOptions &options = {});
InlineRun simulateText(const QByteArray &text, const FlattenOptions &flatten = {}, const RunOptions &options = {});

} // namespace meadows::test

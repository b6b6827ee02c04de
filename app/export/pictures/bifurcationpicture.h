#pragma once
// The bifurcation chart as SVG, for the postmortem page: each chosen stock's equilibria
// against the parameter, one chart per stock on a shared parameter axis. Stable stretches
// of a branch are solid, unstable and saddle stretches dashed; folds (tipping points) and
// Hopf points are marked and labelled with their values, as the editor's chart labels them.
#include "solver/analysis/continuation.h"

#include <QByteArray>

namespace meadows {

// Classes for readers of the file: each chart is a <g class="chart" data-stock="NAME">; a
// stretch is a <path class="stable"> or <path class="unstable"> (dashed) with data-branch;
// a fold is a <circle class="fold"> and its <text class="fold-label">, a Hopf point a
// <rect class="hopf"> and <text class="hopf-label">; value ticks are <text class="value-tick">
// centred on their grid line's y, parameter ticks <text class="parameter-tick"> centred on
// their grid line's x.
QByteArray bifurcationSvg(const Continuation &continuation, const std::vector<std::size_t> &stocks, const QString &title);

// "tipping point (fold): Retry Budget = 36.4765, Backlog = 90.3404": a mark's words.
QString bifurcationMarkLabel(const QString &kind, const Continuation &continuation, const SpecialPoint &point, std::size_t stock);

} // namespace meadows

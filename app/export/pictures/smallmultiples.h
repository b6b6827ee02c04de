#pragma once
// A run as small multiples in SVG: one short chart per variable, each on its own value axis,
// stacked on one shared time axis (labelled once, at the bottom), with a baseline run drawn
// dashed on every chart that has it. The postmortem page's behaviour picture: plain SVG
// that GitHub and GitLab show, with nice 1-2-5 ticks (chartscale.h) and each variable's own
// colour (seriescolors.h).
#include <QByteArray>
#include <QString>
#include <vector>

namespace meadows {

struct Results;
class SeriesColors;

struct SmallMultiple {
    QString variable; // display name: a column of the run (and of the baseline, if it has it)
    QString units;
};

struct SmallMultiplesPicture {
    QString title;           // the picture's accessible title
    const Results *run = nullptr;
    const Results *baseline = nullptr; // drawn dashed; may be null
    QString runLabel;        // the legend's words for each ("this model", "baseline: x.xmile")
    QString baselineLabel;
    QString timeUnits;
    std::vector<SmallMultiple> charts;
};

// Classes the SVG's parts carry, for readers of the file: each chart is a <g class="chart">
// with data-variable; its lines are paths of class "run" and "baseline" (dashed); its value
// ticks are <text class="value-tick"> centred on their grid line's y; the time ticks are
// <text class="time-tick"> centred on their grid line's x.
QByteArray smallMultiplesSvg(const SmallMultiplesPicture &picture, SeriesColors &colors);

} // namespace meadows

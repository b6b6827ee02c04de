#pragma once
// How a chart lays out its values: nice tick steps (1, 2 or 5 times a power of ten, never
// 22.5 or 375), and which series share a chart. Series of different units, or of sizes more
// than tenfold apart, get charts of their own, stacked on one time axis (small multiples),
// so a queue of 3 is not drawn flat next to a backlog of 3,000.
#include <QList>
#include <QString>
#include <vector>

namespace meadows {

struct NiceScale {
    double min = 0;
    double max = 1;
    double step = 1; // 1, 2 or 5 times a power of ten
};

// The smallest range of whole steps that holds [lo, hi], with at most maxTicks steps.
NiceScale niceScale(double lo, double hi, int maxTicks = 6);
// A printf format that shows every tick of that step exactly and no more digits ("%.0f",
// "%.2f").
QString tickLabelFormat(double step);

struct SeriesShape {
    QString variable; // series of one variable (a run and its ghosts) always share a chart
    QString units;    // empty: not known
    double peak = 0;  // the largest magnitude it reaches
};

// The chart each series goes in, numbered from 0 in order of first appearance.
std::vector<int> groupSeries(const std::vector<SeriesShape> &series);

} // namespace meadows

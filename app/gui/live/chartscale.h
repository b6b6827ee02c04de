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
// A tick's label in that format, as people write it: a value that rounds to zero reads "0",
// never "-0", "-0.0" or "0.00".
QString tickText(double value, double step);
// A value read out at the cursor, to `digits` significant digits; never "-0".
QString readoutText(double value, int digits = 5);

struct SeriesShape {
    QString variable; // series of one variable (a run and its ghosts) share a chart unless
                      // they are more than tenfold apart
    QString units;    // empty: not known
    double peak = 0;  // the largest magnitude it reaches
};

// The chart each series goes in, numbered from 0 in order of first appearance.
std::vector<int> groupSeries(const std::vector<SeriesShape> &series);

} // namespace meadows

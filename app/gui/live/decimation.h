#pragma once
// Thins a trajectory to what a chart can show: for each pixel column, the first, lowest,
// highest and last points, in time order, so peaks and troughs survive and a
// 100,000-point run draws as fast as a short one.
#include <QList>
#include <QPointF>

namespace meadows {

// x must be non-decreasing. Returns all points when there are no more than 4 per column.
QList<QPointF> decimate(const double *x, const double *y, std::size_t count, std::size_t stride, int columns);

} // namespace meadows

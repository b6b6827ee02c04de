#pragma once
// Functions of a table's points rather than of the line through them. Flattening passes a
// table argument as its points (Lowering::TablePoints, and Vensim's RANDOM LOOKUP): the
// count n, the n x values, the n y values, then the call's other arguments in order.
//
// The POINTS functions are how Meadows writes Vensim's GET DATA functions on a data
// variable read from a file (model/vensim/mdldatareading.cpp), whose points are such a
// table. Each takes the table first; `none` is what a call gives when no point qualifies
// (NaN when not given; Vensim's :NA: in translated models):
//   POINTS_MIN(table, from, to [, none])     the least y of the points with from <= x <= to
//   POINTS_MAX(table, from, to [, none])     the greatest
//   POINTS_MEAN(table, from, to [, none])    their average (each point counts once)
//   POINTS_MEDIAN(table, from, to [, none])  the middle one (the mean of the two middle ones
//                                            when their count is even)
//   POINTS_COUNT(table)                      how many points the table has
//   POINTS_AT(table, x [, none])             the y of the point at x itself
//   POINTS_LAST_X(table)                     the greatest x
#include "builtins.h"

#include <cstddef>
#include <optional>

namespace meadows {

// A table's points as flattening lays them out in a call's arguments, and what follows.
struct LoweredPoints {
    std::size_t n = 0;
    const double *xs = nullptr;
    const double *ys = nullptr;
    const double *rest = nullptr; // the call's other arguments
    std::size_t restCount = 0;
};

// The points at the start of `args`; nothing when the count there does not fit.
std::optional<LoweredPoints> loweredPoints(const double *args, std::size_t count);

// The evaluation of each POINTS function (its registry entry's `evaluate`).
double pointsMin(const double *args, std::size_t count, const BuiltinClock &);
double pointsMax(const double *args, std::size_t count, const BuiltinClock &);
double pointsMean(const double *args, std::size_t count, const BuiltinClock &);
double pointsMedian(const double *args, std::size_t count, const BuiltinClock &);
double pointsCount(const double *args, std::size_t count, const BuiltinClock &);
double pointsAt(const double *args, std::size_t count, const BuiltinClock &);
double pointsLastX(const double *args, std::size_t count, const BuiltinClock &);

} // namespace meadows

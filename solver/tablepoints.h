#pragma once
// Functions of a table's points rather than of the line through them. Flattening passes a
// table argument by its index among the compiled tables (CompiledModel::tables), as the
// call's first argument, then the call's other arguments in order (Lowering::TablePoints,
// and Vensim's RANDOM LOOKUP); the table is stored with an x value for every point
// (Flattener::withTablePoints), so that its points can be read where they are, however many.
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
//   POINTS_STDV(table, from, to [, none])    their standard deviation (see pointsStdv)
//   POINTS_COUNT(table)                      how many points the table has
//   POINTS_AT(table, x [, none])             the y of the point at x itself
//   POINTS_LAST_X(table)                     the greatest x
// and of the line through them, Vensim's LOOKUP SLOPE and Stella's LOOKUPINV:
//   LOOKUP_SLOPE(table, x, outside [, none]) its slope at x (see pointsSlope)
//   LOOKUPINV(table, y)                      the x at which the line first reaches y (see pointsInverse)
#include "model/graphicalfunction.h"

#include <cstddef>
#include <optional>

namespace meadows {

// A table's points where the table holds them.
struct PointsView {
    std::size_t n = 0;
    const double *xs = nullptr;
    const double *ys = nullptr;
    bool extrapolates = false; // the table continues its end segments (GraphicalFunction::Kind::Extrapolate)
};

// The points of a table that stores an x for each y; nothing for one that does not (its x
// values spread over a scale) or has no points.
std::optional<PointsView> pointsOf(const GraphicalFunction &table);

// The evaluation of each POINTS function (its registry entry's `points`): the table's
// points, then the call's other arguments.
double pointsMin(const PointsView &p, const double *args, std::size_t count);
double pointsMax(const PointsView &p, const double *args, std::size_t count);
double pointsMean(const PointsView &p, const double *args, std::size_t count);
double pointsMedian(const PointsView &p, const double *args, std::size_t count);
double pointsStdv(const PointsView &p, const double *args, std::size_t count);
double pointsCount(const PointsView &p, const double *args, std::size_t count);
double pointsAt(const PointsView &p, const double *args, std::size_t count);
double pointsLastX(const PointsView &p, const double *args, std::size_t count);
double pointsSlope(const PointsView &p, const double *args, std::size_t count);
double pointsInverse(const PointsView &p, const double *args, std::size_t count);

// Whether a table's values rise at every point, or fall at every point: then it reaches each
// value between its ends at one x, which pointsInverse finds. Vensim's LOOKUP INVERT and
// VECTOR LOOKUP's inverting modes take no other.
bool risesOrFallsThroughout(const GraphicalFunction &table);

// pointsInverse of a table however it holds its x values (as points, or spread over a
// scale): the x at which it first reaches y.
double inverseOf(const GraphicalFunction &table, double y);

} // namespace meadows

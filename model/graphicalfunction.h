#pragma once
// A graphical function (Vensim: lookup table): y as a function of x given by points.
#include "xmlnode.h"

#include <QString>
#include <optional>
#include <vector>

namespace meadows {

struct Scale {
    double min = 0;
    double max = 1;
    bool operator==(const Scale &) const = default;
};

struct GraphicalFunction {
    // Forward is no XMILE type: only LOOKUP_FORWARD reads a table so (a copy made while
    // compiling), and no file holds it.
    enum class Kind { Continuous, Extrapolate, Discrete, Forward };

    QString name; // set for a named <gf> used through LOOKUP(name, x)
    Kind kind = Kind::Continuous;
    std::optional<Scale> xscale;
    std::optional<Scale> yscale;
    std::vector<double> xpts; // empty: evenly spread over xscale, one per y point
    std::vector<double> ypts;
    XmlExtras extras;

    bool operator==(const GraphicalFunction &) const = default;

    // The x of point i, from xpts or the x scale.
    double x(std::size_t i) const;
    std::size_t size() const { return ypts.size(); }
    // Why the points cannot be placed (x and y counts differ, an empty x scale), or empty.
    QString problem() const;
    // Continuous: linear between points, flat beyond the ends. Extrapolate: the end
    // segments continue. Discrete: a step holding each y until the next x. Forward: the y
    // of the first point at or after x (Vensim's LOOKUP FORWARD).
    double evaluate(double at) const;
    // The integral of evaluate() from `from` to `to` (negative when to < from): Vensim's
    // LOOKUP AREA, with the ends held (or extended, for Extrapolate) as evaluate() does.
    double area(double from, double to) const;
};

} // namespace meadows

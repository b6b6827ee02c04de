#pragma once
// Vensim's one-to-many allocation (ALLOCATE AVAILABLE, and ALLOCATE BY PRIORITY, which is
// ALLOCATE AVAILABLE with rectangular profiles): each requester's priority profile is a
// curve of how much of its request it receives at a common "priority threshold" x; the
// allocation is the x at which the curves add up to what is available, found by bisection
// to the last bit of x. The registry entry (builtins.cpp) evaluates calls through here;
// flattening (solver/flatten/allocation.cpp) lays the arguments out.
#include "builtins.h"

#include <QString>
#include <cstddef>

namespace meadows {

// The values of a profile's final subscript (Vensim's pprofile: ptype, ppriority, pwidth,
// pextra), four per requester.
constexpr std::size_t kProfileSize = 4;

// Vensim's curve types (ptype). 5, the constant elasticity curve, and the integer
// allocations (ptype + 10) are not implemented: their calls give NaN, and flattening
// refuses them where the type is a constant.
enum class PriorityCurve { Fixed = 0, Rectangular = 1, Triangular = 2, Normal = 3, Exponential = 4 };

// Why a profile with this type and width cannot be used ("" when it can).
QString priorityProfileProblem(double type, double width);

// The share of its request a requester with this curve receives at threshold x: 1 far
// below its priority, 0 far above it (fixed quantities are handled by allocateAvailable).
double priorityCurveShare(PriorityCurve curve, double priority, double width, double x);

// Allocates `available` among n requesters: requests[i] with profile
// profiles[4 i .. 4 i + 3]. A request of zero or less gets nothing; when the requests add
// up to no more than what is available each gets its request; when nothing is available
// nobody gets anything. Fixed-quantity requesters (ptype 0) are served first, in proportion
// to their requests when there is not enough for them all; the others share the rest at
// the threshold where their curves meet it. Every output is NaN when an input is NaN or a
// profile of a requester with a request is unusable (priorityProfileProblem).
void allocateAvailable(const double *requests, const double *profiles, std::size_t n, double available, double *out);

// Vensim's market, where both demand and supply depend on the price: DEMAND AT PRICE is the
// quantity times the demand curve's share at the price (the share ALLOCATE AVAILABLE gives
// at that threshold: all far below the priority, none far above); SUPPLY AT PRICE the
// capacity times the mirror of that share (none far below, all far above); a fixed
// quantity (ptype 0) is the whole quantity at any price. Their arguments as lowered: the
// quantity, the price, then the profile's four values. NaN for a NaN input or an unusable
// profile (priorityProfileProblem).
double demandAtPrice(const double *args, std::size_t count, const BuiltinClock &clock);
double supplyAtPrice(const double *args, std::size_t count, const BuiltinClock &clock);

// FIND MARKET PRICE: the price at which the demanders' demand adds up to the suppliers'
// supply, found by bisection to the last bit. Its arguments as lowered: n, the n demand
// quantities, their n profiles (four values each), then the m supply quantities and their
// m profiles. NaN when no curve depends on the price, or as the functions above.
double marketPrice(const double *args, std::size_t count, const BuiltinClock &clock);

// The registry's evaluation of Builtin::AllocateAvailable. Its arguments, as flattening
// lays them out: the (0-based) requester whose allocation is wanted, what is available,
// the n requests, then the n profiles of four values each.
double allocationOf(const double *args, std::size_t count, const BuiltinClock &clock);

} // namespace meadows

#pragma once
// Rosenbrock4 (Boost.Odeint) behind an interface of plain standard types, so that its
// translation unit can be compiled as C++17: Boost 1.74's uBLAS, which the stepper
// needs, does not compile as C++20.
#include <functional>
#include <vector>

namespace meadows::detail {

using Derivative = std::function<void(const std::vector<double> &x, std::vector<double> &dxdt, double t)>;
using Observer = std::function<void(const std::vector<double> &x, double t)>;

// Integrates from times.front() and calls `observe` at every time in `times`.
// The Jacobian is taken by forward differences of `f`.
void integrateStiff(std::vector<double> x, const std::vector<double> &times, double firstStep,
                    double absoluteTolerance, double relativeTolerance, const Derivative &f, const Observer &observe);

} // namespace meadows::detail

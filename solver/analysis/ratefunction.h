#pragma once
// The model's right-hand side as analysis needs it: stock values in, net flows out, with
// time held at one instant. It drives the simulation's own Runner (solver/runner.h), so
// equilibria are those of exactly the equations `meadows run` integrates.
#include "solver/runner.h"

#include <Eigen/Dense>

namespace meadows {

class RateFunction {
public:
    // Evaluates the model's initial values (constants, initial stocks) and holds time at
    // `time` (STEP, PULSE, RAMP and TIME itself read it).
    RateFunction(const CompiledModel &model, double time);

    std::size_t size() const { return m_initial.size(); }
    const Eigen::VectorXd &initialStocks() const { return m_initial; }
    const CompiledModel &model() const { return m_runner.model; }
    double time() const { return m_time; }
    bool nonNegative(std::size_t stock) const { return m_runner.model.stockNonNegative[stock] != 0; }

    // Net flow into every stock at these stock values.
    Eigen::VectorXd operator()(const Eigen::VectorXd &stocks);
    // Sum of the absolute values of the flows into and out of `stock`, from the last call:
    // what "the net flow is zero" is measured against.
    double grossFlow(std::size_t stock) const;
    // The memory after the last evaluation (every variable's value).
    const std::vector<double> &memory() const { return m_runner.memory; }
    // Where the memory image holds the initial values, for evaluating instruction by instruction.
    const std::vector<double> &initialMemory() const { return m_initialMemory; }

    // d(net flow i)/d(stock j) by central differences, steps relative to the stock's size.
    Eigen::MatrixXd jacobian(const Eigen::VectorXd &stocks);
    // The step jacobian() takes along `stock` at this point.
    static double differenceStep(double value) { return 1e-6 * std::max(1.0, std::fabs(value)); }

private:
    detail::Runner m_runner;
    double m_time;
    Eigen::VectorXd m_initial;
    std::vector<double> m_initialMemory;
    std::vector<double> m_levels;
};

} // namespace meadows

#include "ratefunction.h"

#include <cmath>

namespace meadows {

RateFunction::RateFunction(const CompiledModel &model, double time) : m_runner(model, RunOptions{}), m_time(time)
{
    // Stocks at any value may put a computed subscript out of range: the rates there are NaN,
    // which the analyses treat as no answer, rather than a run's error.
    m_runner.stopAtBadIndex = false;
    const std::vector<double> levels = m_runner.initialise();
    m_initial = Eigen::Map<const Eigen::VectorXd>(levels.data(), Eigen::Index(levels.size()));
    m_initialMemory = m_runner.memory;
    m_levels.resize(levels.size());
}

Eigen::VectorXd RateFunction::operator()(const Eigen::VectorXd &stocks)
{
    for (std::size_t s = 0; s < m_levels.size(); ++s)
        m_levels[s] = stocks[Eigen::Index(s)];
    m_runner.evaluate(m_levels, m_time);
    Eigen::VectorXd out(Eigen::Index(m_levels.size()));
    // Non-negative stocks are limited over one DT, as the simulation limits them.
    m_runner.netFlows(out.data(), m_runner.dt);
    return out;
}

double RateFunction::grossFlow(std::size_t stock) const
{
    const CompiledModel &m = m_runner.model;
    double gross = 0;
    for (std::uint32_t t = m.termBegin[stock]; t < m.termBegin[stock + 1]; ++t)
        gross += std::fabs(m_runner.memory[m.termSlot[t]]);
    return gross;
}

Eigen::MatrixXd RateFunction::jacobian(const Eigen::VectorXd &stocks)
{
    const Eigen::Index n = stocks.size();
    Eigen::MatrixXd j(n, n);
    Eigen::VectorXd x = stocks;
    for (Eigen::Index c = 0; c < n; ++c) {
        const double h = differenceStep(stocks[c]);
        x[c] = stocks[c] + h;
        const Eigen::VectorXd up = (*this)(x);
        x[c] = stocks[c] - h;
        const Eigen::VectorXd down = (*this)(x);
        x[c] = stocks[c];
        j.col(c) = (up - down) / (2 * h);
    }
    return j;
}

} // namespace meadows

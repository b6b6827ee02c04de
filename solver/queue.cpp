#include "queue.h"

#include <algorithm>

namespace meadows {

void Fifo::put(double amount)
{
    if (amount > 0)
        m_batches.push_back(amount);
}

double Fifo::take(double amount)
{
    double taken = 0;
    while (amount > taken && !m_batches.empty()) {
        double &front = m_batches.front();
        const double part = std::min(front, amount - taken);
        taken += part;
        front -= part;
        if (front <= 0)
            m_batches.pop_front();
    }
    return taken;
}

double Fifo::contents() const
{
    double sum = 0;
    for (double b : m_batches)
        sum += b;
    return sum;
}

} // namespace meadows

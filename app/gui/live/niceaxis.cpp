#include "niceaxis.h"
#include "chartscale.h"

#include <cmath>

namespace meadows {

NiceAxis::NiceAxis(QObject *parent) : QCategoryAxis(parent)
{
    setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue); // a label at its tick, not between two
    connect(this, &QValueAxis::rangeChanged, this, [this](qreal min, qreal max) {
        if (!m_setting && max > min)
            retick(min, max, niceScale(min, max, m_maxTicks).step);
    });
}

void NiceAxis::setScale(double min, double max, double step)
{
    m_setting = true;
    setRange(min, max);
    m_setting = false;
    retick(min, max, step);
}

void NiceAxis::retick(double min, double max, double step)
{
    if (!(step > 0) || !std::isfinite(min) || !std::isfinite(max))
        return;
    QList<double> ticks;
    // k * step, never a running sum: a tick at zero is exactly zero.
    const double first = std::ceil(min / step - 1e-9), last = std::floor(max / step + 1e-9);
    for (double k = first; k <= last && ticks.size() <= 1000; ++k)
        ticks << (k == 0 ? 0.0 : k * step);
    if (ticks == m_ticks && step == m_step)
        return;
    m_step = step;
    m_ticks = ticks;
    for (const QString &label : categoriesLabels())
        remove(label);
    if (ticks.isEmpty())
        return;
    // Each category ends at a tick and carries its label there; the first starts a step
    // below the range, where neither its grid line nor a label is drawn.
    setStartValue(ticks.front() - step);
    for (double t : std::as_const(ticks))
        append(tickText(t, step), t);
}

} // namespace meadows

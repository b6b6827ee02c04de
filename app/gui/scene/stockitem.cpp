#include "stockitem.h"

#include "diagram/diagramgeometry.h"
#include "diagramstyle.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace meadows {

QPainterPath StockItem::body() const
{
    // The size the diagram's geometry gives it, about the item's origin (its centre).
    const QRectF box = diagram::boxRect(m_element);
    QPainterPath p;
    p.addRoundedRect(box.translated(-box.center()), 2, 2);
    return p;
}

void StockItem::setTrajectory(std::vector<double> values)
{
    m_trajectory = std::move(values);
    m_low = 0; // the fill level counts from empty, as a stock does
    m_high = 0;
    for (double v : m_trajectory) {
        if (std::isfinite(v)) {
            m_low = std::min(m_low, v);
            m_high = std::max(m_high, v);
        }
    }
    update();
}

void StockItem::setTimeIndex(int row)
{
    if (row == m_row)
        return;
    m_row = row;
    update();
}

double StockItem::fillFraction() const
{
    if (m_trajectory.empty() || m_high <= m_low)
        return -1;
    const std::size_t row = m_row < 0 || std::size_t(m_row) >= m_trajectory.size() ? m_trajectory.size() - 1 : std::size_t(m_row);
    const double v = m_trajectory[row];
    return std::isfinite(v) ? std::clamp((v - m_low) / (m_high - m_low), 0.0, 1.0) : -1;
}

void StockItem::paintBody(QPainter *painter) const
{
    const DiagramStyle &s = DiagramStyle::current();
    painter->setPen(QPen(s.stockBorder, 1.5));
    painter->setBrush(s.stockFill);
    painter->drawPath(body());
    const double fill = fillFraction();
    if (fill < 0)
        return;
    const QRectF box = body().boundingRect().adjusted(1.5, 1.5, -1.5, -1.5);
    // The level at the scrubbed time, as a band rising from the bottom.
    QColor level = s.stockBorder;
    level.setAlphaF(0.18);
    painter->setPen(Qt::NoPen);
    painter->setBrush(level);
    painter->drawRect(QRectF(box.left(), box.bottom() - box.height() * fill, box.width(), box.height() * fill));
    // The whole run as a sparkline across the box, at most one point per pixel.
    const std::size_t n = m_trajectory.size();
    const std::size_t stride = std::max<std::size_t>(1, n / std::max<std::size_t>(1, std::size_t(box.width())));
    QPolygonF line;
    for (std::size_t i = 0; i < n; i += stride) {
        const double v = std::isfinite(m_trajectory[i]) ? m_trajectory[i] : m_low;
        line << QPointF(box.left() + box.width() * double(i) / double(std::max<std::size_t>(1, n - 1)),
                        box.bottom() - box.height() * (v - m_low) / (m_high - m_low));
    }
    QPen pen(s.stockBorder, 1.2);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(line);
}

} // namespace meadows

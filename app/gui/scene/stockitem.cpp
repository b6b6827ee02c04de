#include "stockitem.h"

#include "diagram/diagramgeometry.h"
#include "diagramstyle.h"
#include "elementlook.h"

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

void StockItem::setKind(Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    update();
}

// The mark of a special stock, in the lower part of the box, under the fill level and the
// sparkline; drawn in the border's colour, thin, so the box stays a stock at a glance.
void StockItem::paintKind(QPainter *painter, const QRectF &box) const
{
    if (m_kind == Kind::Plain)
        return;
    QPen pen(lineColor(m_style.color, DiagramStyle::current().stockBorder), 1.1);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const double unit = std::min(box.height() / 4, box.width() / 8);
    const double y = box.bottom() - unit * 1.4; // the mark's middle
    switch (m_kind) {
    case Kind::Conveyor: {
        // A belt round two rollers, with its slats.
        const double r = unit * 0.6;
        const QRectF belt(box.left() + unit * 0.5, y - r, box.width() - unit, 2 * r);
        painter->drawRoundedRect(belt, r, r);
        painter->drawEllipse(QPointF(belt.left() + r, y), r * 0.45, r * 0.45);
        painter->drawEllipse(QPointF(belt.right() - r, y), r * 0.45, r * 0.45);
        for (double x = belt.left() + 2.2 * r; x < belt.right() - 2 * r; x += r * 1.2)
            painter->drawLine(QPointF(x, y - r), QPointF(x, y - r * 0.35));
        break;
    }
    case Kind::Queue: {
        // Items waiting in a row, the first at the exit on the right.
        const double side = unit * 1.1;
        for (int i = 0; i < 4; ++i) {
            const double x = box.right() - unit * 0.6 - side - double(i) * side * 1.45;
            if (x < box.left())
                break;
            painter->drawRect(QRectF(x, y - side / 2, side, side));
        }
        break;
    }
    case Kind::Oven: {
        // A door with its window over a row of burner flames.
        const QRectF door(box.left() + unit * 0.6, box.top() + unit * 0.5, box.width() - unit * 1.2,
                          box.height() - unit * 2.2);
        painter->drawRect(door);
        painter->drawLine(QPointF(door.left() + unit * 0.5, door.top() + unit * 0.6),
                          QPointF(door.right() - unit * 0.5, door.top() + unit * 0.6)); // the handle
        const double flame = unit * 0.7;
        for (double x = box.left() + unit * 1.2; x < box.right() - unit; x += unit * 1.4) {
            QPainterPath f;
            f.moveTo(x - flame / 2, box.bottom() - unit * 0.5);
            f.quadTo(x - flame / 2, box.bottom() - unit * 0.5 - flame, x, box.bottom() - unit * 0.5 - flame * 1.3);
            f.quadTo(x + flame / 2, box.bottom() - unit * 0.5 - flame, x + flame / 2, box.bottom() - unit * 0.5);
            painter->drawPath(f);
        }
        break;
    }
    case Kind::Plain:
        break;
    }
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
    const QColor border = lineColor(m_style.color, s.stockBorder);
    painter->setPen(QPen(border, 1.5));
    painter->setBrush(fillColor(m_style.background, s.stockFill));
    painter->drawPath(body());
    const QRectF box = body().boundingRect().adjusted(1.5, 1.5, -1.5, -1.5);
    paintKind(painter, box);
    const double fill = fillFraction();
    if (fill < 0)
        return;
    // The level at the scrubbed time, as a band rising from the bottom.
    QColor level = border;
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
    QPen pen(border, 1.2);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(line);
}

} // namespace meadows

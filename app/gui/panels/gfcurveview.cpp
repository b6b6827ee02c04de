#include "gfcurveview.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

namespace meadows {

GfCurveView::GfCurveView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("gfCurve"));
    setMinimumHeight(120);
}

void GfCurveView::setFunction(const GraphicalFunction &gf)
{
    m_gf = gf;
    update();
}

QRectF GfCurveView::plotRect() const
{
    return QRectF(rect()).adjusted(34, 8, -8, -20);
}

Scale GfCurveView::xRange() const
{
    if (m_gf.xscale)
        return *m_gf.xscale;
    if (m_gf.size() == 0)
        return {};
    return {m_gf.x(0), m_gf.x(m_gf.size() - 1)};
}

Scale GfCurveView::yRange() const
{
    if (m_dragging >= 0)
        return m_dragRange;
    if (m_gf.yscale)
        return *m_gf.yscale;
    if (m_gf.ypts.empty())
        return {};
    const auto [lo, hi] = std::minmax_element(m_gf.ypts.begin(), m_gf.ypts.end());
    return {*lo, *hi > *lo ? *hi : *lo + 1};
}

QPointF GfCurveView::pointPosition(int i) const
{
    const QRectF r = plotRect();
    const Scale xs = xRange(), ys = yRange();
    const double fx = xs.max > xs.min ? (m_gf.x(i) - xs.min) / (xs.max - xs.min) : 0.5;
    const double fy = ys.max > ys.min ? (m_gf.ypts[i] - ys.min) / (ys.max - ys.min) : 0.5;
    return {r.left() + fx * r.width(), r.bottom() - fy * r.height()};
}

void GfCurveView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = plotRect();
    p.fillRect(r, palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(r);
    const Scale xs = xRange(), ys = yRange();
    p.setPen(palette().color(QPalette::Text));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    p.setFont(small);
    p.drawText(QRectF(0, r.top() - 6, 30, 14), Qt::AlignRight, QString::number(ys.max, 'g', 4));
    p.drawText(QRectF(0, r.bottom() - 8, 30, 14), Qt::AlignRight, QString::number(ys.min, 'g', 4));
    p.drawText(QRectF(r.left() - 20, r.bottom() + 3, 40, 14), Qt::AlignCenter, QString::number(xs.min, 'g', 4));
    p.drawText(QRectF(r.right() - 30, r.bottom() + 3, 40, 14), Qt::AlignCenter, QString::number(xs.max, 'g', 4));
    if (m_gf.size() == 0)
        return;
    QPolygonF line;
    for (int i = 0; i < int(m_gf.size()); ++i)
        line << pointPosition(i);
    const QColor accent = palette().color(QPalette::Highlight);
    p.setPen(QPen(accent, 1.6));
    p.drawPolyline(line);
    p.setBrush(palette().color(QPalette::Base));
    for (int i = 0; i < line.size(); ++i)
        p.drawEllipse(line[i], i == m_dragging ? 4.5 : 3, i == m_dragging ? 4.5 : 3);
}

void GfCurveView::mousePressEvent(QMouseEvent *event)
{
    double best = 12;
    m_dragging = -1;
    const Scale range = yRange();
    for (int i = 0; i < int(m_gf.size()); ++i) {
        const double d = std::abs(pointPosition(i).x() - event->position().x());
        if (d < best) {
            best = d;
            m_dragging = i;
        }
    }
    m_dragRange = range;
    mouseMoveEvent(event);
}

void GfCurveView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging < 0)
        return;
    const QRectF r = plotRect();
    const double f = std::clamp((r.bottom() - event->position().y()) / r.height(), 0.0, 1.0);
    m_gf.ypts[m_dragging] = m_dragRange.min + f * (m_dragRange.max - m_dragRange.min);
    update();
}

void GfCurveView::mouseReleaseEvent(QMouseEvent *)
{
    if (m_dragging < 0)
        return;
    m_dragging = -1;
    update();
    emit edited(m_gf);
}

} // namespace meadows

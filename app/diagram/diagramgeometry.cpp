#include "diagram/diagramgeometry.h"

#include <QLineF>
#include <cmath>

namespace meadows::diagram {

QPointF centre(const ViewElement &e)
{
    return {e.x.value_or(0), e.y.value_or(0)};
}

QRectF boxRect(const ViewElement &e)
{
    const bool module = e.type == ViewElement::Type::Module;
    const double w = e.width.value_or(module ? kModuleWidth : kStockWidth);
    const double h = e.height.value_or(module ? kModuleHeight : kStockHeight);
    const QPointF c = centre(e);
    return {c.x() - w / 2, c.y() - h / 2, w, h};
}

std::vector<QPointF> flowPoints(const ViewElement &flow)
{
    std::vector<QPointF> pts;
    pts.reserve(flow.points.size());
    for (const ViewPoint &p : flow.points)
        pts.emplace_back(p.x, p.y);
    return pts;
}

static QPointF nearestOnSegment(QPointF a, QPointF b, QPointF p, double *t)
{
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    double u = len2 > 0 ? QPointF::dotProduct(p - a, d) / len2 : 0;
    u = std::clamp(u, 0.0, 1.0);
    if (t)
        *t = u;
    return a + u * d;
}

static double polylineLength(const std::vector<QPointF> &line)
{
    double total = 0;
    for (size_t i = 1; i < line.size(); ++i)
        total += QLineF(line[i - 1], line[i]).length();
    return total;
}

QPointF nearestOnPolyline(const std::vector<QPointF> &line, QPointF p, double *fraction)
{
    if (line.empty())
        return p;
    if (line.size() == 1) {
        if (fraction)
            *fraction = 0;
        return line.front();
    }
    QPointF best = line.front();
    double bestDistance = 1e300, bestAlong = 0, along = 0;
    for (size_t i = 1; i < line.size(); ++i) {
        double t = 0;
        const QPointF q = nearestOnSegment(line[i - 1], line[i], p, &t);
        const double segment = QLineF(line[i - 1], line[i]).length();
        const double distance = QLineF(q, p).length();
        if (distance < bestDistance) {
            bestDistance = distance;
            best = q;
            bestAlong = along + t * segment;
        }
        along += segment;
    }
    if (fraction)
        *fraction = along > 0 ? bestAlong / along : 0;
    return best;
}

QPointF pointAtFraction(const std::vector<QPointF> &line, double fraction)
{
    if (line.empty())
        return {};
    double remaining = std::clamp(fraction, 0.0, 1.0) * polylineLength(line);
    for (size_t i = 1; i < line.size(); ++i) {
        const double segment = QLineF(line[i - 1], line[i]).length();
        if (remaining <= segment && segment > 0)
            return line[i - 1] + (line[i] - line[i - 1]) * (remaining / segment);
        remaining -= segment;
    }
    return line.back();
}

QPointF pipeEndAtBox(const QRectF &box, QPointF towards)
{
    const QPointF c = box.center();
    const QPointF d = towards - c;
    if (std::abs(d.x()) * box.height() >= std::abs(d.y()) * box.width())
        return {d.x() >= 0 ? box.right() : box.left(), c.y()};
    return {c.x(), d.y() >= 0 ? box.bottom() : box.top()};
}

std::vector<QPointF> routeFlow(QPointF from, const QRectF *fromBox, QPointF to, const QRectF *toBox)
{
    if (fromBox)
        from = fromBox->center();
    if (toBox)
        to = toBox->center();
    const bool horizontal = std::abs(to.x() - from.x()) >= std::abs(to.y() - from.y());
    if (horizontal) {
        // Run at the height of whichever end sits on a stock; bend down/up into the other.
        const double y = fromBox ? from.y() : to.y();
        QPointF start(fromBox ? (to.x() >= from.x() ? fromBox->right() : fromBox->left()) : from.x(), y);
        if (!toBox || std::abs(to.y() - y) <= toBox->height() / 2 - 2) {
            const double endX = toBox ? (to.x() >= from.x() ? toBox->left() : toBox->right()) : to.x();
            return {start, QPointF(endX, y)};
        }
        return {start, QPointF(to.x(), y), QPointF(to.x(), to.y() > y ? toBox->top() : toBox->bottom())};
    }
    const double x = fromBox ? from.x() : to.x();
    QPointF start(x, fromBox ? (to.y() >= from.y() ? fromBox->bottom() : fromBox->top()) : from.y());
    if (!toBox || std::abs(to.x() - x) <= toBox->width() / 2 - 2) {
        const double endY = toBox ? (to.y() >= from.y() ? toBox->top() : toBox->bottom()) : to.y();
        return {start, QPointF(x, endY)};
    }
    return {start, QPointF(x, to.y()), QPointF(to.x() > x ? toBox->left() : toBox->right(), to.y())};
}

void setFlowPoints(ViewElement &flow, const std::vector<QPointF> &points)
{
    // Keep attributes Stella put on points (uid attachments): the ends keep theirs even when
    // bends come or go, the bends only while their count is unchanged.
    std::vector<ViewPoint> out(points.size());
    const size_t n = points.size(), old = flow.points.size();
    for (size_t i = 0; i < n; ++i) {
        if (old == n)
            out[i] = flow.points[i];
        else if (i == 0 && old > 0)
            out[i] = flow.points.front();
        else if (i + 1 == n && old > 1)
            out[i] = flow.points.back();
        out[i].x = points[i].x();
        out[i].y = points[i].y();
    }
    flow.points = std::move(out);
}

} // namespace meadows::diagram

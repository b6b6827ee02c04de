#include "flowitem.h"

#include "diagram/diagramgeometry.h"
#include "diagramstyle.h"
#include "elementlook.h"
#include "diagram/flowbends.h"
#include "variableitem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <cmath>

namespace meadows {

namespace {

constexpr double kPipeWidth = 6;
constexpr double kHandleSize = 5;

// Where the ray from `from` through `towards` first meets the box's edge: the pipe's end
// at a stock, whether the stored point lies inside the box or short of it.
QPointF edgePoint(const QRectF &box, QPointF from, QPointF towards)
{
    const QPointF d = towards - from;
    if (d.isNull())
        return towards;
    const QLineF ray(from, from + d * (1e4 / std::max(1.0, std::hypot(d.x(), d.y()))));
    const QLineF edges[] = {{box.topLeft(), box.topRight()}, {box.topRight(), box.bottomRight()},
                            {box.bottomRight(), box.bottomLeft()}, {box.bottomLeft(), box.topLeft()}};
    QPointF best = towards;
    double bestDistance = 1e300;
    for (const QLineF &edge : edges) {
        QPointF hit;
        if (ray.intersects(edge, &hit) == QLineF::BoundedIntersection) {
            const double distance = QLineF(from, hit).length();
            if (distance < bestDistance) {
                bestDistance = distance;
                best = hit;
            }
        }
    }
    return best;
}

QPainterPath cloudPath(QPointF c)
{
    const double w = diagram::kCloudWidth, h = diagram::kCloudHeight;
    QPainterPath p;
    p.addEllipse(QPointF(c.x() - w * 0.22, c.y() + h * 0.08), w * 0.26, h * 0.34);
    p.addEllipse(QPointF(c.x() + w * 0.05, c.y() - h * 0.14), w * 0.28, h * 0.36);
    p.addEllipse(QPointF(c.x() + w * 0.27, c.y() + h * 0.1), w * 0.22, h * 0.3);
    return p.simplified();
}

} // namespace

void FlowItem::setElement(const ViewElement &element)
{
    ElementItem::setElement(element);
    setPos(element.x.value_or(0), element.y.value_or(0));
    layout();
}

void FlowItem::setEnds(std::optional<QRectF> source, std::optional<QRectF> sink)
{
    m_source = source;
    m_sink = sink;
    layout();
}

void FlowItem::layout()
{
    prepareGeometryChange();
    m_pipe.clear();
    for (const QPointF &p : diagram::flowPoints(m_element))
        m_pipe << p;
    if (m_pipe.size() >= 2) {
        const int n = int(m_pipe.size());
        if (m_source && !m_source->contains(m_pipe[1]))
            m_pipe.first() = edgePoint(*m_source, m_pipe[1], m_pipe[0]);
        if (m_sink && !m_sink->contains(m_pipe[n - 2]))
            m_pipe.last() = edgePoint(*m_sink, m_pipe[n - 2], m_pipe[n - 1]);
    }
    // A cloud sits on an end that reaches no stock; the pipe stops at its edge.
    m_sourceCloud.reset();
    m_sinkCloud.reset();
    const auto pullBack = [](QPointF &end, QPointF towards) {
        const QLineF l(end, towards);
        const double cut = std::min(diagram::kCloudWidth / 2, l.length() / 3);
        const QPointF cloud = end;
        if (l.length() > 0)
            end += (towards - end) * (cut / l.length());
        return cloud;
    };
    if (m_pipe.size() >= 2) {
        if (!m_source)
            m_sourceCloud = pullBack(m_pipe[0], m_pipe[1]) - pos();
        if (!m_sink)
            m_sinkCloud = pullBack(m_pipe.last(), m_pipe[m_pipe.size() - 2]) - pos();
    }
    m_pipe.translate(-pos());
    m_label = diagramLabel(m_element.name);
    m_labelRect = diagram::flowLabelRect(QPointF(0, 0), m_element.labelSide, labelSize(m_label));
}

std::vector<QPointF> FlowItem::points() const
{
    return diagram::flowPoints(m_element);
}

int FlowItem::cornerAt(QPointF scenePos) const
{
    return isSelected() ? diagram::flowCornerAt(points(), scenePos, kHandleSize) : -1;
}

int FlowItem::segmentAt(QPointF scenePos) const
{
    return diagram::flowSegmentAt(points(), scenePos, kPipeWidth);
}

bool FlowItem::isOnValve(QPointF scenePos) const
{
    return QLineF(scenePos, pos()).length() <= diagram::kValveRadius + 2;
}

QRectF FlowItem::boundingRect() const
{
    const double m = std::max(diagram::kCloudWidth, kPipeWidth * 2);
    return m_pipe.boundingRect().adjusted(-m, -m, m, m).united(m_labelRect.adjusted(-2, -2, 2, 2));
}

QPainterPath FlowItem::shape() const
{
    QPainterPath line;
    line.addPolygon(m_pipe);
    QPainterPathStroker stroker;
    stroker.setWidth(kPipeWidth + 4);
    QPainterPath p = stroker.createStroke(line);
    p.addEllipse(QPointF(0, 0), diagram::kValveRadius + 2, diagram::kValveRadius + 2);
    p.addRect(m_labelRect);
    return p;
}

QPainterPath FlowItem::anchorOutline() const
{
    QPainterPath p;
    p.addEllipse(pos(), diagram::kValveRadius + 1, diagram::kValveRadius + 1);
    return p;
}

void FlowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const DiagramStyle &s = DiagramStyle::current();
    const QColor pipeColour = lineColor(m_style.color, s.pipe);
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_pipe.size() >= 2) {
        QPolygonF pipe = m_pipe;
        // Leave room for the arrowhead: the pipe stops where the head begins.
        const QPointF tip = pipe.last();
        const QLineF last(pipe[pipe.size() - 2], tip);
        const QPointF dir = last.length() > 0 ? (tip - last.p1()) / last.length() : QPointF(1, 0);
        const double headLength = 10;
        pipe.last() = tip - dir * headLength;
        if (isSelected() || isHovered()) {
            QColor c = isSelected() ? s.selection : s.hover;
            c.setAlpha(isSelected() ? 90 : 60);
            painter->setPen(QPen(c, kPipeWidth + 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter->drawPolyline(m_pipe);
        }
        painter->setPen(QPen(pipeColour, kPipeWidth, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        painter->drawPolyline(pipe);
        painter->setPen(QPen(s.background, kPipeWidth - 3, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        painter->drawPolyline(pipe);
        const QPointF normal(-dir.y(), dir.x());
        const QPointF base = tip - dir * headLength;
        painter->setPen(QPen(pipeColour, 1));
        painter->setBrush(s.background);
        painter->drawPolygon(QPolygonF{tip, base + normal * 7, base - normal * 7});
        painter->setPen(QPen(s.cloud, 1.2));
        painter->setBrush(s.background);
        if (m_sourceCloud)
            painter->drawPath(cloudPath(*m_sourceCloud));
        if (m_sinkCloud)
            painter->drawPath(cloudPath(*m_sinkCloud));
    }
    // The valve: a small circle with a handle, as Stella draws it.
    const double r = diagram::kValveRadius;
    painter->setPen(QPen(pipeColour, 1.3));
    painter->setBrush(fillColor(m_style.background, s.valve));
    painter->drawEllipse(QPointF(0, 0), r, r);
    painter->drawLine(QPointF(0, -r), QPointF(0, -r - 5));
    painter->drawLine(QPointF(-4, -r - 5), QPointF(4, -r - 5));
    if (isSelected()) {
        QColor c = s.selection;
        c.setAlpha(40);
        painter->fillRect(m_labelRect, c);
        // Handles on the bends: drag one to move that corner.
        const std::vector<QPointF> pts = points();
        painter->setPen(QPen(s.selection, 1));
        painter->setBrush(s.background);
        for (size_t i = 1; i + 1 < pts.size(); ++i) {
            const QPointF p = pts[i] - pos();
            painter->drawRect(QRectF(p.x() - kHandleSize / 2 - 1, p.y() - kHandleSize / 2 - 1, kHandleSize + 2, kHandleSize + 2));
        }
    }
    paintLabel(painter, m_labelRect, m_label);
}

} // namespace meadows

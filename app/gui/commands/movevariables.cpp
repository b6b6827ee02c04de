#include "movevariables.h"

#include "diagram/diagramgeometry.h"
#include "diagram/flowbends.h"
#include "document.h"
#include "model/names.h"

#include <QCoreApplication>

namespace meadows {

using T = ViewElement::Type;

MoveVariablesCommand::MoveVariablesCommand(Document *document, const QHash<int, QPointF> &offsets, int dragId)
    : GeometryChangeCommand(document, dragId, QString())
{
    build(offsets);
}

MoveVariablesCommand::MoveVariablesCommand(Document *document, const QList<int> &uids, QPointF offset, int dragId)
    : GeometryChangeCommand(document, dragId, QString())
{
    QHash<int, QPointF> offsets;
    for (int uid : uids)
        offsets.insert(uid, offset);
    build(offsets);
}

static void translate(ViewElement &e, QPointF d)
{
    if (e.x)
        *e.x += d.x();
    if (e.y)
        *e.y += d.y();
    for (ViewPoint &p : e.points) {
        p.x += d.x();
        p.y += d.y();
    }
}

void MoveVariablesCommand::build(const QHash<int, QPointF> &offsets)
{
    for (auto it = offsets.begin(); it != offsets.end(); ++it) {
        ViewElement e = current(it.key());
        if (!e.uid || e.type == T::Connector)
            continue;
        const QPointF d = it.value();
        if (e.type != T::Flow) {
            translate(e, d);
            change(e);
            continue;
        }
        // A flow moves whole when nothing holds it in place, else its valve slides along it.
        const auto heldBy = [&](const QString &stock) {
            return !stock.isEmpty() && !offsets.contains(m_document->elementUidForName(stock));
        };
        if (!heldBy(m_document->flowSource(e.name)) && !heldBy(m_document->flowSink(e.name))) {
            translate(e, d);
        } else {
            const QPointF valve = diagram::nearestOnPolyline(diagram::flowPoints(e), diagram::centre(e) + d);
            e.x = valve.x();
            e.y = valve.y();
        }
        change(e);
    }
    // Pipes attached to moved stocks, when the pipe itself is not moving.
    for (auto it = offsets.begin(); it != offsets.end(); ++it) {
        const ViewElement *stock = m_document->element(it.key());
        if (!stock || stock->type != T::Stock)
            continue;
        const Variable *v = m_document->variable(stock->name);
        if (!v)
            continue;
        for (const QString &flow : v->inflows + v->outflows) {
            const int uid = m_document->elementUidForName(flow);
            if (uid >= 0 && !offsets.contains(uid))
                moveFlowWithStock(uid, stock->name, it.value(), offsets);
        }
    }
    if (offsets.size() == 1) {
        const ViewElement *e = m_document->element(offsets.begin().key());
        setText(QCoreApplication::translate("MoveVariablesCommand", "Move %1").arg(e ? displayName(e->name) : QString()));
    } else {
        setText(QCoreApplication::translate("MoveVariablesCommand", "Move %n element(s)", nullptr, int(offsets.size())));
    }
}

void MoveVariablesCommand::moveFlowWithStock(int flowUid, const QString &stockName, QPointF d, const QHash<int, QPointF> &offsets)
{
    ViewElement flow = current(flowUid);
    if (flow.points.size() < 2)
        return;
    const QString key = canonicalName(stockName);
    const QString source = m_document->flowSource(flow.name);
    const QString sink = m_document->flowSink(flow.name);
    const bool isSource = canonicalName(source) == key;
    const bool isSink = canonicalName(sink) == key;
    const QString other = isSource ? sink : source;
    const bool otherMoves = !other.isEmpty() && offsets.contains(m_document->elementUidForName(other));
    if (flow.points.size() == 2 && otherMoves) {
        translate(flow, d);
        change(flow);
        return;
    }
    if (flow.points.size() == 2 && other.isEmpty()) {
        // A straight pipe to a cloud stays straight: the stock's end follows the stock,
        // the cloud keeps its distance along the pipe and moves only sideways.
        double fraction = 0.5;
        diagram::nearestOnPolyline(diagram::flowPoints(flow), diagram::centre(flow), &fraction);
        ViewPoint &own = isSource ? flow.points.front() : flow.points.back();
        ViewPoint &cloud = isSource ? flow.points.back() : flow.points.front();
        const bool horizontal = std::abs(own.y - cloud.y) < 0.5;
        const bool vertical = std::abs(own.x - cloud.x) < 0.5;
        own.x += d.x();
        own.y += d.y();
        if (horizontal)
            cloud.y += d.y();
        else if (vertical)
            cloud.x += d.x();
        const QPointF valve = diagram::pointAtFraction(diagram::flowPoints(flow), fraction);
        flow.x = valve.x();
        flow.y = valve.y();
        change(flow);
        return;
    }
    double fraction = 0.5;
    diagram::nearestOnPolyline(diagram::flowPoints(flow), diagram::centre(flow), &fraction);
    const std::vector<QPointF> pts = diagram::shiftFlowEnds(diagram::flowPoints(flow), isSource ? d : QPointF(),
                                                            isSink ? d : QPointF());
    for (std::size_t i = 0; i < pts.size(); ++i) {
        flow.points[i].x = pts[i].x();
        flow.points[i].y = pts[i].y();
    }
    const QPointF valve = diagram::pointAtFraction(diagram::flowPoints(flow), fraction);
    flow.x = valve.x();
    flow.y = valve.y();
    change(flow);
}

} // namespace meadows

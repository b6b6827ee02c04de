#include "addflow.h"

#include "diagram/diagramgeometry.h"
#include "document.h"

#include <QCoreApplication>

namespace meadows {

AddFlowCommand::AddFlowCommand(Document *document, QPointF from, const QString &fromStock, QPointF to, const QString &toStock)
    : AddItemsCommand(document, QString())
{
    const auto boxOf = [document](const QString &stock) -> std::optional<QRectF> {
        const ViewElement *e = stock.isEmpty() ? nullptr : document->element(document->elementUidForName(stock));
        return e ? std::optional<QRectF>(diagram::boxRect(*e)) : std::nullopt;
    };
    const auto fromBox = boxOf(fromStock);
    const auto toBox = boxOf(toStock);
    build(diagram::routeFlow(from, fromBox ? &*fromBox : nullptr, to, toBox ? &*toBox : nullptr), fromStock, toStock);
}

AddFlowCommand::AddFlowCommand(Document *document, const std::vector<QPointF> &points, const QString &fromStock, const QString &toStock)
    : AddItemsCommand(document, QString())
{
    build(points, fromStock, toStock);
}

void AddFlowCommand::build(const std::vector<QPointF> &pts, const QString &fromStock, const QString &toStock)
{
    Document *document = m_document;
    Variable flow;
    flow.kind = VariableKind::Flow;
    flow.name = document->uniqueName(QCoreApplication::translate("AddFlowCommand", "Flow"));
    flow.equation = QStringLiteral("0");

    ViewElement e;
    e.type = ViewElement::Type::Flow;
    e.uid = document->newUid();
    e.name = flow.name;
    const QPointF valve = diagram::pointAtFraction(pts, 0.5);
    e.x = valve.x();
    e.y = valve.y();
    diagram::setFlowPoints(e, pts);
    m_variables.push_back(flow);
    m_elements.push_back(e);

    // The stocks list the flow: the source drains through it, the sink fills from it.
    const auto link = [&](const QString &stock, bool outflow) {
        const Variable *s = stock.isEmpty() ? nullptr : document->variable(stock);
        if (!s || s->kind != VariableKind::Stock)
            return;
        Variable after = *s;
        (outflow ? after.outflows : after.inflows) << flow.name;
        m_changes.variables.push_back({*s, after});
    };
    link(fromStock, true);
    if (toStock != fromStock)
        link(toStock, false);
    setText(QCoreApplication::translate("AddFlowCommand", "Add %1").arg(flow.name));
}

} // namespace meadows

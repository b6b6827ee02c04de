#include "diagramshapes.h"

#include "diagramgeometry.h"

#include "model/names.h"

#include <QLineF>

namespace meadows::diagram {

namespace {

QRectF square(QPointF c, double r)
{
    return {c.x() - r, c.y() - r, 2 * r, 2 * r};
}

QString defaultSide(ShapeKind kind)
{
    return kind == ShapeKind::Stock || kind == ShapeKind::Module ? QStringLiteral("top") : QStringLiteral("bottom");
}

// The stocks a flow leaves and fills, by the model's inflow and outflow lists.
void flowEnds(const Model &model, const QString &flow, QString *source, QString *sink)
{
    for (const Variable &v : model.variables) {
        if (v.kind != VariableKind::Stock)
            continue;
        for (const QString &f : v.outflows)
            if (canonicalName(f) == flow)
                *source = canonicalName(v.name);
        for (const QString &f : v.inflows)
            if (canonicalName(f) == flow)
                *sink = canonicalName(v.name);
    }
}

} // namespace

double textBoxHeight(const ViewElement &e)
{
    const double text = estimateTextSize(e.text, e.width.value_or(kTextBoxWidth) - 8).height() + 8;
    return std::max(e.height.value_or(0), text);
}

bool outlineContains(const ShapeBox &box, QPointF p)
{
    if (!box.round)
        return box.body.contains(p);
    const QPointF d = p - box.body.center();
    const double r = box.body.width() / 2;
    return d.x() * d.x() + d.y() * d.y() <= r * r;
}

ConnectorArc linkArc(const ShapeBox &from, const ShapeBox &to, std::optional<double> angle)
{
    return connectorArc(from.centre, [&from](QPointF p) { return outlineContains(from, p); }, to.centre,
                        [&to](QPointF p) { return outlineContains(to, p); }, angle, 24);
}

DiagramShapes diagramShapes(const Model &model, const View &view, const LabelMeasure &measure)
{
    DiagramShapes out;
    const auto add = [&out](ShapeBox box) {
        if (!box.name.isEmpty())
            out.byName.insert(box.name, int(out.boxes.size()));
        out.boxes.push_back(std::move(box));
        return int(out.boxes.size()) - 1;
    };
    std::vector<std::pair<QString, QString>> pipeStocks; // parallel to out.pipes
    for (int i = 0; i < int(view.elements.size()); ++i) {
        const ViewElement &e = view.elements[std::size_t(i)];
        if (!e.x || !e.y)
            continue;
        ShapeBox box;
        box.element = i;
        box.name = canonicalName(e.name);
        box.centre = centre(e);
        switch (e.type) {
        case ViewElement::Type::Stock:
        case ViewElement::Type::Module:
            box.kind = e.type == ViewElement::Type::Stock ? ShapeKind::Stock : ShapeKind::Module;
            box.body = boxRect(e);
            break;
        case ViewElement::Type::Aux:
            box.kind = ShapeKind::Aux;
            box.round = true;
            box.body = square(box.centre, e.width ? *e.width / 2 : kAuxRadius);
            break;
        case ViewElement::Type::Flow:
            box.kind = ShapeKind::Valve;
            box.round = true;
            box.body = square(box.centre, kValveRadius + 1);
            break;
        case ViewElement::Type::TextBox:
            box.kind = ShapeKind::TextBox;
            box.name.clear();
            // Placed by its top-left corner, as Stella does; at least as tall as its text.
            box.body = QRectF(box.centre, QSizeF(e.width.value_or(kTextBoxWidth), textBoxHeight(e)));
            break;
        default:
            continue;
        }
        if (box.kind != ShapeKind::TextBox) {
            const QSizeF text = measure(diagramLabel(e.name));
            if (box.kind == ShapeKind::Valve)
                box.label = flowLabelRect(box.centre, e.labelSide, text);
            else
                box.label = labelRectBeside(box.body, e.labelSide.isEmpty() ? defaultSide(box.kind) : e.labelSide, text);
        }
        const int index = add(box);
        if (e.type != ViewElement::Type::Flow || e.points.size() < 2)
            continue;
        PipeShape pipe;
        pipe.element = i;
        pipe.valve = index;
        pipe.points = flowPoints(e);
        QString source, sink;
        flowEnds(model, box.name, &source, &sink);
        // An end that reaches no stock is a cloud, drawn centred on the end point.
        for (const bool atSource : {true, false}) {
            if (!(atSource ? source : sink).isEmpty())
                continue;
            ShapeBox cloud;
            cloud.kind = ShapeKind::Cloud;
            cloud.element = i;
            cloud.centre = atSource ? pipe.points.front() : pipe.points.back();
            cloud.body = QRectF(cloud.centre.x() - kCloudWidth / 2, cloud.centre.y() - kCloudHeight / 2, kCloudWidth,
                                kCloudHeight);
            (atSource ? pipe.source : pipe.sink) = add(cloud);
        }
        out.pipes.push_back(std::move(pipe));
        pipeStocks.push_back({source, sink});
    }
    // Stocks may come after their flows in the view: attach pipes to them once all are known.
    for (std::size_t k = 0; k < out.pipes.size(); ++k) {
        if (!pipeStocks[k].first.isEmpty())
            out.pipes[k].source = out.byName.value(pipeStocks[k].first, -1);
        if (!pipeStocks[k].second.isEmpty())
            out.pipes[k].sink = out.byName.value(pipeStocks[k].second, -1);
    }
    for (int i = 0; i < int(view.elements.size()); ++i) {
        const ViewElement &e = view.elements[std::size_t(i)];
        if (e.type != ViewElement::Type::Connector || e.from.aliasUid || e.to.aliasUid)
            continue;
        const int from = out.byName.value(canonicalName(e.from.name), -1);
        const int to = out.byName.value(canonicalName(e.to.name), -1);
        if (from < 0 || to < 0)
            continue;
        LinkShape link;
        link.element = i;
        link.from = from;
        link.to = to;
        // An end Vensim drew at a flow's name (model/view.h connectorAtFlowName) is the name's box.
        const auto endBox = [&](int box, bool atTarget) {
            ShapeBox end = out.boxes[std::size_t(box)];
            if (connectorAtFlowName(e, atTarget) && end.kind == ShapeKind::Valve && !end.label.isEmpty()) {
                end.round = false;
                end.body = end.label;
                end.centre = end.label.center();
            }
            return end;
        };
        link.arc = linkArc(endBox(from, false), endBox(to, true), e.angle);
        if (!e.polarity.isEmpty() && link.arc.valid)
            link.sign = polaritySignRect(link.arc, out.boxes[std::size_t(to)].label, out.boxes[std::size_t(to)].body);
        out.links.push_back(std::move(link));
    }
    return out;
}

} // namespace meadows::diagram

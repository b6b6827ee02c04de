#include "diagramscene.h"

#include "aliasitem.h"
#include "auxitem.h"
#include "commands/addconnector.h"
#include "commands/addflow.h"
#include "commands/addvariable.h"
#include "commands/bendconnector.h"
#include "commands/bendflow.h"
#include "commands/movevariables.h"
#include "commands/resizeelement.h"
#include "connectoritem.h"
#include "diagram/diagramgeometry.h"
#include "diagramstyle.h"
#include "document.h"
#include "diagram/flowbends.h"
#include "flowitem.h"
#include "model/names.h"
#include "moduleitem.h"
#include "stockitem.h"
#include "textitem.h"

#include <QApplication>
#include <QGraphicsLineItem>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QLineF>
#include <QPainter>
#include <QUndoStack>
#include <cmath>

namespace meadows {

using T = ViewElement::Type;

static bool isVariableType(T t)
{
    return t == T::Stock || t == T::Flow || t == T::Aux || t == T::Module;
}

DiagramScene::DiagramScene(Document *document, QObject *parent) : QGraphicsScene(parent), m_document(document)
{
    // A BSP index keeps hit tests and exposure fast on diagrams with thousands of items.
    setItemIndexMethod(BspTreeIndex);
    DiagramStyle::setCurrent(DiagramStyle::fromPalette(palette()));
    connect(document, &Document::projectReset, this, &DiagramScene::rebuild);
    connect(document, &Document::elementAdded, this, &DiagramScene::onElementAdded);
    connect(document, &Document::elementRemoved, this, &DiagramScene::onElementRemoved);
    connect(document, &Document::elementChanged, this, &DiagramScene::onElementChanged);
    connect(document, &Document::variableChanged, this, &DiagramScene::onVariableChanged);
    connect(document, &Document::variableAdded, this, &DiagramScene::onVariableChanged);
    connect(document, &Document::variableRemoved, this, &DiagramScene::onVariableChanged);
    rebuild();
}

DiagramScene::~DiagramScene() = default;

void DiagramScene::setTool(Tool tool)
{
    if (tool == m_tool)
        return;
    endDrag();
    m_tool = tool;
    emit toolChanged(tool);
}

void DiagramScene::setSnapToGrid(bool snap)
{
    m_snap = snap;
    update();
}

QPointF DiagramScene::snapped(QPointF p) const
{
    if (!m_snap)
        return p;
    const double g = diagram::kGrid;
    return {std::round(p.x() / g) * g, std::round(p.y() / g) * g};
}

// ---- keeping items in step with the document -------------------------------------------

void DiagramScene::rebuild()
{
    endDrag();
    clear(); // deletes the items
    m_line = nullptr;
    m_pathPreview = nullptr;
    m_loopLabels.clear();
    m_highlightedLoop = -1;
    m_items.clear();
    m_mapsDirty = true;
    for (const ViewElement &e : m_document->view().elements) {
        if (!e.uid || e.type == T::Other)
            continue;
        if (ElementItem *item = createItem(e))
            m_items.insert(*e.uid, item);
    }
    // Flows and connectors depend on the stocks and variables around them: lay them out last.
    for (ElementItem *item : std::as_const(m_items)) {
        if (auto *flow = dynamic_cast<FlowItem *>(item))
            refreshFlow(flow);
        else if (auto *connector = dynamic_cast<ConnectorItem *>(item))
            refreshConnector(connector);
        refreshVariableLook(item);
    }
    collectWarnings();
    const QRectF bounds = itemsBoundingRect();
    setSceneRect(bounds.adjusted(-2000, -2000, 2000, 2000));
}

ElementItem *DiagramScene::createItem(const ViewElement &e)
{
    ElementItem *item = nullptr;
    switch (e.type) {
    case T::Stock: item = new StockItem(*e.uid); break;
    case T::Flow: item = new FlowItem(*e.uid); break;
    case T::Aux: item = new AuxItem(*e.uid); break;
    case T::Module: item = new ModuleItem(*e.uid); break;
    case T::Alias: item = new AliasItem(*e.uid); break;
    case T::Connector: item = new ConnectorItem(*e.uid); break;
    case T::TextBox: item = new TextItem(*e.uid); break;
    case T::Other: return nullptr;
    }
    item->setElement(e);
    addItem(item);
    return item;
}

void DiagramScene::syncItem(ElementItem *item, const ViewElement &element)
{
    item->setElement(element);
    if (auto *flow = dynamic_cast<FlowItem *>(item))
        refreshFlow(flow);
    else if (auto *connector = dynamic_cast<ConnectorItem *>(item))
        refreshConnector(connector);
    refreshVariableLook(item);
}

void DiagramScene::onElementAdded(int uid)
{
    const ViewElement *e = m_document->element(uid);
    if (!e)
        return;
    m_mapsDirty = true;
    if (ElementItem *item = createItem(*e)) {
        m_items.insert(uid, item);
        syncItem(item, *e);
    }
    refreshDependents(uid);
    placeLoopLabels();
}

void DiagramScene::onElementRemoved(int uid)
{
    if (m_dragUid == uid)
        endDrag();
    ElementItem *item = m_items.take(uid);
    m_mapsDirty = true;
    const QList<int> connectors = m_connectorsOf.values(uid);
    delete item;
    for (int c : connectors)
        if (auto *ci = dynamic_cast<ConnectorItem *>(m_items.value(c)))
            refreshConnector(ci);
    placeLoopLabels();
}

void DiagramScene::onElementChanged(int uid)
{
    const ViewElement *e = m_document->element(uid);
    ElementItem *item = m_items.value(uid);
    if (!e || !item)
        return;
    if (item->element().name != e->name || item->element().from != e->from || item->element().to != e->to
        || item->element().aliasOf != e->aliasOf)
        m_mapsDirty = true;
    syncItem(item, *e);
    refreshDependents(uid);
    if (!m_loopLabels.isEmpty() && item->elementType() != T::Connector)
        placeLoopLabels();
}

void DiagramScene::onVariableChanged(const QString &name)
{
    // Flow lists and equations live on variables: links and looks may change.
    m_mapsDirty = true;
    const Variable *v = m_document->variable(name);
    if (ElementItem *item = itemForName(name)) {
        refreshVariableLook(item);
        if (v && v->kind == VariableKind::Stock) {
            for (const QString &flow : v->inflows + v->outflows)
                if (auto *f = dynamic_cast<FlowItem *>(itemForName(flow)))
                    refreshFlow(f);
        }
    }
    // A flow that left a stock's lists now ends in a cloud: refresh every flow cheaply.
    if (v && v->kind == VariableKind::Stock)
        for (ElementItem *item : std::as_const(m_items))
            if (auto *f = dynamic_cast<FlowItem *>(item))
                refreshFlow(f);
}

void DiagramScene::refreshDependents(int uid)
{
    ensureMaps();
    for (int c : m_connectorsOf.values(uid))
        if (auto *ci = dynamic_cast<ConnectorItem *>(m_items.value(c)))
            refreshConnector(ci);
    for (int f : m_flowsOf.values(uid))
        if (auto *fi = dynamic_cast<FlowItem *>(m_items.value(f))) {
            refreshFlow(fi);
            // The flow's valve may be a connector's end too.
            for (int c : m_connectorsOf.values(f))
                if (auto *ci = dynamic_cast<ConnectorItem *>(m_items.value(c)))
                    refreshConnector(ci);
        }
    // Aliases take their shape from what they stand for.
    if (const ElementItem *item = m_items.value(uid); item && isVariableType(item->elementType())) {
        const QString key = canonicalName(item->element().name);
        for (ElementItem *other : std::as_const(m_items))
            if (auto *alias = dynamic_cast<AliasItem *>(other); alias && canonicalName(alias->element().aliasOf) == key)
                alias->setOriginalKind(item->elementType());
    }
}

void DiagramScene::ensureMaps()
{
    if (!m_mapsDirty)
        return;
    m_mapsDirty = false;
    m_uidByName.clear();
    m_connectorsOf.clear();
    m_flowsOf.clear();
    for (ElementItem *item : std::as_const(m_items))
        if (isVariableType(item->elementType()))
            m_uidByName.insert(canonicalName(item->element().name), item->uid());
    for (ElementItem *item : std::as_const(m_items)) {
        if (item->elementType() != T::Connector)
            continue;
        for (const ConnectorEnd *end : {&item->element().from, &item->element().to}) {
            const int target = resolve(*end);
            if (target >= 0)
                m_connectorsOf.insert(target, item->uid());
        }
    }
    for (const Variable &v : m_document->model().variables) {
        if (v.kind != VariableKind::Stock)
            continue;
        const int stock = m_uidByName.value(canonicalName(v.name), -1);
        if (stock < 0)
            continue;
        for (const QString &flow : v.inflows + v.outflows) {
            const int f = m_uidByName.value(canonicalName(flow), -1);
            if (f >= 0)
                m_flowsOf.insert(stock, f);
        }
    }
}

int DiagramScene::resolve(const ConnectorEnd &end)
{
    if (end.aliasUid)
        return m_items.contains(*end.aliasUid) ? *end.aliasUid : -1;
    if (m_mapsDirty)
        ensureMaps();
    return m_uidByName.value(canonicalName(end.name), -1);
}

ElementItem *DiagramScene::itemForName(const QString &name)
{
    ensureMaps();
    return m_items.value(m_uidByName.value(canonicalName(name), -1));
}

void DiagramScene::refreshConnector(ConnectorItem *item)
{
    const ViewElement &e = item->element();
    const ElementItem *from = m_items.value(resolve(e.from));
    const ElementItem *to = m_items.value(resolve(e.to));
    if (!from || !to || from == to) {
        item->setCurve({});
        return;
    }
    // Vensim's exports give no angle but a point the connector leaves from: the arc
    // through that point is the curve Vensim drew.
    std::optional<double> angle = e.angle;
    if (!angle && e.x && e.y) {
        const QPointF via(*e.x, *e.y);
        if (QLineF(via, from->anchorCentre()).length() > 1 && QLineF(via, to->anchorCentre()).length() > 1)
            angle = angleThrough(from->anchorCentre(), via, to->anchorCentre());
    }
    item->setCurve(connectorCurve(from->anchorCentre(), from->anchorOutline(), to->anchorCentre(), to->anchorOutline(), angle));
}

void DiagramScene::refreshFlow(FlowItem *item)
{
    const QString name = item->element().name;
    const auto boxOf = [this](const QString &stock) -> std::optional<QRectF> {
        if (stock.isEmpty())
            return std::nullopt;
        const ElementItem *s = itemForName(stock);
        return s ? std::optional<QRectF>(diagram::boxRect(s->element())) : std::nullopt;
    };
    item->setEnds(boxOf(m_document->flowSource(name)), boxOf(m_document->flowSink(name)));
}

void DiagramScene::refreshVariableLook(ElementItem *item)
{
    if (item->elementType() == T::Alias) {
        if (const ElementItem *original = itemForName(item->element().aliasOf))
            static_cast<AliasItem *>(item)->setOriginalKind(original->elementType());
        return;
    }
    if (auto *variable = dynamic_cast<VariableItem *>(item)) {
        const Variable *v = m_document->variable(item->element().name);
        variable->setArrayed(v && v->isArray());
    }
    if (auto *aux = dynamic_cast<AuxItem *>(item)) {
        const Variable *v = m_document->variable(item->element().name);
        bool number = false;
        if (v)
            v->equation.trimmed().toDouble(&number);
        aux->setConstant(number && !v->gf);
        aux->setGraphical(v && v->gf);
    }
}

void DiagramScene::collectWarnings()
{
    m_warnings.clear();
    ensureMaps();
    for (const ViewElement &e : m_document->view().elements) {
        if (e.type == T::Other || e.type == T::Connector)
            continue;
        if (!e.x || !e.y)
            m_warnings << tr("%1 has no position on the diagram").arg(displayName(e.name.isEmpty() ? e.aliasOf : e.name));
        if (e.type == T::Flow && e.points.size() < 2)
            m_warnings << tr("flow %1 has no pipe (fewer than two points)").arg(displayName(e.name));
    }
    for (ElementItem *item : std::as_const(m_items)) {
        if (item->elementType() != T::Connector)
            continue;
        const ViewElement &e = item->element();
        for (const ConnectorEnd *end : {&e.from, &e.to}) {
            // Vensim's exports link built-ins (Time, DT) that no diagram shows: not a problem.
            if (resolve(*end) < 0 && (end->aliasUid || m_document->variable(end->name)))
                m_warnings << tr("a connector from %1 to %2 has an end that is not on the diagram")
                                  .arg(displayName(e.from.name), displayName(e.to.name));
        }
    }
}

// ---- loops -----------------------------------------------------------------------------

void DiagramScene::setLoops(const std::vector<LoopMark> &loops)
{
    highlightLoop(-1);
    qDeleteAll(m_loopLabels);
    m_loopLabels.clear();
    for (const LoopMark &loop : loops) {
        auto *label = new LoopLabelItem(loop);
        addItem(label);
        m_loopLabels << label;
    }
    placeLoopLabels();
}

// The loop's centre unless something is drawn there: then the nearest spot, still inside
// the loop's outline where there is one, that covers no name, stock, pipe or other label.
// Connectors may pass under a label; they cross the middle of most loops.
QPointF DiagramScene::freeSpotNear(LoopLabelItem *label, QPointF centre, const QPolygonF &outline,
                                   const QList<QRectF> &placed) const
{
    const QRectF box = label->boundingRect().adjusted(-2, -2, 2, 2);
    const auto isFree = [&](QPointF at) {
        const QRectF r = box.translated(at);
        for (const QRectF &other : placed)
            if (other.intersects(r))
                return false;
        for (QGraphicsItem *item : items(r, Qt::IntersectsItemShape)) {
            const auto *element = dynamic_cast<const ElementItem *>(item);
            if (element && element->isVisible() && element->elementType() != ViewElement::Type::Connector)
                return false;
        }
        return true;
    };
    if (isFree(centre))
        return centre;
    const bool closed = outline.size() >= 3;
    constexpr int kRings = 6, kAngles = 16;
    for (int inside = closed ? 1 : 0; inside >= 0; --inside) {
        for (int ring = 1; ring <= kRings; ++ring) {
            for (int a = 0; a < kAngles; ++a) {
                const double angle = 2 * M_PI * a / kAngles;
                const QPointF at = centre + QPointF(std::cos(angle), std::sin(angle)) * (ring * 10.0);
                if (inside && !outline.containsPoint(at, Qt::OddEvenFill))
                    continue;
                if (isFree(at))
                    return at;
            }
        }
    }
    return centre;
}

void DiagramScene::placeLoopLabels()
{
    ensureMaps();
    QList<QRectF> placed;
    for (LoopLabelItem *label : std::as_const(m_loopLabels)) {
        // The loop's outline: each variable, then the bend of the link to the next one, so
        // the label lands inside the curve the connectors draw.
        const QStringList &names = label->mark().variables;
        QPolygonF corners;
        for (int i = 0; i < names.size(); ++i) {
            const int from = m_uidByName.value(canonicalName(names[i]), -1);
            if (const ElementItem *item = m_items.value(from))
                corners << item->anchorCentre();
            const int to = m_uidByName.value(canonicalName(names[(i + 1) % names.size()]), -1);
            for (int c : m_connectorsOf.values(from)) {
                const auto *connector = dynamic_cast<const ConnectorItem *>(m_items.value(c));
                if (connector && connector->curve().valid && resolve(connector->element().from) == from
                    && resolve(connector->element().to) == to)
                    corners << connector->curve().middle;
            }
        }
        label->setVisible(corners.size() >= 2);
        if (corners.isEmpty())
            continue;
        QPointF centre;
        for (const QPointF &p : corners)
            centre += p;
        label->setPos(freeSpotNear(label, centre / corners.size(), corners, placed));
        placed << label->sceneBoundingRect();
        // The sign of the outline's area tells which way round the loop runs.
        double area = 0;
        for (int i = 0; i < corners.size(); ++i) {
            const QPointF a = corners[i], b = corners[(i + 1) % corners.size()];
            area += a.x() * b.y() - b.x() * a.y();
        }
        label->setClockwise(area >= 0); // y points down: positive area turns clockwise on screen
    }
}

QList<int> DiagramScene::loopConnectors(const LoopMark &loop)
{
    ensureMaps();
    QList<int> out;
    const int n = int(loop.variables.size());
    for (int i = 0; i < n; ++i) {
        const int from = m_uidByName.value(canonicalName(loop.variables[i]), -1);
        const int to = m_uidByName.value(canonicalName(loop.variables[(i + 1) % n]), -1);
        for (int c : m_connectorsOf.values(from)) {
            const ElementItem *item = m_items.value(c);
            if (item && resolve(item->element().from) == from && resolve(item->element().to) == to)
                out << c;
        }
    }
    return out;
}

void DiagramScene::highlightLoop(int index)
{
    if (m_highlightedLoop >= 0 && m_highlightedLoop < m_loopLabels.size()) {
        m_loopLabels[m_highlightedLoop]->setHighlighted(false);
        for (int c : loopConnectors(m_loopLabels[m_highlightedLoop]->mark()))
            if (auto *ci = dynamic_cast<ConnectorItem *>(m_items.value(c)))
                ci->setEmphasis(false);
    }
    m_highlightedLoop = index >= 0 && index < m_loopLabels.size() ? index : -1;
    if (m_highlightedLoop < 0)
        return;
    m_loopLabels[m_highlightedLoop]->setHighlighted(true);
    for (int c : loopConnectors(m_loopLabels[m_highlightedLoop]->mark()))
        if (auto *ci = dynamic_cast<ConnectorItem *>(m_items.value(c)))
            ci->setEmphasis(true);
}

// ---- selection -------------------------------------------------------------------------

QList<int> DiagramScene::selectedUids() const
{
    QList<int> uids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *e = dynamic_cast<ElementItem *>(item))
            uids << e->uid();
    std::sort(uids.begin(), uids.end());
    return uids;
}

void DiagramScene::selectUids(const QList<int> &uids)
{
    clearSelection();
    for (int uid : uids)
        if (ElementItem *item = m_items.value(uid))
            item->setSelected(true);
}

ElementItem *DiagramScene::elementAt(QPointF scenePos, bool variablesOnly) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        auto *e = dynamic_cast<ElementItem *>(item);
        if (!e)
            continue;
        if (variablesOnly && !isVariableType(e->elementType()) && e->elementType() != T::Alias)
            continue;
        return e;
    }
    return nullptr;
}

// ---- mouse -----------------------------------------------------------------------------

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    const QPointF pos = event->scenePos();
    m_pressPos = pos;
    switch (m_tool) {
    case Tool::Stock:
    case Tool::Aux:
    case Tool::CldVariable:
    case Tool::Module:
        placeVariable(pos, event->modifiers());
        event->accept();
        return;
    case Tool::Flow: {
        const ElementItem *under = elementAt(pos, true);
        if (m_drag == Drag::FlowPath) {
            // Drawing bend by bend: a click on another stock ends the pipe there, any other
            // click adds a bend.
            const QString stock = under && under->elementType() == T::Stock ? under->element().name : QString();
            if (!stock.isEmpty() && canonicalName(stock) == canonicalName(m_pressStock))
                emit statusMessage(tr("A flow needs two different ends."));
            else if (!stock.isEmpty())
                finishFlowPath(stock, event->modifiers());
            else
                addFlowBend(pos);
            event->accept();
            return;
        }
        m_pressStock = under && under->elementType() == T::Stock ? under->element().name : QString();
        m_drag = Drag::NewFlow;
        startLine(pos);
        event->accept();
        return;
    }
    case Tool::Connector: {
        const ElementItem *under = elementAt(pos, true);
        if (under) {
            m_drag = Drag::NewConnector;
            m_dragUid = under->uid();
            startLine(under->anchorCentre());
        }
        event->accept();
        return;
    }
    case Tool::Text: {
        auto *command = new AddTextCommand(m_document, snapped(pos), tr("Note"));
        const int uid = command->uid();
        m_document->undoStack()->push(command);
        selectUids({uid});
        if (!(event->modifiers() & Qt::ShiftModifier))
            setTool(Tool::Select);
        emit renameRequested(uid); // type the words at once
        event->accept();
        return;
    }
    case Tool::Select:
        break;
    }

    ElementItem *item = elementAt(pos);
    if (auto *connector = dynamic_cast<ConnectorItem *>(item); connector && connector->isOnBendHandle(pos)) {
        m_drag = Drag::Bend;
        m_dragUid = connector->uid();
        m_dragId = nextDragId();
        event->accept();
        return;
    }
    // Handles stick out of their shapes' corners: look for them among the selection first.
    for (QGraphicsItem *selected : selectedItems()) {
        auto *element = dynamic_cast<ElementItem *>(selected);
        if (element && element->isOnResizeHandle(pos)) {
            m_drag = Drag::Resize;
            m_dragUid = element->uid();
            m_dragId = nextDragId();
            event->accept();
            return;
        }
        // A bend's handle, too; a pipe's segment only when the pipe is what lies on top.
        auto *flow = dynamic_cast<FlowItem *>(element);
        if (flow && flow->cornerAt(pos) >= 0 && startFlowReshape(flow, pos, event->modifiers())) {
            event->accept();
            return;
        }
    }
    if (startFlowReshape(item, pos, event->modifiers())) {
        event->accept();
        return;
    }
    if (!item) {
        if (!(event->modifiers() & Qt::ControlModifier))
            clearSelection();
        event->ignore(); // the view starts a rubber band
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        item->setSelected(!item->isSelected());
        event->accept();
        return;
    }
    if (!item->isSelected()) {
        clearSelection();
        item->setSelected(true);
    }
    if (item->isMovable()) {
        m_drag = Drag::Move;
        m_dragId = nextDragId();
        m_dragUid = item->uid();
        m_anchorStart = diagram::centre(item->element());
    }
    event->accept();
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    const QPointF pos = event->scenePos();
    switch (m_drag) {
    case Drag::None:
        QGraphicsScene::mouseMoveEvent(event); // hover highlights
        return;
    case Drag::Move: {
        const ViewElement *anchor = m_document->element(m_dragUid);
        if (!anchor)
            return;
        const QPointF target = snapped(m_anchorStart + (pos - m_pressPos));
        const QPointF delta = target - diagram::centre(*anchor);
        if (delta.manhattanLength() < 0.01)
            return;
        QList<int> uids;
        for (int uid : selectedUids())
            if (ElementItem *item = m_items.value(uid); item && item->isMovable())
                uids << uid;
        m_document->undoStack()->push(new MoveVariablesCommand(m_document, uids, delta, m_dragId));
        return;
    }
    case Drag::Bend: {
        auto *connector = dynamic_cast<ConnectorItem *>(m_items.value(m_dragUid));
        if (!connector)
            return;
        const ElementItem *from = m_items.value(resolve(connector->element().from));
        const ElementItem *to = m_items.value(resolve(connector->element().to));
        if (!from || !to)
            return;
        const double angle = angleThrough(from->anchorCentre(), pos, to->anchorCentre());
        m_document->undoStack()->push(new BendConnectorCommand(m_document, m_dragUid, angle, m_dragId));
        return;
    }
    case Drag::Resize:
        resizeTo(pos);
        return;
    case Drag::FlowCorner:
    case Drag::FlowSegment:
        reshapeFlow(pos);
        return;
    case Drag::FlowPath:
        showFlowPath(pos);
        return;
    case Drag::NewFlow:
    case Drag::NewConnector:
        if (m_line)
            m_line->setLine(QLineF(m_line->line().p1(), pos));
        return;
    }
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    const QPointF pos = event->scenePos();
    if ((m_drag == Drag::FlowCorner || m_drag == Drag::FlowSegment) && m_document->element(m_dragUid)) {
        // Tidy up what the drag left (zero-length jogs, bends that no longer turn) in the
        // same undo step.
        const std::vector<QPointF> now = diagram::flowPoints(*m_document->element(m_dragUid));
        const std::vector<QPointF> tidy = diagram::simplifyFlow(now);
        if (tidy != now && m_reshaped)
            m_document->undoStack()->push(new BendFlowCommand(m_document, m_dragUid, tidy, m_dragId));
    }
    if (m_drag == Drag::NewFlow && QLineF(m_pressPos, pos).length() < 8) {
        // A click, not a drag: the pipe is drawn click by click, with a bend at each.
        startFlowPath();
        QGraphicsScene::mouseReleaseEvent(event);
        return;
    }
    if (m_drag == Drag::FlowPath) { // its clicks act on press
        QGraphicsScene::mouseReleaseEvent(event);
        return;
    }
    if (m_drag == Drag::NewFlow)
        finishFlow(pos, event->modifiers());
    else if (m_drag == Drag::NewConnector)
        finishConnector(pos, event->modifiers());
    endDrag();
    QGraphicsScene::mouseReleaseEvent(event);
}

void DiagramScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_drag == Drag::FlowPath) {
        // A double-click ends a pipe drawn bend by bend in a cloud, where it was clicked.
        addFlowBend(event->scenePos());
        if (m_flowPath.size() >= 2)
            finishFlowPath(QString(), event->modifiers());
        event->accept();
        return;
    }
    ElementItem *item = elementAt(event->scenePos());
    if (m_tool == Tool::Select && item && (isVariableType(item->elementType()) || item->elementType() == T::TextBox)) {
        emit renameRequested(item->uid());
        event->accept();
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void DiagramScene::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        endDrag();
        setTool(Tool::Select);
        event->accept();
        return;
    }
    // Arrow keys nudge the selection: one unit, or a grid step with Shift.
    const double step = (event->modifiers() & Qt::ShiftModifier) ? diagram::kGrid : 1;
    QPointF nudge;
    switch (event->key()) {
    case Qt::Key_Left: nudge = {-step, 0}; break;
    case Qt::Key_Right: nudge = {step, 0}; break;
    case Qt::Key_Up: nudge = {0, -step}; break;
    case Qt::Key_Down: nudge = {0, step}; break;
    default: break;
    }
    QList<int> movable;
    for (int uid : selectedUids())
        if (ElementItem *item = m_items.value(uid); item && item->isMovable())
            movable << uid;
    if (!nudge.isNull() && !movable.isEmpty()) {
        m_document->undoStack()->push(new MoveVariablesCommand(m_document, movable, nudge));
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

void DiagramScene::placeVariable(QPointF at, Qt::KeyboardModifiers modifiers)
{
    const NewVariableKind kind = m_tool == Tool::Stock    ? NewVariableKind::Stock
                                 : m_tool == Tool::Aux    ? NewVariableKind::Aux
                                 : m_tool == Tool::Module ? NewVariableKind::Module
                                                          : NewVariableKind::CldVariable;
    auto *command = new AddVariableCommand(m_document, kind, snapped(at));
    const int uid = command->uid();
    m_document->undoStack()->push(command);
    selectUids({uid});
    // Shift keeps the tool for placing several in a row, as in Stella.
    const bool module = m_tool == Tool::Module;
    if (!(modifiers & Qt::ShiftModifier))
        setTool(Tool::Select);
    // A module stands for a whole model: it gets its name at once.
    if (module)
        emit renameRequested(uid);
}

void DiagramScene::startLine(QPointF from)
{
    delete m_line;
    m_line = new QGraphicsLineItem(QLineF(from, from));
    m_line->setPen(QPen(DiagramStyle::current().selection, 1.5, Qt::DashLine));
    m_line->setZValue(1000);
    addItem(m_line);
}

void DiagramScene::finishFlow(QPointF at, Qt::KeyboardModifiers modifiers)
{
    if (QLineF(m_pressPos, at).length() < 8)
        return;
    const ElementItem *under = elementAt(at, true);
    const QString toStock = under && under->elementType() == T::Stock ? under->element().name : QString();
    if (!toStock.isEmpty() && canonicalName(toStock) == canonicalName(m_pressStock)) {
        emit statusMessage(tr("A flow needs two different ends."));
        return;
    }
    pushNewFlow(new AddFlowCommand(m_document, snapped(m_pressPos), m_pressStock, snapped(at), toStock), modifiers);
}

// The new flow is selected, ready for its name; Shift keeps the flow tool for the next one.
void DiagramScene::pushNewFlow(AddFlowCommand *command, Qt::KeyboardModifiers modifiers)
{
    const QString name = command->name();
    m_document->undoStack()->push(command);
    if (ElementItem *item = itemForName(name))
        selectUids({item->uid()});
    if (!(modifiers & Qt::ShiftModifier))
        setTool(Tool::Select);
}

void DiagramScene::finishConnector(QPointF at, Qt::KeyboardModifiers modifiers)
{
    const ElementItem *from = m_items.value(m_dragUid);
    const ElementItem *to = elementAt(at, true);
    if (!from || !to || to == from)
        return;
    if (to->elementType() == T::Stock) {
        emit statusMessage(tr("A stock changes only through its flows; connect to one of its flows instead."));
        return;
    }
    if (to->elementType() == T::Alias) {
        emit statusMessage(tr("Connect to the variable itself, not to its alias."));
        return;
    }
    const auto endOf = [](const ElementItem *item) {
        ConnectorEnd end;
        if (item->elementType() == T::Alias)
            end.aliasUid = item->uid();
        else
            end.name = item->element().name;
        return end;
    };
    auto *command = new AddConnectorCommand(m_document, endOf(from), endOf(to), straightAngle(from->anchorCentre(), to->anchorCentre()));
    const int uid = command->uid();
    m_document->undoStack()->push(command);
    selectUids({uid});
    if (!(modifiers & Qt::ShiftModifier))
        setTool(Tool::Select);
}

// A press on a flow's bend handle drags that corner; on the pipe of a selected flow it
// drags that segment across itself; Shift or Alt on any flow's pipe first adds a jog there.
bool DiagramScene::startFlowReshape(ElementItem *item, QPointF pos, Qt::KeyboardModifiers modifiers)
{
    auto *flow = dynamic_cast<FlowItem *>(item);
    if (!flow || flow->isOnValve(pos) || (modifiers & Qt::ControlModifier))
        return false;
    std::vector<QPointF> pts = flow->points();
    const bool addBend = modifiers & (Qt::ShiftModifier | Qt::AltModifier);
    int index = addBend ? -1 : flow->cornerAt(pos);
    Drag drag = Drag::FlowCorner;
    if (index < 0) {
        index = flow->segmentAt(pos);
        drag = Drag::FlowSegment;
        if (index < 0 || (!flow->isSelected() && !addBend))
            return false;
        if (addBend)
            pts = diagram::insertFlowJog(pts, index, pos, &index);
    }
    clearSelection();
    flow->setSelected(true);
    m_drag = drag;
    m_dragUid = flow->uid();
    m_dragId = nextDragId();
    m_dragIndex = index;
    m_dragPoints = pts;
    return true;
}

void DiagramScene::reshapeFlow(QPointF pos)
{
    auto *flow = dynamic_cast<FlowItem *>(m_items.value(m_dragUid));
    if (!flow)
        return;
    const diagram::FlowEnds ends{flow->sourceBox(), flow->sinkBox()};
    const std::vector<QPointF> pts = m_drag == Drag::FlowCorner
                                         ? diagram::moveFlowCorner(m_dragPoints, m_dragIndex, snapped(pos), ends)
                                         : diagram::moveFlowSegment(m_dragPoints, m_dragIndex, pos - m_pressPos, ends);
    if (pts == flow->points())
        return;
    m_document->undoStack()->push(new BendFlowCommand(m_document, m_dragUid, pts, m_dragId));
    m_reshaped = true;
}

void DiagramScene::resizeTo(QPointF pos)
{
    const ViewElement *e = m_document->element(m_dragUid);
    if (!e)
        return;
    const QPointF corner = snapped(pos);
    double w = 0, h = 0;
    if (e->type == T::TextBox) {
        // A text box is placed by its top-left corner, which stays.
        w = std::max(40.0, corner.x() - e->x.value_or(0));
        h = std::max(20.0, corner.y() - e->y.value_or(0));
    } else if (e->type == T::Aux) {
        // An auxiliary stays a circle, about its centre.
        const QPointF half = corner - diagram::centre(*e);
        w = h = std::max(10.0, 2 * std::max(std::abs(half.x()), std::abs(half.y())));
    } else {
        // About the centre: the corner follows the pointer, the opposite corner mirrors it.
        const QPointF half = corner - diagram::centre(*e);
        w = std::max(20.0, 2 * std::abs(half.x()));
        h = std::max(14.0, 2 * std::abs(half.y()));
    }
    if (e->width == w && e->height == h)
        return;
    m_document->undoStack()->push(new ResizeElementCommand(m_document, m_dragUid, w, h, m_dragId));
}

void DiagramScene::startFlowPath()
{
    delete m_line;
    m_line = nullptr;
    m_drag = Drag::FlowPath;
    const ElementItem *source = m_pressStock.isEmpty() ? nullptr : itemForName(m_pressStock);
    // From a stock the pipe leaves its centre's row or column; its side is found at the end.
    m_flowPath = {source ? diagram::centre(source->element()) : snapped(m_pressPos)};
    m_pathPreview = new QGraphicsPathItem;
    m_pathPreview->setPen(QPen(DiagramStyle::current().selection, 1.5, Qt::DashLine));
    m_pathPreview->setZValue(1000);
    addItem(m_pathPreview);
    emit statusMessage(tr("Click to bend the pipe; click a stock or double-click to end it; Esc cancels."));
}

// The next corner: straight across or straight down from the last one, whichever is nearer
// the pointer, so the pipe stays square.
static QPointF squared(QPointF last, QPointF to)
{
    return std::abs(to.x() - last.x()) >= std::abs(to.y() - last.y()) ? QPointF(to.x(), last.y()) : QPointF(last.x(), to.y());
}

void DiagramScene::addFlowBend(QPointF at)
{
    const QPointF next = squared(m_flowPath.back(), snapped(at));
    if (QLineF(next, m_flowPath.back()).length() >= 2)
        m_flowPath.push_back(next);
    showFlowPath(at);
}

void DiagramScene::showFlowPath(QPointF pointer)
{
    if (!m_pathPreview || m_flowPath.empty())
        return;
    QPainterPath path(m_flowPath.front());
    for (size_t i = 1; i < m_flowPath.size(); ++i)
        path.lineTo(m_flowPath[i]);
    path.lineTo(squared(m_flowPath.back(), snapped(pointer)));
    m_pathPreview->setPath(path);
}

void DiagramScene::finishFlowPath(const QString &toStock, Qt::KeyboardModifiers modifiers)
{
    std::vector<QPointF> pts = m_flowPath;
    const QString fromStock = m_pressStock;
    const ElementItem *source = fromStock.isEmpty() ? nullptr : itemForName(fromStock);
    const ElementItem *sink = toStock.isEmpty() ? nullptr : itemForName(toStock);
    AddFlowCommand *command = nullptr;
    if (pts.size() < 2 && sink) {
        // Straight from one stock to the other: routed as a drag would be.
        command = new AddFlowCommand(m_document, pts.front(), fromStock, diagram::centre(sink->element()), toStock);
    } else if (pts.size() >= 2) {
        if (source)
            pts.front() = diagram::pipeEndAtBox(diagram::boxRect(source->element()), pts[1]);
        if (sink) {
            // Into the sink's nearer side, square: straight in when the last corner faces a
            // side, else with one more bend over its middle.
            const QRectF box = diagram::boxRect(sink->element());
            const QPointF last = pts.back(), c = box.center();
            if (last.y() > box.top() + 3 && last.y() < box.bottom() - 3) {
                pts.emplace_back(last.x() < c.x() ? box.left() : box.right(), last.y());
            } else if (last.x() > box.left() + 3 && last.x() < box.right() - 3) {
                pts.emplace_back(last.x(), last.y() < c.y() ? box.top() : box.bottom());
            } else {
                pts.emplace_back(c.x(), last.y());
                pts.emplace_back(c.x(), last.y() < c.y() ? box.top() : box.bottom());
            }
        }
        pts = diagram::simplifyFlow(pts);
        if (pts.size() >= 2 && QLineF(pts.front(), pts.back()).length() >= 8)
            command = new AddFlowCommand(m_document, pts, fromStock, toStock);
    }
    endDrag();
    if (command)
        pushNewFlow(command, modifiers);
}

void DiagramScene::endDrag()
{
    m_drag = Drag::None;
    m_dragUid = -1;
    m_dragIndex = -1;
    m_dragPoints.clear();
    m_reshaped = false;
    m_flowPath.clear();
    delete m_pathPreview;
    m_pathPreview = nullptr;
    delete m_line;
    m_line = nullptr;
}

// ---- look ------------------------------------------------------------------------------

void DiagramScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    if (m_plainBackground)
        return;
    const DiagramStyle &s = DiagramStyle::current();
    painter->fillRect(rect, s.background);
    const double scale = painter->worldTransform().m11();
    const double step = diagram::kGrid * 2;
    if (scale * step < 12)
        return; // too dense to help
    QVector<QPointF> dots;
    for (double x = std::floor(rect.left() / step) * step; x < rect.right(); x += step)
        for (double y = std::floor(rect.top() / step) * step; y < rect.bottom(); y += step)
            dots.append(QPointF(x, y));
    painter->setPen(QPen(s.grid, m_snap ? 2 : 1.5, Qt::SolidLine, Qt::RoundCap));
    painter->drawPoints(dots.constData(), int(dots.size()));
}

bool DiagramScene::event(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        DiagramStyle::setCurrent(DiagramStyle::fromPalette(palette()));
        for (ElementItem *item : std::as_const(m_items)) {
            // Cached pixmaps hold the old colours.
            const auto mode = item->cacheMode();
            item->setCacheMode(QGraphicsItem::NoCache);
            item->setCacheMode(mode);
        }
        update();
    }
    return QGraphicsScene::event(event);
}

} // namespace meadows

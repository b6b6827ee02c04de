#include "diagramscene.h"
#include "model/viewstyle.h"
#include "model/elementtype.h"

#include "aliasitem.h"
#include "auxitem.h"
#include "connectorends.h"
#include "connectoritem.h"
#include "diagram/connectorpath.h"
#include "diagram/diagramgeometry.h"
#include "diagramstyle.h"
#include "document.h"
#include "flowitem.h"
#include "looplabellayout.h"
#include "model/conveyoroptions.h"
#include "model/names.h"
#include "moduleitem.h"
#include "stockitem.h"
#include "textitem.h"
#include "tools/connectortool.h"
#include "tools/flowtool.h"
#include "tools/placevariabletool.h"
#include "tools/selecttool.h"
#include "tools/texttool.h"

#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QLineF>
#include <QPainter>
#include <cmath>

namespace meadows {

using T = ViewElement::Type;

bool isVariableType(T t)
{
    return t == T::Stock || t == T::Flow || t == T::Aux || t == T::Module;
}

DiagramScene::DiagramScene(Document *document, QObject *parent) : QGraphicsScene(parent), m_document(document)
{
    // A BSP index keeps hit tests and exposure fast on diagrams with thousands of items.
    setItemIndexMethod(BspTreeIndex);
    m_tools[std::size_t(Tool::Select)] = std::make_unique<SelectTool>(this);
    m_tools[std::size_t(Tool::Stock)] = std::make_unique<StockTool>(this);
    m_tools[std::size_t(Tool::Flow)] = std::make_unique<FlowTool>(this);
    m_tools[std::size_t(Tool::Aux)] = std::make_unique<AuxTool>(this);
    m_tools[std::size_t(Tool::Connector)] = std::make_unique<ConnectorTool>(this);
    m_tools[std::size_t(Tool::CldVariable)] = std::make_unique<LoopVariableTool>(this);
    m_tools[std::size_t(Tool::Text)] = std::make_unique<TextTool>(this);
    m_tools[std::size_t(Tool::Module)] = std::make_unique<ModuleTool>(this);
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
    currentTool()->deactivate();
    m_tool = tool;
    currentTool()->activate();
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
    currentTool()->deactivate(); // its preview goes with the items
    clear(); // deletes the items
    m_loopLabels.clear();
    m_highlightedLoop = -1;
    m_items.clear();
    m_mapsDirty = true;
    // The file's styles do not change while the diagram is edited (no command edits a
    // <style>), so they are read once per document.
    m_styles = ViewStyles(m_document->project(), m_document->model(), m_document->view());
    for (const ViewElement &e : m_document->view().elements) {
        if (!e.uid || e.type == T::Other)
            continue;
        if (ElementItem *item = createItem(e))
            m_items.insert(*e.uid, item);
    }
    // Flows and connectors depend on the stocks and variables around them: lay them out last,
    // the flows first, since a connector may end on a flow's valve. In the view's order, not
    // the hash's: QHash's order changes from process to process, and an export must not.
    for (const ViewElement &e : m_document->view().elements)
        if (auto *flow = dynamic_cast<FlowItem *>(e.uid ? m_items.value(*e.uid) : nullptr))
            refreshFlow(flow);
    for (const ViewElement &e : m_document->view().elements) {
        ElementItem *item = e.uid ? m_items.value(*e.uid) : nullptr;
        if (!item)
            continue;
        if (auto *connector = dynamic_cast<ConnectorItem *>(item))
            refreshConnector(connector);
        refreshVariableLook(item);
    }
    collectWarnings();
    const QRectF bounds = itemsBoundingRect();
    setSceneRect(bounds.adjusted(-2000, -2000, 2000, 2000));
}

ElementStyle DiagramScene::styleOf(const ViewElement &e) const
{
    std::optional<ViewElement::Type> as;
    if (e.type == T::Alias) // a ghost is drawn as what it stands for
        if (const Variable *v = m_document->model().findVariable(e.aliasOf))
            as = elementTypeOf(v->kind);
    return m_styles.of(e, as);
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
    item->setStyle(styleOf(e));
    item->setElement(e);
    addItem(item);
    return item;
}

void DiagramScene::syncItem(ElementItem *item, const ViewElement &element)
{
    item->setStyle(styleOf(element));
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
    currentTool()->elementRemoved(uid);
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
    // The first element of a name in the view's order (not the hash's, which changes from
    // process to process) stands for it, should a file draw a variable twice.
    for (const ViewElement &e : m_document->view().elements)
        if (const ElementItem *item = e.uid ? m_items.value(*e.uid) : nullptr; item && isVariableType(item->elementType()))
            if (const QString key = canonicalName(item->element().name); !m_uidByName.contains(key))
                m_uidByName.insert(key, item->uid());
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

ElementItem *DiagramScene::itemAtEnd(const ConnectorEnd &end)
{
    return m_items.value(resolve(end));
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
    const auto curveBetween = [&](bool atNames) {
        const ConnectorEndShape start = connectorEndShape(e, *from, false, atNames), finish = connectorEndShape(e, *to, true, atNames);
        // Vensim's exports give no angle but a point the connector leaves from: the arc
        // through that point is the curve Vensim drew.
        std::optional<double> angle = e.angle;
        if (!angle && e.x && e.y) {
            const QPointF via(*e.x, *e.y);
            if (QLineF(via, start.centre).length() > 1 && QLineF(via, finish.centre).length() > 1)
                angle = angleThrough(start.centre, via, finish.centre);
        }
        return connectorCurve(start.centre, start.outline, finish.centre, finish.outline, angle);
    };
    ConnectorCurve curve = curveBetween(true);
    if (!curve.valid) // a name so large it covers the other end: drawn to the valve, not left out
        curve = curveBetween(false);
    if (curve.valid)
        curve.signCentre = diagram::polaritySignCentre(curve.end, curve.endDirection, to->labelSceneRect(),
                                                       to->anchorOutline().boundingRect());
    item->setCurve(curve);
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
        if (auto *stock = dynamic_cast<StockItem *>(item))
            stock->setKind(!v                   ? StockItem::Kind::Plain
                           : conveyorOptions(*v) ? StockItem::Kind::Conveyor
                           : isQueue(*v)         ? StockItem::Kind::Queue
                           : ovenOptions(*v)     ? StockItem::Kind::Oven
                                                 : StockItem::Kind::Plain);
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

void DiagramScene::placeLoopLabels()
{
    LoopLabelLayout(this).place(m_loopLabels);
}

QList<LoopStep> DiagramScene::loopSteps(const LoopMark &loop)
{
    ensureMaps();
    QList<LoopStep> steps;
    const QStringList &names = loop.variables;
    for (int i = 0; i < names.size(); ++i) {
        const int from = m_uidByName.value(canonicalName(names[i]), -1);
        const int to = m_uidByName.value(canonicalName(names[(i + 1) % names.size()]), -1);
        LoopStep step;
        step.variable = m_items.value(from);
        for (int c : m_connectorsOf.values(from)) {
            auto *connector = dynamic_cast<ConnectorItem *>(m_items.value(c));
            if (connector && resolve(connector->element().from) == from && resolve(connector->element().to) == to)
                step.connectors << connector;
        }
        steps << step;
    }
    return steps;
}

void DiagramScene::emphasiseLoop(int index, bool on)
{
    m_loopLabels[index]->setHighlighted(on);
    for (const LoopStep &step : loopSteps(m_loopLabels[index]->mark()))
        for (ConnectorItem *connector : step.connectors)
            connector->setEmphasis(on);
}

void DiagramScene::highlightLoop(int index)
{
    if (m_highlightedLoop >= 0 && m_highlightedLoop < m_loopLabels.size())
        emphasiseLoop(m_highlightedLoop, false);
    m_highlightedLoop = index >= 0 && index < m_loopLabels.size() ? index : -1;
    if (m_highlightedLoop >= 0)
        emphasiseLoop(m_highlightedLoop, true);
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

QList<int> DiagramScene::movableSelection() const
{
    QList<int> movable;
    for (int uid : selectedUids())
        if (ElementItem *item = m_items.value(uid); item && item->isMovable())
            movable << uid;
    return movable;
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

// ---- input: to the tool in use -------------------------------------------------------

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    currentTool()->mousePressed(event);
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!currentTool()->mouseMoved(event))
        QGraphicsScene::mouseMoveEvent(event); // hover highlights
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    currentTool()->mouseReleased(event);
    QGraphicsScene::mouseReleaseEvent(event);
}

void DiagramScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (!currentTool()->mouseDoubleClicked(event))
        QGraphicsScene::mouseDoubleClickEvent(event);
}

void DiagramScene::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        // Esc drops what the tool was doing and goes back to Select.
        currentTool()->deactivate();
        setTool(Tool::Select);
        event->accept();
        return;
    }
    if (currentTool()->keyPressed(event)) {
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
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

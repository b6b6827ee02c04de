#pragma once
// The diagram: one item per element of the document's view, kept in step with the
// document's change signals. Mouse input on the scene becomes commands on the document
// (place, draw flows and connectors, move, bend); the scene never edits the model itself.
#include "looplabelitem.h"
#include "model/view.h"

#include <QGraphicsScene>
#include <QHash>
#include <QMultiHash>
#include <QPointer>

class QGraphicsLineItem;
class QGraphicsPathItem;

namespace meadows {

class AddFlowCommand;
class Document;
class ElementItem;
class ConnectorItem;
class FlowItem;

class DiagramScene : public QGraphicsScene {
    Q_OBJECT
public:
    enum class Tool { Select, Stock, Flow, Aux, Connector, CldVariable, Text, Module };
    Q_ENUM(Tool)

    explicit DiagramScene(Document *document, QObject *parent = nullptr);
    ~DiagramScene() override;

    Document *document() const { return m_document; }
    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool snap);

    ElementItem *itemForUid(int uid) const { return m_items.value(uid); }
    ElementItem *itemForName(const QString &name);
    QList<int> selectedUids() const;
    void selectUids(const QList<int> &uids);
    // What could not be drawn as the file says (missing positions, dangling connectors).
    QStringList geometryWarnings() const { return m_warnings; }
    // The topmost element under a scene point; variablesOnly skips connectors and text.
    ElementItem *elementAt(QPointF scenePos, bool variablesOnly = false) const;
    QPointF snapped(QPointF p) const;

    // Feedback loops to label (from loop analysis); each label sits at its loop's centre
    // and follows as the loop's variables move.
    void setLoops(const std::vector<LoopMark> &loops);
    const QList<LoopLabelItem *> &loopLabels() const { return m_loopLabels; }
    // Emphasises one loop's labels and connectors; -1 clears.
    void highlightLoop(int index);
    // No background at all (no fill, no grid dots): for exported pictures, which bring their own.
    void setPlainBackground(bool plain) { m_plainBackground = plain; }

signals:
    void toolChanged(meadows::DiagramScene::Tool tool);
    void renameRequested(int uid);
    void statusMessage(const QString &message);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    bool event(QEvent *event) override;

private:
    enum class Drag { None, Move, Bend, Resize, FlowCorner, FlowSegment, NewFlow, FlowPath, NewConnector };

    void rebuild();
    void onElementAdded(int uid);
    void onElementRemoved(int uid);
    void onElementChanged(int uid);
    void onVariableChanged(const QString &name);

    ElementItem *createItem(const ViewElement &element);
    void syncItem(ElementItem *item, const ViewElement &element);
    void refreshDependents(int uid);
    void refreshConnector(ConnectorItem *item);
    void refreshFlow(FlowItem *item);
    void refreshVariableLook(ElementItem *item);
    void ensureMaps();
    int resolve(const ConnectorEnd &end);
    void collectWarnings();
    void placeLoopLabels();
    QPointF freeSpotNear(LoopLabelItem *label, QPointF centre, const QPolygonF &outline, const QList<QRectF> &placed) const;
    QList<int> loopConnectors(const LoopMark &loop);

    void startLine(QPointF from);
    void finishFlow(QPointF at, Qt::KeyboardModifiers modifiers);
    void pushNewFlow(AddFlowCommand *command, Qt::KeyboardModifiers modifiers);
    void finishConnector(QPointF at, Qt::KeyboardModifiers modifiers);
    void placeVariable(QPointF at, Qt::KeyboardModifiers modifiers);
    void endDrag();
    bool startFlowReshape(ElementItem *item, QPointF pos, Qt::KeyboardModifiers modifiers);
    void reshapeFlow(QPointF pos);
    void resizeTo(QPointF pos);
    void startFlowPath();
    void addFlowBend(QPointF at);
    void showFlowPath(QPointF pointer);
    void finishFlowPath(const QString &toStock, Qt::KeyboardModifiers modifiers);

    Document *m_document;
    Tool m_tool = Tool::Select;
    bool m_snap = false;
    bool m_plainBackground = false;
    QHash<int, ElementItem *> m_items;
    QStringList m_warnings;
    QList<LoopLabelItem *> m_loopLabels;
    int m_highlightedLoop = -1;

    // Derived look-ups, rebuilt when names or links change.
    bool m_mapsDirty = true;
    QHash<QString, int> m_uidByName;      // canonical variable name -> its element
    QMultiHash<int, int> m_connectorsOf;  // element -> connectors touching it
    QMultiHash<int, int> m_flowsOf;       // stock element -> flows attached to it

    Drag m_drag = Drag::None;
    int m_dragId = 0;
    int m_dragUid = -1;
    QPointF m_pressPos;
    QPointF m_anchorStart;
    QString m_pressStock;
    int m_dragIndex = -1;                // the corner or segment of a flow being reshaped
    std::vector<QPointF> m_dragPoints;   // that flow's pipe when the drag began
    bool m_reshaped = false;             // whether this drag changed the pipe yet
    QGraphicsLineItem *m_line = nullptr;
    std::vector<QPointF> m_flowPath;           // a flow drawn click by click: its points so far
    QGraphicsPathItem *m_pathPreview = nullptr;
};

} // namespace meadows

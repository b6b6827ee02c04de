#pragma once
// The diagram: one item per element of the document's view, kept in step with the
// document's change signals. Mouse and keys go to the tool in use (scene/tools/), which
// turns them into commands on the document; the scene never edits the model itself.
#include "looplabelitem.h"
#include "model/view.h"
#include "model/viewstyle.h"

#include <QGraphicsScene>
#include <QHash>
#include <QMultiHash>
#include <array>
#include <memory>

namespace meadows {

class Document;
class DiagramTool;
class ElementItem;
class ConnectorItem;
class FlowItem;

// Stocks, flows, auxiliaries and modules: the elements that stand for a variable.
bool isVariableType(ViewElement::Type type);

// One stretch of a loop on the diagram: a variable's element (null when it is not drawn)
// and the connectors from it to the loop's next variable.
struct LoopStep {
    ElementItem *variable = nullptr;
    QList<ConnectorItem *> connectors;
};

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
    void setSnapToGrid(bool snap);

    ElementItem *itemForUid(int uid) const { return m_items.value(uid); }
    ElementItem *itemForName(const QString &name);
    // The element at a connector's end (an alias, or the variable named), or null.
    ElementItem *itemAtEnd(const ConnectorEnd &end);
    QList<int> selectedUids() const;
    void selectUids(const QList<int> &uids);
    // The selected elements that a drag or the arrow keys move (connectors are bent instead).
    QList<int> movableSelection() const;
    // What could not be drawn as the file says (missing positions, dangling connectors).
    QStringList geometryWarnings() const { return m_warnings; }
    // The topmost element under a scene point; variablesOnly skips connectors and text.
    ElementItem *elementAt(QPointF scenePos, bool variablesOnly = false) const;
    QPointF snapped(QPointF p) const;

    // Feedback loops to label (from loop analysis); each label sits at its loop's centre
    // and follows as the loop's variables move.
    void setLoops(const std::vector<LoopMark> &loops);
    const QList<LoopLabelItem *> &loopLabels() const { return m_loopLabels; }
    // The loop as drawn: each variable's element and the connectors on to the next.
    QList<LoopStep> loopSteps(const LoopMark &loop);
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
    void rebuild();
    void onElementAdded(int uid);
    void onElementRemoved(int uid);
    void onElementChanged(int uid);
    void onVariableChanged(const QString &name);

    ElementItem *createItem(const ViewElement &element);
    // The font and colours the file gives an element (model/viewstyle.h).
    ElementStyle styleOf(const ViewElement &element) const;
    void syncItem(ElementItem *item, const ViewElement &element);
    void refreshDependents(int uid);
    void refreshConnector(ConnectorItem *item);
    void refreshFlow(FlowItem *item);
    void refreshVariableLook(ElementItem *item);
    void ensureMaps();
    int resolve(const ConnectorEnd &end);
    void collectWarnings();
    void placeLoopLabels();
    void emphasiseLoop(int index, bool on);
    DiagramTool *currentTool() const { return m_tools[std::size_t(m_tool)].get(); }

    Document *m_document;
    Tool m_tool = Tool::Select;
    std::array<std::unique_ptr<DiagramTool>, 8> m_tools; // by Tool
    bool m_snap = false;
    bool m_plainBackground = false;
    QHash<int, ElementItem *> m_items;
    ViewStyles m_styles; // the file's <style>s, read at rebuild()
    QStringList m_warnings;
    QList<LoopLabelItem *> m_loopLabels;
    int m_highlightedLoop = -1;

    // Derived look-ups, rebuilt when names or links change.
    bool m_mapsDirty = true;
    QHash<QString, int> m_uidByName;      // canonical variable name -> its element
    QMultiHash<int, int> m_connectorsOf;  // element -> connectors touching it
    QMultiHash<int, int> m_flowsOf;       // stock element -> flows attached to it
};

} // namespace meadows

#pragma once
// One editing tool of the diagram (select, place a stock, draw a flow...). The scene hands
// the mouse and keys to the tool in use, as Tiled's map scene does; a tool turns them into
// commands on the document and never edits the model itself.
#include <QList>
#include <QPointF>
#include <Qt>

class QGraphicsSceneMouseEvent;
class QKeyEvent;
class QPen;

namespace meadows {

class DiagramScene;
class Document;

class DiagramTool {
public:
    explicit DiagramTool(DiagramScene *scene) : m_scene(scene) {}
    virtual ~DiagramTool() = default;
    DiagramTool(const DiagramTool &) = delete;
    DiagramTool &operator=(const DiagramTool &) = delete;

    // The tool is picked up, or put down (another tool, Esc, the diagram rebuilt): a drag in
    // progress is dropped with its preview.
    virtual void activate() {}
    virtual void deactivate() {}

    // A left-button press. The tool accepts the event, or ignores it to let the view start a
    // rubber band.
    virtual void mousePressed(QGraphicsSceneMouseEvent *event) = 0;
    // Each returns whether it used the event; if not, the scene's default handling (hover
    // highlights, double-clicks on items, keys for items) gets it.
    virtual bool mouseMoved(QGraphicsSceneMouseEvent *) { return false; }
    virtual void mouseReleased(QGraphicsSceneMouseEvent *) {}
    virtual bool mouseDoubleClicked(QGraphicsSceneMouseEvent *) { return false; }
    // Every tool nudges the selection with the arrow keys: one unit, a grid step with Shift.
    virtual bool keyPressed(QKeyEvent *event);

    // The element left the document: a drag that holds it stops.
    virtual void elementRemoved(int) {}

protected:
    DiagramScene *scene() const { return m_scene; }
    Document *document() const;
    // After a new element is placed: it is selected, and the tool goes back to Select unless
    // Shift was held (Shift keeps the tool for placing several in a row, as in Stella).
    void placed(int uid, Qt::KeyboardModifiers modifiers);
    // The dashed line of a connector or pipe being drawn.
    static QPen previewPen();

private:
    DiagramScene *m_scene;
};

} // namespace meadows

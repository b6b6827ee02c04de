#pragma once
// Base of the scene items that draw diagram elements. An item shows a ViewElement: it
// keeps a copy of what it needs to paint, never the model's state, and is refreshed by
// the scene when the document says the element changed.
#include "model/view.h"
#include "model/viewstyle.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace meadows {

class ElementItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    explicit ElementItem(int uid);

    int type() const override { return Type; }
    int uid() const { return m_uid; }
    ViewElement::Type elementType() const { return m_element.type; }
    const ViewElement &element() const { return m_element; }

    // Takes a new copy of the element to show.
    virtual void setElement(const ViewElement &element);
    // The font and colours the file gives the element (its view's and its own); set before
    // the element, whose label is measured in that font.
    void setStyle(const ElementStyle &style);
    const ElementStyle &style() const { return m_style; }
    // What connectors attach to, in scene coordinates, and its centre.
    virtual QPainterPath anchorOutline() const { return {}; }
    virtual QPointF anchorCentre() const { return pos(); }
    // Whether the item can be dragged around (connectors are bent, not moved).
    virtual bool isMovable() const { return true; }
    // The corner handle shown while selected; dragging it resizes the shape.
    virtual bool isResizable() const { return false; }
    virtual QRectF resizeHandleRect() const { return {}; } // item coordinates
    bool isOnResizeHandle(QPointF scenePos) const;
    // A problem with what the element draws (an equation error), shown in red with the
    // message as tooltip; an empty message clears it. A quiet one is work still to do (a new
    // variable without its equation): its name in grey italics, not red.
    void setProblem(const QString &message, bool quiet = false);
    bool hasProblem() const { return !m_problem.isEmpty() && !m_quietProblem; }
    bool needsWork() const { return !m_problem.isEmpty() && m_quietProblem; }
    // Where an in-place rename editor should sit, in scene coordinates.
    virtual QRectF labelSceneRect() const { return sceneBoundingRect(); }
    // Forgets a hover highlight (pictures of the diagram show none).
    void clearHover()
    {
        m_hovered = false;
        update();
    }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    bool isHovered() const { return m_hovered; }
    void paintResizeHandle(QPainter *painter) const;
    // The size of the element's name as paintLabel draws it: in its font, wrapped at its
    // width (model/view.h labelWrapWidth) or the editor's.
    QSizeF labelSize(const QString &label) const;
    // The element's name: red when it has a problem, grey italics when it needs work.
    void paintLabel(QPainter *painter, const QRectF &rect, const QString &label) const;

    ViewElement m_element;
    ElementStyle m_style;
    QString m_problem;
    bool m_quietProblem = false;

private:
    int m_uid;
    bool m_hovered = false;
};

} // namespace meadows

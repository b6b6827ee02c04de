#pragma once
// A connector: a curved arrow from a variable to one it informs, with an optional
// polarity at the head and delay mark (‖) halfway. When selected it shows a handle at
// its middle that bends it.
#include "diagram/connectorpath.h"
#include "elementitem.h"

namespace meadows {

class ConnectorItem : public ElementItem {
public:
    explicit ConnectorItem(int uid);

    void setElement(const ViewElement &element) override;
    void setCurve(const ConnectorCurve &curve);
    const ConnectorCurve &curve() const { return m_curve; }
    bool isMovable() const override { return false; }
    // Whether a scene point is on the bend handle (only while selected).
    bool isOnBendHandle(QPointF scenePos) const;
    // Whether a scene point is on the polarity sign (a click there flips it).
    bool isOnPolaritySign(QPointF scenePos) const;
    // Highlighted as part of a selected feedback loop.
    void setEmphasis(bool emphasis);
    bool hasEmphasis() const { return m_emphasis; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    ConnectorCurve m_curve;
    bool m_delay = false;
    bool m_emphasis = false;
};

} // namespace meadows

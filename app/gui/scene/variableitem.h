#pragma once
// An element that draws a variable with a name label: stocks, auxiliaries, modules,
// aliases. Subclasses give the shape; this class places and paints the label.
#include "elementitem.h"

#include "diagram/labelgeometry.h"

#include <QString>

namespace meadows {

class VariableItem : public ElementItem {
public:
    explicit VariableItem(int uid);

    void setElement(const ViewElement &element) override;
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    QPainterPath anchorOutline() const override;
    QRectF labelSceneRect() const override { return mapRectToScene(m_labelRect); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // An array variable is drawn stacked, as Stella does.
    void setArrayed(bool arrayed);
    QString label() const { return m_label; }
    QRectF resizeHandleRect() const override;

protected:
    // The body, centred on the item's origin.
    virtual QPainterPath body() const = 0;
    virtual void paintBody(QPainter *painter) const = 0;
    virtual QString defaultLabelSide() const { return QStringLiteral("bottom"); }
    virtual QString labelText() const;
    virtual bool labelInside() const { return false; }
    void paintSelection(QPainter *painter) const;

private:
    void layoutLabel();

    QString m_label;
    QRectF m_labelRect;
    bool m_arrayed = false;
};

using diagram::diagramLabel;
using diagram::editableLabel;

} // namespace meadows

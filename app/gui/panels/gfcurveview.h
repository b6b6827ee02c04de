#pragma once
// The curve of a graphical function; drag a point up or down to change its y.
#include "model/graphicalfunction.h"

#include <QWidget>

namespace meadows {

class GfCurveView : public QWidget {
    Q_OBJECT
public:
    explicit GfCurveView(QWidget *parent = nullptr);
    void setFunction(const GraphicalFunction &gf);
    const GraphicalFunction &function() const { return m_gf; }
    // Where point i is drawn, in widget coordinates (for tests and hit testing).
    QPointF pointPosition(int i) const;

signals:
    // A drag ended: the function as the user left it.
    void edited(const meadows::GraphicalFunction &gf);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    QSize sizeHint() const override { return {240, 150}; }

private:
    QRectF plotRect() const;
    Scale xRange() const;
    Scale yRange() const;

    GraphicalFunction m_gf;
    Scale m_dragRange;  // y range frozen while dragging, so the plot does not rescale under the hand
    int m_dragging = -1;
};

} // namespace meadows

#pragma once
// An overview of the whole diagram with the visible part framed; click or drag to move
// the main view there.
#include <QGraphicsView>

namespace meadows {

class DiagramView;

class Minimap : public QGraphicsView {
    Q_OBJECT
public:
    Minimap(DiagramView *main, QWidget *parent = nullptr);
    // Fits the whole diagram in view (done by itself a moment after edits settle).
    void refit();

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    DiagramView *m_main;
};

} // namespace meadows

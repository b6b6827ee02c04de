#pragma once
// The canvas: zoom (wheel, pinch, keys, fit), pan (middle button or Space+drag), rubber-band
// selection, in-place renaming, and dropped files handed to the window.
#include <QGraphicsView>
#include <QPointer>

#include <QLineEdit>

namespace meadows {

class DiagramScene;

class DiagramView : public QGraphicsView {
    Q_OBJECT
public:
    explicit DiagramView(DiagramScene *scene, QWidget *parent = nullptr);

    double zoom() const { return transform().m11(); }
    void setZoom(double zoom);
    void zoomBy(double factor);
    // Zooms keeping the scene point under a viewport position where it is (pinching).
    void zoomAround(QPointF viewportPos, double factor);
    void fitDiagram();
    // Opens the name editor over a variable's label.
    void startRename(int uid);
    QLineEdit *renameEditor() const { return m_renameEditor; }

signals:
    void filesDropped(const QStringList &paths);
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finishRename(bool commit);

    DiagramScene *m_scene;
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panFrom;
    QPointer<QLineEdit> m_renameEditor;
    int m_renameUid = -1;
};

} // namespace meadows

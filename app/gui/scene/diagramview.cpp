#include "diagramview.h"

#include "commands/edittext.h"
#include "commands/renamevariable.h"
#include "diagramscene.h"
#include "document.h"
#include "elementitem.h"
#include "model/names.h"
#include "variableitem.h"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QScrollBar>
#include <QUndoStack>
#include <QWheelEvent>
#include <cmath>

namespace meadows {

static constexpr double kMinZoom = 0.05;
static constexpr double kMaxZoom = 8;

DiagramView::DiagramView(DiagramScene *scene, QWidget *parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    // Repaint only what changed; items cache themselves.
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setCacheMode(CacheBackground);
    setAcceptDrops(true);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    viewport()->grabGesture(Qt::PinchGesture);
    connect(scene, &DiagramScene::renameRequested, this, &DiagramView::startRename);
    connect(scene, &DiagramScene::toolChanged, this, [this](DiagramScene::Tool tool) {
        setDragMode(tool == DiagramScene::Tool::Select ? RubberBandDrag : NoDrag);
        viewport()->setCursor(tool == DiagramScene::Tool::Select ? Qt::ArrowCursor : Qt::CrossCursor);
    });
}

void DiagramView::setZoom(double zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(zoom, zoom));
    resetCachedContent();
    emit zoomChanged(zoom);
}

void DiagramView::zoomBy(double factor)
{
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom());
    resetCachedContent();
    emit zoomChanged(target);
}

void DiagramView::fitDiagram()
{
    QRectF bounds;
    for (QGraphicsItem *item : scene()->items())
        if (item->isVisible() && dynamic_cast<ElementItem *>(item))
            bounds |= item->sceneBoundingRect();
    if (bounds.isEmpty()) {
        setZoom(1);
        centerOn(0, 0);
        return;
    }
    bounds.adjust(-30, -30, 30, 30);
    fitInView(bounds, Qt::KeepAspectRatio);
    // Small models should not be blown up beyond a comfortable reading size.
    if (zoom() > 1.6)
        setZoom(1.6);
    if (zoom() < kMinZoom)
        setZoom(kMinZoom);
    centerOn(bounds.center());
    resetCachedContent();
    emit zoomChanged(zoom());
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    // Wheel zooms (around the pointer); Shift+wheel scrolls sideways, Alt+wheel scrolls.
    if (event->modifiers() & (Qt::ShiftModifier | Qt::AltModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.15, steps));
    event->accept();
}

void DiagramView::zoomAround(QPointF viewportPos, double factor)
{
    // The scene point under the fingers stays under them: scale, then scroll it back.
    const QPointF fixed = mapToScene(viewportPos.toPoint());
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(NoAnchor);
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom());
    setTransformationAnchor(anchor);
    const QPointF drift = mapFromScene(fixed) - viewportPos;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(drift.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(drift.y()));
    resetCachedContent();
    emit zoomChanged(target);
}

bool DiagramView::viewportEvent(QEvent *event)
{
    // A touchpad pinch arrives as a native gesture (macOS, X11 and Wayland with libinput);
    // a touchscreen pinch as a QPinchGesture.
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAround(gesture->position(), 1 + gesture->value());
            return true;
        }
    }
    if (event->type() == QEvent::Gesture) {
        auto *gestures = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gestures->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
                zoomAround(viewport()->mapFromGlobal(pinch->centerPoint()), pinch->scaleFactor());
            gestures->accept(pinch);
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint now = event->position().toPoint();
        const QPoint d = now - m_panFrom;
        m_panFrom = now;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DiagramView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DiagramView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DiagramView::startRename(int uid)
{
    ElementItem *item = m_scene->itemForUid(uid);
    if (!item)
        return;
    finishRename(false);
    m_renameUid = uid;
    auto *editor = new QLineEdit(viewport());
    editor->setObjectName(QStringLiteral("renameEditor"));
    const bool text = item->elementType() == ViewElement::Type::TextBox;
    editor->setText(text ? item->element().text : editableLabel(item->element().name).replace(u'\n', u' '));
    editor->selectAll();
    const QRect label = mapFromScene(item->labelSceneRect()).boundingRect();
    const int width = std::max(label.width() + 40, 140);
    editor->setGeometry(label.center().x() - width / 2, label.top() - 2, width, editor->sizeHint().height());
    editor->show();
    editor->setFocus();
    connect(editor, &QLineEdit::returnPressed, this, [this]() { finishRename(true); });
    connect(editor, &QLineEdit::editingFinished, this, [this]() { finishRename(true); });
    m_renameEditor = editor;
    // Escape cancels.
    editor->installEventFilter(this);
}

void DiagramView::finishRename(bool commit)
{
    if (!m_renameEditor)
        return;
    QLineEdit *editor = m_renameEditor;
    m_renameEditor = nullptr;
    const QString newName = editor->text().trimmed();
    editor->hide();
    editor->deleteLater();
    const ElementItem *item = m_scene->itemForUid(m_renameUid);
    if (!commit || !item)
        return;
    Document *document = m_scene->document();
    if (item->elementType() == ViewElement::Type::TextBox) {
        auto *command = new EditTextCommand(document, m_renameUid, editor->text());
        if (command->isEmpty())
            delete command;
        else
            document->undoStack()->push(command);
        setFocus();
        return;
    }
    const QString oldName = item->element().name;
    if (canonicalName(nameFromDisplay(newName)) == canonicalName(oldName) && editableLabel(oldName) == newName)
        return;
    const QString problem = RenameVariableCommand::problem(*document, oldName, newName);
    if (!problem.isEmpty()) {
        emit m_scene->statusMessage(problem);
        return;
    }
    document->undoStack()->push(new RenameVariableCommand(document, oldName, newName));
    setFocus();
}

bool DiagramView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_renameEditor && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        finishRename(false);
        setFocus();
        return true;
    }
    return QGraphicsView::eventFilter(watched, event);
}

void DiagramView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void DiagramView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void DiagramView::dropEvent(QDropEvent *event)
{
    if (!event->mimeData()->hasUrls()) {
        QGraphicsView::dropEvent(event);
        return;
    }
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    event->acceptProposedAction();
    emit filesDropped(paths);
}

} // namespace meadows

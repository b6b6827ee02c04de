#include "minimap.h"

#include "scene/diagramview.h"
#include "scene/elementitem.h"

#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>

namespace meadows {

Minimap::Minimap(DiagramView *main, QWidget *parent) : QGraphicsView(main->scene(), parent), m_main(main)
{
    setObjectName(QStringLiteral("minimap"));
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setRenderHint(QPainter::Antialiasing, false);
    setMinimumHeight(90);
    // Refit after edits settle, not on every change.
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(300);
    connect(timer, &QTimer::timeout, this, &Minimap::refit);
    connect(scene(), &QGraphicsScene::changed, timer, qOverload<>(&QTimer::start));
    const auto frame = [this]() { viewport()->update(); };
    connect(main->horizontalScrollBar(), &QScrollBar::valueChanged, this, frame);
    connect(main->verticalScrollBar(), &QScrollBar::valueChanged, this, frame);
    connect(main, &DiagramView::zoomChanged, this, frame);
}

void Minimap::refit()
{
    QRectF bounds;
    for (QGraphicsItem *item : scene()->items())
        if (item->isVisible() && dynamic_cast<ElementItem *>(item))
            bounds |= item->sceneBoundingRect();
    if (!bounds.isEmpty())
        fitInView(bounds.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    viewport()->update();
}

void Minimap::drawForeground(QPainter *painter, const QRectF &)
{
    const QRectF visible = m_main->mapToScene(m_main->viewport()->rect()).boundingRect();
    QColor c = palette().color(QPalette::Highlight);
    painter->setPen(QPen(c, 0));
    c.setAlpha(40);
    painter->setBrush(c);
    painter->drawRect(visible);
}

void Minimap::mousePressEvent(QMouseEvent *event)
{
    m_main->centerOn(mapToScene(event->position().toPoint()));
}

void Minimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        m_main->centerOn(mapToScene(event->position().toPoint()));
}

void Minimap::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    refit();
}

} // namespace meadows

#pragma once
// Real mouse and keyboard input on the diagram view, in scene coordinates.
#include "scene/diagramview.h"

#include <QApplication>
#include <QMouseEvent>
#include <QTest>

namespace meadows::testing {

inline QPoint toView(DiagramView *view, QPointF scenePos)
{
    return view->mapFromScene(scenePos);
}

inline void click(DiagramView *view, QPointF scenePos, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, toView(view, scenePos));
}

inline void doubleClick(DiagramView *view, QPointF scenePos)
{
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, toView(view, scenePos));
}

// Press, move in steps with the button held (as a hand does), release.
inline void drag(DiagramView *view, QPointF from, QPointF to, int steps = 5, Qt::KeyboardModifiers modifiers = {})
{
    QWidget *viewport = view->viewport();
    const QPoint a = toView(view, from);
    const QPoint b = toView(view, to);
    QTest::mousePress(viewport, Qt::LeftButton, modifiers, a);
    for (int i = 1; i <= steps; ++i) {
        const QPoint p = a + (b - a) * i / steps;
        QMouseEvent move(QEvent::MouseMove, p, viewport->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, modifiers);
        QApplication::sendEvent(viewport, &move);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, modifiers, b);
}

} // namespace meadows::testing

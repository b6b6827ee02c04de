#pragma once
// What the editor's tests share: real mouse and keyboard input on the diagram view, in scene
// coordinates; the teacup model shown ready for input; looking elements up by name.
#include "document.h"
#include "mainwindow.h"
#include "scene/diagramscene.h"
#include "scene/elementitem.h"
#include "scene/diagramview.h"
#include "support/testfiles.h"

#include <QApplication>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace meadows::testing {

inline const QString kTestData = QStringLiteral(MEADOWS_TEST_DATA);
inline const QString kTeacup = kTestData + QStringLiteral("/test-models/samples/teacup/teacup_w_diagram.xmile");

// The diagram element of a variable (canonical name: case, spaces and underscores alike).
inline const ViewElement *elementNamed(const Document &doc, const QString &name)
{
    const int uid = doc.elementUidForName(name);
    return uid < 0 ? nullptr : doc.element(uid);
}

// How many elements of a type the diagram holds.
inline int countType(const Document &doc, ViewElement::Type type)
{
    int n = 0;
    for (const ViewElement &e : doc.view().elements)
        n += e.type == type;
    return n;
}

// How many element items the scene draws.
inline int countItems(const MainWindow &window)
{
    int n = 0;
    for (QGraphicsItem *item : window.scene()->items())
        n += dynamic_cast<ElementItem *>(item) != nullptr;
    return n;
}

// Shows the window (1000 x 700) with teacup open, at a known zoom and centre, the diagram
// focused, ready for input.
inline bool showTeacup(MainWindow &window, double zoom = 1, QPointF centre = {300, 200})
{
    window.resize(1000, 700);
    window.show();
    if (!QTest::qWaitForWindowActive(&window) || !window.openFile(kTeacup))
        return false;
    window.view()->setZoom(zoom);
    window.view()->centerOn(centre);
    window.view()->setFocus();
    return true;
}

// A fresh autosave folder for each test: work recovered by one test never shows in the
// next, and the user's own recovery folder is never touched. reset() from init().
class IsolatedRecovery {
public:
    void reset()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        qputenv("MEADOWS_RECOVERY_DIR", m_dir->path().toUtf8());
    }
    QString path() const { return m_dir->path(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

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

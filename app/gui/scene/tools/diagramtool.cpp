#include "diagramtool.h"

#include "commands/movevariables.h"
#include "diagram/diagramgeometry.h"
#include "document.h"
#include "scene/diagramscene.h"
#include "scene/diagramstyle.h"

#include <QKeyEvent>
#include <QPen>
#include <QUndoStack>

namespace meadows {

Document *DiagramTool::document() const
{
    return m_scene->document();
}

bool DiagramTool::keyPressed(QKeyEvent *event)
{
    const double step = (event->modifiers() & Qt::ShiftModifier) ? diagram::kGrid : 1;
    QPointF nudge;
    switch (event->key()) {
    case Qt::Key_Left: nudge = {-step, 0}; break;
    case Qt::Key_Right: nudge = {step, 0}; break;
    case Qt::Key_Up: nudge = {0, -step}; break;
    case Qt::Key_Down: nudge = {0, step}; break;
    default: return false;
    }
    const QList<int> movable = m_scene->movableSelection();
    if (movable.isEmpty())
        return false;
    document()->undoStack()->push(new MoveVariablesCommand(document(), movable, nudge));
    return true;
}

void DiagramTool::placed(int uid, Qt::KeyboardModifiers modifiers)
{
    if (uid >= 0)
        m_scene->selectUids({uid});
    if (!(modifiers & Qt::ShiftModifier))
        m_scene->setTool(DiagramScene::Tool::Select);
}

QPen DiagramTool::previewPen()
{
    return QPen(DiagramStyle::current().selection, 1.5, Qt::DashLine);
}

} // namespace meadows

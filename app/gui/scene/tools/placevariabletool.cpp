#include "placevariabletool.h"

#include "document.h"
#include "scene/diagramscene.h"

#include <QGraphicsSceneMouseEvent>
#include <QUndoStack>

namespace meadows {

void PlaceVariableTool::mousePressed(QGraphicsSceneMouseEvent *event)
{
    auto *command = new AddVariableCommand(document(), m_kind, scene()->snapped(event->scenePos()));
    const int uid = command->uid();
    document()->undoStack()->push(command);
    placed(uid, event->modifiers());
    afterPlacing(uid);
    event->accept();
}

void ModuleTool::afterPlacing(int uid)
{
    emit scene()->renameRequested(uid);
}

} // namespace meadows

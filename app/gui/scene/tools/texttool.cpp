#include "texttool.h"

#include "commands/addvariable.h"
#include "document.h"
#include "scene/diagramscene.h"

#include <QGraphicsSceneMouseEvent>
#include <QUndoStack>

namespace meadows {

void TextTool::mousePressed(QGraphicsSceneMouseEvent *event)
{
    auto *command = new AddTextCommand(document(), scene()->snapped(event->scenePos()), DiagramScene::tr("Note"));
    const int uid = command->uid();
    document()->undoStack()->push(command);
    placed(uid, event->modifiers());
    emit scene()->renameRequested(uid); // type the words at once
    event->accept();
}

} // namespace meadows

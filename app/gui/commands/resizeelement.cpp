#include "resizeelement.h"

#include "model/names.h"

#include <QCoreApplication>

namespace meadows {

ResizeElementCommand::ResizeElementCommand(Document *document, int uid, double width, double height, int dragId)
    : GeometryChangeCommand(document, dragId, QString())
{
    ViewElement e = current(uid);
    if (!e.uid)
        return;
    e.width = width;
    e.height = height;
    change(e);
    setText(QCoreApplication::translate("ResizeElementCommand", "Resize %1").arg(displayName(e.name)));
}

} // namespace meadows

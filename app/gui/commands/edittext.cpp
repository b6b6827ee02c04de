#include "edittext.h"

#include <QCoreApplication>

namespace meadows {

EditTextCommand::EditTextCommand(Document *document, int textUid, const QString &text)
    : GeometryChangeCommand(document, 0, QCoreApplication::translate("EditTextCommand", "Edit text"))
{
    ViewElement e = current(textUid);
    if (!e.uid || e.text == text)
        return;
    e.text = text;
    change(e);
}

} // namespace meadows

#pragma once
// Adds copies of variables and their diagram (from the clipboard, or a duplicate): names
// already taken get a number, equations among the copies follow the new names, and
// everything moves by an offset so the copy does not hide the original.
#include "additems.h"

#include <QPointF>

namespace meadows {

class PasteElementsCommand : public AddItemsCommand {
public:
    PasteElementsCommand(Document *document, const Model &source, const View &view, QPointF offset);
    QList<int> addedUids() const;
};

} // namespace meadows

#pragma once
// Changes the words of a text annotation.
#include "geometrychange.h"

namespace meadows {

class EditTextCommand : public GeometryChangeCommand {
public:
    EditTextCommand(Document *document, int textUid, const QString &text);
};

} // namespace meadows

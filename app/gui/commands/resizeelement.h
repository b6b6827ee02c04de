#pragma once
// Resizes a stock, module, auxiliary or text box about its centre (XMILE keeps centres).
#include "geometrychange.h"

namespace meadows {

class ResizeElementCommand : public GeometryChangeCommand {
public:
    ResizeElementCommand(Document *document, int uid, double width, double height, int dragId = 0);
};

} // namespace meadows

#pragma once
// Draws a connector (an information link) from one variable to another.
#include "additems.h"

namespace meadows {

class AddConnectorCommand : public AddItemsCommand {
public:
    // angle: the take-off angle in XMILE's convention (degrees, counter-clockwise).
    AddConnectorCommand(Document *document, const ConnectorEnd &from, const ConnectorEnd &to, double angle);
    int uid() const { return *m_elements.front().uid; }
};

} // namespace meadows

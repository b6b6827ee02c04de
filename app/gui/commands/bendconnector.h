#pragma once
// Changes how a connector curves: its take-off angle, as XMILE stores it.
#include "geometrychange.h"

namespace meadows {

class BendConnectorCommand : public GeometryChangeCommand {
public:
    BendConnectorCommand(Document *document, int connectorUid, double angle, int dragId = 0);
};

// Sets or clears a connector's polarity ("+", "-", or empty) and delay mark.
class ConnectorMarksCommand : public GeometryChangeCommand {
public:
    ConnectorMarksCommand(Document *document, int connectorUid, const QString &polarity, bool delay);
};

bool hasDelayMark(const ViewElement &connector);

} // namespace meadows

#pragma once
// Room for loop markers: a loop too thin to hold its marker (a stock and its own flow
// joined by a gently bent connector) has its connectors bent further, each bend weighed
// by the router's own costs so that no name, body or sign is hit and no crossing is added;
// where no bend alone makes room, a name of the loop's variables may move to another side.
// Internal to the diagram library (connectorrouting.cpp runs it last).
#include <QSizeF>
#include <QStringList>
#include <vector>

namespace meadows::diagram::routing {

struct Router;

// `loops`: variable names in loop order, in the order the editor places their markers.
// `sides` (by box) gets the side of any name moved to make room; `sizes`: the names' sizes.
void makeRoomForLoopMarkers(Router &router, const std::vector<QStringList> &loops, std::vector<QString> &sides,
                            const std::vector<QSizeF> &sizes);

} // namespace meadows::diagram::routing

#pragma once
// Arrange → Tidy diagram as one undo step: the view tidied by diagram/tidy.h (near-aligned
// elements lined up, overlaps pushed apart, pipes and connectors following), measured with
// the editor's own label sizes.
#include "geometrychange.h"

namespace meadows {

class TidyDiagramCommand : public GeometryChangeCommand {
public:
    explicit TidyDiagramCommand(Document *document);
};

} // namespace meadows

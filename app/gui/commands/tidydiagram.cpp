#include "tidydiagram.h"

#include "diagram/tidy.h"
#include "document.h"
#include "scene/diagramstyle.h"

#include <QCoreApplication>

namespace meadows {

TidyDiagramCommand::TidyDiagramCommand(Document *document)
    : GeometryChangeCommand(document, 0, QCoreApplication::translate("TidyDiagramCommand", "Tidy Diagram"))
{
    const View &before = document->view();
    const View after = diagram::tidiedView(document->model(), before, &DiagramStyle::labelSize);
    for (std::size_t i = 0; i < after.elements.size(); ++i)
        if (after.elements[i].uid && after.elements[i] != before.elements[i])
            change(after.elements[i]);
}

} // namespace meadows

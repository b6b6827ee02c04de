#include "addconnector.h"

#include "document.h"
#include "model/names.h"

#include <QCoreApplication>

namespace meadows {

AddConnectorCommand::AddConnectorCommand(Document *document, const ConnectorEnd &from, const ConnectorEnd &to, double angle)
    : AddItemsCommand(document, QString())
{
    ViewElement e;
    e.type = ViewElement::Type::Connector;
    e.uid = document->newUid();
    e.from = from;
    e.to = to;
    e.angle = angle;
    m_elements.push_back(e);
    setText(QCoreApplication::translate("AddConnectorCommand", "Connect %1 to %2")
                .arg(displayName(from.name), displayName(to.name)));
}

} // namespace meadows

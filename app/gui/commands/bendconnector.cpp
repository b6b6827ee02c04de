#include "bendconnector.h"

#include "document.h"

#include <QCoreApplication>

namespace meadows {

static const QString kDelayAttribute = QStringLiteral("isee:delay_mark");

BendConnectorCommand::BendConnectorCommand(Document *document, int connectorUid, double angle, int dragId)
    : GeometryChangeCommand(document, dragId, QCoreApplication::translate("BendConnectorCommand", "Bend connector"))
{
    ViewElement e = current(connectorUid);
    if (!e.uid)
        return;
    e.angle = angle;
    change(e);
}

bool hasDelayMark(const ViewElement &connector)
{
    for (const XmlAttribute &a : connector.extras.attributes)
        if ((a.name == kDelayAttribute || a.name == QLatin1String("delay_mark")) && a.value == QLatin1String("true"))
            return true;
    return false;
}

ConnectorMarksCommand::ConnectorMarksCommand(Document *document, int connectorUid, const QString &polarity, bool delay)
    : GeometryChangeCommand(document, 0, QCoreApplication::translate("ConnectorMarksCommand", "Mark connector"))
{
    ViewElement e = current(connectorUid);
    if (!e.uid)
        return;
    e.polarity = polarity;
    auto &attrs = e.extras.attributes;
    std::erase_if(attrs, [](const XmlAttribute &a) { return a.name == kDelayAttribute || a.name == QLatin1String("delay_mark"); });
    if (delay)
        attrs.push_back({kDelayAttribute, QStringLiteral("true")});
    change(e);
}

} // namespace meadows

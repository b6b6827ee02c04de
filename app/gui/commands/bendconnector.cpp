#include "bendconnector.h"

#include "document.h"

#include <QCoreApplication>

namespace meadows {

// XMILE 1.0 (section 6.1.6, connectors) gives a connector an unprefixed delay_mark="true|false"
// beside polarity: that is what is written. Files Meadows wrote before used the isee-prefixed
// spelling, which is still read (and dropped when the mark is set again).
static const QString kDelayAttribute = QStringLiteral("delay_mark");
static const QString kOldDelayAttribute = QStringLiteral("isee:delay_mark");

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
        if ((a.name == kDelayAttribute || a.name == kOldDelayAttribute) && a.value == QLatin1String("true"))
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
    std::erase_if(attrs, [](const XmlAttribute &a) { return a.name == kDelayAttribute || a.name == kOldDelayAttribute; });
    if (delay)
        attrs.push_back({kDelayAttribute, QStringLiteral("true")});
    change(e);
}

} // namespace meadows

#pragma once
// A colour per variable that stays the same for the whole session, whichever charts and
// runs show it: people learn "orange is the queue".
#include <QColor>
#include <QHash>
#include <QString>

namespace meadows {

class SeriesColors {
public:
    QColor colorFor(const QString &variable);

private:
    QHash<QString, QColor> m_assigned;
};

} // namespace meadows

#include "seriescolors.h"

#include "model/meadowsxml.h"
#include "shownvariable.h"
#include "model/project.h"
#include "solver/flatmodel.h"

#include <algorithm>

namespace meadows {

const QList<QColor> &SeriesColors::palette()
{
    // Okabe, M. and Ito, K., "Color Universal Design" (2008): blue, vermillion, bluish green,
    // reddish purple, orange, sky blue, black. Neighbours in this order differ in hue and
    // lightness, so the first few never look alike.
    static const QList<QColor> colors{QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73),
                                      QColor(0xCC, 0x79, 0xA7), QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9),
                                      QColor(0x00, 0x00, 0x00)};
    return colors;
}

QColor SeriesColors::storedColor(const Variable &variable)
{
    const QString *value = findAttribute(variable.extras.attributes, QString::fromLatin1(kSeriesColorAttribute));
    const QColor color = value ? QColor::fromString(*value) : QColor();
    return color.isValid() ? color : QColor();
}

void SeriesColors::adopt(const Project &project)
{
    if (project.models.empty())
        return;
    for (const Variable &v : project.mainModel().variables)
        if (const QColor c = storedColor(v); c.isValid())
            m_assigned.insert(shownKey(v.name), c);
}

bool SeriesColors::has(const QString &variable) const
{
    return m_assigned.contains(variableKey(variable));
}

void SeriesColors::rename(const QString &oldName, const QString &newName)
{
    const QString from = shownKey(oldName); // names in the file, from the document
    if (m_assigned.contains(from))
        m_assigned.insert(shownKey(newName), m_assigned.take(from));
}

QColor SeriesColors::colorFor(const QString &variable)
{
    const QString key = variableKey(variable);
    if (auto it = m_assigned.constFind(key); it != m_assigned.constEnd())
        return *it;
    const QList<QColor> &colors = palette();
    QColor chosen;
    // The first palette colour no variable has; when all are taken, darker rounds of them.
    for (int round = 0; !chosen.isValid(); ++round) {
        for (const QColor &base : colors) {
            const QColor c = round == 0 ? base : base == Qt::black ? QColor(0x77, 0x77, 0x77) : base.darker(100 + 35 * round);
            const bool taken = std::any_of(m_assigned.cbegin(), m_assigned.cend(), [&](const QColor &used) { return used == c; });
            if (!taken) {
                chosen = c;
                break;
            }
        }
        if (round > 4 && !chosen.isValid())
            chosen = colors[m_assigned.size() % colors.size()]; // past 35 series: repeat
    }
    m_assigned.insert(key, chosen);
    return chosen;
}

} // namespace meadows

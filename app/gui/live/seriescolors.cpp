#include "seriescolors.h"

#include "solver/flatmodel.h"

namespace meadows {

QColor SeriesColors::colorFor(const QString &variable)
{
    // A palette that stays distinct for colour-blind readers (Okabe-Ito), then its
    // darker shades.
    static const QColor palette[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                     QColor(0xD5, 0x5E, 0x00), QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9),
                                     QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x00, 0x00)};
    constexpr int n = int(sizeof palette / sizeof palette[0]);
    const QString key = variableKey(variable);
    if (auto it = m_assigned.constFind(key); it != m_assigned.constEnd())
        return *it;
    const int index = int(m_assigned.size());
    QColor c = palette[index % n];
    if (index >= n)
        c = c.darker(100 + 40 * (index / n));
    m_assigned.insert(key, c);
    return c;
}

} // namespace meadows

#include "elementlook.h"

#include <cmath>

namespace meadows {

QFont labelFont(const ElementStyle &style)
{
    QFont font = DiagramStyle::current().font;
    if (!style.fontFamily.isEmpty())
        font.setFamily(style.fontFamily);
    if (style.fontPoints) // in pixels at 96 per inch, as the diagram's own font is sized
        font.setPixelSize(std::max(1, int(std::lround(*style.fontPoints * 96.0 / 72.0))));
    if (style.bold)
        font.setBold(*style.bold);
    if (style.italic)
        font.setItalic(*style.italic);
    if (style.underline)
        font.setUnderline(*style.underline);
    return font;
}

namespace {

QColor themed(const QString &value, const QColor &theme, const QColor &plain)
{
    if (value.isEmpty())
        return theme;
    const QColor c = QColor::fromString(value);
    if (!c.isValid() || c.rgb() == plain.rgb())
        return theme;
    if (!DiagramStyle::current().dark)
        return c;
    const QColor hsl = c.toHsl();
    return QColor::fromHsl(hsl.hslHue(), hsl.hslSaturation(), 255 - hsl.lightness(), hsl.alpha());
}

} // namespace

QColor lineColor(const QString &value, const QColor &theme)
{
    return themed(value, theme, Qt::black);
}

QColor fillColor(const QString &value, const QColor &theme)
{
    return themed(value, theme, Qt::white);
}

} // namespace meadows

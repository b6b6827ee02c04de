#include "diagramstyle.h"

#include "diagram/labelgeometry.h"

#include <QFontMetricsF>

namespace meadows {

DiagramStyle DiagramStyle::fromPalette(const QPalette &palette)
{
    DiagramStyle s;
    const QColor base = palette.color(QPalette::Base);
    s.dark = base.lightness() < 128;
    s.background = base;
    s.text = palette.color(QPalette::Text);
    s.selection = palette.color(QPalette::Highlight);
    if (s.dark) {
        s.grid = base.lighter(160);
        s.stockFill = QColor(0x26, 0x3a, 0x52);
        s.stockBorder = QColor(0x7f, 0xb2, 0xf0);
        s.auxFill = QColor(0x2b, 0x2f, 0x36);
        s.auxBorder = QColor(0x9a, 0xb8, 0xdc);
        s.pipe = QColor(0x7f, 0xb2, 0xf0);
        s.valve = QColor(0x33, 0x46, 0x5e);
        s.connector = QColor(0xf0, 0x7a, 0xa8);
        s.cloud = QColor(0xa0, 0xa8, 0xb4);
        s.alias = QColor(0xa0, 0xa8, 0xb4);
        s.hover = s.selection.lighter(130);
        s.error = QColor(0xff, 0x6b, 0x6b);
    } else {
        s.grid = base.darker(112);
        s.stockFill = QColor(0xee, 0xf4, 0xfb);
        s.stockBorder = QColor(0x2c, 0x5a, 0x8c);
        s.auxFill = QColor(0xff, 0xff, 0xff);
        s.auxBorder = QColor(0x2c, 0x5a, 0x8c);
        s.pipe = QColor(0x2c, 0x5a, 0x8c);
        s.valve = QColor(0xdc, 0xe8, 0xf5);
        s.connector = QColor(0xc2, 0x18, 0x5b);
        s.cloud = QColor(0x78, 0x84, 0x90);
        s.alias = QColor(0x78, 0x84, 0x90);
        s.hover = s.selection.lighter(150);
        s.error = QColor(0xc6, 0x28, 0x28);
    }
    // The diagram's own font (diagram/labelgeometry.h), not the desktop's: automatic layout
    // without a GUI sizes names for it, and exported pictures look the same everywhere.
    s.font = QFont(QString::fromLatin1(diagram::kLabelFontFamily));
    s.font.setPixelSize(diagram::kLabelFontPixels);
    return s;
}

static DiagramStyle &instance()
{
    static DiagramStyle style = DiagramStyle::fromPalette(QPalette());
    return style;
}

const DiagramStyle &DiagramStyle::current()
{
    return instance();
}

void DiagramStyle::setCurrent(const DiagramStyle &style)
{
    instance() = style;
}

QSizeF DiagramStyle::labelSize(const QString &text)
{
    return labelSizeIn(text, current().font);
}

QSizeF DiagramStyle::labelSizeIn(const QString &text, const QFont &font, double wrapWidth)
{
    const QFontMetricsF metrics(font);
    return metrics.boundingRect(QRectF(0, 0, wrapWidth, 1000), Qt::AlignHCenter | Qt::TextWordWrap, text).size();
}

} // namespace meadows

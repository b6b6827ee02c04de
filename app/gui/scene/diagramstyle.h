#pragma once
// Colours and pens of the diagram, taken from the application palette so that the
// diagram follows light and dark mode.
#include "diagram/labelgeometry.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QSizeF>
#include <QString>

namespace meadows {

struct DiagramStyle {
    QColor background, grid, text, stockFill, stockBorder, auxFill, auxBorder, pipe, valve,
        connector, cloud, selection, hover, alias, error;
    QFont font;
    bool dark = false;

    static DiagramStyle fromPalette(const QPalette &palette);
    // The style in use: updated by the scene when the palette changes.
    static const DiagramStyle &current();
    static void setCurrent(const DiagramStyle &style);
    // The size of a name label in the current font, word-wrapped as the items draw it
    // (a diagram::LabelMeasure for automatic layout).
    static QSizeF labelSize(const QString &text);
    // The same in another font (a file's, app/gui/scene/elementlook.h), wrapped at `wrapWidth`.
    static QSizeF labelSizeIn(const QString &text, const QFont &font, double wrapWidth = diagram::kLabelWidth);
};

} // namespace meadows

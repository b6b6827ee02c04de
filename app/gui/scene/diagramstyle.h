#pragma once
// Colours and pens of the diagram, taken from the application palette so that the
// diagram follows light and dark mode.
#include <QColor>
#include <QFont>
#include <QPalette>

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
};

} // namespace meadows

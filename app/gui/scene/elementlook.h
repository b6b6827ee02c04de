#pragma once
// How an element's own font and colours (a file's display attributes, model/viewstyle.h)
// are drawn in the editor's theme and in exported pictures.
//
// Black lines and text, and white fills, are every tool's defaults rather than a choice,
// so they are drawn in the theme's colours, which keeps a file's plain diagram readable in
// dark mode. Any other colour is drawn as the file gives it; in a dark theme with its
// lightness turned over, so that dark blue on white becomes light blue on dark grey.
#include "diagramstyle.h"
#include "model/viewstyle.h"

#include <QColor>
#include <QFont>

namespace meadows {

// The theme's diagram font with what the style changes: face, size, bold, italic, underline.
QFont labelFont(const ElementStyle &style);
// A line or text colour: `value` as a colour name or #rrggbb, else `theme`.
QColor lineColor(const QString &value, const QColor &theme);
// A fill colour: `value`, else `theme`.
QColor fillColor(const QString &value, const QColor &theme);

} // namespace meadows

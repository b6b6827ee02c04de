#pragma once
// Where a name label goes and how big it is: shared by the editor's items (which measure
// with the real font) and by automatic layout and its measurements (which may run without
// a GUI and then estimate the size). QtCore only.
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <functional>

namespace meadows::diagram {

constexpr double kLabelWidth = 90; // a name wraps at this width
constexpr double kLabelGap = 2;    // between a body and its label
// The diagram's font, in the editor and every picture it exports: fixed, so that a layout
// made without a GUI (estimateLabelSize) reserves what the editor then draws on any machine.
constexpr const char *kLabelFontFamily = "DejaVu Sans";
constexpr int kLabelFontPixels = 12; // 9 points at 96 dots per inch

// The size of a name as drawn (word-wrapped at kLabelWidth, centred).
using LabelMeasure = std::function<QSizeF(const QString &text)>;

// A GUI-free estimate of the size the editor's font (kLabelFontFamily at kLabelFontPixels)
// gives a label, never smaller than the real one in either direction: advance widths from
// DejaVu Sans' tables with bounds for kerning and rounding, and where those bounds leave
// open whether a word still fits its line, the widest and the tallest of both wraps.
QSizeF estimateLabelSize(const QString &text);
// The same estimate for any text word-wrapped at `width` (a text box's).
QSizeF estimateTextSize(const QString &text, double width);

// How a variable's name reads, to edit it: Stella's "\n" breaks lines, '_' reads as space.
QString editableLabel(const QString &name);
// How it is drawn: the same, shortened (below).
QString diagramLabel(const QString &name);
// A text of more than kLongestLabel characters, shortened in the middle ("…"), for the
// diagram and the charts' legends. Laying out a name of 100,000 characters took gigabytes
// (Qt Charts shortens a legend's text one character at a time); no name that long is read
// whole anyway.
constexpr qsizetype kLongestLabel = 160;
QString shortenedLabel(const QString &text);

// A variable's label beside its body ("top", "bottom", "left", "right", "center"), in the
// body's coordinates.
QRectF labelRectBeside(const QRectF &body, const QString &side, QSizeF text);
// A flow's label above, left or right of its valve, or below it (any other side). Automatic
// layout uses only top and bottom; a file may put the name of a vertical pipe's valve beside it.
QRectF flowLabelRect(QPointF valve, const QString &side, QSizeF text);

} // namespace meadows::diagram

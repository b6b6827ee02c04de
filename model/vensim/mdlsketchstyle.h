#pragma once
// The fonts and colours of Vensim's sketch, as XMILE's display attributes (model/viewstyle.h).
//
// Vensim's reference ("Sketch Information") shows each view's defaults on its '$' line:
//   $192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0
// read here as the font (face|size|attributes|colour), then the colours of boxes, arrows,
// fills and the background; a colour is red-green-blue, -1--1--1 for none. A word's line
// ends "...,hasf,tpos,bw,nav1,nav2,box,fill,font", and hasf says which of those differ from
// the view's. Vensim documents hasf's bits for arrows only; for words they were read off
// files whose sketches show them: 1 the box's colour, 2 the text's, 4 the fill, 8 the font
// size, 16 its attributes (B, I, U), 32 its face.
#include "model/xmlnode.h"

#include <QStringList>
#include <QStringView>

namespace meadows::vensim {

// "#rrggbb" for Vensim's "r-g-b"; empty for -1--1--1 or anything unreadable.
QString colorFromVensim(QStringView rgb);

// How much to scale the sketch's font sizes so that text keeps its size against the
// sketch's coordinates, from the '$' line's pixels per inch (ppix): Vensim draws a point as
// ppix/72 of its units, Meadows, like Stella, as 96/72 of them. A sketch saved at 72 ppi
// (many older models) draws 12-point text 12 units high, not 16.
double sketchFontScale(QStringView line);

// The <style> of a view from its '$' line (without the '$'): its font and its colours,
// with the arrows' colour in a <connector> child. An element named "style" with no
// attribute when the line says nothing readable.
XmlNode viewStyleFromVensim(QStringView line);

// The attributes that set what a word's line (type 10, 11 or 12, split at its commas)
// changes from its view's style.
XmlAttributes wordStyleFromVensim(const QStringList &fields, double fontScale);

// The attributes an arrow's line (type 1, split at its commas) sets: its colour.
XmlAttributes arrowStyleFromVensim(const QStringList &fields);

} // namespace meadows::vensim

#pragma once
// One line of Vensim's sketch, before it means anything: its fields, an arrow's points, and
// the older layout (V160) written as V300's (model/vensim/mdlsketch.cpp reads them).
#include <QPointF>
#include <QSet>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace meadows::vensim {

// A sketch line's comma-separated fields; a quoted name may hold commas.
QStringList fields(QStringView line);
// "(x,y)|(x,y)|" after the '|' of an arrow line.
std::vector<QPointF> points(QStringView tail);
// The canonical names of the variables the sketch shows only hidden (the tenth field of each
// of their "10," lines set), from the sketch at `begin` in `text`.
QSet<QString> namesShownOnlyHidden(const QString &text, qsizetype begin);
// A V160 line as V300 writes it; empty for a line that says nothing to draw. arrowId numbers
// the arrows, which V160 does not.
QString asVersion300(QStringView line, int &arrowId);

} // namespace meadows::vensim

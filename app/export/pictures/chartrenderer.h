#pragma once
// A chart of a run's variables over time as a picture, drawn with Qt Charts without a
// window (the postmortem page's behaviour charts).
#include <QImage>
#include <QStringList>

namespace meadows {

struct Results;
class SeriesColors;

struct ChartPicture {
    QString title;
    QStringList variables; // display names, columns of the results
    QString yTitle;        // the variables' units, if any
    QString timeUnits;
};

// `size` in logical pixels; the image has size * scale pixels.
QImage renderChart(const Results &results, const ChartPicture &chart, SeriesColors &colors,
                   QSize size = QSize(720, 320), double scale = 2);

} // namespace meadows

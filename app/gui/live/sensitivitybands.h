#pragma once
// Sensitivity bands in a Qt chart: each PlotBand as two shaded areas (5–95 % light, 25–75 %
// darker) and its median dotted, kept apart from the chart's line series so that the
// Results chart's own series handling never sees them.
#include "plotview.h"

class QAbstractAxis;
class QChart;

namespace meadows {

// The bands of the charted variables: for each series of the current run whose variable
// has "NAME:p5" ... "NAME:p95" columns in `bands`, one PlotBand in the series' colour.
QList<PlotBand> bandsForSeries(const std::shared_ptr<const Results> &bands, const QList<PlotSeries> &series);

// Replaces the bands drawn in `chart` by `bands`, attached to its axes.
void drawBands(QChart *chart, QAbstractAxis *x, QAbstractAxis *y, const QList<PlotBand> &bands);
// Widens [lo, hi] to hold the bands' values.
void widenForBands(const QList<PlotBand> &bands, double &lo, double &hi);
// The edge of a band drawn in `chart` (percentile 5, 25, 50, 75 or 95); empty when none.
QList<QPointF> drawnBandEdge(const QChart *chart, const QString &variable, int percentile);

} // namespace meadows

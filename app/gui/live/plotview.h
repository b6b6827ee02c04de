#pragma once
// What the workspace needs from a chart, and nothing more, so that the charting library
// (Qt Charts today; Qt Graphs replaces it in newer Qt) can be swapped behind it.
#include <QColor>
#include <QString>
#include <QWidget>
#include <memory>

namespace meadows {

struct Results;

struct PlotSeries {
    QString name;        // the legend's text
    QColor color;
    std::shared_ptr<const Results> results; // the run it comes from
    int column = -1;     // in results
    bool ghost = false;  // a previous or saved run, drawn faint and dashed
    QString variable;    // whose series it is: a run and its ghosts share a chart; empty: name
    QString units;       // series of different units never share an axis
};

// A sensitivity run's spread around a charted variable: shaded between its 5th and 95th
// and its 25th and 75th percentiles over the runs, the median dotted.
struct PlotBand {
    QString variable; // the charted variable (PlotSeries::variable) it surrounds
    QColor color;
    std::shared_ptr<const Results> results; // Time, then the percentile columns
    int columns[5] = {-1, -1, -1, -1, -1}; // of p5, p25, p50, p75, p95 in results
};

class PlotView : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    ~PlotView() override = default;

    virtual void setSeries(const QList<PlotSeries> &series) = 0;
    virtual void setTimeUnits(const QString &units) = 0;
    virtual void setLogScale(bool on) = 0;
    virtual bool logScale() const = 0;
    // Greyed: the results shown are from the last good run, the model now has errors.
    virtual void setStale(bool stale) = 0;
    // The points a series currently draws (after decimation), for tests and export.
    virtual QList<QPointF> points(const QString &name) const = 0;
    virtual QColor seriesColor(const QString &name) const = 0;

    // One chart with one value axis for every series, or (the default) a chart per group of
    // like series, stacked on one time axis, when their units or sizes differ.
    virtual void setSharedAxis(bool shared) = 0;
    virtual bool sharedAxis() const = 0;
    // How many charts are stacked, and which one a series is in (-1: not drawn).
    virtual int paneCount() const = 0;
    virtual int paneOf(const QString &name) const = 0;
    // The value axis of a chart: its range and the step between its ticks.
    virtual QList<double> valueTicks(int pane) const = 0;

    // A vertical line at a time, with each series' value there read out; NaN hides it. The
    // pointer over a chart shows its own cursor while it hovers.
    virtual void setTimeCursor(double time) = 0;
    virtual double timeCursor() const = 0;
    virtual QString readout() const = 0;

    // Sensitivity bands, drawn in the chart of their variable's series (not on a log scale).
    virtual void setBands(const QList<PlotBand> &bands) = 0;
    // A band's edge as drawn: percentile 5, 25, 50, 75 or 95; empty when not drawn.
    virtual QList<QPointF> bandPoints(const QString &variable, int percentile) const = 0;
};

// The Qt Charts implementation.
std::unique_ptr<PlotView> createPlotView(QWidget *parent = nullptr);

} // namespace meadows

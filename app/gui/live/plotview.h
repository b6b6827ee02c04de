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
};

// The Qt Charts implementation.
std::unique_ptr<PlotView> createPlotView(QWidget *parent = nullptr);

} // namespace meadows

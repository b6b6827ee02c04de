#include "sensitivitybands.h"

#include "diagram/labelgeometry.h"
#include "solver/analysis/sensitivity.h"
#include "solver/simulation.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <cmath>

namespace meadows {

namespace {
// Bands are told apart from the chart's own series by their object name.
const QString kBandTag = QStringLiteral("meadows-band:");

QList<QPointF> column(const Results &r, int c)
{
    QList<QPointF> points;
    // A band is smooth: a few thousand points draw it faithfully.
    const std::size_t stride = std::max<std::size_t>(1, r.rows() / 4000);
    for (std::size_t row = 0; row < r.rows(); row += stride)
        points << QPointF(r.at(row, 0), r.at(row, std::size_t(c)));
    if (r.rows() > 0 && (r.rows() - 1) % stride != 0)
        points << QPointF(r.at(r.rows() - 1, 0), r.at(r.rows() - 1, std::size_t(c)));
    return points;
}

int percentileIndex(int percentile)
{
    for (int i = 0; i < 5; ++i)
        if (kBandPercentiles[i] == percentile)
            return i;
    return -1;
}
} // namespace

QList<PlotBand> bandsForSeries(const std::shared_ptr<const Results> &bands, const QList<PlotSeries> &series)
{
    QList<PlotBand> out;
    if (!bands)
        return out;
    QStringList done;
    for (const PlotSeries &s : series) {
        const QString variable = s.variable.isEmpty() ? s.name : s.variable;
        if (s.ghost || done.contains(variable))
            continue;
        PlotBand band{variable, s.color, bands, {}};
        bool complete = true;
        for (int i = 0; i < 5; ++i) {
            band.columns[i] = bands->column(QStringLiteral("%1:p%2").arg(variable).arg(kBandPercentiles[i]));
            complete = complete && band.columns[i] > 0;
        }
        if (complete) {
            out << band;
            done << variable;
        }
    }
    return out;
}

void drawBands(QChart *chart, QAbstractAxis *x, QAbstractAxis *y, const QList<PlotBand> &bands)
{
    for (QAbstractSeries *s : chart->series())
        if (s->objectName().startsWith(kBandTag)) {
            chart->removeSeries(s);
            delete s;
        }
    for (const PlotBand &band : bands) {
        const Results &r = *band.results;
        const auto add = [&](int upper, int lower, const QString &name, QPen pen, QBrush brush) {
            auto *top = new QLineSeries;
            top->replace(column(r, band.columns[upper]));
            auto *bottom = new QLineSeries;
            bottom->replace(column(r, band.columns[lower]));
            auto *area = new QAreaSeries(top, bottom);
            top->setParent(area);
            bottom->setParent(area);
            area->setObjectName(kBandTag + band.variable + QLatin1Char(':') + QString::number(upper) + QString::number(lower));
            area->setName(diagram::shortenedLabel(name));
            area->setPen(pen);
            area->setBrush(brush);
            chart->addSeries(area);
            area->attachAxis(x);
            area->attachAxis(y);
            for (QLegendMarker *m : chart->legend()->markers(area))
                m->setVisible(false);
        };
        QColor light = band.color, dark = band.color;
        light.setAlphaF(0.16);
        dark.setAlphaF(0.30);
        add(4, 0, QStringLiteral("%1 5–95 %").arg(band.variable), Qt::NoPen, light);
        add(3, 1, QStringLiteral("%1 25–75 %").arg(band.variable), Qt::NoPen, dark);
        QPen median(band.color.darker(130), 1.2, Qt::DotLine);
        add(2, 2, QStringLiteral("%1 median").arg(band.variable), median, Qt::NoBrush);
    }
}

void widenForBands(const QList<PlotBand> &bands, double &lo, double &hi)
{
    for (const PlotBand &band : bands)
        for (int i : {0, 4})
            for (std::size_t row = 0; row < band.results->rows(); ++row) {
                const double v = band.results->at(row, std::size_t(band.columns[i]));
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            }
}

QList<QPointF> drawnBandEdge(const QChart *chart, const QString &variable, int percentile)
{
    const int index = percentileIndex(percentile);
    if (index < 0)
        return {};
    // The areas are named by their upper and lower edges' indices: 40, 31 and 22.
    const int upper = index >= 2 ? index : 4 - index;
    const int lower = 4 - upper;
    const QString name = kBandTag + variable + QLatin1Char(':') + QString::number(upper) + QString::number(lower);
    for (QAbstractSeries *s : chart->series())
        if (s->objectName() == name) {
            const auto *area = static_cast<const QAreaSeries *>(s);
            return (index >= 2 ? area->upperSeries() : area->lowerSeries())->points();
        }
    return {};
}

} // namespace meadows

#include "export/pictures/chartrenderer.h"

#include "live/seriescolors.h"
#include "solver/simulation.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>
#include <cmath>

namespace meadows {

QImage renderChart(const Results &results, const ChartPicture &picture, SeriesColors &colors, QSize size, double scale)
{
    auto *chart = new QChart; // owned by the view
    chart->setTitle(picture.title);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->legend()->setVisible(picture.variables.size() > 1);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *x = new QValueAxis;
    x->setTitleText(picture.timeUnits.isEmpty() ? QStringLiteral("Time") : QStringLiteral("Time (%1)").arg(picture.timeUnits));
    x->setLabelFormat(QStringLiteral("%.6g"));
    auto *y = new QValueAxis;
    y->setTitleText(picture.yTitle);
    y->setLabelFormat(QStringLiteral("%.6g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double low = INFINITY, high = -INFINITY;
    for (const QString &name : picture.variables) {
        const int column = results.column(name);
        if (column < 0)
            continue;
        auto *series = new QLineSeries;
        series->setName(name);
        QList<QPointF> points;
        points.reserve(qsizetype(results.rows()));
        for (std::size_t r = 0; r < results.rows(); ++r) {
            const double v = results.at(r, std::size_t(column));
            if (!std::isfinite(v))
                continue;
            points.append(QPointF(results.at(r, 0), v));
            low = std::min(low, v);
            high = std::max(high, v);
        }
        series->replace(points);
        series->setPen(QPen(colors.colorFor(name), 2));
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    if (results.rows() > 0)
        x->setRange(results.at(0, 0), results.at(results.rows() - 1, 0));
    if (low <= high) {
        // Some room above and below, and a flat line still gets an axis that reads.
        // A quantity that never goes below zero keeps zero as its floor.
        const double pad = high > low ? (high - low) * 0.05 : std::max(1.0, std::fabs(high) * 0.1);
        y->setRange(low >= 0 ? std::max(0.0, low - pad) : low - pad, high + pad);
        y->applyNiceNumbers();
    }
    chart->setBackgroundBrush(Qt::white);
    QChartView view(chart);
    view.setFrameShape(QFrame::NoFrame);
    view.setBackgroundBrush(Qt::white);
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(size);
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    view.QWidget::render(&painter, QPoint(), QRegion(), QWidget::DrawChildren); // the widget, not the scene
    return image;
}

} // namespace meadows

#include "export/pictures/smallmultiples.h"

#include "live/chartscale.h"
#include "live/decimation.h"
#include "live/seriescolors.h"
#include "solver/simulation.h"

#include <QColor>
#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows {

namespace {

// The page's geometry, in SVG user units (pixels at 100 %).
constexpr double kWidth = 720;
constexpr double kLeft = 70;       // room for the value labels
constexpr double kRight = 16;
constexpr double kLegend = 26;     // the key to solid and dashed lines, on top
constexpr double kTitle = 20;      // each chart's name above it
constexpr double kPlot = 88;       // each chart's plotting height: four or five ticks read
constexpr double kGap = 12;
constexpr double kTimeAxis = 44;   // time labels and the axis title, under the last chart
constexpr int kValueTicks = 4;
constexpr int kTimeTicks = 8;

QString px(double v)
{
    return QString::number(v, 'f', 2);
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// The finite points of one column, thinned to what the chart's width can show.
QList<QPointF> pointsOf(const Results &r, int column, int pixels)
{
    if (column <= 0 || std::size_t(column) >= r.columns || r.rows() == 0)
        return {};
    return decimate(r.data.data(), r.data.data() + column, r.rows(), r.columns, pixels);
}

void widen(double &lo, double &hi, const QList<QPointF> &points, bool time)
{
    for (const QPointF &p : points) {
        const double v = time ? p.x() : p.y();
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
}

// A polyline, broken where a value is not finite.
QString pathData(const QList<QPointF> &points, const auto &toX, const auto &toY)
{
    QString d;
    bool pen = false;
    for (const QPointF &p : points) {
        if (!std::isfinite(p.y()) || !std::isfinite(p.x())) {
            pen = false;
            continue;
        }
        d += (pen ? QLatin1String("L") : QLatin1String("M")) + px(toX(p.x())) + u',' + px(toY(p.y())) + u' ';
        pen = true;
    }
    return d.trimmed();
}

} // namespace

QByteArray smallMultiplesSvg(const SmallMultiplesPicture &picture, SeriesColors &colors)
{
    const double plotWidth = kWidth - kLeft - kRight;
    const int pixels = int(plotWidth);
    const bool withBaseline = picture.baseline != nullptr;
    const double top = kLegend;
    const double height = top + double(picture.charts.size()) * (kTitle + kPlot + kGap) + kTimeAxis;

    // One time axis for all: the union of both runs' spans.
    std::vector<QList<QPointF>> runs, baselines;
    double t0 = std::numeric_limits<double>::infinity(), t1 = -t0;
    for (const SmallMultiple &chart : picture.charts) {
        runs.push_back(picture.run ? pointsOf(*picture.run, picture.run->column(chart.variable), pixels) : QList<QPointF>());
        baselines.push_back(withBaseline ? pointsOf(*picture.baseline, picture.baseline->column(chart.variable), pixels)
                                         : QList<QPointF>());
        widen(t0, t1, runs.back(), true);
        widen(t0, t1, baselines.back(), true);
    }
    if (!(t0 <= t1))
        t0 = t1 = 0;
    if (t1 == t0)
        t1 = t0 + 1;
    const auto toX = [&](double t) { return kLeft + (t - t0) / (t1 - t0) * plotWidth; };
    const NiceScale time = niceScale(t0, t1, kTimeTicks);

    QString svg;
    svg += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                          "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"11\">\n")
               .arg(px(kWidth), px(height));
    svg += QStringLiteral("<title>%1</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n").arg(escaped(picture.title));

    // The key: what solid and dashed mean.
    svg += QStringLiteral("<g class=\"legend\" fill=\"#333333\">\n"
                          "<line x1=\"%1\" y1=\"13\" x2=\"%2\" y2=\"13\" stroke=\"#333333\" stroke-width=\"2\"/>"
                          "<text x=\"%3\" y=\"17\">%4</text>\n")
               .arg(px(kLeft), px(kLeft + 24), px(kLeft + 30), escaped(picture.runLabel));
    if (withBaseline)
        svg += QStringLiteral("<line x1=\"%1\" y1=\"13\" x2=\"%2\" y2=\"13\" stroke=\"#333333\" stroke-width=\"1.5\" "
                              "stroke-dasharray=\"6 4\"/><text x=\"%3\" y=\"17\">%4</text>\n")
                   .arg(px(kLeft + 300), px(kLeft + 324), px(kLeft + 330), escaped(picture.baselineLabel));
    svg += QStringLiteral("</g>\n");

    for (std::size_t i = 0; i < picture.charts.size(); ++i) {
        const SmallMultiple &chart = picture.charts[i];
        const double chartTop = top + double(i) * (kTitle + kPlot + kGap);
        const double plotTop = chartTop + kTitle, plotBottom = plotTop + kPlot;
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        widen(lo, hi, runs[i], false);
        widen(lo, hi, baselines[i], false);
        if (!(lo <= hi))
            lo = hi = 0;
        // A quantity that never goes below zero keeps zero at the bottom, as the live chart does.
        const NiceScale value = niceScale(lo >= 0 ? std::min(lo, 0.0) : lo, hi, kValueTicks);
        const auto toY = [&](double v) { return plotBottom - (v - value.min) / (value.max - value.min) * kPlot; };
        const QString color = colors.colorFor(chart.variable).name();

        svg += QStringLiteral("<g class=\"chart\" data-variable=\"%1\">\n").arg(escaped(chart.variable));
        const QString name = chart.units.isEmpty() ? chart.variable : QStringLiteral("%1 (%2)").arg(chart.variable, chart.units);
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"12\" font-weight=\"bold\" fill=\"#222222\">%3</text>\n")
                   .arg(px(kLeft), px(chartTop + 14), escaped(name));
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" stroke=\"#bbbbbb\"/>\n")
                   .arg(px(kLeft), px(plotTop), px(plotWidth), px(kPlot));
        // Value grid and labels.
        for (double v = value.min; v <= value.max + value.step * 1e-6; v += value.step) {
            const double y = toY(v);
            svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#e4e4e4\"/>"
                                  "<text class=\"value-tick\" x=\"%4\" y=\"%2\" text-anchor=\"end\" dominant-baseline=\"middle\" "
                                  "fill=\"#444444\">%5</text>\n")
                       .arg(px(kLeft), px(y), px(kLeft + plotWidth), px(kLeft - 6), tickText(v, value.step));
        }
        // Time grid, shared by every chart; labelled under the last.
        const bool last = i + 1 == picture.charts.size();
        for (double t = std::ceil(t0 / time.step - 1e-9) * time.step; t <= t1 + time.step * 1e-6; t += time.step) {
            const double x = toX(t);
            svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#e4e4e4\"/>\n").arg(px(x), px(plotTop), px(plotBottom));
            if (last)
                svg += QStringLiteral("<text class=\"time-tick\" x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"#444444\">%3</text>\n")
                           .arg(px(x), px(plotBottom + 15), tickText(t, time.step));
        }
        if (!baselines[i].isEmpty())
            svg += QStringLiteral("<path class=\"baseline\" d=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"1.5\" "
                                  "stroke-dasharray=\"6 4\" stroke-opacity=\"0.8\"/>\n")
                       .arg(pathData(baselines[i], toX, toY), color);
        if (!runs[i].isEmpty())
            svg += QStringLiteral("<path class=\"run\" d=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"2\" "
                                  "stroke-linejoin=\"round\"/>\n")
                       .arg(pathData(runs[i], toX, toY), color);
        svg += QStringLiteral("</g>\n");
    }
    const double axisTop = top + double(picture.charts.size()) * (kTitle + kPlot + kGap) - kGap;
    const QString timeTitle = picture.timeUnits.isEmpty() ? QStringLiteral("Time") : QStringLiteral("Time (%1)").arg(picture.timeUnits);
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"#222222\">%3</text>\n")
               .arg(px(kLeft + plotWidth / 2), px(axisTop + 36), escaped(timeTitle));
    svg += QStringLiteral("</svg>\n");
    return svg.toUtf8();
}

} // namespace meadows

#include "export/pictures/bifurcationpicture.h"

#include "live/chartscale.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows {

namespace {

// The picture's geometry, in SVG user units, like the behaviour picture's (smallmultiples.cpp).
constexpr double kWidth = 720;
constexpr double kLeft = 70;
constexpr double kRight = 16;
constexpr double kLegend = 26;
constexpr double kTitle = 20;
constexpr double kPlot = 220;
constexpr double kGap = 14;
constexpr double kAxis = 44;
constexpr const char *kStable = "#1f5fa8";
constexpr const char *kUnstable = "#c23b22";
constexpr const char *kFold = "#202020";
constexpr const char *kHopf = "#d48a00";

QString px(double v) { return QString::number(v, 'f', 2); }
QString number(double v) { return QString::number(v, 'g', 6); }

struct Stretch {
    bool stable = false;
    std::vector<std::pair<double, double>> points; // (parameter, stock)
};

// A branch cut where its stability changes. Where it changes between two grid values, the
// stretches meet halfway (where exactly is not known), so the branch is drawn unbroken.
std::vector<Stretch> stretchesOf(const std::vector<BranchPoint> &branch, std::size_t stock)
{
    std::vector<Stretch> out;
    for (const BranchPoint &p : branch) {
        const bool stable = p.stability == Stability::Stable;
        const std::pair<double, double> here{p.value, p.stocks[stock]};
        if (!out.empty() && out.back().stable != stable) {
            const auto &last = out.back().points.back();
            const std::pair<double, double> middle{0.5 * (last.first + here.first), 0.5 * (last.second + here.second)};
            out.back().points.push_back(middle);
            out.push_back({stable, {middle}});
        } else if (out.empty()) {
            out.push_back({stable, {}});
        }
        out.back().points.push_back(here);
    }
    return out;
}

} // namespace

QString bifurcationMarkLabel(const QString &kind, const Continuation &c, const SpecialPoint &p, std::size_t stock)
{
    return QStringLiteral("%1: %2 = %3, %4 = %5").arg(kind, c.parameter, number(p.value), c.stockNames[stock], number(p.stocks[stock]));
}

QByteArray bifurcationSvg(const Continuation &c, const std::vector<std::size_t> &stocks, const QString &title)
{
    const double plotWidth = kWidth - kLeft - kRight;
    const double height = kLegend + double(stocks.size()) * (kTitle + kPlot + kGap) + kAxis;
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0;
    const auto widenX = [&](double v) {
        if (std::isfinite(v)) {
            x0 = std::min(x0, v);
            x1 = std::max(x1, v);
        }
    };
    for (const auto &branch : c.branches)
        for (const BranchPoint &p : branch)
            widenX(p.value);
    for (const auto *list : {&c.folds, &c.hopf})
        for (const SpecialPoint &p : *list)
            widenX(p.value);
    if (!(x0 <= x1))
        x0 = x1 = 0;
    const NiceScale xs = niceScale(x0, x1 > x0 ? x1 : x0 + 1, 8);
    const auto toX = [&](double v) { return kLeft + (v - xs.min) / (xs.max - xs.min) * plotWidth; };

    QString svg;
    svg += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                          "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"11\">\n")
               .arg(px(kWidth), px(height));
    svg += QStringLiteral("<title>%1</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n").arg(title.toHtmlEscaped());
    svg += QStringLiteral("<g class=\"legend\" fill=\"#333333\">\n"
                          "<line x1=\"%1\" y1=\"13\" x2=\"%2\" y2=\"13\" stroke=\"%3\" stroke-width=\"2.2\"/><text x=\"%4\" y=\"17\">stable</text>\n"
                          "<line x1=\"%5\" y1=\"13\" x2=\"%6\" y2=\"13\" stroke=\"%7\" stroke-width=\"2.2\" stroke-dasharray=\"7 4\"/>"
                          "<text x=\"%8\" y=\"17\">unstable or saddle</text>\n</g>\n")
               .arg(px(kLeft), px(kLeft + 24), QLatin1String(kStable), px(kLeft + 30), px(kLeft + 110), px(kLeft + 134),
                    QLatin1String(kUnstable), px(kLeft + 140));

    for (std::size_t k = 0; k < stocks.size(); ++k) {
        const std::size_t stock = stocks[k];
        if (stock >= c.stockNames.size())
            continue;
        const double top = kLegend + double(k) * (kTitle + kPlot + kGap);
        const double plotTop = top + kTitle, plotBottom = plotTop + kPlot;
        double lo = 0, hi = -std::numeric_limits<double>::infinity(); // zero at the bottom, as the editor's chart
        for (const auto &branch : c.branches)
            for (const BranchPoint &p : branch)
                if (std::isfinite(p.stocks[stock])) {
                    lo = std::min(lo, p.stocks[stock]);
                    hi = std::max(hi, p.stocks[stock]);
                }
        if (!(hi > lo))
            hi = lo + 1;
        const NiceScale ys = niceScale(lo, hi + 0.08 * (hi - lo), 6); // room above the top for a label
        const auto toY = [&](double v) { return plotBottom - (v - ys.min) / (ys.max - ys.min) * kPlot; };

        svg += QStringLiteral("<g class=\"chart\" data-stock=\"%1\">\n").arg(c.stockNames[stock].toHtmlEscaped());
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"12\" font-weight=\"bold\" fill=\"#222222\">%3</text>\n")
                   .arg(px(kLeft), px(top + 14), QStringLiteral("Equilibria of %1").arg(c.stockNames[stock]).toHtmlEscaped());
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" stroke=\"#bbbbbb\"/>\n")
                   .arg(px(kLeft), px(plotTop), px(plotWidth), px(kPlot));
        for (double v = ys.min; v <= ys.max + ys.step * 1e-6; v += ys.step)
            svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#e4e4e4\"/>"
                                  "<text class=\"value-tick\" x=\"%4\" y=\"%2\" text-anchor=\"end\" dominant-baseline=\"middle\" "
                                  "fill=\"#444444\">%5</text>\n")
                       .arg(px(kLeft), px(toY(v)), px(kLeft + plotWidth), px(kLeft - 6), tickText(v, ys.step));
        const bool last = k + 1 == stocks.size();
        for (double v = xs.min; v <= xs.max + xs.step * 1e-6; v += xs.step) {
            svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#e4e4e4\"/>\n").arg(px(toX(v)), px(plotTop), px(plotBottom));
            if (last)
                svg += QStringLiteral("<text class=\"parameter-tick\" x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"#444444\">%3</text>\n")
                           .arg(px(toX(v)), px(plotBottom + 15), tickText(v, xs.step));
        }
        for (std::size_t b = 0; b < c.branches.size(); ++b) {
            for (const Stretch &s : stretchesOf(c.branches[b], stock)) {
                if (s.points.size() < 2)
                    continue;
                QString d;
                for (const auto &[value, level] : s.points)
                    d += (d.isEmpty() ? QLatin1String("M") : QLatin1String(" L")) + px(toX(value)) + u',' + px(toY(level));
                svg += QStringLiteral("<path class=\"%1\" data-branch=\"%2\" d=\"%3\" fill=\"none\" stroke=\"%4\" stroke-width=\"2.2\"%5/>\n")
                           .arg(s.stable ? QLatin1String("stable") : QLatin1String("unstable"))
                           .arg(b)
                           .arg(d, QLatin1String(s.stable ? kStable : kUnstable),
                                s.stable ? QString() : QStringLiteral(" stroke-dasharray=\"7 4\""));
            }
        }
        // Each mark's label above it, kept inside the plot.
        const auto label = [&](const SpecialPoint &p, const QString &kind, const char *cls, const char *color) {
            const double x = toX(p.value), y = toY(p.stocks[stock]);
            const QString words = bifurcationMarkLabel(kind, c, p, stock);
            const double width = 6.2 * double(words.size());
            const double left = std::clamp(x - width / 2, kLeft + 2, std::max(kLeft + 2, kLeft + plotWidth - width - 2));
            const double ty = y - 12 < plotTop + 10 ? y + 20 : y - 12;
            svg += QStringLiteral("<text class=\"%1-label\" x=\"%2\" y=\"%3\" fill=\"%4\">%5</text>\n")
                       .arg(QLatin1String(cls), px(left), px(ty), QLatin1String(color), words.toHtmlEscaped());
        };
        for (const SpecialPoint &p : c.folds) {
            svg += QStringLiteral("<circle class=\"fold\" cx=\"%1\" cy=\"%2\" r=\"5.5\" fill=\"%3\" stroke=\"#ffffff\"/>\n")
                       .arg(px(toX(p.value)), px(toY(p.stocks[stock])), QLatin1String(kFold));
            label(p, QStringLiteral("tipping point (fold)"), "fold", kFold);
        }
        for (const SpecialPoint &p : c.hopf) {
            svg += QStringLiteral("<rect class=\"hopf\" x=\"%1\" y=\"%2\" width=\"10\" height=\"10\" fill=\"%3\" stroke=\"#ffffff\"/>\n")
                       .arg(px(toX(p.value) - 5), px(toY(p.stocks[stock]) - 5), QLatin1String(kHopf));
            label(p, QStringLiteral("Hopf"), "hopf", kHopf);
        }
        svg += QStringLiteral("</g>\n");
    }
    const double axisTop = kLegend + double(stocks.size()) * (kTitle + kPlot + kGap) - kGap;
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"#222222\">%3</text>\n")
               .arg(px(kLeft + plotWidth / 2), px(axisTop + 36), c.parameter.toHtmlEscaped());
    svg += QStringLiteral("</svg>\n");
    return svg.toUtf8();
}

} // namespace meadows

#include "chartscale.h"

#include "model/names.h"
#include "solver/flatmodel.h"

#include <QHash>
#include <algorithm>
#include <cmath>

namespace meadows {

NiceScale niceScale(double lo, double hi, int maxTicks)
{
    if (!(hi > lo)) {
        const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    const double raw = (hi - lo) / std::max(1, maxTicks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * magnitude >= raw * (1 - 1e-9)) {
            step = m * magnitude;
            break;
        }
    }
    // Rounding the ends out may need one step more than maxTicks: then the next nice step.
    NiceScale s{std::floor(lo / step + 1e-9) * step, std::ceil(hi / step - 1e-9) * step, step};
    if ((s.max - s.min) / step > maxTicks + 0.5) {
        const double next = step * (std::fabs(step / magnitude - 2) < 1e-9 ? 2.5 : 2);
        s = {std::floor(lo / next + 1e-9) * next, std::ceil(hi / next - 1e-9) * next, next};
    }
    return s;
}

QString tickLabelFormat(double step)
{
    const int decimals = step >= 1 ? 0 : std::clamp(int(std::ceil(-std::log10(step) - 1e-9)), 0, 9);
    return QStringLiteral("%.%1f").arg(decimals);
}

QString tickText(double value, double step)
{
    const QString text = QString::asprintf(qPrintable(tickLabelFormat(step)), value);
    // printf keeps the sign of a value that rounds to zero (-0.04 at one decimal is "-0.0").
    const bool zero = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c == u'0' || c == u'.' || c == u'-'; });
    return zero ? QStringLiteral("0") : text;
}

QString readoutText(double value, int digits)
{
    return QString::number(value == 0 ? 0.0 : value, 'g', digits); // -0.0 == 0: no "-0"
}

std::vector<int> groupSeries(const std::vector<SeriesShape> &series)
{
    // One entry per variable and size: its units and the largest size its series reach. The
    // runs of one variable share an entry unless they are more than tenfold apart (a saved
    // retry storm's backlog of 5,000 would flatten the recovering one that peaks at 90).
    struct Variable {
        QString units;
        double peak = 0;
        int group = -1;
    };
    QHash<QString, QList<int>> index; // variable key -> its entries in variables
    std::vector<Variable> variables;
    std::vector<int> entryOf; // per series
    const auto within = [](double a, double b) { return a == 0 || b == 0 || (std::max(a, b) <= 10 * std::min(a, b)); };
    for (const SeriesShape &s : series) {
        QList<int> &entries = index[variableKey(s.variable)];
        const double peak = std::fabs(s.peak);
        int entry = -1;
        for (int e : std::as_const(entries))
            if (entry < 0 && within(variables[std::size_t(e)].peak, peak))
                entry = e;
        if (entry < 0) {
            entry = int(variables.size());
            entries << entry;
            variables.push_back({canonicalName(s.units), 0, -1});
        }
        variables[std::size_t(entry)].peak = std::max(variables[std::size_t(entry)].peak, peak);
        entryOf.push_back(entry);
    }
    // Largest first, each joins the first chart of its units whose largest is within tenfold.
    std::vector<int> order(variables.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return variables[std::size_t(a)].peak > variables[std::size_t(b)].peak; });
    struct Chart {
        QString units;
        double peak;
    };
    std::vector<Chart> charts;
    for (int v : order) {
        Variable &var = variables[std::size_t(v)];
        for (std::size_t c = 0; c < charts.size() && var.group < 0; ++c)
            if (charts[c].units == var.units && (var.peak == 0 || charts[c].peak <= 10 * var.peak))
                var.group = int(c);
        if (var.group < 0) {
            var.group = int(charts.size());
            charts.push_back({var.units, var.peak});
        }
    }
    // Renumber by first appearance, so the first series' chart is on top.
    std::vector<int> renumber(charts.size(), -1);
    int next = 0;
    std::vector<int> out;
    out.reserve(series.size());
    for (int entry : entryOf) {
        int &g = renumber[std::size_t(variables[std::size_t(entry)].group)];
        if (g < 0)
            g = next++;
        out.push_back(g);
    }
    return out;
}

} // namespace meadows

#include "sweep.h"
#include "parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows {

namespace {

double measureColumn(const Results &r, std::size_t column, const SweepMeasure &m)
{
    const std::size_t rows = r.rows();
    if (rows == 0)
        return std::numeric_limits<double>::quiet_NaN();
    switch (m.kind) {
    case SweepMeasure::Kind::Final:
        return r.at(rows - 1, column);
    case SweepMeasure::Kind::Max:
    case SweepMeasure::Kind::Min: {
        double best = r.at(0, column);
        for (std::size_t i = 1; i < rows; ++i) {
            const double v = r.at(i, column);
            best = m.kind == SweepMeasure::Kind::Max ? std::fmax(best, v) : std::fmin(best, v);
        }
        return best;
    }
    case SweepMeasure::Kind::TimeAbove: {
        // Linear between saved rows: an interval that crosses the level counts from the
        // crossing.
        double time = 0;
        for (std::size_t i = 0; i + 1 < rows; ++i) {
            const double a = r.at(i, column) - m.level, b = r.at(i + 1, column) - m.level;
            const double span = r.at(i + 1, 0) - r.at(i, 0);
            if (a > 0 && b > 0)
                time += span;
            else if (a > 0 || b > 0)
                time += span * std::max(a, b) / std::fabs(b - a);
        }
        return time;
    }
    }
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace

SweepTable runSweep(const ParameterizedModel &model, const std::vector<SweepAxis> &axes, const SweepMeasure &measure,
                    const RunOptions &run, unsigned threads, const std::atomic<bool> *cancel,
                    const std::function<void(std::size_t, std::size_t)> &progress)
{
    SweepTable table;
    if (!model.model())
        return table;
    const CompiledModel &compiled = *model.model();
    for (const QString &name : model.names())
        table.columns << name;
    // Which outputs are measured: every variable, or the one time-above names.
    std::vector<std::size_t> measured;
    for (std::size_t c = 0; c < compiled.outputs.size(); ++c) {
        if (measure.kind != SweepMeasure::Kind::TimeAbove || variableKey(compiled.outputs[c].name) == variableKey(measure.variable))
            measured.push_back(c + 1);
    }
    if (measured.empty()) {
        table.error = QStringLiteral("the model has no variable '%1' to measure").arg(measure.variable);
        return table;
    }
    for (std::size_t c : measured)
        table.columns << compiled.outputs[c - 1].name;

    std::size_t points = 1;
    for (const SweepAxis &a : axes)
        points *= std::size_t(std::max(1, a.count));
    table.rows.assign(points, {});
    std::vector<CompiledModel> copies(workerCount(threads, points), compiled);
    std::vector<QString> errors(copies.size());
    parallelFor(points, threads, [&](std::size_t i, unsigned worker) {
        CompiledModel &m = copies[worker];
        std::vector<double> &row = table.rows[i];
        std::size_t rest = i;
        row.resize(axes.size());
        for (std::size_t a = axes.size(); a-- > 0;) { // the last axis fastest
            const int count = std::max(1, axes[a].count);
            row[a] = axes[a].value(int(rest % std::size_t(count)));
            rest /= std::size_t(count);
        }
        for (std::size_t a = 0; a < axes.size(); ++a)
            model.set(m, a, row[a]);
        const RunResult result = simulate(m, run, cancel);
        if (!result.results) {
            errors[worker] = result.error;
            row.insert(row.end(), measured.size(), std::numeric_limits<double>::quiet_NaN());
            return;
        }
        for (std::size_t c : measured)
            row.push_back(measureColumn(*result.results, c, measure));
    }, cancel, progress);
    for (const QString &e : errors) {
        if (!e.isEmpty())
            table.error = e;
    }
    if (cancel && cancel->load())
        table.error = QStringLiteral("cancelled");
    return table;
}

std::optional<SweepAxis> parseSweepAxis(const QString &text, QString *error)
{
    const qsizetype eq = text.lastIndexOf(u'=');
    const QStringList parts = eq > 0 ? text.mid(eq + 1).split(u':') : QStringList();
    SweepAxis axis;
    bool ok[3] = {false, false, false};
    if (parts.size() == 3) {
        axis.name = text.left(eq).trimmed();
        axis.from = parts[0].trimmed().toDouble(&ok[0]);
        axis.to = parts[1].trimmed().toDouble(&ok[1]);
        axis.count = parts[2].trimmed().toInt(&ok[2]);
    }
    if (!ok[0] || !ok[1] || !ok[2] || axis.name.isEmpty() || !std::isfinite(axis.from) || !std::isfinite(axis.to)) {
        *error = QStringLiteral("--vary needs NAME=FROM:TO:N, not '%1'").arg(text);
        return std::nullopt;
    }
    if (axis.count < 1 || axis.count > 1000000) {
        *error = QStringLiteral("--vary '%1': N must be from 1 to 1000000").arg(text);
        return std::nullopt;
    }
    return axis;
}

QByteArray sweepCsv(const SweepTable &table)
{
    QByteArray out;
    for (qsizetype c = 0; c < table.columns.size(); ++c) {
        if (c)
            out += ',';
        appendCsvField(out, table.columns[c]);
    }
    out += '\n';
    for (const std::vector<double> &row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c)
                out += ',';
            appendCsvNumber(out, row[c]);
        }
        out += '\n';
    }
    return out;
}

} // namespace meadows

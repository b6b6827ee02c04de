#include "sensitivity.h"
#include "parallel.h"

#include <QRegularExpression>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>

#include <algorithm>
#include <cmath>
#include <random>

namespace meadows {

double Distribution::quantile(double u) const
{
    switch (kind) {
    case Kind::Uniform: return a + (b - a) * u;
    case Kind::Normal: return boost::math::quantile(boost::math::normal_distribution<double>(a, b), u);
    case Kind::Triangular: return boost::math::quantile(boost::math::triangular_distribution<double>(a, b, c), u);
    }
    return std::nan("");
}

std::optional<Distribution> Distribution::parse(const QString &text, QString *error)
{
    static const QRegularExpression form(QStringLiteral(R"(^\s*(uniform|normal|triangular)\s*\((.*)\)\s*$)"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch()) {
        *error = QStringLiteral("'%1' is not uniform(min,max), normal(mean,sd) or triangular(min,mode,max)").arg(text);
        return std::nullopt;
    }
    const QString kind = m.captured(1).toLower();
    std::vector<double> args;
    for (const QString &part : m.captured(2).split(u',')) {
        bool ok = false;
        args.push_back(part.trimmed().toDouble(&ok));
        if (!ok || !std::isfinite(args.back())) {
            *error = QStringLiteral("'%1' in '%2' is not a number").arg(part.trimmed(), text);
            return std::nullopt;
        }
    }
    Distribution d;
    const std::size_t wanted = kind == QLatin1String("triangular") ? 3 : 2;
    if (args.size() != wanted) {
        *error = QStringLiteral("%1 takes %2 numbers, '%3' has %4").arg(kind).arg(wanted).arg(text).arg(args.size());
        return std::nullopt;
    }
    d.a = args[0];
    d.b = args[1];
    if (kind == QLatin1String("uniform")) {
        d.kind = Kind::Uniform;
        if (!(d.a < d.b))
            *error = QStringLiteral("uniform(min,max) needs min < max: '%1'").arg(text);
    } else if (kind == QLatin1String("normal")) {
        d.kind = Kind::Normal;
        if (!(d.b > 0))
            *error = QStringLiteral("normal(mean,sd) needs sd > 0: '%1'").arg(text);
    } else {
        d.kind = Kind::Triangular;
        d.c = args[2];
        if (!(d.a <= d.b && d.b <= d.c && d.a < d.c))
            *error = QStringLiteral("triangular(min,mode,max) needs min <= mode <= max and min < max: '%1'").arg(text);
    }
    if (!error->isEmpty())
        return std::nullopt;
    return d;
}

std::vector<std::vector<double>> drawSamples(const std::vector<Distribution> &distributions, int runs, std::uint64_t seed,
                                             Sampling sampling)
{
    std::mt19937_64 random(seed);
    // A share strictly inside (0, 1), from the generator's top 53 bits.
    const auto unit = [&random]() { return (double(random() >> 11) + 0.5) * 0x1.0p-53; };
    std::vector<std::vector<double>> samples(std::size_t(std::max(0, runs)), std::vector<double>(distributions.size()));
    for (std::size_t p = 0; p < distributions.size(); ++p) {
        std::vector<std::size_t> stratum(samples.size());
        for (std::size_t i = 0; i < stratum.size(); ++i)
            stratum[i] = i;
        if (sampling == Sampling::LatinHypercube) {
            for (std::size_t i = stratum.size(); i > 1; --i) // Fisher-Yates, spelled out to be portable
                std::swap(stratum[i - 1], stratum[std::size_t(random() % i)]);
        }
        for (std::size_t r = 0; r < samples.size(); ++r) {
            const double u = sampling == Sampling::LatinHypercube ? (double(stratum[r]) + unit()) / double(samples.size()) : unit();
            samples[r][p] = distributions[p].quantile(std::clamp(u, 0x1.0p-60, 1.0 - 0x1.0p-53));
        }
    }
    return samples;
}

double percentileOfSorted(const double *sorted, std::size_t n, double p)
{
    if (n == 0)
        return std::nan("");
    const double rank = double(n - 1) * p / 100.0;
    const std::size_t below = std::size_t(std::floor(rank));
    if (below + 1 >= n)
        return sorted[n - 1];
    const double frac = rank - double(below);
    return sorted[below] + frac * (sorted[below + 1] - sorted[below]);
}

SensitivityResult runSensitivity(const ParameterizedModel &model, const std::vector<Distribution> &distributions, int runs,
                                 std::uint64_t seed, Sampling sampling, const RunOptions &run, unsigned threads,
                                 const std::atomic<bool> *cancel, const std::function<void(std::size_t, std::size_t)> &progress)
{
    SensitivityResult result;
    if (!model.model() || runs < 1)
        return result;
    result.samples = drawSamples(distributions, runs, seed, sampling);

    // One run first: its shape (rows, columns) is every run's.
    CompiledModel first = *model.model();
    for (std::size_t p = 0; p < distributions.size(); ++p)
        model.set(first, p, result.samples[0][p]);
    RunResult shape = simulate(first, run, cancel);
    if (!shape.results) {
        result.error = shape.error;
        return result;
    }
    const std::size_t rows = shape.results->rows();
    const std::size_t variables = shape.results->columns - 1;
    const std::size_t cells = rows * variables;
    if (double(cells) * double(runs) * 8.0 > 2.0 * 1024 * 1024 * 1024) {
        result.error = QStringLiteral("%1 runs of %2 values each need more than 2 GiB; use fewer runs or a larger save step")
                           .arg(runs).arg(cells);
        return result;
    }
    // values[cell * runs + run]: each cell's draws side by side, ready to sort.
    std::vector<double> values(cells * std::size_t(runs));
    const auto keep = [&](const Results &r, std::size_t i) {
        for (std::size_t row = 0; row < rows; ++row) {
            for (std::size_t v = 0; v < variables; ++v)
                values[(row * variables + v) * std::size_t(runs) + i] = r.at(row, v + 1);
        }
    };
    keep(*shape.results, 0);
    std::vector<CompiledModel> copies(workerCount(threads, std::size_t(runs)), *model.model());
    std::vector<QString> errors(copies.size());
    parallelFor(std::size_t(runs - 1), threads, [&](std::size_t job, unsigned worker) {
        const std::size_t i = job + 1;
        CompiledModel &m = copies[worker];
        for (std::size_t p = 0; p < distributions.size(); ++p)
            model.set(m, p, result.samples[i][p]);
        const RunResult r = simulate(m, run, cancel);
        if (r.results && r.results->rows() == rows)
            keep(*r.results, i);
        else
            errors[worker] = r.results ? QStringLiteral("runs differ in length") : r.error;
    }, cancel, progress);
    for (const QString &e : errors) {
        if (!e.isEmpty())
            result.error = e;
    }
    if (cancel && cancel->load())
        result.error = QStringLiteral("cancelled");
    if (!result.error.isEmpty())
        return result;

    Results bands;
    bands.names.push_back(QStringLiteral("Time"));
    for (std::size_t v = 0; v < variables; ++v) {
        for (double p : kBandPercentiles)
            bands.names.push_back(shape.results->names[v + 1] + QStringLiteral(":p%1").arg(p));
    }
    bands.columns = bands.names.size();
    bands.data.resize(rows * bands.columns);
    parallelFor(rows, threads, [&](std::size_t row, unsigned) {
        double *out = bands.data.data() + row * bands.columns;
        *out++ = shape.results->at(row, 0);
        for (std::size_t v = 0; v < variables; ++v) {
            double *cell = values.data() + (row * variables + v) * std::size_t(runs);
            std::sort(cell, cell + runs);
            for (double p : kBandPercentiles)
                *out++ = percentileOfSorted(cell, std::size_t(runs), p);
        }
    });
    result.bands = std::move(bands);
    return result;
}

} // namespace meadows

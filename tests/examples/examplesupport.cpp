#include "examplesupport.h"

#include "model/xmilereader.h"
#include "solver/analysis/causalmodel.h"
#include "solver/compiler.h"

#include <QDir>
#include <QDirIterator>
#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows::examples {

QString examplesDir()
{
    return QDir(QStringLiteral(MEADOWS_TEST_DATA "/../../examples")).canonicalPath();
}

QStringList allExamples()
{
    const QDir root(examplesDir());
    QStringList files;
    QDirIterator it(root.path(), {QStringLiteral("*.xmile")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << root.relativeFilePath(it.next());
    files.sort();
    return files;
}

std::optional<Project> load(const QString &relativePath, QString *error)
{
    XmileReadResult read = readXmileFile(examplesDir() + QLatin1Char('/') + relativePath);
    for (const Diagnostic &d : read.diagnostics) {
        if (error && d.severity == Severity::Error && error->isEmpty())
            *error = d.format();
    }
    return std::move(read.project);
}

std::vector<double> Run::series(const QString &name) const
{
    std::vector<double> out;
    if (!results)
        return out;
    const int c = results->column(name);
    if (c < 0)
        return out;
    for (std::size_t r = 0; r < results->rows(); ++r)
        out.push_back(results->at(r, std::size_t(c)));
    return out;
}

std::vector<double> Run::times() const { return series(QStringLiteral("Time")); }

double Run::at(const QString &name, double time) const
{
    const std::vector<double> t = times();
    const std::vector<double> v = series(name);
    for (std::size_t r = 0; r < t.size() && r < v.size(); ++r) {
        if (std::fabs(t[r] - time) < 1e-9)
            return v[r];
    }
    return std::nan("");
}

Run run(const QString &relativePath, const std::vector<std::pair<QString, double>> &overrides)
{
    Run r;
    const std::optional<Project> project = load(relativePath, &r.error);
    if (!project)
        return r;
    FlattenOptions options;
    options.overrides = overrides;
    const CompileResult compiled = compileProject(*project, options);
    if (!compiled.model) {
        for (const Diagnostic &d : compiled.diagnostics) {
            if (d.severity == Severity::Error) {
                r.error = d.format();
                break;
            }
        }
        return r;
    }
    RunResult result = simulate(*compiled.model);
    r.results = std::move(result.results);
    r.error = result.error;
    r.dt = project->simSpecs.dt;
    return r;
}

std::vector<Loop> loops(const QString &relativePath)
{
    std::vector<Loop> out;
    const std::optional<Project> project = load(relativePath);
    if (!project)
        return out;
    const CausalModel causal = buildCausalModel(*project);
    const LoopList found = findLoops(causal.graph);
    for (std::size_t i = 0; i < found.size(); ++i) {
        Loop loop;
        loop.name = found.name(i);
        loop.polarity = found.polarity(i);
        for (int v : found.variables(i))
            loop.variables << causal.graph.name(v);
        out.push_back(loop);
    }
    return out;
}

const Loop *findLoop(const std::vector<Loop> &loops, QStringList variables)
{
    variables.sort();
    for (const Loop &loop : loops) {
        QStringList mine = loop.variables;
        mine.sort();
        if (mine == variables)
            return &loop;
    }
    return nullptr;
}

bool passesInOrder(const Loop &loop, const QStringList &names)
{
    const qsizetype n = loop.variables.size();
    const qsizetype start = loop.variables.indexOf(names.value(0));
    if (names.isEmpty() || start < 0)
        return false;
    qsizetype next = 1;
    for (qsizetype k = 1; k < n && next < names.size(); ++k) {
        if (loop.variables[(start + k) % n] == names[next])
            ++next;
    }
    return next == names.size();
}

std::vector<std::size_t> peaks(const std::vector<double> &values, double threshold)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 1; i + 1 < values.size(); ++i) {
        if (values[i] > threshold && values[i] >= values[i - 1] && values[i] > values[i + 1])
            out.push_back(i);
    }
    return out;
}

int crossings(const std::vector<double> &values, double level, double band, std::size_t fromRow)
{
    int count = 0;
    int side = 0; // -1 below the band, +1 above
    for (std::size_t i = fromRow; i < values.size(); ++i) {
        const int now = values[i] > level + band ? 1 : values[i] < level - band ? -1 : 0;
        if (now != 0 && side != 0 && now != side)
            ++count;
        if (now != 0)
            side = now;
    }
    return count;
}

std::size_t rowAt(const Run &r, double time)
{
    const std::vector<double> t = r.times();
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] >= time - 1e-9)
            return i;
    }
    return t.size();
}

double maxOf(const std::vector<double> &values, std::size_t fromRow)
{
    double m = -std::numeric_limits<double>::infinity();
    for (std::size_t i = fromRow; i < values.size(); ++i)
        m = std::max(m, values[i]);
    return m;
}

double minOf(const std::vector<double> &values, std::size_t fromRow)
{
    double m = std::numeric_limits<double>::infinity();
    for (std::size_t i = fromRow; i < values.size(); ++i)
        m = std::min(m, values[i]);
    return m;
}

} // namespace meadows::examples

#include "vensimmodel.h"

#include "model/xmilereader.h"
#include "model/xmilewriter.h"

#include <cmath>

namespace meadows::test {

namespace {

QStringList format(const std::vector<Diagnostic> &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out << d.format();
    return out;
}

} // namespace

double VensimRun::at(const QString &name, double time) const
{
    if (!result.results)
        return std::nan("");
    const int col = result.results->column(name);
    for (std::size_t row = 0; col >= 0 && row < result.results->rows(); ++row)
        if (std::fabs(result.results->at(row, 0) - time) < 1e-9)
            return result.results->at(row, std::size_t(col));
    return std::nan("");
}

std::vector<double> VensimRun::series(const QString &name) const
{
    std::vector<double> out;
    const int col = result.results ? result.results->column(name) : -1;
    for (std::size_t row = 0; col >= 0 && row < result.results->rows(); ++row)
        out.push_back(result.results->at(row, std::size_t(col)));
    return out;
}

VensimRun runVensim(const QString &text, const RunOptions &options, bool savedAsXmile)
{
    VensimRun out;
    XmileReadResult r = readVensim((QStringLiteral("{UTF-8}\n") + text).toUtf8(), QStringLiteral("m.mdl"));
    if (savedAsXmile && r.project)
        r = readXmile(writeXmile(*r.project), QStringLiteral("saved.xmile"));
    out.messages = format(r.diagnostics);
    if (!r.project)
        return out;
    const CompileResult c = compileProject(*r.project);
    out.messages << format(c.diagnostics);
    if (c.model)
        out.result = simulate(*c.model, options);
    return out;
}

} // namespace meadows::test

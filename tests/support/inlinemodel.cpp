#include "inlinemodel.h"

namespace meadows::test {

QByteArray xmile(const QString &variables, const QString &specs, const QString &method, const QString &extra,
                 const QString &header)
{
    return QStringLiteral("<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">"
                          "<header>%5</header>"
                          "<sim_specs method=\"%1\">%2</sim_specs>%4"
                          "<model><variables>%3</variables></model></xmile>")
        .arg(method, specs, variables, extra, header)
        .toUtf8();
}

double InlineRun::value(const QString &name, std::size_t row) const
{
    if (!run.results)
        return std::nan("");
    const int c = run.results->column(name);
    return c < 0 || row >= run.results->rows() ? std::nan("") : run.results->at(row, std::size_t(c));
}

double InlineRun::at(const QString &name, double time) const
{
    if (!run.results)
        return std::nan("");
    for (std::size_t r = 0; r < run.results->rows(); ++r) {
        if (std::fabs(run.results->at(r, 0) - time) < 1e-9)
            return value(name, r);
    }
    return std::nan("");
}

QString InlineRun::firstError() const
{
    for (const Diagnostic &d : compiled.diagnostics) {
        if (d.severity == Severity::Error)
            return d.format();
    }
    return run.error;
}

InlineRun simulateText(const QByteArray &text, const FlattenOptions &flatten, const RunOptions &options)
{
    InlineRun r;
    const XmileReadResult read = readXmile(text, QStringLiteral("inline.xmile"));
    if (!read.project) {
        r.compiled.diagnostics = read.diagnostics;
        return r;
    }
    r.compiled = compileProject(*read.project, flatten);
    if (r.compiled.model)
        r.run = simulate(*r.compiled.model, options);
    return r;
}

} // namespace meadows::test

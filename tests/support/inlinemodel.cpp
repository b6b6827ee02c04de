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

QString aux(const QString &name, const QString &eqn, const QString &init)
{
    QString s = QStringLiteral("<aux name=\"%1\"><eqn>%2</eqn>").arg(name, eqn.toHtmlEscaped());
    if (!init.isEmpty())
        s += QStringLiteral("<init_eqn>%1</init_eqn>").arg(init.toHtmlEscaped());
    return s + QStringLiteral("</aux>");
}

QString flow(const QString &name, const QString &eqn)
{
    return QStringLiteral("<flow name=\"%1\"><eqn>%2</eqn></flow>").arg(name, eqn.toHtmlEscaped());
}

QString arrayedAux(const QString &name, const QStringList &dims, const QString &eqn)
{
    QString d;
    for (const QString &x : dims)
        d += QStringLiteral("<dim name=\"%1\"/>").arg(x);
    return QStringLiteral("<aux name=\"%1\"><dimensions>%2</dimensions><eqn>%3</eqn></aux>").arg(name, d, eqn.toHtmlEscaped());
}

QString stock(const QString &name, const QString &init, const QString &in, const QString &out, bool nonNegative)
{
    QString s = QStringLiteral("<stock name=\"%1\"><eqn>%2</eqn>").arg(name, init.toHtmlEscaped());
    for (const QString &f : in.split(u',', Qt::SkipEmptyParts))
        s += QStringLiteral("<inflow>%1</inflow>").arg(f);
    for (const QString &f : out.split(u',', Qt::SkipEmptyParts))
        s += QStringLiteral("<outflow>%1</outflow>").arg(f);
    if (nonNegative)
        s += QStringLiteral("<non_negative/>");
    return s + QStringLiteral("</stock>");
}

QString specs(double start, double stop, double dt)
{
    return QStringLiteral("<start>%1</start><stop>%2</stop><dt>%3</dt>").arg(start).arg(stop).arg(dt);
}

QString mismatchAlone(const QString &equation, double expected)
{
    const InlineRun r = simulateText(xmile(aux(QStringLiteral("x"), equation)));
    if (!r.run.results)
        return r.firstError();
    const double x = r.value(QStringLiteral("x"), 0);
    return std::fabs(x - expected) < 1e-12 ? QString() : QStringLiteral("gave %1").arg(x, 0, 'g', 17);
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

QStringList formatted(const std::vector<Diagnostic> &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out << d.format();
    return out;
}

InlineRun simulateRead(const XmileReadResult &read, const FlattenOptions &flatten, const RunOptions &options)
{
    InlineRun r;
    if (!read.project) {
        r.compiled.diagnostics = read.diagnostics;
        return r;
    }
    r.compiled = compileProject(*read.project, flatten);
    if (r.compiled.model)
        r.run = simulate(*r.compiled.model, options);
    return r;
}

InlineRun simulateText(const QByteArray &text, const FlattenOptions &flatten, const RunOptions &options)
{
    return simulateRead(readXmile(text, QStringLiteral("inline.xmile")), flatten, options);
}

} // namespace meadows::test

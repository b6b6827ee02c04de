#include "analysisarguments.h"

#include <cmath>

#include "commandline.h"
#include "model/modelfile.h"

namespace meadows {

QString parseSetOptions(const QStringList &values, FlattenOptions &out)
{
    for (const QString &s : values) {
        const qsizetype eq = s.lastIndexOf(u'=');
        bool ok = false;
        const double v = eq > 0 ? s.mid(eq + 1).trimmed().toDouble(&ok) : 0.0;
        if (!ok)
            return QStringLiteral("--set needs NAME=NUMBER, not '%1'").arg(s);
        // Qt reads "nan" and "inf" as numbers; as a constant either spoils the whole run.
        if (!std::isfinite(v))
            return QStringLiteral("--set needs a finite NUMBER, not '%1'").arg(s);
        out.overrides.push_back({s.left(eq).trimmed(), v});
    }
    return {};
}

std::optional<std::pair<QString, Distribution>> parseDistributionOption(const QString &text, QString *error)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq <= 0) {
        *error = QStringLiteral("--vary needs NAME=uniform(a,b), NAME=normal(m,s) or NAME=triangular(min,mode,max), not '%1'").arg(text);
        return std::nullopt;
    }
    const std::optional<Distribution> d = Distribution::parse(text.mid(eq + 1), error);
    if (!d)
        return std::nullopt;
    return std::make_pair(text.left(eq).trimmed(), *d);
}

std::optional<double> numberOption(const QCommandLineParser &p, const QString &name, QString *error)
{
    if (!p.isSet(name))
        return std::nullopt;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok)
        *error = QStringLiteral("--%1 needs a number, not '%2'").arg(name, p.value(name));
    return v;
}

std::optional<double> timeOption(const QCommandLineParser &p, QString *error)
{
    const std::optional<double> at = numberOption(p, QStringLiteral("at"), error);
    if (error->isEmpty() && at && !std::isfinite(*at))
        *error = QStringLiteral("--at needs a finite time, not '%1'").arg(p.value(QStringLiteral("at")));
    return at;
}

unsigned threadsOption(const QCommandLineParser &p, QString *error)
{
    if (!p.isSet(QStringLiteral("threads")))
        return 0;
    bool ok = false;
    const int n = p.value(QStringLiteral("threads")).toInt(&ok);
    if (!ok || n < 1 || n > 256) {
        *error = QStringLiteral("--threads needs a whole number from 1 to 256, not '%1'").arg(p.value(QStringLiteral("threads")));
        return 0;
    }
    return unsigned(n);
}

std::unique_ptr<ParameterizedModel> loadAnalysableModel(const QString &path, const QStringList &parameters,
                                                        const FlattenOptions &flatten, QTextStream &errors)
{
    const std::optional<Project> project = loadProject(path, errors);
    if (!project)
        return nullptr;
    if (project->mainModel().isCausalLoopDiagram()) {
        errors << path << ": error: a causal-loop diagram has no equations, so there is nothing to analyse "
               << "(use 'meadows loops' to analyse its loops)\n";
        errors.flush();
        return nullptr;
    }
    auto model = std::make_unique<ParameterizedModel>(*project, parameters, flatten);
    printDiagnostics(errors, model->diagnostics());
    return model->model() ? std::move(model) : nullptr;
}

QJsonObject stocksObject(const std::vector<QString> &names, const std::vector<double> &stocks)
{
    QJsonObject o;
    for (std::size_t s = 0; s < names.size(); ++s) {
        if (!names[s].isEmpty())
            o.insert(names[s], stocks[s]);
    }
    return o;
}

bool parseModelArguments(QCommandLineParser &p, const QString &command, const QStringList &arguments, QTextStream &err,
                         ModelArguments &out, QString *usage)
{
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addPositionalArgument(QStringLiteral("model"), QStringLiteral("the model"));
    p.addOption({QStringLiteral("set"), QStringLiteral("override a constant"), QStringLiteral("name=value")});
    if (!p.parse(QStringList{QStringLiteral("meadows ") + command} + arguments)) {
        err << "meadows " << command << ": " << p.errorText() << '\n' << usageText();
        return false;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1) {
        *usage = positional.isEmpty() ? QStringLiteral("no model given") : QStringLiteral("more than one model given");
        return true;
    }
    out.model = positional[0];
    *usage = parseSetOptions(p.values(QStringLiteral("set")), out.flatten);
    return true;
}

} // namespace meadows

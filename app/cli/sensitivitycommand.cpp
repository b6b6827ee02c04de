// meadows sensitivity MODEL --vary NAME=uniform(a,b)|normal(m,s)|triangular(min,mode,max) [--vary ...]
//                           --runs N [--seed S] [--sampling lhs|mc] [--set NAME=V]... [-o OUT.csv] [--threads N]
#include "analysisarguments.h"
#include "commandline.h"
#include "commandoutput.h"

#include "model/outputfile.h"


namespace meadows {

int sensitivityCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QCommandLineParser p;
    p.addOption({QStringLiteral("vary"), QStringLiteral("a parameter's distribution"), QStringLiteral("name=dist")});
    p.addOption({QStringLiteral("runs"), QStringLiteral("how many runs"), QStringLiteral("n")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("seed of the sampling"), QStringLiteral("s")});
    p.addOption({QStringLiteral("sampling"), QStringLiteral("lhs (Latin hypercube, default) or mc (Monte Carlo)"), QStringLiteral("kind")});
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("write CSV here"), QStringLiteral("file")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("threads to run on (default: every core)"), QStringLiteral("n")});
    ModelArguments given;
    QString usage;
    if (!parseModelArguments(p, QStringLiteral("sensitivity"), arguments, err, given, &usage))
        return ExitUsage;
    const FlattenOptions &flatten = given.flatten;
    QStringList names;
    std::vector<Distribution> distributions;
    for (const QString &v : p.values(QStringLiteral("vary"))) {
        if (!usage.isEmpty())
            break;
        if (const auto d = parseDistributionOption(v, &usage)) {
            names << d->first;
            distributions.push_back(d->second);
        }
    }
    if (usage.isEmpty() && distributions.empty())
        usage = QStringLiteral("give at least one --vary NAME=uniform(a,b)|normal(m,s)|triangular(min,mode,max)");
    bool ok = false;
    const int runs = p.value(QStringLiteral("runs")).toInt(&ok);
    if (usage.isEmpty() && (!ok || runs < 1 || runs > 1000000))
        usage = QStringLiteral("--runs needs a whole number from 1 to 1000000, not '%1'").arg(p.value(QStringLiteral("runs")));
    std::uint64_t seed = 0;
    if (usage.isEmpty() && p.isSet(QStringLiteral("seed"))) {
        seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            usage = QStringLiteral("--seed needs a whole number, not '%1'").arg(p.value(QStringLiteral("seed")));
    }
    Sampling sampling = Sampling::LatinHypercube;
    const QString kind = p.value(QStringLiteral("sampling"));
    if (usage.isEmpty() && p.isSet(QStringLiteral("sampling"))) {
        if (kind == QLatin1String("mc"))
            sampling = Sampling::MonteCarlo;
        else if (kind != QLatin1String("lhs"))
            usage = QStringLiteral("--sampling must be lhs or mc, not '%1'").arg(kind);
    }
    const unsigned threads = usage.isEmpty() ? threadsOption(p, &usage) : 0;
    if (!usage.isEmpty()) {
        err << "meadows sensitivity: " << usage << '\n' << usageText();
        return ExitUsage;
    }

    const std::unique_ptr<ParameterizedModel> model = loadAnalysableModel(given.model, names, flatten, err);
    if (!model)
        return ExitModelError;
    // After reading: the spreadsheets and included models the reading took data from are
    // inputs too (model/inputfiles.h).
    if (const int refused = refuseOutputOverInput(err, QStringLiteral("sensitivity"), p.value(QStringLiteral("output")), {given.model});
        refused >= 0)
        return refused;
    const SensitivityResult result = runSensitivity(*model, distributions, runs, seed, sampling, {}, threads);
    if (!result.bands) {
        err << given.model << ": error: " << result.error << '\n';
        return ExitModelError;
    }
    // Written as `meadows run` writes its CSV.
    const QString target = p.value(QStringLiteral("output"));
    QString error;
    if (target.isEmpty() || target == QLatin1String("-")) {
        writeCsv(*result.bands, [&error](const char *data, std::size_t n) {
            error = writeStandardOutput(data, n);
            return error.isEmpty();
        });
        if (error.isEmpty())
            error = flushStandardOutput();
    } else {
        error = saveCsvFile(*result.bands, target);
    }
    if (!error.isEmpty()) {
        reportWriteError(err, error);
        return ExitModelError;
    }
    return ExitOk;
}

} // namespace meadows

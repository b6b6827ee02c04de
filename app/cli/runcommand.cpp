// meadows run MODEL [-o OUT.csv] [--method euler|rk2|rk4|rk45|rosenbrock] [--dt X] [--start X]
//                   [--stop X] [--save-step X] [--seed N] [--set NAME=VALUE]...
#include "analysisarguments.h"
#include "commandline.h"
#include "commandoutput.h"
#include "terminalprogress.h"
#include "model/modelfile.h"

#include "model/outputfile.h"

#include "model/names.h"
#include "solver/compiler.h"
#include "solver/parser.h"
#include "solver/simulation.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <cstdio>

namespace meadows {

namespace {
// --set replaces a constant, or a stock's initial value. Replacing a computed flow or
// auxiliary would cut every loop through it without a word, so that is refused; names
// inside modules are left to the flattener, which knows them.
QString refusedOverride(const Model &model, const QString &name)
{
    const QString key = canonicalName(name);
    for (const Variable &v : model.variables) {
        if (canonicalName(v.name) != key)
            continue;
        if (v.kind == VariableKind::Stock || numberValue(v.equation))
            return {};
        return QStringLiteral("'%1' is computed (%2); --set takes constants and stocks' initial values only")
            .arg(displayName(v.name), v.equation.trimmed().isEmpty() ? QStringLiteral("no equation")
                                                                      : QStringLiteral("= %1").arg(v.equation.trimmed()));
    }
    return {};
}
} // namespace

int runCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addPositionalArgument(QStringLiteral("model"), QStringLiteral("the XMILE model to run"));
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("write CSV here"), QStringLiteral("file")});
    p.addOption({QStringLiteral("method"), QStringLiteral("euler, rk2, rk4, rk45 or rosenbrock"), QStringLiteral("method")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("seed for random numbers"), QStringLiteral("n")});
    p.addOption({QStringLiteral("dt"), QStringLiteral("time step"), QStringLiteral("x")});
    p.addOption({QStringLiteral("start"), QStringLiteral("start time"), QStringLiteral("x")});
    p.addOption({QStringLiteral("stop"), QStringLiteral("stop time"), QStringLiteral("x")});
    p.addOption({QStringLiteral("save-step"), QStringLiteral("interval between saved rows"), QStringLiteral("x")});
    p.addOption({QStringLiteral("set"), QStringLiteral("override a constant"), QStringLiteral("name=value")});
    if (!p.parse(QStringList{QStringLiteral("meadows run")} + arguments)) {
        err << "meadows run: " << p.errorText() << '\n' << usageText();
        return ExitUsage;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1) {
        err << "meadows run: " << (positional.isEmpty() ? "no model given" : "more than one model given") << '\n'
            << usageText();
        return ExitUsage;
    }

    QString usage;
    RunOptions options;
    options.dt = numberOption(p, QStringLiteral("dt"), &usage);
    options.start = numberOption(p, QStringLiteral("start"), &usage);
    options.stop = numberOption(p, QStringLiteral("stop"), &usage);
    options.saveStep = numberOption(p, QStringLiteral("save-step"), &usage);
    if (p.isSet(QStringLiteral("method"))) {
        options.method = methodFromName(p.value(QStringLiteral("method")));
        if (!options.method || p.value(QStringLiteral("method")).trimmed().isEmpty())
            usage = QStringLiteral("--method must be euler, rk2, rk4, rk45 or rosenbrock, not '%1'").arg(p.value(QStringLiteral("method")));
    }
    if (p.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        options.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            usage = QStringLiteral("--seed needs a whole number, not '%1'").arg(p.value(QStringLiteral("seed")));
    }
    FlattenOptions flattenOptions;
    if (const QString e = parseSetOptions(p.values(QStringLiteral("set")), flattenOptions); !e.isEmpty())
        usage = e;
    if (!usage.isEmpty()) {
        err << "meadows run: " << usage << '\n' << usageText();
        return ExitUsage;
    }

    std::optional<Project> project = loadProject(positional[0], err);
    if (!project)
        return ExitModelError;
    // After reading: the spreadsheets and included models the reading took data from are
    // inputs too (model/inputfiles.h).
    if (const int refused = refuseOutputOverInput(err, QStringLiteral("run"), p.value(QStringLiteral("output")), {positional[0]});
        refused >= 0)
        return refused;
    if (project->mainModel().isCausalLoopDiagram()) {
        err << positional[0] << ": error: a causal-loop diagram has no equations, so there is nothing to simulate "
            << "(use 'meadows loops' to analyse it)\n";
        return ExitModelError;
    }
    for (const auto &[name, value] : flattenOptions.overrides) {
        if (const QString why = refusedOverride(project->mainModel(), name); !why.isEmpty()) {
            err << "meadows run: --set " << name << ": " << why << '\n';
            return ExitUsage;
        }
    }
    // What is read once, at the start (a delay's order computed from Time), is read at the
    // start this run takes, not the file's: the run's times are the model's when compiling.
    SimSpecs &specs = project->simSpecs;
    if (options.start && specs.varying.start.isEmpty())
        specs.start = *options.start;
    if (options.stop && specs.varying.stop.isEmpty())
        specs.stop = *options.stop;
    if (options.dt && specs.varying.dt.isEmpty())
        specs.dt = *options.dt;
    if (options.saveStep && specs.varying.saveStep.isEmpty())
        specs.saveStep = *options.saveStep;
    const CompileResult compiled = compileProject(*project, flattenOptions);
    printDiagnostics(err, compiled.diagnostics);
    if (!compiled.model)
        return ExitModelError;
    err.flush(); // what was said so far comes before any progress line
    RunResult run;
    {
        TerminalProgress progress(QStringLiteral("meadows run"), options.start.value_or(compiled.model->specs.start),
                                  options.stop.value_or(compiled.model->specs.stop));
        if (progress.enabled())
            options.progress = [&progress](double done) { progress.update(done); };
        run = simulate(*compiled.model, options);
    } // the progress line is erased here, before the warnings
    for (Diagnostic w : run.warnings) {
        if (w.file.isEmpty()) // a model read from elsewhere than XMILE, or a setting from the command line
            w.file = positional[0];
        err << w.format() << '\n';
    }
    if (run.firstNonFinite)
        err << run.firstNonFinite->format() << '\n';
    err.flush();
    if (!run.results) {
        const SourceRef &at = run.errorSource;
        if (at.isValid())
            err << Diagnostic(Severity::Error, at.fileName(), at.position(), run.error).format() << '\n';
        else
            err << positional[0] << ": error: " << run.error << '\n';
        return ExitModelError;
    }
    const QString target = p.value(QStringLiteral("output"));
    QString error;
    if (target.isEmpty() || target == QLatin1String("-")) {
        writeCsv(*run.results, [&error](const char *data, std::size_t n) {
            error = writeStandardOutput(data, n);
            return error.isEmpty();
        });
        if (error.isEmpty())
            error = flushStandardOutput();
    } else {
        error = saveCsvFile(*run.results, target);
    }
    if (!error.isEmpty()) {
        reportWriteError(err, error);
        return ExitModelError;
    }
    return ExitOk;
}

} // namespace meadows

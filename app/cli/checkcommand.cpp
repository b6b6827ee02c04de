// meadows check [--units] MODEL: parse and compile, print every problem as
// FILE:LINE:COL: error: what (on standard output: the report is what the command is for),
// exit 1 on any error. --units adds unit-consistency warnings, which do not fail.
#include "commandline.h"
#include "model/modelfile.h"

#include "solver/compiler.h"
#include "solver/simulation.h"
#include "solver/units.h"
#include "solver/zerodivisors.h"

#include <QTextStream>

namespace meadows {

int checkCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList files;
    bool units = false;
    for (const QString &a : arguments) {
        if (a == QLatin1String("--units")) {
            units = true;
            continue;
        }
        if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-")) {
            err << "meadows check: unknown option '" << a << "'\n" << usageText();
            return ExitUsage;
        }
        files << a;
    }
    if (files.size() != 1) {
        err << "meadows check: " << (files.isEmpty() ? "no model given" : "give one model") << '\n' << usageText();
        return ExitUsage;
    }
    const std::optional<Project> project = loadProject(files[0], out);
    if (!project)
        return ExitModelError;
    if (project->mainModel().isCausalLoopDiagram()) {
        out << files[0] << ": note: a causal-loop diagram (variables without equations): "
            << "'meadows loops' analyses it; there is nothing to simulate\n";
        return ExitOk;
    }
    const CompileResult compiled = compileProject(*project);
    printDiagnostics(out, compiled.diagnostics);
    // What run would refuse the settings for, said at the <sim_specs> element (Vensim's
    // settings line) where the file has one.
    QString settings = compiled.model ? checkRunSettings(*compiled.model) : QString();
    if (!settings.isEmpty()) {
        const SimSpecPlaces &at = project->simSpecs.places;
        printDiagnostics(out, {Diagnostic(Severity::Error, at.file.isEmpty() ? files[0] : at.file, at.method, settings)});
    }
    printDiagnostics(out, findConstantZeroDivisors(*project));
    if (units)
        printDiagnostics(out, checkUnits(*project));
    return compiled.model && !hasErrors(compiled.diagnostics) && settings.isEmpty() ? ExitOk : ExitModelError;
}

} // namespace meadows

// meadows check MODEL: parse and compile, print every problem as FILE:LINE:COL: error: what
// (on standard output: the report is what the command is for), exit 1 on any error.
#include "commandline.h"
#include "modelloading.h"

#include "solver/compiler.h"

#include <QTextStream>

namespace meadows {

int checkCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList files;
    for (const QString &a : arguments) {
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
    const CompileResult compiled = compileProject(*project);
    printDiagnostics(out, compiled.diagnostics);
    return compiled.model && !hasErrors(compiled.diagnostics) ? ExitOk : ExitModelError;
}

} // namespace meadows

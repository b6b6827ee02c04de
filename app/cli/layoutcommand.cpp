// meadows layout MODEL [-o OUT.xmile]: the model with a freshly laid-out diagram (Graphviz),
// as XMILE. Every model of the file (the main model and its modules' models) is laid out.
#include "commandline.h"
#include "modelloading.h"

#include "diagram/autolayout.h"
#include "model/xmilewriter.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>
#include <cstdio>

namespace meadows {

namespace {

// Whether two paths name one file (the output may not exist yet).
bool sameFile(const QString &a, const QString &b)
{
    const QFileInfo fa(a), fb(b);
    if (fa.exists() && fb.exists())
        return fa.canonicalFilePath() == fb.canonicalFilePath();
    return fa.absoluteFilePath() == fb.absoluteFilePath();
}

} // namespace

int layoutCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addPositionalArgument(QStringLiteral("model"), QStringLiteral("the model to lay out"));
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("write XMILE here"), QStringLiteral("file")});
    if (!p.parse(QStringList{QStringLiteral("meadows layout")} + arguments)) {
        err << "meadows layout: " << p.errorText() << '\n' << usageText();
        return ExitUsage;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1) {
        err << "meadows layout: " << (positional.isEmpty() ? "no model given" : "more than one model given") << '\n'
            << usageText();
        return ExitUsage;
    }
    const QString input = positional[0];
    const QString output = p.value(QStringLiteral("output"));
    const bool toStdout = output.isEmpty() || output == QLatin1String("-");
    if (!toStdout && sameFile(input, output)) {
        err << "meadows layout: -o " << output << " is the model itself; write the laid-out model to another file\n";
        return ExitUsage;
    }

    std::optional<Project> project = loadProject(input, err);
    if (!project)
        return ExitModelError;
    for (Model &model : project->models) {
        if (model.variables.empty())
            continue;
        const diagram::LayoutResult laid = diagram::layoutModel(model);
        if (!laid.ok) {
            err << input << ": error: cannot lay out the diagram: " << laid.error << '\n';
            return ExitModelError;
        }
    }
    if (toStdout) {
        const QByteArray bytes = writeXmile(*project);
        std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
        return std::fflush(stdout) == 0 ? ExitOk : ExitModelError;
    }
    if (const QString error = saveXmileFile(*project, output); !error.isEmpty()) {
        err << output << ": error: cannot write: " << error << '\n';
        return ExitModelError;
    }
    return ExitOk;
}

} // namespace meadows

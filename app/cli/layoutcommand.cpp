// meadows layout MODEL [-o OUT.xmile]: the model with a freshly laid-out diagram (Graphviz),
// as XMILE. Every model of the file (the main model and its modules' models) is laid out.
#include "commandline.h"
#include "commandoutput.h"

#include "diagram/autolayout.h"
#include "model/inputfiles.h"
#include "model/modelfile.h"
#include "model/xmilewriter.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace meadows {

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

    std::optional<Project> project = loadProject(input, err);
    if (!project)
        return ExitModelError;
    // After reading: the spreadsheets and included models the reading took data from are
    // inputs too (model/inputfiles.h).
    if (const int refused = refuseOutputOverInput(err, QStringLiteral("layout"), output, {input}); refused >= 0)
        return refused;
    for (Model &model : project->models) {
        if (model.variables.empty())
            continue;
        diagram::LayoutOptions options;
        if (&model == &project->mainModel()) // the main model's loops as the whole project has them
            options.markedLoops = diagram::markedLoopsOf(*project);
        const diagram::LayoutResult laid = diagram::layoutModel(model, options);
        if (!laid.ok) {
            err << input << ": error: cannot lay out the diagram: " << laid.error << '\n';
            return ExitModelError;
        }
    }
    // Vensim's GET functions are read when the model is: XMILE has no way to say where the
    // values came from, so the file written holds them as numbers and tables.
    if (input.endsWith(QLatin1String(".mdl"), Qt::CaseInsensitive))
        for (const QString &file : inputFilesRead())
            err << input << ": warning: the values read from " << file << " are written as numbers; the XMILE "
                << "file does not read " << file << " again\n";
    return writeCommandOutput(err, writeXmile(*project), output);
}

} // namespace meadows

#include "export/pictures/headlessexport.h"

#include "export/pictures/documentexport.h"

#include "cli/commonoptions.h"
#include "cli/exitcode.h"
#include "model/modelfile.h"
#include "model/outputfile.h"
#include "document.h"
#include "scene/diagramscene.h"

#include <QApplication>
#include <QTextStream>

namespace meadows {

int runHeadlessExport(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("meadows"));
    QApplication::setApplicationVersion(QStringLiteral(MEADOWS_VERSION_STRING));
    QTextStream err(stderr);
    QStringList rest = QApplication::arguments().mid(2);
    if (const QString refused = takeCommonOptions(rest); !refused.isEmpty()) {
        err << "meadows export: " << refused << '\n';
        return ExitUsage;
    }
    const ParsedExportOptions parsed = parseExportOptions(rest);
    if (!parsed.options) {
        // main.cpp hands only arguments that parse to this module; this is a safety net.
        err << "meadows export: " << parsed.usageError << " (see 'meadows help')\n";
        return ExitUsage;
    }
    const ExportOptions &o = *parsed.options;
    std::optional<Project> project = loadProject(o.model, err);
    if (!project)
        return ExitModelError;
    std::optional<Project> baseline;
    if (!o.baseline.isEmpty()) {
        baseline = loadProject(o.baseline, err);
        if (!baseline)
            return ExitModelError;
    }
    // After reading: the spreadsheets and included models the reading took data from are
    // inputs too (model/inputfiles.h).
    const QStringList inputs{o.model, o.baseline};
    if (const QString refusal = outputOverwritesInput(o.output, inputs); !refusal.isEmpty()) {
        err << "meadows export: " << refusal << '\n';
        return ExitUsage;
    }

    Document document;
    document.reset(std::move(*project), o.model);
    DiagramScene scene(&document);
    scene.setLoops(diagramLoopMarks(document.project()));
    for (const QString &warning : scene.geometryWarnings())
        err << o.model << ": warning: " << warning << '\n';

    ExportRequest request;
    request.format = o.format;
    request.output = o.output;
    request.scale = o.scale;
    request.baseline = baseline ? &*baseline : nullptr;
    if (!o.bifurcation.isEmpty()) {
        QString error;
        request.bifurcation = parseSweepAxis(o.bifurcation, &error); // checked by parseExportOptions
    }
    request.inputs = inputs;
    const ExportOutcome outcome = exportProject(document.project(), &scene, request);
    printDiagnostics(err, outcome.diagnostics);
    if (!outcome.error.isEmpty()) {
        err << "meadows: error: " << outcome.error << '\n';
        return ExitModelError;
    }
    return ExitOk;
}

} // namespace meadows

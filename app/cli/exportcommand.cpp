// meadows export MODEL --format svg|png|pdf|md|mermaid|dot -o OUT
// The text formats are written here; the pictures and the md bundle need the diagram's
// scene items, which live in the GUI module: main.cpp hands those to it (exportRunsInGui),
// and this command only sees them when the GUI was not built.
#include "commandline.h"
#include "commonoptions.h"
#include "commandoutput.h"
#include "solver/analysis/modelloops.h"

#include "export/causaltext.h"
#include "export/exportoptions.h"

#include "solver/analysis/loopfinder.h"
#include "solver/analysis/causalmodel.h"

#include <QTextStream>
#include <cstdio>

namespace meadows {

bool exportRunsInGui(const QStringList &arguments)
{
    if (arguments.value(1) != QLatin1String("export"))
        return false;
    // --data and --max-size are every command's (they were refused here, and the export
    // went to the headless path, which cannot draw); wrong ones are reported there.
    QStringList rest = arguments.mid(2);
    if (!takeCommonOptions(rest).isEmpty())
        return false;
    const ParsedExportOptions parsed = parseExportOptions(rest);
    return parsed.options && exportNeedsRenderer(parsed.options->format);
}

int exportCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    const ParsedExportOptions parsed = parseExportOptions(arguments);
    if (!parsed.options) {
        err << "meadows export: " << parsed.usageError << '\n' << usageText();
        return ExitUsage;
    }
    const ExportOptions &o = *parsed.options;
    if (exportNeedsRenderer(o.format)) {
        err << "meadows export: " << exportFormatName(o.format)
            << " draws the diagram, and this meadows was built without its GUI; mermaid and dot still work\n";
        return ExitUsage;
    }
    const std::optional<ModelLoops> model = loadModelLoops(o.model, err);
    if (!model)
        return ExitModelError;
    // After reading: the spreadsheets and included models the reading took data from are
    // inputs too (model/inputfiles.h).
    if (const int refused = refuseOutputOverInput(err, QStringLiteral("export"), o.output, {o.model, o.baseline});
        refused >= 0)
        return refused;
    const QByteArray text = causalText(o.format, model->project.title(), model->causal, model->loops);
    return writeCommandOutput(err, text, o.output);
}

} // namespace meadows

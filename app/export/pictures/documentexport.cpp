#include "export/pictures/documentexport.h"

#include "export/pictures/diagramrenderer.h"
#include "export/pictures/smallmultiples.h"
#include "export/pictures/bifurcationpicture.h"

#include "export/causaltext.h"
#include "model/outputfile.h"
#include "export/postmortem.h"
#include "live/seriescolors.h"
#include "solver/analysis/loopfinder.h"
#include "solver/analysis/causalmodel.h"

#include <QDir>
#include <QFileInfo>

namespace meadows {

namespace {

using StagedFiles = std::vector<std::pair<QString, QByteArray>>;

// Refuses any output that is an input, then writes every file or none (model/outputfile.h).
ExportOutcome writeAll(const StagedFiles &files, const QStringList &inputs, ExportOutcome outcome)
{
    for (const auto &file : files) {
        if (QString refusal = outputOverwritesInput(file.first, inputs); !refusal.isEmpty()) {
            outcome.error = refusal;
            return outcome;
        }
    }
    outcome.error = writeOutputFiles(files);
    if (outcome.error.isEmpty())
        for (const auto &file : files)
            outcome.files << file.first;
    return outcome;
}

ExportOutcome exportCausalText(const Project &project, const ExportRequest &request)
{
    ExportOutcome outcome;
    const CausalModel causal = buildCausalModel(project);
    outcome.diagnostics = causal.diagnostics;
    if (causal.hasErrors()) {
        outcome.error = QStringLiteral("the model's equations do not parse, so its links are not known");
        return outcome;
    }
    const LoopList loops = findLoops(causal.graph);
    const QByteArray text = causalText(request.format, project.title(), causal, loops);
    return writeAll({{request.output, text}}, request.inputs, outcome);
}

// OUT.md with OUT-diagram.svg and OUT-behaviour.svg beside it (and OUT-bifurcation.svg when
// asked for), linked by relative names.
// The page and its pictures are committed together: a failure leaves the old bundle as it was.
ExportOutcome exportPostmortem(const Project &project, DiagramScene *scene, const ExportRequest &request)
{
    ExportOutcome outcome;
    PostmortemInputs inputs;
    inputs.baseline = request.baseline;
    inputs.baselineRun = request.baselineRun;
    inputs.baselineRunName = request.baselineRunName;
    inputs.variables = request.variables;
    inputs.bifurcation = request.bifurcation;
    inputs.continuation = request.continuation;
    inputs.bifurcationStock = request.bifurcationStock;
    const PostmortemReport report = buildPostmortem(project, inputs);
    outcome.diagnostics = report.diagnostics;
    if (!report.error.isEmpty()) {
        outcome.error = report.error;
        return outcome;
    }
    const QFileInfo page(request.output);
    const QString base = page.suffix().compare(QLatin1String("md"), Qt::CaseInsensitive) == 0 ? page.completeBaseName()
                                                                                                : page.fileName();
    const QDir dir = page.dir();
    StagedFiles pictures;
    const QString diagramName = base + QStringLiteral("-diagram.svg");
    pictures.push_back({dir.filePath(diagramName), DiagramRenderer(scene).svg(report.title)});
    QString behaviourName;
    if (!report.charts.empty()) {
        SmallMultiplesPicture picture;
        picture.title = QStringLiteral("Behaviour of %1").arg(report.title);
        picture.run = &*report.results;
        picture.baseline = report.baselineResults.get();
        picture.runLabel = QStringLiteral("this model");
        picture.baselineLabel = report.baselineLabel;
        picture.timeUnits = report.simSpecs.timeUnits;
        for (const PostmortemChart &c : report.charts)
            picture.charts.push_back({c.variable, c.units});
        SeriesColors colors; // each variable in its own colour, the one the editor charts it in
        colors.adopt(project);
        behaviourName = base + QStringLiteral("-behaviour.svg");
        pictures.push_back({dir.filePath(behaviourName), smallMultiplesSvg(picture, colors)});
    }
    QString bifurcationName;
    if (report.tipping) {
        const Continuation &c = *report.tipping->continuation;
        bifurcationName = base + QStringLiteral("-bifurcation.svg");
        pictures.push_back({dir.filePath(bifurcationName),
                            bifurcationSvg(c, report.tipping->stocks, QStringLiteral("Equilibria of %1 against %2").arg(report.title, c.parameter))});
    }
    StagedFiles files{{request.output, postmortemMarkdown(report, diagramName, behaviourName, bifurcationName)}};
    files.insert(files.end(), pictures.begin(), pictures.end());
    return writeAll(files, request.inputs, outcome);
}

} // namespace

std::vector<LoopMark> diagramLoopMarks(const Project &project)
{
    return diagram::labelledLoops(project);
}

ExportOutcome exportProject(const Project &project, DiagramScene *scene, const ExportRequest &request)
{
    QByteArray bytes;
    ExportOutcome outcome; // what the picture had to change is said in it
    switch (request.format) {
    case ExportFormat::Mermaid:
    case ExportFormat::Dot:
        return exportCausalText(project, request);
    case ExportFormat::Markdown:
        return exportPostmortem(project, scene, request);
    case ExportFormat::Svg:
        bytes = DiagramRenderer(scene).svg(project.title());
        break;
    case ExportFormat::Png: {
        const DiagramRenderer renderer(scene);
        bytes = renderer.png(request.scale);
        if (!bytes.isEmpty() && renderer.scaleUsed() < request.scale) {
            Diagnostic d;
            d.severity = Severity::Warning;
            d.file = request.output;
            d.message = QStringLiteral("the diagram is drawn at %1 pixels per unit, not %2: at that scale the picture "
                                       "would pass %3 million pixels or a side of %4; SVG and PDF keep every detail")
                            .arg(renderer.scaleUsed(), 0, 'g', 3)
                            .arg(request.scale)
                            .arg(qint64(DiagramRenderer::kMaxImagePixels / 1e6))
                            .arg(qint64(DiagramRenderer::kMaxImageSide));
            outcome.diagnostics.push_back(std::move(d));
        }
        break;
    }
    case ExportFormat::Pdf:
        bytes = DiagramRenderer(scene).pdf(project.title());
        break;
    }
    if (bytes.isEmpty()) {
        outcome.error = QStringLiteral("cannot encode the diagram as %1").arg(exportFormatName(request.format));
        return outcome;
    }
    return writeAll({{request.output, bytes}}, request.inputs, outcome);
}

} // namespace meadows

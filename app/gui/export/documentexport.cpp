#include "documentexport.h"

#include "chartrenderer.h"
#include "diagramrenderer.h"

#include "export/exportfile.h"
#include "export/causaltext.h"
#include "export/postmortem.h"
#include "live/seriescolors.h"
#include "solver/analysis/loopfinder.h"
#include "solver/analysis/causalmodel.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>

namespace meadows {

namespace {


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
    outcome.error = writeExportFile(request.output, causalText(request.format, project.title(), causal, loops));
    if (outcome.error.isEmpty())
        outcome.files << request.output;
    return outcome;
}

// OUT.md with OUT-diagram.svg and OUT-chart-N.png beside it, linked by relative names.
ExportOutcome exportPostmortem(const Project &project, DiagramScene *scene, const ExportRequest &request)
{
    ExportOutcome outcome;
    const PostmortemReport report = buildPostmortem(project, request.baseline);
    outcome.diagnostics = report.diagnostics;
    if (!report.error.isEmpty()) {
        outcome.error = report.error;
        return outcome;
    }
    const QFileInfo page(request.output);
    const QString base = page.suffix().compare(QLatin1String("md"), Qt::CaseInsensitive) == 0 ? page.completeBaseName()
                                                                                                : page.fileName();
    const QDir dir = page.dir();
    QStringList written;
    const QString diagramName = base + QStringLiteral("-diagram.svg");
    if (QString error = DiagramRenderer(scene).writeSvg(dir.filePath(diagramName), report.title); !error.isEmpty()) {
        outcome.error = error;
        return outcome;
    }
    written << dir.filePath(diagramName);
    QStringList chartNames;
    SeriesColors colors;
    for (std::size_t i = 0; i < report.charts.size(); ++i) {
        const PostmortemChart &c = report.charts[i];
        const QImage image = renderChart(*report.results, {c.title, c.variables, c.units, report.simSpecs.timeUnits}, colors);
        const QString name = QStringLiteral("%1-chart-%2.png").arg(base).arg(i + 1);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG")) {
            outcome.error = QStringLiteral("cannot encode the chart of %1").arg(c.title);
            return outcome;
        }
        if (QString error = writeExportFile(dir.filePath(name), png); !error.isEmpty()) {
            outcome.error = error;
            return outcome;
        }
        chartNames << name;
        written << dir.filePath(name);
    }
    if (QString error = writeExportFile(request.output, postmortemMarkdown(report, diagramName, chartNames)); !error.isEmpty()) {
        outcome.error = error;
        return outcome;
    }
    outcome.files = QStringList{request.output} + written;
    return outcome;
}

} // namespace

std::vector<LoopMark> diagramLoopMarks(const Project &project)
{
    const CausalModel causal = buildCausalModel(project);
    if (causal.hasErrors())
        return {};
    const LoopList loops = findLoops(causal.graph); // all of them: names follow the full order
    std::vector<LoopMark> marks;
    for (std::size_t i = 0; i < loops.size() && i < kLabelledLoops; ++i)
        marks.push_back({loops.name(i), loopVariableNames(causal.graph, loops, i)});
    return marks;
}

ExportOutcome exportProject(const Project &project, DiagramScene *scene, const ExportRequest &request)
{
    ExportOutcome outcome;
    switch (request.format) {
    case ExportFormat::Mermaid:
    case ExportFormat::Dot:
        return exportCausalText(project, request);
    case ExportFormat::Markdown:
        return exportPostmortem(project, scene, request);
    case ExportFormat::Svg:
        outcome.error = DiagramRenderer(scene).writeSvg(request.output, project.title());
        break;
    case ExportFormat::Png:
        outcome.error = DiagramRenderer(scene).writePng(request.output, request.scale);
        break;
    case ExportFormat::Pdf:
        outcome.error = DiagramRenderer(scene).writePdf(request.output, project.title());
        break;
    }
    if (outcome.error.isEmpty())
        outcome.files << request.output;
    return outcome;
}

} // namespace meadows

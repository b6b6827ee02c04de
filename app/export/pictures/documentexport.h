#pragma once
// Every export format for a model open in a scene: what File → Export and the headless
// `meadows export` (through the GUI module, offscreen) both call, so they write the same.
#include "export/exportoptions.h"
#include "solver/analysis/continuation.h"
#include "solver/analysis/sweep.h"
#include "model/project.h"
#include "solver/simulation.h"
#include "scene/looplabelitem.h"

#include <QStringList>
#include <memory>
#include <vector>

namespace meadows {

class DiagramScene;

struct ExportRequest {
    ExportFormat format = ExportFormat::Svg;
    QString output;                  // the file to write; md also writes files beside it
    double scale = 2;                // PNG
    const Project *baseline = nullptr; // md: constants are compared with this model's, its run drawn dashed
    std::shared_ptr<const Results> baselineRun; // md: a run to draw dashed instead (a saved run)
    QString baselineRunName;
    QStringList variables;           // md: the variables to chart (ticked); empty: the default choice
    std::optional<SweepAxis> bifurcation;            // md: follow the equilibria along this constant
    std::shared_ptr<const Continuation> continuation; // md: or chart this continuation (the editor's)
    QString bifurcationStock;                        // md: its stock; empty: every stock
    QStringList inputs;              // files no output may overwrite (the model, the baseline)
};

struct ExportOutcome {
    QStringList files;                   // everything written, the requested file first
    std::vector<Diagnostic> diagnostics; // problems met on the way
    QString error;                       // set when the export failed
};

// `project` is what the scene draws (the document's project).
ExportOutcome exportProject(const Project &project, DiagramScene *scene, const ExportRequest &request);

// The loops the editor labels on the diagram (the first dozen), for a scene that no
// loops panel fills.
std::vector<LoopMark> diagramLoopMarks(const Project &project);

} // namespace meadows

#include "livepanels.h"

#include "liveworkspace.h"
#include "loopspanel.h"
#include "sliderpanel.h"

#include "analysis/analysispanel.h"

#include "commands/changesimspecs.h"
#include "commands/changevalue.h"
#include "model/names.h"
#include "document.h"
#include "scene/diagramscene.h"
#include "scene/elementitem.h"
#include "scene/looplabelitem.h"
#include "scene/stockitem.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QTimer>
#include <QUndoStack>

namespace meadows {

LivePanels::LivePanels(QMainWindow *window, Document *document, DiagramScene *scene)
    : QObject(window), m_document(document), m_scene(scene)
{
    m_workspace = new LiveWorkspace(window);
    auto *results = new QDockWidget(tr("Results"), window);
    results->setObjectName(QStringLiteral("ResultsDock"));
    results->setWidget(m_workspace);
    window->addDockWidget(Qt::BottomDockWidgetArea, results);

    // Beside the chart: a slider moves, its effect shows next to it.
    auto *sliders = new QDockWidget(tr("Sliders"), window);
    sliders->setObjectName(QStringLiteral("SlidersDock"));
    sliders->setWidget(m_workspace->sliderPanel());
    window->addDockWidget(Qt::BottomDockWidgetArea, sliders);
    window->splitDockWidget(results, sliders, Qt::Horizontal);
    // Once the window has its size: the sliders a quarter of the width, and the charts tall
    // enough for two stacked with their labels.
    QTimer::singleShot(0, window, [window, results, sliders]() {
        window->resizeDocks({results, sliders}, {3, 1}, Qt::Horizontal);
        window->resizeDocks({results}, {330}, Qt::Vertical);
    });

    m_loops = new LoopsPanel(window);
    auto *loops = new QDockWidget(tr("Loops"), window);
    loops->setObjectName(QStringLiteral("LoopsDock"));
    loops->setWidget(m_loops);
    window->addDockWidget(Qt::LeftDockWidgetArea, loops);

    // Tabbed with the properties: the model's edge, a click away from its equations.
    m_analysis = new AnalysisPanel(window);
    m_analysisDock = new QDockWidget(tr("Analysis"), window);
    m_analysisDock->setObjectName(QStringLiteral("AnalysisDock"));
    m_analysisDock->setWidget(m_analysis);
    window->addDockWidget(Qt::RightDockWidgetArea, m_analysisDock);
    if (auto *properties = window->findChild<QDockWidget *>(QStringLiteral("propertiesDock"))) {
        window->tabifyDockWidget(properties, m_analysisDock);
        properties->raise();
    }
    connect(m_analysis, &AnalysisPanel::bandsChanged, m_workspace, &LiveWorkspace::setSensitivityBands);

    connect(document, &Document::modelEdited, this, &LivePanels::modelChanged);
    connect(document, &Document::projectReset, this, &LivePanels::modelChanged);
    connect(m_loops, &LoopsPanel::loopsFound, this, &LivePanels::showLoops);
    connect(m_loops, &LoopsPanel::loopSelected, this, [this](int index) {
        if (index < 0) {
            m_scene->highlightLoop(-1);
            return;
        }
        if (index >= m_labelledLoops) {
            // A long loop without a label of its own: label it while it is picked.
            std::vector<LoopMark> marks;
            for (int i = 0; i < m_labelledLoops; ++i)
                marks.push_back({m_loops->loops()[std::size_t(i)].name, m_loops->loops()[std::size_t(i)].variables});
            marks.push_back({m_loops->loops()[std::size_t(index)].name, m_loops->loops()[std::size_t(index)].variables});
            m_scene->setLoops(marks);
            m_scene->highlightLoop(int(marks.size()) - 1);
            return;
        }
        m_scene->highlightLoop(index);
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &LivePanels::selectionChanged);
    connect(m_workspace, &LiveWorkspace::resultsChanged, this, &LivePanels::showResults);
    connect(m_workspace, &LiveWorkspace::timeIndexChanged, this, &LivePanels::showTime);
    connect(m_workspace, &LiveWorkspace::simSpecsEdited, this, [this](const SimSpecs &specs) {
        m_document->undoStack()->push(new ChangeSimSpecsCommand(m_document, specs));
    });
    connect(m_workspace, &LiveWorkspace::constantEdited, this, &LivePanels::setConstant);
    connect(m_workspace, &LiveWorkspace::seriesColorChosen, document, &Document::setSeriesColor);
    connect(document, &Document::variableRenamed, m_workspace, &LiveWorkspace::renameVariable);
    // Not modified: the project is what the file holds, the values "Reset to saved value" restores.
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            m_workspace->sliderPanel()->setSavedProject(m_document->project());
    });
    modelChanged();
    m_workspace->sliderPanel()->setSavedProject(m_document->project());
}

// A slider's value becomes the constant's equation: saved, exported and undone like any edit.
void LivePanels::setConstant(const QString &variable, double value, int gesture)
{
    const Variable *v = m_document->variable(variable);
    const QString equation = constantText(value);
    if (!v || v->equation.trimmed() == equation)
        return;
    m_document->undoStack()->push(new ChangeVariableValueCommand<QString>(
        m_document, v->name, &Variable::equation, equation, tr("Set %1 to %2").arg(displayName(v->name), equation), gesture));
}

void LivePanels::modelChanged()
{
    m_workspace->setProject(m_document->project());
    m_loops->analyse(m_document->project());
    m_analysis->setModel(m_document->project(), m_workspace->sliderPanel()->overrides());
}

void LivePanels::showLoops(const std::vector<LoopRow> &loops)
{
    std::vector<LoopMark> marks;
    for (std::size_t i = 0; i < loops.size() && i < kLabelledLoops; ++i)
        marks.push_back({loops[i].name, loops[i].variables});
    m_labelledLoops = int(marks.size());
    m_scene->setLoops(marks);
}

// Each stock draws its own run: a sparkline and its level at the scrubbed time.
void LivePanels::showResults(const std::shared_ptr<const Results> &results)
{
    for (QGraphicsItem *item : m_scene->items()) {
        auto *stock = dynamic_cast<StockItem *>(item);
        if (!stock)
            continue;
        const ViewElement *e = m_document->element(stock->uid());
        const int column = e && results ? results->column(e->name) : -1;
        std::vector<double> values;
        if (column > 0) {
            values.reserve(results->rows());
            for (std::size_t r = 0; r < results->rows(); ++r)
                values.push_back(results->at(r, std::size_t(column)));
        }
        stock->setTrajectory(std::move(values));
        stock->setTimeIndex(m_workspace->timeIndex());
    }
}

void LivePanels::showTime(int row)
{
    for (QGraphicsItem *item : m_scene->items()) {
        if (auto *stock = dynamic_cast<StockItem *>(item))
            stock->setTimeIndex(row);
    }
}

// Clicking a variable in the diagram puts it on the chart.
void LivePanels::selectionChanged()
{
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (auto *element = dynamic_cast<ElementItem *>(item)) {
            const ViewElement *e = m_document->element(element->uid());
            if (e && !e->name.isEmpty()) {
                // The variable's own spelling (the diagram's may differ: "Heat_Loss_to_Room").
                const Variable *v = m_document->variable(e->name);
                m_workspace->showVariable(displayName(v ? v->name : e->name), true);
            }
        }
    }
}

} // namespace meadows

#pragma once
// The editor and the engine as one instrument: every model change re-runs in the
// background, results are charted, constants are sliders, runs are kept and compared.
// Errors show as a banner while the last good results stay visible, greyed.
#include "model/project.h"
#include "plotview.h"
#include "runstore.h"
#include "seriescolors.h"
#include "simulationscheduler.h"

#include <QWidget>
#include <memory>

class QLabel;
class QListWidget;
class QToolButton;
class QAction;
class QSlider;
class QTimer;

namespace meadows {

class SliderPanel;

class LiveWorkspace : public QWidget {
    Q_OBJECT
public:
    explicit LiveWorkspace(QWidget *parent = nullptr);
    ~LiveWorkspace() override;

    // The model changed (an edit, a file opened): run it again after a short pause.
    void setProject(const Project &project);
    const Project &project() const { return m_project; }

    SliderPanel *sliderPanel() const { return m_sliders; }
    PlotView *plot() const { return m_plot.get(); }
    RunStore *runs() { return &m_runs; }
    SimulationScheduler *scheduler() { return &m_scheduler; }

    // Shows or hides a variable on the chart (clicking it in the diagram does this).
    void showVariable(const QString &name, bool shown = true);
    QStringList shownVariables() const;
    // The charted variables once the user has chosen them (ticked, unticked or clicked in the
    // diagram); empty while the chart shows its own first choice (the stocks).
    QStringList chosenVariables() const { return m_shownChosen ? m_shown : QStringList(); }
    // A variable was renamed: it stays charted, in its colour.
    void renameVariable(const QString &oldName, const QString &newName);
    // The colour a variable is charted in (its own, kept across renames and in the file).
    QColor colorOf(const QString &name);
    // Keeps the current results as a named run, drawn as an overlay.
    int saveCurrentRun(const QString &name);
    void setRunShown(int index, bool shown);
    // The saved runs ticked in Saved runs (drawn dashed), in their order.
    std::vector<SavedRun> shownRuns() const;

    std::shared_ptr<const Results> currentResults() const { return m_current; }
    // A sensitivity run's percentile bands ("NAME:p5" ... "NAME:p95" columns), shaded around
    // each charted variable of the current run; empty: none.
    void setSensitivityBands(std::shared_ptr<const Results> bands);
    QString bannerText() const;
    bool showsStaleResults() const { return m_stale; }

    // Opens the two-run comparison table / the CSV export / the sim specs dialog.
    // The time scrubber: which saved row the diagram shows; -1 for the last.
    void setTimeIndex(int row);
    int timeIndex() const;
    void play(bool playing);
    bool isPlaying() const;

    void compareRuns(int a, int b);
    void exportCurrent();
    void editSimSpecs();

signals:
    // New results for the diagram (sparklines, stock fill levels).
    void resultsChanged(std::shared_ptr<const meadows::Results> results);
    // The user changed the sim specs: apply them to the document (an undoable edit).
    void simSpecsEdited(const meadows::SimSpecs &specs);
    // The user set a constant with its slider or box: apply it to the document as an edit.
    // The steps of one drag carry the same non-zero gesture id, to merge into one undo step.
    void constantEdited(const QString &variable, double value, int gesture);
    // A variable was given its chart colour: the document keeps it for the file.
    void seriesColorChosen(const QString &variable, const QString &color);
    void runFinished(double milliseconds);
    // Why the last run could not go ahead (its time settings), or empty: the status bar says
    // it beside the diagram's problems.
    void runProblemChanged(const QString &problem);
    void timeIndexChanged(int row);

private:
    void finished(const SimulationOutcome &outcome);
    void refreshVariables();
    void refreshRuns();
    void redraw();
    void overridesChanged(const FlattenOptions &overrides, bool dragging);
    void sliderEdited(const QString &variable, double value, bool dragging);
    void showTimeCursor();
    QString unitsOf(const QString &name) const;

    Project m_project;
    FlattenOptions m_overrides;
    SimulationScheduler m_scheduler;
    RunStore m_runs;
    SeriesColors m_colors;
    std::unique_ptr<PlotView> m_plot;
    SliderPanel *m_sliders = nullptr;
    QLabel *m_banner = nullptr;
    QString m_errorStyle;
    QListWidget *m_variables = nullptr;
    QListWidget *m_runList = nullptr;
    QToolButton *m_log = nullptr;
    QToolButton *m_play = nullptr;
    QToolButton *m_oneAxis = nullptr;
    QAction *m_compare = nullptr;
    QSlider *m_scrubber = nullptr;
    QLabel *m_scrubTime = nullptr;
    QTimer *m_player = nullptr;
    std::shared_ptr<const Results> m_current;
    std::shared_ptr<const Results> m_ghost; // the run before a slider drag began
    std::shared_ptr<const Results> m_bands; // sensitivity bands
    bool m_bandsDrawn = false;
    bool m_dragging = false;
    int m_gesture = 0; // the slider drag in progress
    bool m_stale = false;
    QStringList m_shown;
    bool m_shownChosen = false; // m_shown is the user's choice, not the first stocks
    std::vector<bool> m_runShown;
};

} // namespace meadows

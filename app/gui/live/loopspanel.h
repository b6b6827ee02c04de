#pragma once
// The model's feedback loops, found on a worker thread (a progress bar and Cancel for
// models with hundreds of thousands), filterable by R, B and ?, and a band under the
// time axis of which loop was in charge when (Loops That Matter, as periods) — the
// answer to "why did it oscillate". The loops' scores as a line chart are one click away.
#include "model/project.h"
#include "dominanceband.h"
#include "plotview.h"
#include "seriescolors.h"

#include <QWidget>
#include <atomic>
#include <memory>
#include <thread>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;
class QTreeWidget;

namespace meadows {

struct LoopRow {
    QString name;      // "R1"
    QString polarity;  // "reinforcing", "balancing", "unknown"
    QStringList variables;
};

struct LoopAnalysis {
    quint64 generation = 0;
    std::vector<LoopRow> loops;
    bool complete = true;
    bool discovered = false;                // too many to list: `loops` are those strongest-path discovery found
    QString problem;                        // why dominance could not be computed, if it could not
    std::shared_ptr<const Results> dominance; // Time, then the top loops' relative scores
    std::vector<BandPeriod> periods;        // who was in charge, for the band (the most dominant loop's group)
    double start = 0, stop = 0;             // the run's time span
};

class LoopsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LoopsPanel(QWidget *parent = nullptr);
    ~LoopsPanel() override;

    // Finds the loops of this model (again), cancelling a search still running.
    void analyse(const Project &project);
    void cancel();
    bool isBusy() const { return m_busy; }
    const std::vector<LoopRow> &loops() const { return m_result.loops; }
    QStringList visibleLoopNames() const;
    // Shows only the loops of one kind ("R", "B" or "?"), as its button does; false shows all.
    void setFilter(const QString &letter, bool only);
    void selectLoop(const QString &name);
    PlotView *dominancePlot() const { return m_plot.get(); }
    DominanceBand *dominanceBand() const { return m_band; }
    QToolButton *scoresButton() const { return m_scoresButton; } // shows or hides the line chart
    QString statusText() const;

signals:
    void loopsFound(const std::vector<meadows::LoopRow> &loops);
    void loopSelected(int index); // into loops(); -1 when none

private:
    void finished(LoopAnalysis analysis);
    void refill();
    void stopWorker();

    std::thread m_worker;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
    bool m_busy = false;
    LoopAnalysis m_result;
    QTreeWidget *m_tree = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_filters[3] = {};
    std::unique_ptr<PlotView> m_plot;
    DominanceBand *m_band = nullptr;
    QToolButton *m_scoresButton = nullptr;
    SeriesColors m_colors; // a loop keeps its colour across re-analyses
};

} // namespace meadows

Q_DECLARE_METATYPE(meadows::LoopAnalysis)

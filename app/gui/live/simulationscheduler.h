#pragma once
// Runs the model again whenever it changes, without ever blocking the GUI: edits are
// debounced (a burst of them costs one run), each run compiles and simulates on a worker
// thread, and a run made outdated by a newer edit is cancelled and its result dropped, so
// no result from an older model ever reaches the views.
#include "model/project.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace meadows {

struct SimulationOutcome {
    quint64 generation = 0;                  // which request this answers
    std::shared_ptr<const Results> results;  // empty when the model has errors
    std::vector<Diagnostic> diagnostics;
    QString error;                           // a run-time problem (bad sim specs)
    double milliseconds = 0;                 // compile + simulate
};

class SimulationScheduler : public QObject {
    Q_OBJECT
public:
    explicit SimulationScheduler(QObject *parent = nullptr);
    ~SimulationScheduler() override;

    // Asks for a run of this model; runs after `debounce` ms without a newer request.
    void request(const Project &project, const FlattenOptions &overrides = {}, const RunOptions &options = {});
    // Runs at once (no debounce): for a slider being dragged, where every step should show.
    void requestNow(const Project &project, const FlattenOptions &overrides = {}, const RunOptions &options = {});
    // Forgets every request: nothing asked for so far will report.
    void discard();
    quint64 latestGeneration() const { return m_generation; }
    bool isBusy() const;

signals:
    void started(quint64 generation);
    void finished(const meadows::SimulationOutcome &outcome); // only ever the latest request's

private:
    struct Job {
        Project project;
        FlattenOptions overrides;
        RunOptions options;
        quint64 generation = 0;
    };
    void startPending();
    void work(Job job, std::shared_ptr<std::atomic<bool>> cancel);

    QTimer m_debounce;
    std::optional<Job> m_pending;
    quint64 m_generation = 0;
    mutable std::mutex m_mutex; // guards m_running and m_cancel
    std::thread m_thread;
    bool m_running = false;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace meadows

Q_DECLARE_METATYPE(meadows::SimulationOutcome)

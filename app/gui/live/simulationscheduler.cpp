#include "simulationscheduler.h"

#include <QElapsedTimer>
#include <QMetaObject>

namespace meadows {

SimulationScheduler::SimulationScheduler(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<SimulationOutcome>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(50);
    connect(&m_debounce, &QTimer::timeout, this, &SimulationScheduler::startPending);
}

SimulationScheduler::~SimulationScheduler()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_cancel)
            m_cancel->store(true);
    }
    if (m_thread.joinable())
        m_thread.join();
}

void SimulationScheduler::request(const Project &project, const FlattenOptions &overrides, const RunOptions &options)
{
    m_pending = Job{project, overrides, options, ++m_generation};
    // A newer model makes a run in progress pointless: stop it now.
    {
        std::lock_guard lock(m_mutex);
        if (m_cancel)
            m_cancel->store(true);
    }
    m_debounce.start();
}

void SimulationScheduler::requestNow(const Project &project, const FlattenOptions &overrides, const RunOptions &options)
{
    request(project, overrides, options);
    m_debounce.stop();
    startPending();
}

void SimulationScheduler::discard()
{
    ++m_generation;
    m_pending.reset();
    m_debounce.stop();
    std::lock_guard lock(m_mutex);
    if (m_cancel)
        m_cancel->store(true);
}

bool SimulationScheduler::isBusy() const
{
    std::lock_guard lock(m_mutex);
    return m_running || m_debounce.isActive();
}

void SimulationScheduler::startPending()
{
    if (!m_pending)
        return;
    {
        std::lock_guard lock(m_mutex);
        if (m_running) {
            // The worker is still stopping an outdated run; try again shortly.
            m_debounce.start(5);
            return;
        }
        m_running = true;
        m_cancel = std::make_shared<std::atomic<bool>>(false);
    }
    if (m_thread.joinable())
        m_thread.join();
    Job job = std::move(*m_pending);
    m_pending.reset();
    emit started(job.generation);
    m_thread = std::thread(&SimulationScheduler::work, this, std::move(job), m_cancel);
}

void SimulationScheduler::work(Job job, std::shared_ptr<std::atomic<bool>> cancel)
{
    QElapsedTimer clock;
    clock.start();
    SimulationOutcome outcome;
    outcome.generation = job.generation;
    CompileResult compiled = compileProject(job.project, job.overrides);
    outcome.diagnostics = std::move(compiled.diagnostics);
    if (compiled.model && !cancel->load()) {
        RunResult run = simulate(*compiled.model, job.options, cancel.get());
        if (run.results)
            outcome.results = std::make_shared<const Results>(std::move(*run.results));
        else if (run.errorSource.isValid()) // a run stopped at an equation (an index out of range)
            outcome.error = Diagnostic(Severity::Error, run.errorSource.fileName(), run.errorSource.position(), run.error)
                                .format();
        else
            outcome.error = run.error;
    }
    outcome.milliseconds = double(clock.nsecsElapsed()) / 1e6;
    const bool stale = cancel->load();
    QMetaObject::invokeMethod(this, [this, outcome = std::move(outcome), stale]() {
        {
            std::lock_guard lock(m_mutex);
            m_running = false;
        }
        // Only the newest request's result is shown; an older one is dropped here.
        if (!stale && outcome.generation == m_generation)
            emit finished(outcome);
        if (m_pending && !m_debounce.isActive())
            startPending();
    }, Qt::QueuedConnection);
}

} // namespace meadows

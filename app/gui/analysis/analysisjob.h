#pragma once
// One analysis at a time on a worker thread, for a tab of the Analysis panel: a progress
// bar, a Cancel button and a status line that follow it. Starting another cancels the one
// running; a result that arrives after it was superseded is dropped. The work gets the
// cancel flag and a progress callback the solver's analyses (solver/analysis) take.
#include <QMetaObject>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>
#include <thread>

class QLabel;
class QProgressBar;
class QPushButton;

namespace meadows {

using AnalysisProgress = std::function<void(std::size_t, std::size_t)>;

class AnalysisJob : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisJob(QWidget *parent = nullptr);
    ~AnalysisJob() override;

    // Runs `work(cancel, progress)` on a worker thread; `done(result, cancelled)` then runs
    // on this object's thread, unless another job was started (or this one destroyed) since.
    template <class Result>
    void start(const QString &what, std::function<Result(const std::atomic<bool> *, const AnalysisProgress &)> work,
               std::function<void(Result, bool)> done)
    {
        const quint64 generation = begin(what);
        m_worker = std::thread([this, generation, cancel = m_cancel, work = std::move(work), done = std::move(done)]() {
            auto result = std::make_shared<Result>(work(cancel.get(), [this, generation](std::size_t d, std::size_t n) {
                QMetaObject::invokeMethod(this, [this, generation, d, n]() { progressed(generation, d, n); }, Qt::QueuedConnection);
            }));
            QMetaObject::invokeMethod(this, [this, generation, cancel, result, done]() {
                const bool cancelled = cancel->load();
                if (!accept(generation, cancelled))
                    return;
                done(std::move(*result), cancelled);
                emit finished(cancelled);
            }, Qt::QueuedConnection);
        });
    }

    void cancel();
    bool isBusy() const { return m_busy; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QProgressBar *progressBar() const { return m_progress; }
    QString status() const;
    void setStatus(const QString &text);

signals:
    void finished(bool cancelled);

private:
    quint64 begin(const QString &what);
    bool accept(quint64 generation, bool cancelled); // false: superseded
    void progressed(quint64 generation, std::size_t done, std::size_t total);
    void stop();

    std::thread m_worker;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
    bool m_busy = false;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace meadows

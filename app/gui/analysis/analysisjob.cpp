#include "analysisjob.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace meadows {

AnalysisJob::AnalysisJob(QWidget *parent) : QWidget(parent)
{
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setToolTip(tr("Stop this analysis"));
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, &AnalysisJob::cancel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancelButton);
}

AnalysisJob::~AnalysisJob()
{
    stop();
}

void AnalysisJob::stop()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_worker.joinable())
        m_worker.join();
}

void AnalysisJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_busy)
        m_status->setText(tr("Cancelling…"));
}

quint64 AnalysisJob::begin(const QString &what)
{
    // The one running stops at its next check (the analyses check between runs and steps).
    stop();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_busy = true;
    m_status->setText(what);
    m_progress->setRange(0, 0); // busy until the first report
    m_progress->show();
    m_cancelButton->show();
    return ++m_generation;
}

bool AnalysisJob::accept(quint64 generation, bool cancelled)
{
    if (generation != m_generation)
        return false;
    m_busy = false;
    m_progress->hide();
    m_cancelButton->hide();
    if (cancelled)
        m_status->setText(tr("Cancelled."));
    return true;
}

void AnalysisJob::progressed(quint64 generation, std::size_t done, std::size_t total)
{
    if (generation != m_generation || !m_busy || total == 0)
        return;
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(1000.0 * double(done) / double(total)));
}

QString AnalysisJob::status() const
{
    return m_status->text();
}

void AnalysisJob::setStatus(const QString &text)
{
    m_status->setText(text);
}

} // namespace meadows

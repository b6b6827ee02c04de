#include "bifurcationtab.h"

#include "bifurcationchart.h"
#include "parameterrow.h"

#include "solver/analysis/parameters.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace meadows {

BifurcationTab::BifurcationTab(QWidget *parent) : AnalysisTab(tr("Run"), parent)
{
    m_run->setToolTip(tr("Follow every equilibrium as the parameter moves over its range"));
    m_parameter = new ParameterRow(tr("Parameter"), 101, this);
    m_stock = new QComboBox(this);
    m_stock->setAccessibleName(tr("Stock shown"));
    m_chart = new BifurcationChart(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_stock, &QComboBox::currentIndexChanged, this, &BifurcationTab::draw);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Stock"), this));
    controls->addWidget(m_stock, 1);
    controls->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_parameter);
    layout->addLayout(controls);
    layout->addWidget(m_job);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_summary);
}

void BifurcationTab::modelChanged()
{
    m_parameter->setProject(m_project);
    m_current = false;
}

std::shared_ptr<const Continuation> BifurcationTab::currentContinuation() const
{
    if (!m_current || !m_outcome.error.isEmpty() || m_outcome.continuation.branches.empty())
        return nullptr;
    return std::make_shared<const Continuation>(m_outcome.continuation);
}

QString BifurcationTab::chosenStock() const
{
    return m_stock->currentText();
}

void BifurcationTab::run()
{
    if (const QString why = unanalysable(); !why.isEmpty()) {
        m_job->setStatus(why);
        return;
    }
    if (m_parameter->name().isEmpty()) {
        m_job->setStatus(tr("The model has no constant to vary."));
        return;
    }
    const QString name = m_parameter->name();
    const double from = m_parameter->from(), to = m_parameter->to();
    const int points = m_parameter->points();
    m_job->start<ContinuationOutcome>(tr("Following the equilibria along %1…").arg(name),
        [project = m_project, overrides = m_overrides, name, from, to, points](const std::atomic<bool> *cancel,
                                                                              const AnalysisProgress &progress) {
            ContinuationOutcome out;
            const ParameterizedModel model(project, {name}, overrides);
            out.error = firstError(model);
            if (!out.error.isEmpty())
                return out;
            ContinuationOptions options;
            options.progress = [progress](int done, int total) { progress(std::size_t(done), std::size_t(total)); };
            out.continuation = continueEquilibria(model, 0, from, to, points, options, cancel);
            return out;
        },
        [this](ContinuationOutcome outcome, bool cancelled) {
            if (!cancelled)
                show(std::move(outcome));
        });
}

void BifurcationTab::show(ContinuationOutcome outcome)
{
    m_outcome = std::move(outcome);
    m_current = !m_outcome.continuation.cancelled;
    if (!m_outcome.error.isEmpty()) {
        m_job->setStatus(m_outcome.error);
        m_chart->clear();
        m_summary->clear();
        return;
    }
    const Continuation &c = m_outcome.continuation;
    {
        // The stock chosen before stays chosen.
        const QString kept = m_stock->currentText();
        const QSignalBlocker block(m_stock);
        m_stock->clear();
        for (std::size_t s = 0; s < c.stockNames.size(); ++s)
            if (!c.stockNames[s].isEmpty())
                m_stock->addItem(c.stockNames[s], int(s));
        const int index = m_stock->findText(kept);
        m_stock->setCurrentIndex(index >= 0 ? index : 0);
    }
    QStringList lines;
    for (const SpecialPoint &p : c.folds)
        lines << tr("Tipping point (fold) at %1 = %2: two equilibria meet and vanish there.").arg(c.parameter, QString::number(p.value, 'g', 8));
    for (const SpecialPoint &p : c.hopf)
        lines << tr("Hopf point at %1 = %2: the steady state turns into an oscillation there.").arg(c.parameter, QString::number(p.value, 'g', 8));
    if (lines.isEmpty())
        lines << tr("No tipping point between %1 and %2.").arg(m_parameter->from()).arg(m_parameter->to());
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_job->setStatus(tr("%n equilibrium branch(es) along %1; solid: stable, dashed: unstable.", nullptr, int(c.branches.size())).arg(c.parameter));
    draw();
}

void BifurcationTab::draw()
{
    const QVariant stock = m_stock->currentData();
    if (!stock.isValid()) {
        m_chart->clear();
        return;
    }
    m_chart->show(m_outcome.continuation, std::size_t(stock.toInt()));
}

QString BifurcationTab::summary() const
{
    return m_summary->text();
}

} // namespace meadows

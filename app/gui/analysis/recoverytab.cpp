#include "recoverytab.h"

#include "parameterrow.h"
#include "recoverymapview.h"

#include "solver/analysis/parameters.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace meadows {

RecoveryTab::RecoveryTab(QWidget *parent) : AnalysisTab(tr("Run"), parent)
{
    m_run->setToolTip(tr("Run the model at every point of the grid and say which runs recover"));
    m_first = new ParameterRow(tr("Across"), 21, this);
    m_second = new ParameterRow(tr("Up"), 21, this);
    m_useSecond = new QCheckBox(tr("Second parameter"), this);
    m_useSecond->setChecked(true);
    connect(m_useSecond, &QCheckBox::toggled, m_second, &QWidget::setEnabled);
    m_tolerance = new QDoubleSpinBox(this);
    m_tolerance->setAccessibleName(tr("Tolerance"));
    m_tolerance->setDecimals(2);
    m_tolerance->setRange(0.01, 50);
    m_tolerance->setValue(1);
    m_tolerance->setSuffix(QStringLiteral(" %"));
    auto *explain = new QLabel(tr("A run <b>recovers</b> when every stock ends within the tolerance of where the reference run "
                                  "ends: the run with both parameters at their first value (put the undisturbed value there: "
                                  "a dip of size 0 or length 0). The tolerance is a share of the stock's largest size in the "
                                  "reference run. A run still far from it at the end (a backlog still growing) does not recover."),
                               this);
    explain->setWordWrap(true);
    m_view = new RecoveryMapView(this);
    m_boundary = new QLabel(this);
    m_boundary->setWordWrap(true);
    m_boundary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_useSecond);
    controls->addStretch();
    controls->addWidget(new QLabel(tr("Tolerance"), this));
    controls->addWidget(m_tolerance);
    controls->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(explain);
    layout->addWidget(m_first);
    layout->addWidget(m_second);
    layout->addLayout(controls);
    layout->addWidget(m_job);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_boundary);
}

void RecoveryTab::modelChanged()
{
    m_first->setProject(m_project);
    m_second->setProject(m_project);
    // Two different parameters to begin with.
    if (m_second->name() == m_first->name() && m_second->combo()->count() > 1)
        m_second->combo()->setCurrentIndex(m_first->combo()->currentIndex() == 0 ? 1 : 0);
}

void RecoveryTab::run()
{
    if (const QString why = unanalysable(); !why.isEmpty()) {
        m_job->setStatus(why);
        return;
    }
    std::vector<SweepAxis> axes{{m_first->name(), m_first->from(), m_first->to(), m_first->points()}};
    if (m_useSecond->isChecked())
        axes.push_back({m_second->name(), m_second->from(), m_second->to(), m_second->points()});
    QStringList names;
    for (const SweepAxis &a : axes) {
        if (a.name.isEmpty() || names.contains(a.name)) {
            m_job->setStatus(tr("Choose two different constants to vary."));
            return;
        }
        names << a.name;
    }
    RecoveryOptions options;
    options.tolerance = m_tolerance->value() / 100;
    m_job->start<RecoveryOutcome>(tr("Running the grid…"),
        [project = m_project, overrides = m_overrides, axes, names, options](const std::atomic<bool> *cancel,
                                                                            const AnalysisProgress &progress) {
            RecoveryOutcome out;
            const ParameterizedModel model(project, names, overrides);
            out.error = firstError(model);
            if (!out.error.isEmpty())
                return out;
            out.map = mapRecovery(model, axes, options, {}, 0, cancel, progress);
            if (out.map.error == QLatin1String("cancelled"))
                out.map = {};
            return out;
        },
        [this](RecoveryOutcome outcome, bool cancelled) {
            if (!cancelled)
                show(std::move(outcome));
        });
}

void RecoveryTab::show(RecoveryOutcome outcome)
{
    const QString error = outcome.error.isEmpty() ? outcome.map.error : outcome.error;
    if (!error.isEmpty() && outcome.map.points() == 0) {
        m_job->setStatus(error);
        m_view->setMap({});
        m_boundary->clear();
        return;
    }
    const RecoveryMap &map = outcome.map;
    m_view->setMap(map);
    std::size_t recovered = 0;
    for (char r : map.recovers)
        recovered += r ? 1 : 0;
    QStringList reference;
    for (std::size_t s = 0; s < map.stocks.size(); ++s)
        reference << QStringLiteral("%1 = %2").arg(map.stocks[s], QString::number(map.reference[s], 'g', 6));
    m_job->setStatus(tr("%1 of %2 runs recover (green). The reference run ends at %3.")
                         .arg(recovered).arg(map.points()).arg(reference.join(QStringLiteral(", "))));
    QStringList lines;
    const SweepAxis &last = map.axes.back();
    for (const RecoveryBoundary &b : map.boundary) {
        const QString at = QStringLiteral("%1 = %2").arg(last.name, QString::number(b.value, 'g', 6));
        const QString side = b.recoversBelow ? tr("recovers below, does not recover above") : tr("recovers above, does not recover below");
        lines << (map.axes.size() > 1 ? tr("At %1 = %2: boundary at %3 (%4)").arg(map.axes.front().name, QString::number(b.across, 'g', 6), at, side)
                                      : tr("Boundary at %1 (%2)").arg(at, side));
    }
    if (lines.isEmpty())
        lines << (recovered == map.points() ? tr("Every run recovers.") : recovered == 0 ? tr("No run recovers.")
                                                                               : tr("No boundary along %1.").arg(last.name));
    if (!error.isEmpty())
        lines << error;
    m_boundary->setText(lines.join(QLatin1Char('\n')));
}

QString RecoveryTab::boundaryText() const
{
    return m_boundary->text();
}

} // namespace meadows

#include "equilibriatab.h"

#include "solver/analysis/parameters.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace meadows {

QString eigenvalueText(std::complex<double> v)
{
    if (v.imag() == 0)
        return QString::number(v.real(), 'g', 6);
    return QStringLiteral("%1 %2 %3i").arg(QString::number(v.real(), 'g', 6), v.imag() < 0 ? QStringLiteral("−") : QStringLiteral("+"),
                                          QString::number(std::fabs(v.imag()), 'g', 6));
}

EquilibriaTab::EquilibriaTab(QWidget *parent) : AnalysisTab(tr("Find equilibria"), parent)
{
    m_run->setToolTip(tr("Find the steady states again (they are found whenever the equations change)"));
    m_table = new QTableWidget(this);
    m_table->setAccessibleName(tr("Equilibria"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *explain = new QLabel(tr("Steady states: where every stock's net flow is zero, with STEP, PULSE and TIME held at the "
                                  "start. Stable: nearby states return (every eigenvalue's real part below zero); unstable: "
                                  "they leave; saddle: some directions return, others leave (the edge between two stable states)."),
                               this);
    explain->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(m_run);
    top->addWidget(m_job, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(explain);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_notice);
    // A burst of edits (a slider dragged) costs one search.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &EquilibriaTab::run);
}

// Found again as the equations change while the tab is in view; when it comes into view.
void EquilibriaTab::modelChanged()
{
    m_outdated = true;
    if (isVisible())
        m_debounce->start();
}

void EquilibriaTab::showEvent(QShowEvent *event)
{
    AnalysisTab::showEvent(event);
    if (m_outdated && !m_job->isBusy())
        m_debounce->start();
}

void EquilibriaTab::run()
{
    m_debounce->stop();
    m_outdated = false;
    if (const QString why = unanalysable(); !why.isEmpty()) {
        m_job->cancel();
        m_table->setRowCount(0);
        m_job->setStatus(why);
        return;
    }
    m_job->start<EquilibriaOutcome>(tr("Finding equilibria…"),
        [project = m_project, overrides = m_overrides](const std::atomic<bool> *cancel, const AnalysisProgress &) {
            EquilibriaOutcome out;
            const ParameterizedModel model(project, {}, overrides);
            out.error = firstError(model);
            if (!out.error.isEmpty())
                return out;
            out.at = model.model()->specs.start;
            out.search = findEquilibria(model.flat(), *model.model(), {}, cancel);
            return out;
        },
        [this](EquilibriaOutcome outcome, bool cancelled) {
            if (!cancelled)
                show(std::move(outcome));
        });
}

void EquilibriaTab::show(EquilibriaOutcome outcome)
{
    m_outcome = std::move(outcome);
    m_table->clear();
    m_table->setRowCount(0);
    m_notice->clear();
    if (!m_outcome.error.isEmpty()) {
        m_job->setStatus(m_outcome.error);
        m_table->setColumnCount(0);
        return;
    }
    const EquilibriumSearch &s = m_outcome.search;
    QStringList headers{QStringLiteral("#")};
    std::vector<std::size_t> shown; // the stocks the model displays
    for (std::size_t k = 0; k < s.stockNames.size(); ++k)
        if (!s.stockNames[k].isEmpty()) {
            headers << s.stockNames[k];
            shown.push_back(k);
        }
    headers << tr("Eigenvalues") << tr("Stability") << tr("Oscillatory") << tr("Kink");
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(s.equilibria.size()));
    QStringList kinks;
    for (std::size_t i = 0; i < s.equilibria.size(); ++i) {
        const Equilibrium &e = s.equilibria[i];
        int column = 0;
        const auto put = [&](const QString &text) { m_table->setItem(int(i), column++, new QTableWidgetItem(text)); };
        put(QString::number(i + 1));
        for (std::size_t k : shown)
            put(QString::number(e.stocks[k], 'g', 8));
        QStringList values;
        for (std::complex<double> v : e.eigenvalues)
            values << eigenvalueText(v);
        put(values.join(QStringLiteral(", ")));
        QString stability = e.stability == Stability::Stable ? tr("stable") : e.stability == Stability::Unstable ? tr("unstable") : tr("saddle");
        if (e.neutral)
            stability = tr("%1 (neutral: an eigenvalue's real part is zero)").arg(stability);
        put(stability);
        put(e.oscillatory ? tr("yes") : tr("no"));
        QStringList here;
        for (const Kink &k : e.kinks) {
            here << tr("%1 in %2").arg(k.function, k.variable);
            // Where the equation is, as FILE:LINE:COL, as the command line says it.
            Diagnostic d = k.where;
            d.severity = Severity::Warning;
            d.message = tr("equilibrium %1 sits on a %2 kink in '%3': the net flows have a different slope on each side, "
                           "and its eigenvalues are those of the average slope")
                            .arg(i + 1).arg(k.function, k.variable);
            kinks << d.format();
        }
        put(here.join(QStringLiteral(", ")));
        const QColor tint = e.stability == Stability::Stable ? QColor(0xe8, 0xf5, 0xe9) : QColor(0xfd, 0xec, 0xea);
        m_table->item(int(i), int(headers.size()) - 3)->setBackground(tint);
    }
    // What the set of states means: the tipping-point story in one sentence.
    int stable = 0, other = 0;
    for (const Equilibrium &e : s.equilibria)
        (e.stability == Stability::Stable ? stable : other)++;
    if (stable >= 2 && other >= 1)
        kinks.prepend(tr("Several stable states: the unstable and saddle ones between them are the edges a disturbance must "
                         "push the stocks across to tip the model from one to another."));
    else if (stable == 1 && other >= 1)
        kinks.prepend(tr("One stable state, and beyond the unstable one the stocks move away from it: a threshold that a "
                         "large enough disturbance crosses."));
    for (const Diagnostic &d : s.warnings)
        kinks << d.format();
    m_notice->setText(kinks.join(QLatin1Char('\n')));
    m_job->setStatus(s.equilibria.empty()
        ? tr("No equilibrium at time %1: Newton's method found none from %2 starting points (the stocks never all stop changing).")
              .arg(m_outcome.at).arg(s.starts)
        : tr("%n equilibrium(s) at time %1 (from %2 starting points).", nullptr, int(s.equilibria.size())).arg(m_outcome.at).arg(s.starts));
}

QString EquilibriaTab::notice() const
{
    return m_notice->text();
}

} // namespace meadows

#include "loopspanel.h"

#include "solver/analysis/loopfinder.h"
#include "solver/analysis/causalmodel.h"
#include "solver/compiler.h"
#include "solver/analysis/loopdominance.h"
#include "solver/analysis/dominanceperiods.h"
#include "solver/analysis/loopdiscovery.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMetaObject>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace meadows {

namespace {
// More rows than anyone reads make the list slow to fill; the count says what is left out.
constexpr std::size_t kShownRows = 5000;
constexpr std::size_t kDominanceLoops = 6;

LoopAnalysis analyseProject(const Project &project, quint64 generation, const std::atomic<bool> *cancel,
                            const std::function<void(std::size_t)> &progress)
{
    LoopAnalysis out;
    out.generation = generation;
    const CausalModel causal = buildCausalModel(project);
    LoopSearchOptions options;
    options.cancel = cancel;
    options.progress = progress;
    const LoopList loops = findLoops(causal.graph, options);
    out.complete = loops.complete;
    const auto rowsOf = [&causal](const LoopList &list) {
        std::vector<LoopRow> rows;
        for (std::size_t i = 0; i < list.size(); ++i)
            rows.push_back({list.name(i), polarityName(list.polarity(i)), loopVariableNames(causal.graph, list, i)});
        return rows;
    };
    out.loops = rowsOf(loops);
    if (loops.empty() || project.mainModel().isCausalLoopDiagram())
        return out;
    const CompileResult compiled = compileProject(project);
    if (!compiled.model) {
        out.problem = QObject::tr("Dominance needs a model that runs.");
        return out;
    }
    // Too many loops to list them all: the list shows, and dominance scores, the loops that
    // matter, found by strongest-path discovery (as `meadows loops --dominance` does), so
    // that a name in the band is the same loop as in the list.
    LoopList discovered;
    const bool discover = !loops.complete && !loops.cancelled;
    if (discover) {
        const LinkScoreRun scores = scoreAllLinks(causal, *compiled.model, {}, cancel);
        LoopDiscoveryOptions discovery;
        discovery.cancel = cancel;
        discovered = loopListOf(causal.graph, discoverStrongestLoops(causal, scores, discovery).circuits);
        out.loops = rowsOf(discovered);
        out.discovered = true;
    }
    const LoopList &scored = discover ? discovered : loops;
    const DominanceResult d = computeDominance(causal, scored, *compiled.model, {}, cancel);
    if (!d.error.isEmpty()) {
        out.problem = d.error;
        return out;
    }
    const std::vector<std::size_t> top = topLoops(d, kDominanceLoops);
    auto strip = std::make_shared<Results>();
    strip->columns = top.size() + 1;
    strip->names.push_back(QStringLiteral("Time"));
    for (std::size_t l : top)
        strip->names.push_back(d.loopNames[l]);
    for (std::size_t s = 0; s < d.times.size(); ++s) {
        strip->data.push_back(d.times[s]);
        for (std::size_t l : top)
            strip->data.push_back(d.relative(s, l));
    }
    out.dominance = std::move(strip);
    out.start = d.times.front();
    out.stop = d.times.back();
    // The band tells the story of the group of loops the most dominant one is in.
    const int group = top.empty() ? 0 : d.loopComponent[top.front()];
    for (const DominancePeriod &p : dominanceStory(d)) {
        if (p.component != group)
            continue;
        BandPeriod b;
        b.from = p.from;
        b.to = p.to;
        switch (p.loop) {
        case DominancePeriod::kShared:
            b.kind = BandPeriod::Kind::Shared;
            b.label = QObject::tr("shared");
            b.detail = QObject::tr("No loop has half of the loops' scores.");
            break;
        case DominancePeriod::kAtRest:
            b.kind = BandPeriod::Kind::AtRest;
            b.label = QObject::tr("at rest");
            b.detail = QObject::tr("No stock on a loop moves.");
            break;
        case DominancePeriod::kInactive:
            b.kind = BandPeriod::Kind::Inactive;
            b.label = QObject::tr("no loop active");
            b.detail = QObject::tr("The stocks move at a pace no loop changes (a limit holds a flow, or an outside input drives them).");
            break;
        default:
            b.label = d.loopNames[std::size_t(p.loop)];
            b.detail = polarityName(scored.polarity(std::size_t(p.loop))) + QStringLiteral(": ")
                       + loopVariableNames(causal.graph, scored, std::size_t(p.loop)).join(QStringLiteral(" → "));
        }
        out.periods.push_back(std::move(b));
    }
    return out;
}
} // namespace

LoopsPanel::LoopsPanel(QWidget *parent) : QWidget(parent)
{
    qRegisterMetaType<LoopAnalysis>();
    auto *filters = new QHBoxLayout;
    // Each button shows only its kind of loop; a second click shows them all again.
    const char *letters[] = {"R", "B", "?"};
    const char *tips[] = {QT_TR_NOOP("Only reinforcing loops (click again for all)"), QT_TR_NOOP("Only balancing loops (click again for all)"),
                          QT_TR_NOOP("Only loops of unknown polarity (click again for all)")};
    for (int i = 0; i < 3; ++i) {
        m_filters[i] = new QToolButton(this);
        m_filters[i]->setText(QLatin1String(letters[i]));
        m_filters[i]->setToolTip(tr(tips[i]));
        m_filters[i]->setCheckable(true);
        connect(m_filters[i], &QToolButton::toggled, this, [this, i](bool on) {
            if (on)
                for (int other = 0; other < 3; ++other)
                    if (other != i) {
                        const QSignalBlocker block(m_filters[other]);
                        m_filters[other]->setChecked(false);
                    }
            refill();
        });
        filters->addWidget(m_filters[i]);
    }
    filters->addStretch();
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, &LoopsPanel::cancel);
    filters->addWidget(m_progress);
    filters->addWidget(m_cancelButton);

    m_tree = new QTreeWidget(this);
    m_tree->setHeaderLabels({tr("Loop"), tr("Length"), tr("Variables")});
    m_tree->setRootIsDecorated(false);
    // A long loop keeps its first and last variables in view; the whole loop is its tooltip.
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        emit loopSelected(item ? item->data(0, Qt::UserRole).toInt() : -1);
    });
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_band = new DominanceBand(this);
    m_band->setToolTip(tr("Which loop was in charge when"));
    m_scoresButton = new QToolButton(this);
    m_scoresButton->setText(tr("Scores"));
    m_scoresButton->setToolTip(tr("Show the loops' relative scores over time as a line chart"));
    m_scoresButton->setCheckable(true);
    filters->insertWidget(filters->count() - 3, m_scoresButton); // before the stretch, progress and Cancel
    m_plot = createPlotView(this);
    m_plot->setMinimumHeight(140);
    m_plot->hide();
    connect(m_scoresButton, &QToolButton::toggled, this, [this](bool shown) { m_plot->setVisible(shown); });
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    auto *dominance = new QWidget(this);
    auto *dominanceLayout = new QVBoxLayout(dominance);
    dominanceLayout->setContentsMargins(0, 0, 0, 0);
    dominanceLayout->addWidget(m_band);
    dominanceLayout->addWidget(m_plot.get(), 1);
    split->addWidget(dominance);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
}

LoopsPanel::~LoopsPanel()
{
    stopWorker();
}

void LoopsPanel::stopWorker()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_worker.joinable())
        m_worker.join();
}

void LoopsPanel::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void LoopsPanel::analyse(const Project &project)
{
    stopWorker();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++m_generation;
    m_busy = true;
    m_progress->show();
    m_cancelButton->show();
    m_status->setText(tr("Finding loops…"));
    m_worker = std::thread([this, project, generation, cancel = m_cancel]() {
        LoopAnalysis result = analyseProject(project, generation, cancel.get(), [this, generation](std::size_t found) {
            QMetaObject::invokeMethod(this, [this, generation, found]() {
                if (generation == m_generation)
                    m_status->setText(tr("Finding loops… %1 so far").arg(found));
            }, Qt::QueuedConnection);
        });
        QMetaObject::invokeMethod(this, [this, result = std::move(result)]() mutable { finished(std::move(result)); },
                                  Qt::QueuedConnection);
    });
}

void LoopsPanel::finished(LoopAnalysis analysis)
{
    if (analysis.generation != m_generation)
        return; // a newer model is being analysed
    m_busy = false;
    m_progress->hide();
    m_cancelButton->hide();
    m_result = std::move(analysis);
    std::size_t r = 0, b = 0, u = 0;
    for (const LoopRow &row : m_result.loops)
        (row.polarity == QLatin1String("reinforcing") ? r : row.polarity == QLatin1String("balancing") ? b : u)++;
    // Whole sentences, not fragments, so that translations can order their words freely.
    const int count = int(m_result.loops.size());
    QString status = u ? tr("%n loop(s): %1 reinforcing, %2 balancing, %3 of unknown polarity", nullptr, count).arg(r).arg(b).arg(u)
                       : tr("%n loop(s): %1 reinforcing, %2 balancing", nullptr, count).arg(r).arg(b);
    if (m_result.discovered)
        status += QLatin1Char('\n') + tr("These are the loops that matter, found by strongest-path discovery: "
                                        "the model has too many loops to list them all.");
    else if (!m_result.complete)
        status = tr("%1 — the search stopped early, the list is incomplete").arg(status);
    if (!m_result.problem.isEmpty())
        status += QLatin1Char('\n') + m_result.problem;
    m_status->setText(status);
    refill();
    QList<PlotSeries> series;
    if (m_result.dominance) {
        for (std::size_t c = 1; c < m_result.dominance->columns; ++c) {
            const QString &loop = m_result.dominance->names[c];
            series << PlotSeries{loop, m_colors.colorFor(loop), m_result.dominance, int(c), false, {}, {}};
        }
    }
    m_plot->setSeries(series);
    std::vector<QColor> colors;
    for (const BandPeriod &p : m_result.periods)
        colors.push_back(p.kind == BandPeriod::Kind::Loop ? m_colors.colorFor(p.label) : QColor());
    m_band->setPeriods(m_result.periods, m_result.start, m_result.stop, colors);
    emit loopsFound(m_result.loops);
}

void LoopsPanel::setFilter(const QString &letter, bool only)
{
    for (QToolButton *b : m_filters) {
        if (b->text() == letter)
            b->setChecked(only);
    }
}

void LoopsPanel::refill()
{
    m_tree->clear();
    std::size_t shown = 0;
    for (std::size_t i = 0; i < m_result.loops.size() && shown < kShownRows; ++i) {
        const LoopRow &row = m_result.loops[i];
        const int kind = row.polarity == QLatin1String("reinforcing") ? 0 : row.polarity == QLatin1String("balancing") ? 1 : 2;
        const bool filtered = std::any_of(std::begin(m_filters), std::end(m_filters), [](QToolButton *b) { return b->isChecked(); });
        if (filtered && !m_filters[kind]->isChecked())
            continue;
        auto *item = new QTreeWidgetItem(m_tree, {row.name, QString::number(row.variables.size()),
                                                  row.variables.join(QStringLiteral(" → "))});
        item->setData(0, Qt::UserRole, int(i));
        const QString whole = row.variables.join(QStringLiteral(" → ")) + QStringLiteral(" → ") + row.variables.value(0);
        for (int column = 0; column < 3; ++column)
            item->setToolTip(column, QStringLiteral("%1: %2").arg(row.name, whole));
        ++shown;
    }
}

QString LoopsPanel::statusText() const
{
    return m_status->text();
}

QStringList LoopsPanel::visibleLoopNames() const
{
    QStringList names;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        names << m_tree->topLevelItem(i)->text(0);
    return names;
}

void LoopsPanel::selectLoop(const QString &name)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->text(0) == name)
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
    }
}

} // namespace meadows

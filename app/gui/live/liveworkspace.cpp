#include "liveworkspace.h"

#include "runcomparisonmodel.h"
#include "sensitivitybands.h"
#include "simspecsdialog.h"
#include "shownvariable.h"
#include "sliderpanel.h"

#include "commands/geometrychange.h"
#include "model/names.h"
#include "panels/equationchecker.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QSlider>
#include <QSplitter>
#include <QTimer>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace meadows {

LiveWorkspace::LiveWorkspace(QWidget *parent) : QWidget(parent)
{
    m_plot = createPlotView(this);
    m_sliders = new SliderPanel; // lives in a dock of the main window

    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorStyle = QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #f5c2bd;"
                                  " border-radius: 4px; padding: 6px; }");
    m_banner->setStyleSheet(m_errorStyle);
    m_banner->hide();

    auto *tools = new QToolBar(this);
    m_log = new QToolButton(this);
    m_log->setText(tr("Log scale"));
    m_log->setCheckable(true);
    connect(m_log, &QToolButton::toggled, this, [this](bool on) { m_plot->setLogScale(on); });
    tools->addWidget(m_log);
    // Series of different units or sizes get charts of their own, stacked; this draws them
    // all against one axis instead.
    m_oneAxis = new QToolButton(this);
    m_oneAxis->setText(tr("One axis"));
    m_oneAxis->setToolTip(tr("Draw every series against one value axis, instead of a chart for each kind of quantity"));
    m_oneAxis->setCheckable(true);
    connect(m_oneAxis, &QToolButton::toggled, this, [this](bool on) { m_plot->setSharedAxis(on); });
    tools->addWidget(m_oneAxis);
    tools->addAction(tr("Save run…"), this, [this]() {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save run"), tr("Name of this run:"), QLineEdit::Normal,
                                                   m_runs.runs().empty() ? tr("baseline") : QString(), &ok);
        if (ok)
            saveCurrentRun(name);
    });
    m_compare = tools->addAction(tr("Compare…"), this, [this]() {
        const QList<QListWidgetItem *> picked = m_runList->selectedItems();
        if (picked.size() == 2)
            compareRuns(m_runList->row(picked[0]), m_runList->row(picked[1]));
        else if (picked.size() == 1 && m_current)
            compareRuns(m_runList->row(picked[0]), -1);
    });
    m_compare->setToolTip(tr("Compare two saved runs, or one with the current run: pick them in Saved runs"));
    m_compare->setEnabled(false); // until there is a saved run
    tools->addAction(tr("Export CSV…"), this, &LiveWorkspace::exportCurrent);
    tools->addAction(tr("Simulation settings…"), this, &LiveWorkspace::editSimSpecs);
    tools->addSeparator();
    // The scrubber moves the time the diagram shows (stock levels); Play animates it.
    m_play = new QToolButton(this);
    m_play->setText(tr("Play"));
    m_play->setCheckable(true);
    connect(m_play, &QToolButton::toggled, this, &LiveWorkspace::play);
    tools->addWidget(m_play);
    m_scrubber = new QSlider(Qt::Horizontal, this);
    m_scrubber->setAccessibleName(tr("Time shown in the diagram"));
    m_scrubber->setMinimumWidth(220);
    m_scrubber->setRange(0, 0);
    connect(m_scrubber, &QSlider::valueChanged, this, [this](int row) {
        if (m_current && row < int(m_current->rows()))
            m_scrubTime->setText(tr("t = %1").arg(m_current->at(std::size_t(row), 0)));
        showTimeCursor();
        emit timeIndexChanged(row);
    });
    tools->addWidget(m_scrubber);
    m_scrubTime = new QLabel(this);
    m_scrubTime->setMinimumWidth(70);
    tools->addWidget(m_scrubTime);
    m_player = new QTimer(this);
    m_player->setInterval(40);
    connect(m_player, &QTimer::timeout, this, [this]() {
        const int next = m_scrubber->value() + std::max(1, m_scrubber->maximum() / 100); // a whole run in about 4 s
        if (next > m_scrubber->maximum()) {
            m_scrubber->setValue(m_scrubber->maximum());
            m_play->setChecked(false);
        } else {
            m_scrubber->setValue(next);
        }
    });

    m_variables = new QListWidget(this);
    m_variables->setAccessibleName(tr("Variables to chart"));
    connect(m_variables, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        showVariable(item->text(), item->checkState() == Qt::Checked);
    });
    m_runList = new QListWidget(this);
    m_runList->setAccessibleName(tr("Saved runs"));
    m_runList->setSelectionMode(QAbstractItemView::MultiSelection);
    connect(m_runList, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        setRunShown(m_runList->row(item), item->checkState() == Qt::Checked);
    });

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("Variables"), side));
    sideLayout->addWidget(m_variables, 3);
    sideLayout->addWidget(new QLabel(tr("Saved runs"), side));
    sideLayout->addWidget(m_runList, 1);
    auto *split = new QSplitter(this);
    split->addWidget(side);
    split->addWidget(m_plot.get());
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(tools);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);

    connect(&m_scheduler, &SimulationScheduler::finished, this, &LiveWorkspace::finished);
    connect(m_sliders, &SliderPanel::valueEdited, this, &LiveWorkspace::sliderEdited);
    connect(m_sliders, &SliderPanel::overridesChanged, this, &LiveWorkspace::overridesChanged);
    connect(&m_runs, &RunStore::changed, this, &LiveWorkspace::refreshRuns);
}

LiveWorkspace::~LiveWorkspace()
{
    delete m_sliders; // not a child: it sits in a dock the main window owns the frame of
}

void LiveWorkspace::setProject(const Project &project)
{
    m_project = project;
    m_colors.adopt(project);
    if (!m_dragging) // a drag's own edits keep the run from before it
        m_ghost.reset();
    m_sliders->setProject(project);
    m_plot->setTimeUnits(project.simSpecs.timeUnits);
    if (project.mainModel().isCausalLoopDiagram()) {
        // Not an error: a causal-loop diagram is analysed (Loops panel), not simulated.
        m_banner->setStyleSheet(QStringLiteral("QLabel { background: #eef4fb; color: #1f3b57; border: 1px solid #c9dcef;"
                                               " border-radius: 4px; padding: 6px; }"));
        m_banner->setText(tr("A causal-loop diagram: its loops are in the Loops panel. Give the variables "
                             "equations to simulate it."));
        m_banner->show();
        emit runProblemChanged(QString());
        m_scheduler.discard(); // a run asked for before must not clear this note
        m_current.reset();
        m_plot->setSeries({});
        return;
    }
    m_banner->setStyleSheet(m_errorStyle);
    m_scheduler.request(m_project, m_sliders->overrides());
}

void LiveWorkspace::sliderEdited(const QString &variable, double value, bool dragging)
{
    if (dragging && !m_dragging)
        m_gesture = nextDragId();
    emit constantEdited(variable, value, dragging ? m_gesture : 0);
}

void LiveWorkspace::overridesChanged(const FlattenOptions &overrides, bool dragging)
{
    if (dragging && !m_dragging)
        m_ghost = m_current; // what the model did before this drag, for comparison
    m_dragging = dragging;
    m_overrides = overrides;
    // While dragging every position should show at once: no debounce.
    m_scheduler.requestNow(m_project, overrides);
}

void LiveWorkspace::finished(const SimulationOutcome &outcome)
{
    QStringList problems;
    bool missingEquations = false;
    for (const Diagnostic &d : outcome.diagnostics) {
        if (d.severity != Severity::Error)
            continue;
        // A variable still without its equation is marked on the diagram, not here.
        if (!missingEquationOf(d).isEmpty())
            missingEquations = true;
        else
            problems << d.format();
    }
    if (!outcome.error.isEmpty())
        problems << outcome.error;
    emit runProblemChanged(outcome.error);
    if (!outcome.results || !problems.isEmpty() || missingEquations) {
        // Keep the last good results on screen, greyed, and say what is wrong, if anything
        // is besides equations not written yet.
        m_banner->setText(problems.join(QLatin1Char('\n')));
        m_banner->setVisible(!problems.isEmpty());
        m_stale = bool(m_current);
        m_plot->setStale(m_stale);
        return;
    }
    m_banner->hide();
    m_stale = false;
    m_plot->setStale(false);
    const bool atEnd = m_scrubber->value() >= m_scrubber->maximum();
    m_current = outcome.results;
    {
        // A new run keeps the scrubbed time, or follows the end if it was there.
        const QSignalBlocker block(m_scrubber);
        m_scrubber->setRange(0, std::max(0, int(m_current->rows()) - 1));
        if (atEnd)
            m_scrubber->setValue(m_scrubber->maximum());
    }
    m_scrubTime->setText(tr("t = %1").arg(m_current->at(std::size_t(m_scrubber->value()), 0)));
    refreshVariables();
    redraw();
    showTimeCursor();
    emit resultsChanged(m_current);
    emit runFinished(outcome.milliseconds);
}

void LiveWorkspace::refreshVariables()
{
    if (!m_current)
        return;
    if (m_shown.isEmpty()) {
        // At first, the stocks: they tell the story.
        for (const Variable &v : m_project.mainModel().variables) {
            if (v.kind == VariableKind::Stock && !v.isArray() && m_shown.size() < 6)
                m_shown << displayName(v.name);
        }
        if (m_shown.isEmpty() && m_current->names.size() > 1)
            m_shown << m_current->names[1];
    }
    const QSignalBlocker block(m_variables);
    m_variables->clear();
    for (std::size_t c = 1; c < m_current->names.size(); ++c) {
        auto *item = new QListWidgetItem(m_current->names[c], m_variables);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool shown = shownVariables().contains(m_current->names[c]);
        item->setCheckState(shown ? Qt::Checked : Qt::Unchecked);
        // A variable takes its colour when first charted, so the first ones charted get the
        // most distinct colours.
        if (shown || m_colors.has(m_current->names[c]))
            item->setForeground(colorOf(m_current->names[c]));
    }
}

void LiveWorkspace::showVariable(const QString &name, bool shown)
{
    m_shownChosen = true;
    const QString key = variableKey(name);
    const auto matches = [&](const QString &s) { return variableKey(s) == key; };
    const bool present = std::any_of(m_shown.begin(), m_shown.end(), matches);
    if (shown && !present)
        m_shown << name;
    else if (!shown)
        m_shown.removeIf(matches);
    for (int i = 0; i < m_variables->count(); ++i) {
        QListWidgetItem *item = m_variables->item(i);
        if (matches(item->text())) {
            const QSignalBlocker block(m_variables);
            item->setCheckState(shown ? Qt::Checked : Qt::Unchecked);
            if (shown)
                item->setForeground(colorOf(item->text()));
        }
    }
    redraw();
}

QStringList LiveWorkspace::shownVariables() const
{
    return m_shown;
}

void LiveWorkspace::renameVariable(const QString &oldName, const QString &newName)
{
    const QString key = shownKey(oldName); // names in the file, from the document
    for (QString &shown : m_shown)
        if (variableKey(shown) == key)
            shown = displayName(newName);
    m_colors.rename(oldName, newName);
}

QString LiveWorkspace::unitsOf(const QString &name) const
{
    const Variable *v = m_project.models.empty() ? nullptr : variableShownAs(m_project.mainModel(), name);
    return v ? v->units : QString();
}

QColor LiveWorkspace::colorOf(const QString &name)
{
    const bool known = m_colors.has(name);
    const QColor color = m_colors.colorFor(name);
    if (!known && !m_project.models.empty())
        if (const Variable *v = variableShownAs(m_project.mainModel(), name))
            emit seriesColorChosen(v->name, color.name());
    return color;
}

void LiveWorkspace::redraw()
{
    QList<PlotSeries> series;
    const auto add = [&](const std::shared_ptr<const Results> &r, const QString &suffix, bool ghost) {
        if (!r)
            return;
        for (const QString &name : m_shown) {
            const int column = r->column(name);
            if (column > 0)
                series << PlotSeries{suffix.isEmpty() ? r->names[std::size_t(column)] : QStringLiteral("%1 (%2)").arg(r->names[std::size_t(column)], suffix),
                                     colorOf(name), r, column, ghost, name, unitsOf(name)};
        }
    };
    add(m_current, {}, false);
    if (m_ghost && m_ghost != m_current)
        add(m_ghost, tr("before"), true);
    for (std::size_t i = 0; i < m_runs.runs().size(); ++i) {
        if (i < m_runShown.size() && m_runShown[i])
            add(m_runs.runs()[i].results, m_runs.runs()[i].name, true);
    }
    if (m_bands || m_bandsDrawn) {
        const QList<PlotBand> bands = bandsForSeries(m_bands, series);
        m_plot->setBands(bands);
        m_bandsDrawn = !bands.isEmpty();
    }
    m_plot->setSeries(series);
}

void LiveWorkspace::setSensitivityBands(std::shared_ptr<const Results> bands)
{
    m_bands = std::move(bands);
    redraw();
}

int LiveWorkspace::saveCurrentRun(const QString &name)
{
    if (!m_current)
        return -1;
    const int index = m_runs.add(name, m_current, m_overrides.overrides);
    setRunShown(index, true);
    return index;
}

void LiveWorkspace::setRunShown(int index, bool shown)
{
    if (index < 0)
        return;
    if (std::size_t(index) >= m_runShown.size())
        m_runShown.resize(std::size_t(index) + 1, false);
    m_runShown[std::size_t(index)] = shown;
    if (QListWidgetItem *item = m_runList->item(index)) {
        const QSignalBlocker block(m_runList);
        item->setCheckState(shown ? Qt::Checked : Qt::Unchecked);
    }
    redraw();
}

std::vector<SavedRun> LiveWorkspace::shownRuns() const
{
    std::vector<SavedRun> shown;
    for (std::size_t i = 0; i < m_runs.runs().size() && i < m_runShown.size(); ++i)
        if (m_runShown[i])
            shown.push_back(m_runs.runs()[i]);
    return shown;
}

void LiveWorkspace::refreshRuns()
{
    m_compare->setEnabled(!m_runs.runs().empty());
    const QSignalBlocker block(m_runList);
    m_runList->clear();
    m_runShown.resize(m_runs.runs().size(), false);
    for (std::size_t i = 0; i < m_runs.runs().size(); ++i) {
        auto *item = new QListWidgetItem(m_runs.runs()[i].name, m_runList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_runShown[i] ? Qt::Checked : Qt::Unchecked);
    }
    redraw();
}

// The chart marks the time the diagram shows while Play runs or the scrubber is held back
// from the end; at the end (the usual view) it stays clean.
void LiveWorkspace::showTimeCursor()
{
    const int row = m_scrubber->value();
    const bool shown = m_current && row < int(m_current->rows()) && (isPlaying() || row < m_scrubber->maximum());
    m_plot->setTimeCursor(shown ? m_current->at(std::size_t(row), 0) : std::nan(""));
}

void LiveWorkspace::setTimeIndex(int row)
{
    m_scrubber->setValue(row < 0 ? m_scrubber->maximum() : row);
}

int LiveWorkspace::timeIndex() const
{
    return m_scrubber->value();
}

void LiveWorkspace::play(bool playing)
{
    if (playing && m_scrubber->value() >= m_scrubber->maximum())
        m_scrubber->setValue(0);
    if (playing)
        m_player->start();
    else
        m_player->stop();
    const QSignalBlocker block(m_play);
    m_play->setChecked(playing);
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    showTimeCursor();
}

bool LiveWorkspace::isPlaying() const
{
    return m_player->isActive();
}

QString LiveWorkspace::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void LiveWorkspace::compareRuns(int a, int b)
{
    const auto &runs = m_runs.runs();
    const auto pick = [&](int i) -> std::pair<QString, std::shared_ptr<const Results>> {
        if (i >= 0 && std::size_t(i) < runs.size())
            return {runs[std::size_t(i)].name, runs[std::size_t(i)].results};
        return {tr("current"), m_current};
    };
    const auto [nameA, resultsA] = pick(a);
    const auto [nameB, resultsB] = pick(b);
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Compare %1 and %2").arg(nameA, nameB));
    auto *model = new RunComparisonModel(&dialog);
    model->setRuns(nameA, resultsA, nameB, resultsB);
    auto *table = new QTableView(&dialog);
    table->setModel(model);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(720, 420);
    dialog.exec();
}

void LiveWorkspace::exportCurrent()
{
    if (!m_current)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export run"), QString(), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString error = saveCsvFile(*m_current, path);
    if (!error.isEmpty()) {
        m_banner->setText(tr("Could not export: %1").arg(error));
        m_banner->show();
    }
}

void LiveWorkspace::editSimSpecs()
{
    SimSpecsDialog dialog(m_project.simSpecs, this);
    if (dialog.exec() == QDialog::Accepted)
        emit simSpecsEdited(dialog.specs());
}

} // namespace meadows

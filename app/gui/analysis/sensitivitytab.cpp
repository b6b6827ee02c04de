#include "sensitivitytab.h"

#include "parameterrow.h"

#include "solver/analysis/parameters.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>

namespace meadows {

namespace {
constexpr int kName = Qt::UserRole, kFrom = Qt::UserRole + 1, kTo = Qt::UserRole + 2;
} // namespace

SensitivityTab::SensitivityTab(QWidget *parent) : AnalysisTab(tr("Run"), parent)
{
    m_run->setToolTip(tr("Run the model many times with the constants drawn from their ranges"));
    m_parameter = new ParameterRow(tr("Vary"), 0, this);
    m_add = new QPushButton(tr("Add"), this);
    m_add->setToolTip(tr("Vary this constant too, uniformly over its range"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_varied = new QListWidget(this);
    m_varied->setAccessibleName(tr("Constants varied"));
    m_varied->setMaximumHeight(90);
    m_runs = new QSpinBox(this);
    m_runs->setAccessibleName(tr("Runs"));
    m_runs->setRange(2, 100000);
    m_runs->setValue(200);
    m_seed = new QSpinBox(this);
    m_seed->setAccessibleName(tr("Seed"));
    m_seed->setRange(0, 1000000000);
    m_seed->setValue(1);
    m_show = new QCheckBox(tr("Show bands on the Results chart"), this);
    m_show->setChecked(true);
    connect(m_show, &QCheckBox::toggled, this, &SensitivityTab::publish);
    connect(m_add, &QPushButton::clicked, this, [this]() {
        const QString name = m_parameter->name();
        if (name.isEmpty() || !m_varied->findItems(name + QLatin1Char(':'), Qt::MatchStartsWith).isEmpty())
            return;
        auto *item = new QListWidgetItem(tr("%1: uniform from %2 to %3").arg(name).arg(m_parameter->from()).arg(m_parameter->to()), m_varied);
        item->setData(kName, name);
        item->setData(kFrom, m_parameter->from());
        item->setData(kTo, m_parameter->to());
    });
    connect(m_remove, &QPushButton::clicked, this, [this]() { delete m_varied->currentItem(); });
    auto *explain = new QLabel(tr("Each run draws the constants listed (or the one chosen, when none is listed) uniformly from "
                                  "their ranges, by Latin hypercube sampling. The Results chart shades where 90 % (light) and "
                                  "50 % (dark) of the runs lie, with the median dotted."),
                               this);
    explain->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_parameter, 1);
    row->addWidget(m_add);
    row->addWidget(m_remove);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Runs"), this));
    controls->addWidget(m_runs);
    controls->addWidget(new QLabel(tr("Seed"), this));
    controls->addWidget(m_seed);
    controls->addWidget(m_show);
    controls->addStretch();
    controls->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(explain);
    layout->addLayout(row);
    layout->addWidget(m_varied);
    layout->addLayout(controls);
    layout->addWidget(m_job);
    layout->addStretch();
}

void SensitivityTab::modelChanged()
{
    m_parameter->setProject(m_project);
    // Bands of another model would be wrong about this one.
    if (m_bands) {
        m_bands.reset();
        publish();
        m_job->setStatus(tr("The model changed: run again for its bands."));
    }
}

void SensitivityTab::run()
{
    if (const QString why = unanalysable(); !why.isEmpty()) {
        m_job->setStatus(why);
        return;
    }
    QStringList names;
    std::vector<Distribution> distributions;
    const auto vary = [&](const QString &name, double from, double to) {
        names << name;
        Distribution d;
        d.a = std::min(from, to);
        d.b = std::max(from, to);
        distributions.push_back(d);
    };
    for (int i = 0; i < m_varied->count(); ++i) {
        const QListWidgetItem *item = m_varied->item(i);
        vary(item->data(kName).toString(), item->data(kFrom).toDouble(), item->data(kTo).toDouble());
    }
    if (names.isEmpty() && !m_parameter->name().isEmpty())
        vary(m_parameter->name(), m_parameter->from(), m_parameter->to());
    if (names.isEmpty()) {
        m_job->setStatus(tr("The model has no constant to vary."));
        return;
    }
    const int runs = m_runs->value();
    const auto seed = std::uint64_t(m_seed->value());
    m_job->start<SensitivityResult>(tr("Running the model %n time(s)…", nullptr, runs),
        [project = m_project, overrides = m_overrides, names, distributions, runs, seed](const std::atomic<bool> *cancel,
                                                                                        const AnalysisProgress &progress) {
            const ParameterizedModel model(project, names, overrides);
            SensitivityResult out;
            out.error = firstError(model);
            if (!out.error.isEmpty())
                return out;
            return runSensitivity(model, distributions, runs, seed, Sampling::LatinHypercube, {}, 0, cancel, progress);
        },
        [this, runs, names](SensitivityResult result, bool cancelled) {
            if (cancelled)
                return;
            if (!result.bands) {
                m_job->setStatus(result.error);
                return;
            }
            m_bands = std::make_shared<const Results>(std::move(*result.bands));
            m_job->setStatus(tr("%n run(s) varying %1: percentile bands of every charted variable.", nullptr, runs)
                                 .arg(names.join(QStringLiteral(", "))));
            publish();
        });
}

void SensitivityTab::publish()
{
    emit bandsChanged(m_show->isChecked() ? m_bands : nullptr);
}

} // namespace meadows

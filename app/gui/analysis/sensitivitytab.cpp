#include "sensitivitytab.h"

#include "parameterrow.h"

#include "solver/analysis/parameters.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>

namespace meadows {

namespace {
constexpr int kName = Qt::UserRole, kDistribution = Qt::UserRole + 1;

QString number(double v) { return QString::number(v, 'g', 6); }
} // namespace

SensitivityTab::SensitivityTab(QWidget *parent) : AnalysisTab(tr("Run"), parent)
{
    m_run->setToolTip(tr("Run the model many times with the constants drawn from their ranges"));
    m_parameter = new ParameterRow(tr("Vary"), 0, this);
    m_add = new QPushButton(tr("Add"), this);
    m_add->setToolTip(tr("Vary this constant too, drawn from its distribution"));
    m_kind = new QComboBox(this);
    m_kind->setAccessibleName(tr("Distribution kind"));
    m_kind->addItem(tr("uniform"), QStringLiteral("uniform"));
    m_kind->addItem(tr("normal"), QStringLiteral("normal"));
    m_kind->addItem(tr("triangular"), QStringLiteral("triangular"));
    m_distribution = new QLineEdit(this);
    m_distribution->setAccessibleName(tr("Distribution"));
    m_distribution->setToolTip(tr("uniform(min, max), normal(mean, sd) or triangular(min, mode, max)"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SensitivityTab::propose);
    connect(m_parameter, &ParameterRow::chosen, this, &SensitivityTab::propose);
    connect(m_parameter->fromBox(), &QDoubleSpinBox::valueChanged, this, &SensitivityTab::propose);
    connect(m_parameter->toBox(), &QDoubleSpinBox::valueChanged, this, &SensitivityTab::propose);
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
        QString error;
        if (!Distribution::parse(m_distribution->text(), &error)) {
            m_job->setStatus(error);
            return;
        }
        auto *item = new QListWidgetItem(QStringLiteral("%1: %2").arg(name, m_distribution->text().trimmed()), m_varied);
        item->setData(kName, name);
        item->setData(kDistribution, m_distribution->text().trimmed());
    });
    connect(m_remove, &QPushButton::clicked, this, [this]() { delete m_varied->currentItem(); });
    auto *explain = new QLabel(tr("Each run draws the constants listed (or the one chosen, when none is listed) from their "
                                  "distributions, by Latin hypercube sampling. The Results chart shades where 90 % (light) and "
                                  "50 % (dark) of the runs lie, with the median dotted."),
                               this);
    explain->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_parameter, 1);
    row->addWidget(m_add);
    row->addWidget(m_remove);
    auto *distribution = new QHBoxLayout;
    distribution->addWidget(new QLabel(tr("Distribution"), this));
    distribution->addWidget(m_kind);
    distribution->addWidget(m_distribution, 1);
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
    layout->addLayout(distribution);
    layout->addWidget(m_varied);
    layout->addLayout(controls);
    layout->addWidget(m_job);
    layout->addStretch();
}

void SensitivityTab::modelChanged()
{
    m_parameter->setProject(m_project);
    if (m_distribution->text().isEmpty())
        propose();
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
    QString error;
    if (!varied(&names, &distributions, &error)) {
        m_job->setStatus(error);
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

void SensitivityTab::propose()
{
    const double from = std::min(m_parameter->from(), m_parameter->to()), to = std::max(m_parameter->from(), m_parameter->to());
    const QString kind = m_kind->currentData().toString();
    if (kind == QLatin1String("normal")) {
        // Centred on the range, which then spans six standard deviations (99.7 % of draws).
        m_distribution->setText(QStringLiteral("normal(%1, %2)").arg(number((from + to) / 2), number(to > from ? (to - from) / 6 : 1)));
    } else if (kind == QLatin1String("triangular")) {
        // Peaked at the constant's value when it lies in the range, else at the middle.
        const std::optional<double> value = m_parameter->value();
        const double mode = value && *value >= from && *value <= to ? *value : (from + to) / 2;
        m_distribution->setText(QStringLiteral("triangular(%1, %2, %3)").arg(number(from), number(mode), number(to)));
    } else {
        m_distribution->setText(QStringLiteral("uniform(%1, %2)").arg(number(from), number(to)));
    }
}

bool SensitivityTab::varied(QStringList *names, std::vector<Distribution> *distributions, QString *error) const
{
    const auto vary = [&](const QString &name, const QString &text) {
        QString why;
        const std::optional<Distribution> d = Distribution::parse(text, &why);
        if (!d) {
            *error = tr("%1: %2").arg(name, why);
            return false;
        }
        *names << name;
        distributions->push_back(*d);
        return true;
    };
    for (int i = 0; i < m_varied->count(); ++i) {
        const QListWidgetItem *item = m_varied->item(i);
        if (!vary(item->data(kName).toString(), item->data(kDistribution).toString()))
            return false;
    }
    if (names->isEmpty() && !m_parameter->name().isEmpty())
        return vary(m_parameter->name(), m_distribution->text());
    if (names->isEmpty())
        *error = tr("The model has no constant to vary.");
    return !names->isEmpty();
}

void SensitivityTab::publish()
{
    emit bandsChanged(m_show->isChecked() ? m_bands : nullptr);
}

} // namespace meadows

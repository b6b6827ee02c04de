#include "parameterrow.h"

#include "live/sliderpanel.h"
#include "live/sliderrange.h"
#include "model/names.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>
#include <limits>

namespace meadows {

namespace {
QDoubleSpinBox *valueBox(QWidget *parent, const QString &name)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setAccessibleName(name);
    box->setDecimals(4);
    box->setRange(-1e12, 1e12);
    box->setMinimumWidth(70);
    return box;
}
} // namespace

ParameterRow::ParameterRow(const QString &label, int points, QWidget *parent) : QWidget(parent)
{
    m_combo = new QComboBox(this);
    m_combo->setAccessibleName(label);
    m_combo->setMinimumContentsLength(12);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_from = valueBox(this, tr("From"));
    m_to = valueBox(this, tr("To"));
    // Two lines, so that the panel fits a narrow dock: the constant, then its range.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *first = new QHBoxLayout;
    first->addWidget(new QLabel(label, this));
    first->addWidget(m_combo, 1);
    auto *second = new QHBoxLayout;
    second->addWidget(new QLabel(tr("from"), this));
    second->addWidget(m_from, 1);
    second->addWidget(new QLabel(tr("to"), this));
    second->addWidget(m_to, 1);
    if (points > 0) {
        m_points = new QSpinBox(this);
        m_points->setAccessibleName(tr("Values"));
        m_points->setRange(2, 2000);
        m_points->setValue(points);
        second->addWidget(new QLabel(tr("values"), this));
        second->addWidget(m_points);
    }
    layout->addLayout(first);
    layout->addLayout(second);
    connect(m_combo, &QComboBox::currentTextChanged, this, [this](const QString &name) {
        proposeRange();
        emit chosen(name);
    });
}

void ParameterRow::setProject(const Project &project)
{
    m_project = project;
    QStringList constants;
    if (!project.models.empty())
        for (const Variable &v : project.mainModel().variables)
            if (constantOf(v))
                constants << displayName(v.name);
    QStringList present;
    for (int i = 0; i < m_combo->count(); ++i)
        present << m_combo->itemText(i);
    if (present == constants)
        return; // the same constants: the choice and its range stay
    const QString kept = m_combo->currentText();
    const QSignalBlocker block(m_combo);
    m_combo->clear();
    m_combo->addItems(constants);
    const int index = constants.indexOf(kept);
    m_combo->setCurrentIndex(index >= 0 ? index : constants.isEmpty() ? -1 : 0);
    if (index < 0) {
        proposeRange();
        emit chosen(m_combo->currentText());
    }
}

QString ParameterRow::name() const { return m_combo->currentText(); }
double ParameterRow::from() const { return m_from->value(); }
double ParameterRow::to() const { return m_to->value(); }
int ParameterRow::points() const { return m_points ? m_points->value() : 0; }

bool ParameterRow::choose(const QString &constant)
{
    const int index = m_combo->findText(constant);
    if (index < 0)
        return false;
    m_combo->setCurrentIndex(index);
    return true;
}

void ParameterRow::setRange(double from, double to, int points)
{
    m_from->setValue(from);
    m_to->setValue(to);
    if (m_points && points > 0)
        m_points->setValue(points);
}

std::optional<double> ParameterRow::value() const
{
    const Variable *v = m_project.models.empty() ? nullptr : m_project.mainModel().findVariable(name());
    return v ? constantOf(*v) : std::nullopt;
}

// The slider's range: from zero to twice the value, a fraction from 0 to 1, and so on.
void ParameterRow::proposeRange()
{
    const Variable *v = m_project.models.empty() ? nullptr : m_project.mainModel().findVariable(name());
    const std::optional<double> value = v ? constantOf(*v) : std::nullopt;
    if (!value)
        return;
    const SliderRange range = rangeFor(*v, *value, m_project);
    m_from->setValue(range.min);
    m_to->setValue(range.max);
}

} // namespace meadows

#include "sliderpanel.h"
#include "sliderrange.h"

#include "model/names.h"
#include "solver/parser.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QSlider>
#include <algorithm>
#include <cmath>

namespace meadows {

namespace {
constexpr int kTicks = 1000;

// The value of an equation that is a plain number ("3", "-0.5", "1e3"), if it is one.
std::optional<double> constantOf(const Variable &v)
{
    if (v.kind != VariableKind::Aux || v.isArray() || v.gf)
        return std::nullopt;
    return numberValue(v.equation);
}
} // namespace

SliderRange defaultRange(double value)
{
    if (value == 0)
        return {0, 1, 0.01};
    const double a = 0, b = 2 * value;
    const double lo = std::min(a, b), hi = std::max(a, b);
    return {lo, hi, (hi - lo) / 100};
}

SliderPanel::SliderPanel(QWidget *parent) : QWidget(parent)
{
    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void SliderPanel::setProject(const Project &project)
{
    m_project = project;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_entries.clear();
    for (const Variable &v : m_project.mainModel().variables) {
        if (constantOf(v))
            addSlider(displayName(v.name));
    }
}

int SliderPanel::position(const Entry &e)
{
    const double span = e.range.max - e.range.min;
    return span > 0 ? int(std::lround((e.value - e.range.min) / span * kTicks)) : 0;
}

bool SliderPanel::addSlider(const QString &variable)
{
    if (find(variable))
        return true;
    const Variable *v = m_project.models.empty() ? nullptr : m_project.mainModel().findVariable(variable);
    const std::optional<double> value = v ? constantOf(*v) : std::nullopt;
    if (!value)
        return false;
    auto e = std::make_unique<Entry>();
    e->name = displayName(v->name);
    e->modelValue = e->value = *value;
    e->range = rangeFor(*v, *value, m_project);
    e->slider = new QSlider(Qt::Horizontal, this);
    e->slider->setRange(0, kTicks);
    e->slider->setSingleStep(kTicks / 100); // arrow keys: one step of the range
    e->slider->setPageStep(kTicks / 10);    // page keys: a tenth of it
    e->slider->setAccessibleName(e->name);
    e->box = new QDoubleSpinBox(this);
    // As many decimals as the step needs, not a fixed six.
    e->box->setDecimals(std::clamp(1 - int(std::floor(std::log10(std::max(e->range.step, 1e-12)))), 0, 8));
    e->box->setSingleStep(e->range.step);
    e->box->setMinimumWidth(80);
    e->box->setRange(-1e300, 1e300);
    e->box->setValue(*value);
    e->slider->setValue(position(*e));
    Entry *entry = e.get();
    connect(e->slider, &QSlider::valueChanged, this, [this, entry](int pos) {
        double v = entry->range.min + (entry->range.max - entry->range.min) * pos / kTicks;
        if (entry->range.step > 0)
            v = entry->range.min + std::round((v - entry->range.min) / entry->range.step) * entry->range.step;
        entry->value = v;
        const QSignalBlocker block(entry->box);
        entry->box->setValue(v);
        changed(entry->slider->isSliderDown());
    });
    connect(e->slider, &QSlider::sliderReleased, this, [this]() { changed(false); });
    connect(e->box, &QDoubleSpinBox::editingFinished, this, [this, entry]() { setValue(entry->name, entry->box->value()); });
    // Name and value on one line, the slider the full width below: a narrow dock still
    // leaves room to drag.
    auto *row = new QWidget(this);
    auto *layout = new QGridLayout(row);
    layout->setContentsMargins(0, 4, 0, 4);
    auto *label = new QLabel(e->name, row);
    label->setBuddy(e->slider);
    layout->addWidget(label, 0, 0);
    layout->addWidget(e->box, 0, 1);
    layout->addWidget(e->slider, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);
    // Right-click a slider for its range: the default (0 to twice the value) is a guess.
    row->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(row, &QWidget::customContextMenuRequested, this, [this, entry, row](const QPoint &at) {
        QMenu menu(row);
        menu.addAction(tr("Set range…"), this, [this, entry]() { editRange(entry->name); });
        menu.addAction(tr("Back to the model's value"), this, [this, entry]() { setValue(entry->name, entry->modelValue); });
        menu.exec(row->mapToGlobal(at));
    });
    m_form->addRow(row);
    m_entries.push_back(std::move(e));
    return true;
}

void SliderPanel::setRange(const QString &variable, const SliderRange &range)
{
    Entry *e = find(variable);
    if (!e)
        return;
    e->range = range;
    const double inside = std::clamp(e->value, range.min, range.max);
    if (inside != e->value) {
        setValue(e->name, inside); // the value follows the range it must stay in
        return;
    }
    const QSignalBlocker block(e->slider);
    e->slider->setValue(position(*e));
}

void SliderPanel::setValue(const QString &variable, double value)
{
    Entry *e = find(variable);
    if (!e)
        return;
    e->value = value;
    if (value < e->range.min || value > e->range.max) // widen rather than clip what was typed
        e->range = {std::min(e->range.min, value), std::max(e->range.max, value), e->range.step};
    {
        const QSignalBlocker block(e->slider);
        e->slider->setValue(position(*e));
    }
    const QSignalBlocker block(e->box);
    e->box->setValue(value);
    changed(false);
}

bool SliderPanel::editRange(const QString &variable)
{
    Entry *e = find(variable);
    if (!e)
        return false;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Range of %1").arg(e->name));
    auto *form = new QFormLayout(&dialog);
    const auto box = [&dialog](double v) {
        auto *b = new QDoubleSpinBox(&dialog);
        b->setDecimals(6);
        b->setRange(-1e12, 1e12);
        b->setValue(v);
        return b;
    };
    QDoubleSpinBox *min = box(e->range.min), *max = box(e->range.max), *step = box(e->range.step);
    form->addRow(tr("Minimum"), min);
    form->addRow(tr("Maximum"), max);
    form->addRow(tr("Step"), step);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted || max->value() <= min->value() || step->value() < 0)
        return false;
    setRange(e->name, {min->value(), max->value(), step->value()});
    return true;
}

SliderRange SliderPanel::range(const QString &variable) const
{
    const Entry *e = find(variable);
    return e ? e->range : SliderRange{};
}

double SliderPanel::value(const QString &variable) const
{
    const Entry *e = find(variable);
    return e ? e->value : std::nan("");
}

QStringList SliderPanel::sliders() const
{
    QStringList out;
    for (const auto &e : m_entries)
        out << e->name;
    return out;
}

QSlider *SliderPanel::sliderFor(const QString &variable) const
{
    const Entry *e = find(variable);
    return e ? e->slider : nullptr;
}

FlattenOptions SliderPanel::overrides() const
{
    FlattenOptions o;
    for (const auto &e : m_entries) {
        if (e->value != e->modelValue)
            o.overrides.push_back({e->name, e->value});
    }
    return o;
}

void SliderPanel::changed(bool dragging)
{
    emit overridesChanged(overrides(), dragging);
}

SliderPanel::Entry *SliderPanel::find(const QString &variable)
{
    const QString key = variableKey(variable);
    for (auto &e : m_entries) {
        if (variableKey(e->name) == key)
            return e.get();
    }
    return nullptr;
}

const SliderPanel::Entry *SliderPanel::find(const QString &variable) const
{
    return const_cast<SliderPanel *>(this)->find(variable);
}

} // namespace meadows

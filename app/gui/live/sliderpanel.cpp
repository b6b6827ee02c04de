#include "sliderpanel.h"
#include "shownvariable.h"
#include "slidergroups.h"
#include "sliderrange.h"

#include "model/names.h"
#include "solver/parser.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QMenu>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QSlider>
#include <algorithm>
#include <cmath>

namespace meadows {

namespace {
constexpr int kTicks = 1000;

// Wheel events reach a slider or value box only when it has the focus; otherwise they go on
// to the panel, which scrolls.
class WheelNeedsFocus : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (event->type() == QEvent::Wheel && widget && !widget->hasFocus()) {
            event->ignore(); // ignored, it travels on to the parent
            return true;
        }
        return false;
    }
};

// A constant's value as people write it ("128", not "128.0"; "1e-06"), typed in the same way,
// and kept to the full precision typed (QDoubleSpinBox would round it to its decimals).
class ValueBox : public QDoubleSpinBox {
public:
    explicit ValueBox(QWidget *parent) : QDoubleSpinBox(parent)
    {
        setDecimals(323); // no rounding: the most QDoubleSpinBox allows
        setLocale(QLocale::c()); // as in the equation: a point, never a comma
    }
    QString textFromValue(double value) const override { return constantText(value); }
    double valueFromText(const QString &text) const override { return number(text).value_or(value()); }
    QValidator::State validate(QString &text, int &) const override
    {
        if (number(text))
            return QValidator::Acceptable;
        // On the way to a number: "-", "1e", "2.5e-".
        static const QRegularExpression partial(QStringLiteral("^\\s*[+-]?(\\d*\\.?\\d*)([eE][+-]?\\d*)?\\s*$"));
        return partial.match(text).hasMatch() ? QValidator::Intermediate : QValidator::Invalid;
    }

private:
    static std::optional<double> number(const QString &text)
    {
        bool ok = false;
        const double v = QLocale::c().toDouble(text.trimmed(), &ok);
        return ok && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
    }
};

} // namespace

QString constantText(double value)
{
    return QString::number(value, 'g', 15);
}

std::optional<double> constantOf(const Variable &v)
{
    if (v.kind != VariableKind::Aux || v.isArray() || v.gf)
        return std::nullopt;
    return numberValue(v.equation);
}

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
    m_wheelGuard = new WheelNeedsFocus(this);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Find a constant"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &SliderPanel::setFilter);
    auto *content = new QWidget;
    m_rows = new QVBoxLayout(content);
    m_rows->setContentsMargins(4, 0, 4, 0);
    m_rows->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    m_empty = new QLabel(tr("No constants: a slider appears here for each constant in the model "
                            "(a variable whose equation is a number)."),
                         this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_empty->setContentsMargins(8, 8, 8, 8);
    m_empty->setForegroundRole(QPalette::PlaceholderText); // grey: a note, not content
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_empty);
    layout->addWidget(scroll, 1);
}

void SliderPanel::clearSliders()
{
    for (auto &e : m_entries)
        delete e->row;
    m_entries.clear();
    qDeleteAll(m_headings);
    m_headings.clear();
}

// Headings in the order their first slider came; "Other constants" last.
QLabel *SliderPanel::groupHeading(const QString &group)
{
    if (QLabel *heading = m_headings.value(group))
        return heading;
    auto *heading = new QLabel(group.isEmpty() ? tr("Other constants") : group);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    heading->setContentsMargins(0, 6, 0, 0);
    int at = m_rows->count() - 1; // before the stretch
    if (!group.isEmpty())
        if (QLabel *other = m_headings.value(QString()))
            at = m_rows->indexOf(other);
    m_rows->insertWidget(at, heading);
    m_headings.insert(group, heading);
    return heading;
}

QString SliderPanel::groupOf(const QString &variable) const
{
    const SliderPanel::Entry *e = find(variable);
    return !e ? QString() : e->group.isEmpty() ? tr("Other constants") : e->group;
}

void SliderPanel::setFilter(const QString &text)
{
    if (m_search->text() != text) {
        m_search->setText(text); // comes back here through textChanged
        return;
    }
    QHash<QString, bool> groupShown;
    for (auto &e : m_entries) {
        const bool shown = text.trimmed().isEmpty() || e->name.contains(text.trimmed(), Qt::CaseInsensitive);
        e->row->setVisible(shown);
        groupShown[e->group] = groupShown.value(e->group) || shown;
    }
    for (auto it = m_headings.cbegin(); it != m_headings.cend(); ++it)
        it.value()->setVisible(groupShown.value(it.key()));
}

QStringList SliderPanel::visibleSliders() const
{
    QStringList out;
    for (const auto &e : m_entries)
        if (!e->row->isHidden())
            out << e->name;
    return out;
}

bool SliderPanel::sameConstants(const Project &project) const
{
    if (m_project.models.empty() || project.models.empty())
        return false;
    std::size_t n = 0;
    for (const Variable &v : project.mainModel().variables) {
        if (!constantOf(v))
            continue;
        if (n >= m_entries.size() || variableKey(m_entries[n]->name) != shownKey(v.name))
            return false;
        ++n;
    }
    return n == m_entries.size();
}

void SliderPanel::setProject(const Project &project)
{
    if (sameConstants(project)) {
        m_project = project;
        for (auto &e : m_entries) {
            const double value = *constantOf(*variableNamed(e->name));
            e->modelValue = e->value = value;
            if (value < e->range.min || value > e->range.max)
                e->range = {std::min(e->range.min, value), std::max(e->range.max, value), e->range.step};
            showRange(*e);
            const QSignalBlocker blockSlider(e->slider);
            const QSignalBlocker blockBox(e->box);
            if (!e->slider->isSliderDown()) // the hand that drags it knows where it is
                e->slider->setValue(position(*e));
            e->box->setValue(value);
        }
        return;
    }
    m_project = project;
    clearSliders();
    m_groups = m_project.models.empty() ? QHash<QString, QString>() : stocksDrivenBy(m_project.mainModel());
    for (const Variable &v : m_project.mainModel().variables) {
        if (constantOf(v))
            addSlider(displayName(v.name));
    }
    m_empty->setVisible(m_entries.empty());
    m_search->setVisible(!m_entries.empty());
}

const Variable *SliderPanel::variableNamed(const QString &name) const
{
    return m_project.models.empty() ? nullptr : variableShownAs(m_project.mainModel(), name);
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
    const Variable *v = variableNamed(variable);
    const std::optional<double> value = v ? constantOf(*v) : std::nullopt;
    if (!value)
        return false;
    auto e = std::make_unique<Entry>();
    e->name = displayName(v->name);
    e->group = m_groups.value(canonicalName(v->name));
    e->modelValue = e->value = *value;
    e->range = rangeFor(*v, *value, m_project);
    e->slider = new QSlider(Qt::Horizontal, this);
    e->slider->setRange(0, kTicks);
    e->slider->setSingleStep(kTicks / 100); // arrow keys: one step of the range
    e->slider->setPageStep(kTicks / 10);    // page keys: a tenth of it
    e->slider->setAccessibleName(e->name);
    e->box = new ValueBox(this);
    for (QWidget *w : {static_cast<QWidget *>(e->slider), static_cast<QWidget *>(e->box)}) {
        w->setFocusPolicy(Qt::StrongFocus); // not WheelFocus: the wheel must not take the focus
        w->installEventFilter(m_wheelGuard);
    }
    e->box->setSingleStep(e->range.step);
    e->box->setMinimumWidth(90);
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
        changed(entry, entry->slider->isSliderDown());
    });
    connect(e->slider, &QSlider::sliderReleased, this, [this]() { changed(nullptr, false); });
    connect(e->box, &QDoubleSpinBox::editingFinished, this, [this, entry]() { setValue(entry->name, entry->box->value()); });
    // Name and value on one line, the slider the full width below: a narrow dock still
    // leaves room to drag.
    auto *row = new QWidget;
    e->row = row;
    auto *layout = new QGridLayout(row);
    layout->setContentsMargins(0, 4, 0, 4);
    auto *label = new QLabel(e->name, row);
    label->setBuddy(e->slider);
    layout->addWidget(label, 0, 0);
    layout->addWidget(e->box, 0, 1);
    layout->addWidget(e->slider, 1, 0, 1, 2);
    // The range the slider spans, at its two ends, small and grey.
    e->minLabel = new QLabel(row);
    e->maxLabel = new QLabel(row);
    for (QLabel *end : {e->minLabel, e->maxLabel}) {
        QFont small = end->font();
        small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));
        end->setFont(small);
        end->setForegroundRole(QPalette::PlaceholderText); // grey, but readable
    }
    e->maxLabel->setAlignment(Qt::AlignRight);
    layout->addWidget(e->minLabel, 2, 0);
    layout->addWidget(e->maxLabel, 2, 1);
    layout->setVerticalSpacing(0);
    layout->setColumnStretch(0, 1);
    showRange(*e);
    // Right-click a slider for its range: the default (0 to twice the value) is a guess.
    row->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(row, &QWidget::customContextMenuRequested, this, [this, entry, row](const QPoint &at) {
        QMenu menu(row);
        menu.addAction(tr("Set range…"), this, [this, entry]() { editRange(entry->name); });
        const std::optional<double> saved = savedValue(entry->name);
        QAction *reset = menu.addAction(tr("Reset to saved value"), this, [this, entry]() { resetToSaved(entry->name); });
        reset->setEnabled(saved && *saved != entry->value);
        menu.exec(row->mapToGlobal(at));
    });
    // Under its heading, after the sliders already there.
    QLabel *heading = groupHeading(e->group);
    int at = m_rows->indexOf(heading) + 1;
    while (at < m_rows->count() - 1 && !qobject_cast<QLabel *>(m_rows->itemAt(at)->widget()))
        ++at;
    m_rows->insertWidget(at, row);
    m_entries.push_back(std::move(e));
    m_empty->hide();
    m_search->show();
    setFilter(m_search->text());
    return true;
}

void SliderPanel::showRange(Entry &e)
{
    if (!e.minLabel)
        return;
    e.minLabel->setText(constantText(e.range.min));
    e.maxLabel->setText(constantText(e.range.max));
    e.slider->setToolTip(tr("From %1 to %2 in steps of %3; right-click to change")
                             .arg(constantText(e.range.min), constantText(e.range.max), constantText(e.range.step)));
}

void SliderPanel::setRange(const QString &variable, const SliderRange &range)
{
    Entry *e = find(variable);
    if (!e)
        return;
    e->range = range;
    showRange(*e);
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
    if (value < e->range.min || value > e->range.max) { // widen rather than clip what was typed
        e->range = {std::min(e->range.min, value), std::max(e->range.max, value), e->range.step};
        showRange(*e);
    }
    {
        const QSignalBlocker block(e->slider);
        e->slider->setValue(position(*e));
    }
    const QSignalBlocker block(e->box);
    e->box->setValue(value);
    changed(e, false);
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

// The edit first: an editor that applies it sends the project back (setProject) before the
// overrides, now none, are read.
void SliderPanel::changed(Entry *edited, bool dragging)
{
    if (edited)
        emit valueEdited(edited->name, edited->value, dragging);
    emit overridesChanged(overrides(), dragging);
}

void SliderPanel::setSavedProject(const Project &saved)
{
    m_saved.clear();
    if (saved.models.empty())
        return;
    for (const Variable &v : saved.mainModel().variables)
        if (const std::optional<double> value = constantOf(v))
            m_saved.insert(shownKey(v.name), *value);
}

void SliderPanel::resetToSaved(const QString &variable)
{
    if (const std::optional<double> saved = savedValue(variable))
        setValue(variable, *saved);
}

std::optional<double> SliderPanel::savedValue(const QString &variable) const
{
    const auto it = m_saved.constFind(variableKey(variable));
    return it == m_saved.constEnd() ? std::nullopt : std::optional<double>(*it);
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

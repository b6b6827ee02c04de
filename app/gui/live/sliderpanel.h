#pragma once
// Any constant as a slider. Dragging one re-runs the model continuously (SyntheSim-like):
// the panel reports each value the user sets (the editor makes it an edit of the model) and
// the overrides of the model's values as they change. The wheel changes a value only once
// the slider or its box has the focus, so scrolling the panel never edits by accident.
#include "model/project.h"
#include "solver/flatmodel.h"

#include <QHash>
#include <QWidget>
#include <optional>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSlider;
class QVBoxLayout;

namespace meadows {

struct SliderRange {
    double min = 0;
    double max = 1;
    double step = 0.01;
};

// The value of a scalar auxiliary whose equation is a plain number ("3", "-0.5", "1e3"): a
// constant, which gets a slider (and can be varied by the Analysis panel).
std::optional<double> constantOf(const Variable &v);
// A constant's value as a slider writes it into the equation and shows it in its box: as a
// person writes it ("128", "0.25", "1e-06"), to 15 significant digits: any number typed with
// up to 15 is kept exactly, and the rounding noise of a slider's step arithmetic
// ("14.399999999999999", "0.30000000000000004") does not reach the model.
QString constantText(double value);

// A sensible range for a constant: from zero to twice its value (or the mirror image
// for a negative one), in a hundred steps; [0, 1] for zero.
SliderRange defaultRange(double value);

class SliderPanel : public QWidget {
    Q_OBJECT
public:
    explicit SliderPanel(QWidget *parent = nullptr);

    // Offers a slider for every scalar constant of the main model. When the constants are
    // the same as before (an edit elsewhere, or this panel's own value come back as an edit)
    // the sliders stay, with their ranges, and take the model's values.
    void setProject(const Project &project);
    // The values in the saved file, for "Reset to saved value".
    void setSavedProject(const Project &saved);
    std::optional<double> savedValue(const QString &variable) const;
    // The slider's menu entry "Reset to saved value": sets the value the file holds.
    void resetToSaved(const QString &variable);
    // Adds (or shows) a slider for one constant; false when it is not a constant.
    bool addSlider(const QString &variable);
    void setRange(const QString &variable, const SliderRange &range);
    SliderRange range(const QString &variable) const;
    // Asks the user for a slider's minimum, maximum and step; true when changed.
    bool editRange(const QString &variable);
    // Moves a slider as a user would (used by tests and by the value boxes).
    void setValue(const QString &variable, double value);
    double value(const QString &variable) const;
    QStringList sliders() const;
    FlattenOptions overrides() const;
    QSlider *sliderFor(const QString &variable) const;
    // Shows only the sliders whose names contain the text (any case); empty shows all.
    void setFilter(const QString &text);
    QStringList visibleSliders() const;
    // The heading a slider sits under: the stock it drives first, or "Other constants".
    QString groupOf(const QString &variable) const;

signals:
    // The user set a constant (dragging: one step of a drag still in progress).
    void valueEdited(const QString &variable, double value, bool dragging);
    void overridesChanged(const meadows::FlattenOptions &overrides, bool dragging);

private:
    struct Entry {
        QString name;
        double modelValue = 0;
        double value = 0;
        SliderRange range;
        QString group;
        QSlider *slider = nullptr;
        QDoubleSpinBox *box = nullptr;
        QLabel *minLabel = nullptr; // the range, under the slider's two ends
        QLabel *maxLabel = nullptr;
        QWidget *row = nullptr;
    };
    Entry *find(const QString &variable);
    // The variable named so in the file, or shown so (a slider's name is the one shown).
    const Variable *variableNamed(const QString &name) const;
    const Entry *find(const QString &variable) const;
    void changed(Entry *edited, bool dragging);
    bool sameConstants(const Project &project) const;
    static int position(const Entry &e);
    void showRange(Entry &e);

    Project m_project;
    QHash<QString, double> m_saved; // variable key -> value in the saved file
    std::vector<std::unique_ptr<Entry>> m_entries;
    void clearSliders();
    QLabel *groupHeading(const QString &group);

    QLineEdit *m_search = nullptr;
    QLabel *m_empty = nullptr; // says why there are no sliders
    QVBoxLayout *m_rows = nullptr;       // headings and sliders, in a scroll area
    QHash<QString, QLabel *> m_headings; // group -> its heading
    QHash<QString, QString> m_groups;    // constant (canonical) -> the stock it drives
    QObject *m_wheelGuard = nullptr; // keeps the wheel from values without focus
};

} // namespace meadows

#pragma once
// Any constant as a slider. Dragging one re-runs the model continuously (SyntheSim-like):
// the panel reports the overrides as they change.
#include "model/project.h"
#include "solver/flatmodel.h"

#include <QWidget>

class QFormLayout;
class QSlider;
class QDoubleSpinBox;

namespace meadows {

struct SliderRange {
    double min = 0;
    double max = 1;
    double step = 0.01;
};

// A sensible range for a constant: from zero to twice its value (or the mirror image
// for a negative one), in a hundred steps; [0, 1] for zero.
SliderRange defaultRange(double value);

class SliderPanel : public QWidget {
    Q_OBJECT
public:
    explicit SliderPanel(QWidget *parent = nullptr);

    // Offers a slider for every scalar constant of the main model.
    void setProject(const Project &project);
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

signals:
    void overridesChanged(const meadows::FlattenOptions &overrides, bool dragging);

private:
    struct Entry {
        QString name;
        double modelValue = 0;
        double value = 0;
        SliderRange range;
        QSlider *slider = nullptr;
        QDoubleSpinBox *box = nullptr;
    };
    Entry *find(const QString &variable);
    const Entry *find(const QString &variable) const;
    void changed(bool dragging);
    static int position(const Entry &e);

    Project m_project;
    std::vector<std::unique_ptr<Entry>> m_entries;
    QFormLayout *m_form = nullptr;
};

} // namespace meadows

#pragma once
// One constant to vary and its range: a list of the model's constants, FROM and TO, and
// how many values between them. Picking a constant proposes the range its slider has.
#include "model/project.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace meadows {

class ParameterRow : public QWidget {
    Q_OBJECT
public:
    // `points` 0: no count (a sensitivity run's range).
    ParameterRow(const QString &label, int points, QWidget *parent = nullptr);

    // The constants of the model; the one chosen stays chosen while the model has it.
    void setProject(const Project &project);
    QString name() const;
    double from() const;
    double to() const;
    int points() const;
    bool choose(const QString &constant); // false when the model has no such constant
    void setRange(double from, double to, int points = 0);
    QComboBox *combo() const { return m_combo; }
    QDoubleSpinBox *fromBox() const { return m_from; }
    QDoubleSpinBox *toBox() const { return m_to; }
    QSpinBox *pointsBox() const { return m_points; } // null without a count
    // The constant's value in the model.
    std::optional<double> value() const;

signals:
    void chosen(const QString &constant);

private:
    void proposeRange();

    Project m_project;
    QComboBox *m_combo = nullptr;
    QDoubleSpinBox *m_from = nullptr;
    QDoubleSpinBox *m_to = nullptr;
    QSpinBox *m_points = nullptr;
};

} // namespace meadows

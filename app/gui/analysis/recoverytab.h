#pragma once
// "How big a dip tips it": a sweep over one or two of the disturbance's parameters (its
// size, its length) on a worker thread, drawn as a map of the runs that recover and those
// that do not, with the boundary between them located and listed.
#include "analysistab.h"

#include "solver/analysis/recovery.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;

namespace meadows {

class ParameterRow;
class RecoveryMapView;

struct RecoveryOutcome {
    RecoveryMap map;
    QString error;
};

class RecoveryTab : public AnalysisTab {
    Q_OBJECT
public:
    explicit RecoveryTab(QWidget *parent = nullptr);

    void run() override;
    ParameterRow *first() const { return m_first; }
    ParameterRow *second() const { return m_second; }
    QCheckBox *useSecond() const { return m_useSecond; }
    QDoubleSpinBox *tolerance() const { return m_tolerance; }
    RecoveryMapView *view() const { return m_view; }
    QString boundaryText() const;

protected:
    void modelChanged() override;

private:
    void show(RecoveryOutcome outcome);

    ParameterRow *m_first = nullptr;
    ParameterRow *m_second = nullptr;
    QCheckBox *m_useSecond = nullptr;
    QDoubleSpinBox *m_tolerance = nullptr;
    RecoveryMapView *m_view = nullptr;
    QLabel *m_boundary = nullptr;
};

} // namespace meadows

#pragma once
// A band under the time axis that says which loop was in charge when: one coloured
// stretch per period (the loop's colour, grey for "at rest", hatched for "shared" and
// "no loop active") with its name written on it when it fits, and the time axis below.
// The periods come from dominanceStory (solver/analysis/dominanceperiods.h).
#include <QColor>
#include <QString>
#include <QWidget>
#include <vector>

namespace meadows {

struct BandPeriod {
    enum class Kind { Loop, Shared, AtRest, Inactive };
    Kind kind = Kind::Loop;
    QString label; // "R1", "shared", "at rest", "no loop active"
    QString detail; // for the tooltip: the loop's polarity and variables
    double from = 0;
    double to = 0;
};

class DominanceBand : public QWidget {
    Q_OBJECT
public:
    explicit DominanceBand(QWidget *parent = nullptr);

    void setPeriods(std::vector<BandPeriod> periods, double start, double stop, const std::vector<QColor> &colors);
    const std::vector<BandPeriod> &periods() const { return m_periods; }
    // The period drawn at this x (widget coordinates); -1 when none.
    int periodAt(int x) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF bandRect() const;
    double xOf(double t) const;

    std::vector<BandPeriod> m_periods;
    std::vector<QColor> m_colors; // per period
    double m_start = 0, m_stop = 1;
};

} // namespace meadows

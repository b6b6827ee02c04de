#pragma once
// A linear chart axis whose tick labels are Meadows' own, not printf's: ticks at whole
// multiples of a 1-2-5 step (niceScale, chartscale.h), each written by tickText, so zero
// reads "0" and never "-0" or "-0.0". QValueAxis finds its dynamic ticks by adding the step
// to the anchor again and again, so a tick meant to be zero can come out as -2.8e-17 and be
// printed "-0.0"; here every tick is computed as k * step and labelled through QCategoryAxis.
// Zoomed or panned, the axis ticks its new range with a step of its own.
#include <QCategoryAxis>
#include <QList>

namespace meadows {

class NiceAxis : public QCategoryAxis {
public:
    explicit NiceAxis(QObject *parent = nullptr);
    // Shows [min, max] with a tick at every multiple of `step` inside it.
    void setScale(double min, double max, double step);
    // At most this many steps across a range the axis ticks by itself (after a zoom).
    void setMaxTicks(int maxTicks) { m_maxTicks = maxTicks; }
    double step() const { return m_step; }
    // The values of the ticks shown, lowest first.
    QList<double> ticks() const { return m_ticks; }

private:
    void retick(double min, double max, double step);

    double m_step = 1;
    int m_maxTicks = 6;
    bool m_setting = false; // the range is being set with its step: no step of its own
    QList<double> m_ticks;
};

} // namespace meadows

#include "dominanceband.h"

#include <QFontMetricsF>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace meadows {

namespace {
constexpr int kBandHeight = 26;
constexpr int kAxisHeight = 18;
constexpr int kMargin = 6;

// 1, 2 or 5 times a power of ten: about `wanted` ticks over the span.
double tickStep(double span, int wanted)
{
    const double raw = span / std::max(1, wanted);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * power >= raw)
            return m * power;
    }
    return 10 * power;
}
} // namespace

DominanceBand::DominanceBand(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize DominanceBand::sizeHint() const
{
    return {400, kBandHeight + kAxisHeight + 2 * kMargin};
}

QSize DominanceBand::minimumSizeHint() const
{
    return {120, kBandHeight + kAxisHeight + 2 * kMargin};
}

void DominanceBand::setPeriods(std::vector<BandPeriod> periods, double start, double stop, const std::vector<QColor> &colors)
{
    m_periods = std::move(periods);
    m_colors = colors;
    m_colors.resize(m_periods.size(), palette().color(QPalette::Mid));
    m_start = start;
    m_stop = stop > start ? stop : start + 1;
    update();
}

QRectF DominanceBand::bandRect() const
{
    return QRectF(kMargin, kMargin, std::max(1, width() - 2 * kMargin), kBandHeight);
}

double DominanceBand::xOf(double t) const
{
    const QRectF band = bandRect();
    return band.left() + (t - m_start) / (m_stop - m_start) * band.width();
}

int DominanceBand::periodAt(int x) const
{
    for (std::size_t i = 0; i < m_periods.size(); ++i) {
        if (x >= xOf(m_periods[i].from) && x <= xOf(m_periods[i].to))
            return int(i);
    }
    return -1;
}

void DominanceBand::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QRectF band = bandRect();
    const QColor text = palette().color(QPalette::WindowText);
    if (m_periods.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(band, Qt::AlignCenter, tr("No loop dominance to show"));
        return;
    }
    for (std::size_t i = 0; i < m_periods.size(); ++i) {
        const BandPeriod &period = m_periods[i];
        const QRectF r(QPointF(xOf(period.from), band.top()), QPointF(xOf(period.to), band.bottom()));
        QColor fill = m_colors[i];
        switch (period.kind) {
        case BandPeriod::Kind::Loop:
            break;
        case BandPeriod::Kind::AtRest:
            fill = palette().color(QPalette::Midlight);
            break;
        case BandPeriod::Kind::Shared:
        case BandPeriod::Kind::Inactive:
            fill = palette().color(QPalette::Base);
            break;
        }
        p.fillRect(r, fill);
        if (period.kind == BandPeriod::Kind::Shared || period.kind == BandPeriod::Kind::Inactive)
            p.fillRect(r, QBrush(palette().color(QPalette::Mid), period.kind == BandPeriod::Kind::Shared ? Qt::BDiagPattern : Qt::Dense7Pattern));
        p.setPen(palette().color(QPalette::Dark));
        p.drawLine(r.topLeft(), r.bottomLeft());
        // The name on the period, in a smaller type when that is what makes it fit.
        QFont font = this->font();
        for (double scale : {1.0, 0.8, 0.65}) {
            font.setPointSizeF(this->font().pointSizeF() * scale);
            if (QFontMetricsF(font).horizontalAdvance(period.label) + 2 <= r.width()) {
                p.setFont(font);
                p.setPen(period.kind == BandPeriod::Kind::Loop && fill.lightnessF() < 0.55 ? QColor(Qt::white) : text);
                p.drawText(r, Qt::AlignCenter, period.label);
                p.setFont(this->font());
                break;
            }
        }
    }
    p.setPen(palette().color(QPalette::Dark));
    p.drawRect(band);

    // The time axis under the band.
    p.setPen(text);
    const double step = tickStep(m_stop - m_start, std::max(2, int(band.width() / 70)));
    for (double t = std::ceil(m_start / step) * step; t <= m_stop + step * 1e-9; t += step) {
        const double x = xOf(t);
        p.drawLine(QPointF(x, band.bottom()), QPointF(x, band.bottom() + 4));
        const QString label = QString::number(t, 'g', 6);
        const int w = fontMetrics().horizontalAdvance(label);
        const double left = std::clamp(x - w / 2.0 - 2, 0.0, std::max(0.0, width() - w - 4.0)); // keep the end labels inside
        p.drawText(QRectF(left, band.bottom() + 4, w + 4, kAxisHeight), Qt::AlignHCenter | Qt::AlignTop, label);
    }
}

bool DominanceBand::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = periodAt(help->pos().x());
        if (i >= 0) {
            const BandPeriod &period = m_periods[std::size_t(i)];
            QString tip = QStringLiteral("%1: %2–%3").arg(period.label, QString::number(period.from, 'g', 6),
                                                          QString::number(period.to, 'g', 6));
            if (!period.detail.isEmpty())
                tip += QLatin1Char('\n') + period.detail;
            QToolTip::showText(help->globalPos(), tip, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace meadows

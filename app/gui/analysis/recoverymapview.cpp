#include "recoverymapview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <cmath>

namespace meadows {

namespace {
constexpr double kLeft = 64, kBottom = 40, kTop = 8, kRight = 12;

QString number(double v) { return QString::number(v, 'g', 5); }
} // namespace

RecoveryMapView::RecoveryMapView(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(240, 180);
    setMouseTracking(true);
    setAccessibleName(tr("Recovery map"));
}

QColor RecoveryMapView::recoversColor() { return QColor(0x8f, 0xd1, 0x9e); }
QColor RecoveryMapView::staysColor() { return QColor(0xe8, 0x8a, 0x7d); }

void RecoveryMapView::setMap(const RecoveryMap &map)
{
    m_map = map;
    update();
}

QColor RecoveryMapView::cellColor(std::size_t point) const
{
    return point < m_map.recovers.size() && m_map.recovers[point] ? recoversColor() : staysColor();
}

QRectF RecoveryMapView::plotArea() const
{
    return QRectF(kLeft, kTop, width() - kLeft - kRight, height() - kTop - kBottom);
}

// Across: the first axis's values (the only one, for one axis); up: the second axis's.
QRectF RecoveryMapView::cellRect(std::size_t point) const
{
    const QRectF area = plotArea();
    const std::size_t across = std::size_t(std::max(1, m_map.axes.front().count));
    const std::size_t up = m_map.axes.size() > 1 ? std::size_t(std::max(1, m_map.axes[1].count)) : 1;
    const std::size_t column = up > 1 ? point / up : point;
    const std::size_t row = up > 1 ? point % up : 0;
    const double w = area.width() / double(across), h = area.height() / double(up);
    return QRectF(area.left() + double(column) * w, area.bottom() - double(row + 1) * h, w, h);
}

int RecoveryMapView::pointAt(const QPointF &position) const
{
    for (std::size_t p = 0; p < m_map.points(); ++p)
        if (cellRect(p).contains(position))
            return int(p);
    return -1;
}

void RecoveryMapView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (m_map.axes.empty() || m_map.points() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("Choose the disturbance's parameters and press Run."));
        return;
    }
    for (std::size_t p = 0; p < m_map.points(); ++p)
        painter.fillRect(cellRect(p).adjusted(0, 0, 0.5, 0.5), cellColor(p));
    const QRectF area = plotArea();
    painter.setPen(palette().color(QPalette::Text));
    painter.drawRect(area);
    // Each axis labelled at its ends and in the middle, with its name.
    const SweepAxis &a = m_map.axes.front();
    const QFontMetrics fm(font());
    painter.drawText(QRectF(area.left() - 40, area.bottom() + 2, 80, fm.height()), Qt::AlignCenter, number(a.from));
    painter.drawText(QRectF(area.right() - 40, area.bottom() + 2, 80, fm.height()), Qt::AlignCenter, number(a.to));
    painter.drawText(QRectF(area.left(), area.bottom() + 2 + fm.height(), area.width(), fm.height()), Qt::AlignCenter, a.name);
    if (m_map.axes.size() > 1) {
        const SweepAxis &b = m_map.axes[1];
        painter.drawText(QRectF(0, area.bottom() - fm.height(), kLeft - 4, fm.height()), Qt::AlignRight, number(b.from));
        painter.drawText(QRectF(0, area.top(), kLeft - 4, fm.height()), Qt::AlignRight, number(b.to));
        painter.save();
        painter.translate(fm.height() / 2.0 + 2, area.center().y());
        painter.rotate(-90);
        painter.drawText(QRectF(-area.height() / 2, -fm.height() / 2.0, area.height(), fm.height()), Qt::AlignCenter, b.name);
        painter.restore();
    }
    // The located boundary: a dot where it crosses each column (two axes) or a line (one).
    painter.setRenderHint(QPainter::Antialiasing);
    const SweepAxis &last = m_map.axes.back();
    const double span = last.to - last.from;
    for (const RecoveryBoundary &b : m_map.boundary) {
        if (span == 0)
            break;
        const double t = (b.value - last.from) / span;
        if (m_map.axes.size() > 1) {
            const int column = int(std::lround((b.across - a.from) / (a.to == a.from ? 1 : a.to - a.from) * (a.count - 1)));
            const double w = area.width() / std::max(1, a.count);
            // Cell centres hold the grid values: value k sits at the centre of cell k.
            const double h = area.height() / std::max(1, last.count);
            const double y = area.bottom() - h / 2 - t * (area.height() - h);
            painter.setPen(QPen(Qt::black, 2));
            painter.drawLine(QPointF(area.left() + column * w + 1, y), QPointF(area.left() + (column + 1) * w - 1, y));
        } else {
            const double w = area.width() / std::max(1, last.count);
            const double x = area.left() + w / 2 + t * (area.width() - w);
            painter.setPen(QPen(Qt::black, 2));
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        }
    }
}

void RecoveryMapView::mouseMoveEvent(QMouseEvent *event)
{
    const int point = pointAt(event->position());
    if (point < 0) {
        QToolTip::hideText();
        return;
    }
    QStringList parts;
    const std::vector<double> values = m_map.valuesAt(std::size_t(point));
    for (std::size_t a = 0; a < m_map.axes.size(); ++a)
        parts << QStringLiteral("%1 = %2").arg(m_map.axes[a].name, number(values[a]));
    const QString verdict = m_map.recovers[std::size_t(point)] ? tr("recovers") : tr("does not recover");
    QToolTip::showText(event->globalPosition().toPoint(), parts.join(QStringLiteral(", ")) + QStringLiteral(": ") + verdict, this);
}

} // namespace meadows

#include "bifurcationchart.h"

#include "diagram/labelgeometry.h"
#include "live/chartscale.h"
#include "live/niceaxis.h"

#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows {

namespace {
const QColor kStable(0x1f, 0x5f, 0xa8);
const QColor kUnstable(0xc2, 0x3b, 0x22);
const QColor kFold(0x20, 0x20, 0x20);
const QColor kHopf(0xd4, 0x8a, 0x00);

QString number(double v) { return QString::number(v, 'g', 6); }
} // namespace

BifurcationChart::BifurcationChart(QWidget *parent) : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->setBackgroundRoundness(0);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    auto *x = new NiceAxis; // ticks labelled as the Results charts' are
    auto *y = new NiceAxis;
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    connect(chart(), &QChart::plotAreaChanged, this, &BifurcationChart::placeLabels);
}

void BifurcationChart::clear()
{
    for (const auto &label : std::as_const(m_labels))
        delete label.first;
    m_labels.clear();
    chart()->removeAllSeries();
}

void BifurcationChart::placeLabels()
{
    const QRectF plot = chart()->plotArea();
    for (const auto &[text, mark] : std::as_const(m_labels)) {
        const QPointF at = chart()->mapToPosition(mark->at(0), mark);
        const QRectF box = text->boundingRect();
        const double x = std::clamp(at.x() - box.width() / 2, plot.left() + 2, std::max(plot.left() + 2, plot.right() - box.width() - 2));
        double y = at.y() - box.height() - 6;
        if (y < plot.top())
            y = at.y() + 8;
        text->setPos(x, y);
    }
}

void BifurcationChart::show(const Continuation &c, std::size_t stock)
{
    clear();
    auto *x = static_cast<NiceAxis *>(chart()->axes(Qt::Horizontal).value(0));
    auto *y = static_cast<NiceAxis *>(chart()->axes(Qt::Vertical).value(0));
    if (stock >= c.stockNames.size())
        return;
    double xlo = std::numeric_limits<double>::infinity(), xhi = -xlo, ylo = xlo, yhi = -xlo;
    const auto extend = [&](double px, double py) {
        if (!std::isfinite(px) || !std::isfinite(py))
            return;
        xlo = std::min(xlo, px);
        xhi = std::max(xhi, px);
        ylo = std::min(ylo, py);
        yhi = std::max(yhi, py);
    };
    bool namedStable = false, namedUnstable = false;
    const auto addSegment = [&](const QList<QPointF> &points, bool stable) {
        auto *line = new QLineSeries;
        line->setName(stable ? tr("stable") : tr("unstable"));
        QPen pen(stable ? kStable : kUnstable);
        pen.setWidthF(2.2);
        pen.setStyle(stable ? Qt::SolidLine : Qt::DashLine);
        line->setPen(pen);
        line->replace(points);
        chart()->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        // One legend entry per kind, however many stretches there are.
        bool &named = stable ? namedStable : namedUnstable;
        for (QLegendMarker *m : chart()->legend()->markers(line))
            m->setVisible(!named);
        named = true;
    };
    for (const std::vector<BranchPoint> &branch : c.branches) {
        // Stretches of one stability; neighbouring stretches share their end point, so the
        // branch is drawn unbroken.
        QList<QPointF> points;
        bool stable = false;
        for (std::size_t i = 0; i < branch.size(); ++i) {
            const BranchPoint &p = branch[i];
            const bool here = p.stability == Stability::Stable;
            const QPointF point(p.value, p.stocks[stock]);
            extend(point.x(), point.y());
            if (!points.isEmpty() && here != stable) {
                points << point;
                addSegment(points, stable);
                points = {points.constLast()};
            }
            stable = here;
            points << point;
        }
        if (points.size() > 1)
            addSegment(points, stable);
    }
    const auto mark = [&](const SpecialPoint &p, const QString &label, const QColor &color, QScatterSeries::MarkerShape shape) {
        auto *s = new QScatterSeries;
        s->setName(diagram::shortenedLabel(label));
        s->setMarkerShape(shape);
        s->setMarkerSize(11);
        s->setColor(color);
        s->setBorderColor(Qt::white);
        s->append(p.value, p.stocks[stock]);
        s->setPointLabelsFormat(label); // kept with the mark; drawn by placeLabels
        auto *text = new QGraphicsSimpleTextItem(label, chart());
        text->setBrush(color);
        text->setZValue(20);
        m_labels.append({text, s});
        chart()->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
        for (QLegendMarker *m : chart()->legend()->markers(s))
            m->setVisible(false); // labelled where it is
        extend(p.value, p.stocks[stock]);
    };
    for (const SpecialPoint &p : c.folds)
        mark(p, tr("tipping point (fold): %1 = %2, %3 = %4").arg(c.parameter, number(p.value), c.stockNames[stock], number(p.stocks[stock])),
             kFold, QScatterSeries::MarkerShapeCircle);
    for (const SpecialPoint &p : c.hopf)
        mark(p, tr("Hopf: %1 = %2, %3 = %4").arg(c.parameter, number(p.value), c.stockNames[stock], number(p.stocks[stock])), kHopf,
             QScatterSeries::MarkerShapeRectangle);
    x->setTitleText(c.parameter);
    y->setTitleText(c.stockNames[stock]);
    if (!(xlo <= xhi))
        return;
    const NiceScale sx = niceScale(xlo, xhi > xlo ? xhi : xlo + 1, 8);
    // Room above the highest mark for its label.
    const double top = yhi + 0.08 * std::max(yhi - ylo, 1e-9);
    const NiceScale sy = niceScale(std::min(ylo, 0.0), top > ylo ? top : ylo + 1, 6);
    x->setMaxTicks(8);
    x->setScale(sx.min, sx.max, sx.step);
    y->setScale(sy.min, sy.max, sy.step);
    placeLabels();
}

QStringList BifurcationChart::markLabels() const
{
    QStringList labels;
    for (QAbstractSeries *s : chart()->series())
        if (auto *scatter = qobject_cast<QScatterSeries *>(s))
            labels << scatter->pointLabelsFormat();
    return labels;
}

} // namespace meadows

// PlotView on Qt Charts: one chart per group of like series (chartscale.h), stacked on a
// shared time axis, or one chart for all; nice ticks; a time cursor with a readout.
#include "diagram/labelgeometry.h"
#include "chartscale.h"
#include "decimation.h"
#include "niceaxis.h"
#include "plotview.h"
#include "sensitivitybands.h"

#include "solver/simulation.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace meadows {

namespace {

// Wheel zooms around the cursor, middle-drag pans, double-click resets, rubber band zooms;
// the pointer's time is reported as it moves (NaN when it leaves).
class InteractiveChartView : public QChartView {
public:
    using QChartView::QChartView;
    std::function<void(double)> onHover;

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        const double factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
        const QRectF area = chart()->plotArea();
        const QPointF centre = event->position();
        QRectF zoomed(area);
        zoomed.setWidth(area.width() / factor);
        zoomed.setHeight(area.height() / factor);
        zoomed.moveCenter(centre - (centre - area.center()) / factor);
        chart()->zoomIn(zoomed);
        event->accept();
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::MiddleButton) {
            m_panFrom = event->position();
            event->accept();
            return;
        }
        QChartView::mousePressEvent(event);
    }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (event->buttons() & Qt::MiddleButton) {
            const QPointF delta = event->position() - m_panFrom;
            chart()->scroll(-delta.x(), delta.y());
            m_panFrom = event->position();
            event->accept();
            return;
        }
        if (onHover) {
            const QPointF scenePos = mapToScene(event->position().toPoint());
            onHover(chart()->plotArea().contains(scenePos) ? chart()->mapToValue(scenePos).x() : std::nan(""));
        }
        QChartView::mouseMoveEvent(event);
    }
    bool viewportEvent(QEvent *event) override
    {
        if (event->type() == QEvent::Leave && onHover)
            onHover(std::nan(""));
        return QChartView::viewportEvent(event);
    }
    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        chart()->zoomReset();
        event->accept();
    }

private:
    QPointF m_panFrom;
};

// The value of a run's column at a time: the saved row at or before it.
double valueAt(const Results &r, int column, double time)
{
    const std::size_t rows = r.rows();
    if (!rows)
        return std::nan("");
    std::size_t lo = 0, hi = rows; // first row with time > t
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (r.at(mid, 0) <= time)
            lo = mid + 1;
        else
            hi = mid;
    }
    return r.at(lo == 0 ? 0 : lo - 1, std::size_t(column));
}

// One stacked chart: its series share a value axis.
struct Pane {
    QChart *chart = nullptr;
    InteractiveChartView *view = nullptr;
    NiceAxis *x = nullptr;
    QAbstractAxis *y = nullptr; // a NiceAxis, or a QLogValueAxis on a log scale
    QGraphicsLineItem *cursor = nullptr;
    QGraphicsSimpleTextItem *readout = nullptr;
    QList<int> series; // into m_series
    // Added to the layout's own margins so that this chart's plot area lines up with the
    // others' (alignPlotAreas).
    double extraLeft = 0;
    double extraRight = 0;
    double tickedFor = 0; // the plot area's height its value ticks were counted for
};

class ChartsPlotView : public PlotView {
    Q_OBJECT // its own translation context: tr() would otherwise look under PlotView's
public:
    explicit ChartsPlotView(QWidget *parent) : PlotView(parent)
    {
        // The stack scrolls rather than squeeze a chart below what its labels need.
        auto *scroll = new QScrollArea(this);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_stack = new QWidget;
        m_layout = new QVBoxLayout(m_stack);
        m_layout->setContentsMargins(0, 0, 0, 0);
        m_layout->setSpacing(0);
        scroll->setWidget(m_stack);
        auto *outer = new QVBoxLayout(this);
        outer->setContentsMargins(0, 0, 0, 0);
        outer->addWidget(scroll);
        setPaneCount(1);
    }

    void setSeries(const QList<PlotSeries> &series) override
    {
        m_series = series;
        rebuild();
    }

    void setTimeUnits(const QString &units) override
    {
        m_timeUnits = units;
        titleTimeAxes();
    }

    void setLogScale(bool on) override
    {
        if (on == m_log)
            return;
        m_log = on;
        for (Pane &p : m_panes)
            makeYAxis(p);
        rebuild();
    }
    bool logScale() const override { return m_log; }

    void setStale(bool stale) override
    {
        m_stale = stale;
        for (Pane &p : m_panes)
            p.chart->setOpacity(stale ? 0.4 : 1.0);
    }

    QList<QPointF> points(const QString &name) const override
    {
        const QLineSeries *line = lineNamed(name);
        return line ? line->points() : QList<QPointF>();
    }
    QColor seriesColor(const QString &name) const override
    {
        const QLineSeries *line = lineNamed(name);
        return line ? line->pen().color() : QColor();
    }

    void setSharedAxis(bool shared) override
    {
        if (shared == m_shared)
            return;
        m_shared = shared;
        rebuild();
    }
    bool sharedAxis() const override { return m_shared; }
    int paneCount() const override { return int(m_panes.size()); }
    int paneOf(const QString &name) const override
    {
        for (std::size_t p = 0; p < m_panes.size(); ++p)
            for (int k : m_panes[p].series)
                if (m_series[k].name == name)
                    return int(p);
        return -1;
    }
    QList<double> valueTicks(int pane) const override
    {
        if (pane < 0 || pane >= paneCount() || m_log)
            return {};
        return static_cast<const NiceAxis *>(m_panes[std::size_t(pane)].y)->ticks();
    }

    void setTimeCursor(double time) override
    {
        m_cursor = time;
        showCursor(std::isnan(m_hover) ? m_cursor : m_hover);
    }
    double timeCursor() const override { return m_cursor; }
    void setBands(const QList<PlotBand> &bands) override
    {
        m_bands = bands;
        rebuild();
    }
    QList<QPointF> bandPoints(const QString &variable, int percentile) const override
    {
        for (const Pane &p : m_panes)
            if (const QList<QPointF> edge = drawnBandEdge(p.chart, variable, percentile); !edge.isEmpty())
                return edge;
        return {};
    }

    QString readout() const override
    {
        QStringList lines;
        for (const Pane &p : m_panes)
            if (p.readout->isVisible())
                lines << p.readout->text();
        return lines.join(QLatin1Char('\n'));
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        PlotView::resizeEvent(event);
        // Decimation depends on the width in pixels.
        if (std::abs(width() - m_decimatedFor) > 40 || std::abs(height() - m_laidOutFor) > 40)
            rebuild();
    }

private:
    const QLineSeries *lineNamed(const QString &name) const
    {
        for (const Pane &p : m_panes)
            for (QAbstractSeries *s : p.chart->series())
                if (s->name() == name && qobject_cast<const QLineSeries *>(s))
                    return static_cast<const QLineSeries *>(s);
        return nullptr;
    }

    // Small, compact labels: a chart in a dock is short, and Qt elides labels that do not fit.
    void styleAxis(QAbstractAxis *axis)
    {
        QFont f = font();
        f.setPointSizeF(std::max(7.0, f.pointSizeF() * 0.85));
        axis->setLabelsFont(f);
        axis->setTitleFont(f);
    }

    void setPaneCount(int count)
    {
        while (int(m_panes.size()) > count) {
            delete m_panes.back().view; // owns its chart, which owns axes, series and items
            m_panes.pop_back();
        }
        while (int(m_panes.size()) < count) {
            Pane p;
            p.chart = new QChart;
            p.chart->legend()->setAlignment(Qt::AlignRight);
            p.chart->setMargins(QMargins(4, 2, 4, 2));
            p.chart->setBackgroundRoundness(0);
            qreal left, top, right, bottom;
            p.chart->layout()->getContentsMargins(&left, &top, &right, &bottom);
            m_layoutMargins = QMarginsF(left, top, right, bottom);
            p.chart->setOpacity(m_stale ? 0.4 : 1.0);
            p.view = new InteractiveChartView(p.chart, m_stack);
            // The view draws the chart's background edge to edge: the margins that line the
            // plot areas up (alignPlotAreas) would otherwise stagger the charts' white boxes.
            p.view->setBackgroundBrush(p.chart->backgroundBrush());
            p.chart->setBackgroundVisible(false);
            p.view->setRenderHint(QPainter::Antialiasing);
            p.view->setRubberBand(QChartView::RectangleRubberBand);
            p.view->viewport()->setMouseTracking(true); // the cursor follows the pointer unpressed
            p.view->onHover = [this](double t) {
                m_hover = t;
                showCursor(std::isnan(t) ? m_cursor : t);
            };
            p.x = new NiceAxis;
            styleAxis(p.x);
            p.chart->addAxis(p.x, Qt::AlignBottom);
            p.cursor = new QGraphicsLineItem(p.chart);
            p.cursor->setPen(QPen(QColor(0x55, 0x55, 0x55), 1, Qt::DashLine));
            p.cursor->setZValue(10);
            p.cursor->hide();
            p.readout = new QGraphicsSimpleTextItem(p.chart);
            p.readout->setZValue(11);
            p.readout->hide();
            m_layout->addWidget(p.view, 1);
            m_panes.push_back(p);
            makeYAxis(m_panes.back());
            Pane &added = m_panes.back();
            connect(added.chart, &QChart::plotAreaChanged, this, [this]() {
                showCursor(std::isnan(m_hover) ? m_cursor : m_hover);
                queueAlignment();
            });
        }
        titleTimeAxes();
    }

    // Only the bottom chart labels and names the time axis: the stack shares it, and a short
    // chart has no room to spare.
    void titleTimeAxes()
    {
        for (std::size_t i = 0; i < m_panes.size(); ++i) {
            const bool bottom = i + 1 == m_panes.size();
            m_panes[i].x->setLabelsVisible(bottom);
            // Room for the value labels, and at the bottom for the time labels and title too.
            m_panes[i].view->setMinimumHeight(m_panes.size() == 1 ? 0 : bottom ? 150 : 110);
            m_panes[i].x->setTitleText(!bottom ? QString() : m_timeUnits.isEmpty() ? tr("Time") : tr("Time (%1)").arg(m_timeUnits));
        }
    }

    void makeYAxis(Pane &p)
    {
        if (p.y) {
            for (QAbstractSeries *s : p.chart->series())
                s->detachAxis(p.y);
            p.chart->removeAxis(p.y);
            delete p.y;
        }
        if (m_log) {
            auto *axis = new QLogValueAxis;
            axis->setLabelFormat(QStringLiteral("%.3g"));
            axis->setMinorTickCount(-1);
            p.y = axis;
        } else {
            p.y = new NiceAxis;
        }
        styleAxis(p.y);
        p.chart->addAxis(p.y, Qt::AlignLeft);
        for (QAbstractSeries *s : p.chart->series())
            s->attachAxis(p.y);
    }

    // Which chart each series goes in.
    std::vector<int> layoutSeries(const std::vector<QList<QPointF>> &points) const
    {
        if (m_shared)
            return std::vector<int>(std::size_t(m_series.size()), 0);
        std::vector<SeriesShape> shapes;
        for (qsizetype k = 0; k < m_series.size(); ++k) {
            double peak = 0;
            for (const QPointF &q : points[std::size_t(k)])
                if (std::isfinite(q.y()))
                    peak = std::max(peak, std::fabs(q.y()));
            const PlotSeries &s = m_series[k];
            shapes.push_back({s.variable.isEmpty() ? s.name : s.variable, s.units, peak});
        }
        return groupSeries(shapes);
    }

    // Replaces every series' points in one go (QXYSeries::replace), decimated to the width.
    void rebuild()
    {
        m_decimatedFor = width();
        m_laidOutFor = height();
        const int columns = std::max(200, width());
        std::vector<QList<QPointF>> points;
        for (const PlotSeries &p : std::as_const(m_series)) {
            QList<QPointF> pts;
            if (p.results && p.column >= 0 && std::size_t(p.column) < p.results->columns) {
                const Results &r = *p.results;
                pts = decimate(r.data.data(), r.data.data() + p.column, r.rows(), r.columns, columns);
            }
            if (m_log)
                pts.removeIf([](const QPointF &q) { return !(q.y() > 0); });
            points.push_back(std::move(pts));
        }
        const std::vector<int> group = layoutSeries(points);
        const int panes = group.empty() ? 1 : *std::max_element(group.begin(), group.end()) + 1;
        if (panes != paneCount()) // once the stack is laid out, count the ticks that fit again
            QTimer::singleShot(0, this, [this]() { rebuild(); });
        setPaneCount(panes);
        for (Pane &p : m_panes)
            p.series.clear();
        for (std::size_t k = 0; k < group.size(); ++k)
            m_panes[std::size_t(group[k])].series << int(k);

        double t0 = std::numeric_limits<double>::infinity(), t1 = -t0;
        for (const QList<QPointF> &pts : points)
            for (const QPointF &q : pts) {
                t0 = std::min(t0, q.x());
                t1 = std::max(t1, q.x());
            }
        for (Pane &pane : m_panes)
            fillPane(pane, points, t0, t1);
        showCursor(std::isnan(m_hover) ? m_cursor : m_hover);
    }

    void fillPane(Pane &pane, const std::vector<QList<QPointF>> &points, double t0, double t1)
    {
        QList<QAbstractSeries *> existing;
        for (QAbstractSeries *s : pane.chart->series())
            if (qobject_cast<QLineSeries *>(s)) // not the sensitivity bands (sensitivitybands.h)
                existing << s;
        // Reuse series objects where they are, so the legend does not flicker.
        while (existing.size() > pane.series.size()) {
            pane.chart->removeSeries(existing.back());
            delete existing.takeLast();
        }
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (qsizetype i = 0; i < pane.series.size(); ++i) {
            const PlotSeries &p = m_series[pane.series[i]];
            QLineSeries *line = i < existing.size() ? static_cast<QLineSeries *>(existing[i]) : nullptr;
            if (!line) {
                line = new QLineSeries;
                pane.chart->addSeries(line);
                line->attachAxis(pane.x);
                line->attachAxis(pane.y);
            }
            line->setName(diagram::shortenedLabel(p.name));
            QPen pen(p.ghost ? p.color.lighter(150) : p.color);
            pen.setWidthF(p.ghost ? 1.2 : 2.0);
            pen.setStyle(p.ghost ? Qt::DashLine : Qt::SolidLine);
            line->setPen(pen);
            const QList<QPointF> &pts = points[std::size_t(pane.series[i])];
            for (const QPointF &q : pts) {
                if (!std::isfinite(q.y()))
                    continue;
                lo = std::min(lo, q.y());
                hi = std::max(hi, q.y());
            }
            line->replace(pts);
        }
        // The sensitivity bands of this chart's variables, inside its value range.
        QList<PlotBand> bands;
        for (const PlotBand &b : std::as_const(m_bands))
            if (!m_log && std::any_of(pane.series.begin(), pane.series.end(), [&](int k) {
                    return (m_series[k].variable.isEmpty() ? m_series[k].name : m_series[k].variable) == b.variable;
                }))
                bands << b;
        widenForBands(bands, lo, hi);
        drawBands(pane.chart, pane.x, pane.y, bands);
        if (!(t0 <= t1))
            return;
        // As many ticks as fit without Qt eliding their labels to "...": about one per 70 pixels
        // across; down, Qt gives each label the axis's height shared among the ticks and one
        // more point (a NiceAxis's first category starts below the range), less padding: at
        // 18 pixels a point the labels were elided, at 19 they were not; 21 leaves a margin.
        // (Before the first layout a pane's own size is not known: its share of the whole is.)
        const int across = std::max(pane.view->width(), width());
        const int down = paneCount() == 1 ? std::max(pane.view->height(), height())
                                          : std::max(pane.view->minimumHeight(), height() / paneCount()) - (pane.x->labelsVisible() ? 40 : 0);
        const double plotHeight = pane.view->isVisible() && pane.chart->plotArea().height() > 40 ? pane.chart->plotArea().height() : down - 20;
        const int timeTicks = std::clamp(across / 70, 2, 8);
        pane.x->setMaxTicks(timeTicks);
        pane.x->setScale(t0, t1 > t0 ? t1 : t0 + 1, niceScale(t0, t1 > t0 ? t1 : t0 + 1, timeTicks).step);
        if (!(lo <= hi))
            lo = hi = 0;
        if (m_log) {
            if (hi <= lo)
                hi = lo * 2;
            pane.y->setRange(lo / 1.2, hi * 1.2);
            return;
        }
        // Ticks at 0, 20, 40... never 22.5; a quantity that cannot go below zero (a queue, a
        // rate) keeps zero at the bottom.
        pane.tickedFor = plotHeight;
        const int valueTicks = std::clamp(int(plotHeight / 21) - 2, 1, 6);
        const NiceScale scale = niceScale(lo >= 0 ? std::min(lo, 0.0) : lo, hi, valueTicks);
        auto *linear = static_cast<NiceAxis *>(pane.y);
        linear->setMaxTicks(valueTicks);
        linear->setScale(scale.min, scale.max, scale.step);
    }

    // Plot areas are lined up once the charts have laid themselves out, and again whenever a
    // chart's plot area moves (new labels, a new legend, a resize).
    void queueAlignment()
    {
        if (m_aligning || m_alignmentQueued)
            return;
        m_alignmentQueued = true;
        QTimer::singleShot(0, this, [this]() {
            m_alignmentQueued = false;
            alignPlotAreas();
            // A chart's height settles when the stack is laid out: its value ticks are
            // counted again for the height it got.
            for (const Pane &p : m_panes)
                if (p.view->isVisible() && std::abs(p.chart->plotArea().height() - p.tickedFor) > 8) {
                    rebuild();
                    break;
                }
        });
    }

    // The stacked charts share one time axis, so a time must be at one x all down the stack.
    // Each chart's plot area takes the left edge of the chart with the widest value labels
    // and the right edge of the one with the widest legend: the difference is added to the
    // chart layout's margins (fractional pixels, unlike QChart::setMargins), and the chart
    // lays itself out as before, heights included.
    void alignPlotAreas()
    {
        m_aligning = true;
        for (int pass = 0; pass < 3; ++pass) { // a legend's width can depend on the room it has
            double left = 0, right = 0; // the widest gaps at the plot areas' sides
            for (const Pane &p : m_panes) {
                left = std::max(left, naturalLeft(p));
                right = std::max(right, naturalRight(p));
            }
            bool moved = false;
            for (Pane &p : m_panes) {
                const double extraLeft = m_panes.size() < 2 ? 0 : left - naturalLeft(p);
                const double extraRight = m_panes.size() < 2 ? 0 : right - naturalRight(p);
                if (std::abs(extraLeft - p.extraLeft) < 1e-6 && std::abs(extraRight - p.extraRight) < 1e-6)
                    continue;
                p.extraLeft = extraLeft;
                p.extraRight = extraRight;
                QGraphicsLayout *layout = p.chart->layout();
                layout->setContentsMargins(m_layoutMargins.left() + extraLeft, m_layoutMargins.top(),
                                           m_layoutMargins.right() + extraRight, m_layoutMargins.bottom());
                layout->activate();
                moved = true;
            }
            if (!moved)
                break;
        }
        m_aligning = false;
    }

    // Where a chart's plot area would start and end without the alignment's extra margins.
    static double naturalLeft(const Pane &p) { return p.chart->plotArea().left() - p.extraLeft; }
    static double naturalRight(const Pane &p)
    {
        return p.chart->size().width() - p.chart->plotArea().right() - p.extraRight;
    }

    // The cursor line in every chart, and each chart's values at that time beside it.
    void showCursor(double time)
    {
        for (Pane &pane : m_panes) {
            const bool shown = std::isfinite(time) && !pane.series.isEmpty() && pane.x->min() <= time && time <= pane.x->max();
            pane.cursor->setVisible(shown);
            pane.readout->setVisible(shown);
            if (!shown)
                continue;
            const QRectF area = pane.chart->plotArea();
            const double x = pane.chart->mapToPosition(QPointF(time, 0), pane.chart->series().value(0)).x();
            pane.cursor->setLine(x, area.top(), x, area.bottom());
            QStringList parts{tr("t = %1").arg(readoutText(time, 6))};
            for (int k : std::as_const(pane.series)) {
                const PlotSeries &s = m_series[k];
                if (s.results && s.column >= 0)
                    parts << QStringLiteral("%1 %2").arg(s.name, readoutText(valueAt(*s.results, s.column, time)));
            }
            pane.readout->setText(parts.join(QStringLiteral("   ")));
            pane.readout->setPos(area.left() + 6, area.top() + 2);
        }
    }

    QWidget *m_stack = nullptr;
    QVBoxLayout *m_layout = nullptr;
    std::vector<Pane> m_panes;
    QList<PlotSeries> m_series;
    QList<PlotBand> m_bands;
    QString m_timeUnits;
    bool m_log = false;
    bool m_shared = false;
    bool m_stale = false;
    bool m_aligning = false;
    bool m_alignmentQueued = false;
    QMarginsF m_layoutMargins; // a chart layout's own margins, before alignment
    int m_decimatedFor = 0;
    int m_laidOutFor = 0; // the height the tick counts were chosen for
    double m_cursor = std::nan(""); // set by the workspace (Play, the scrubber)
    double m_hover = std::nan("");  // where the pointer is, while it is over a chart
};

} // namespace

std::unique_ptr<PlotView> createPlotView(QWidget *parent)
{
    return std::make_unique<ChartsPlotView>(parent);
}

} // namespace meadows

#include "chartsplotview.moc"

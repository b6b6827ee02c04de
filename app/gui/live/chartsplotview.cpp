// PlotView on Qt Charts.
#include "decimation.h"
#include "plotview.h"

#include "solver/simulation.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows {

namespace {

// Wheel zooms around the cursor, middle-drag pans, double-click resets, rubber band zooms.
class InteractiveChartView : public QChartView {
public:
    using QChartView::QChartView;

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
        QChartView::mouseMoveEvent(event);
    }
    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        chart()->zoomReset();
        event->accept();
    }

private:
    QPointF m_panFrom;
};

class ChartsPlotView : public PlotView {
    Q_OBJECT // its own translation context: tr() would otherwise look under PlotView's
public:
    explicit ChartsPlotView(QWidget *parent) : PlotView(parent)
    {
        m_chart = new QChart;
        m_chart->legend()->setAlignment(Qt::AlignRight);
        m_chart->setMargins(QMargins(4, 4, 4, 4));
        m_chart->setBackgroundRoundness(0);
        m_view = new InteractiveChartView(m_chart, this);
        m_view->setRenderHint(QPainter::Antialiasing);
        m_view->setRubberBand(QChartView::RectangleRubberBand);
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_view);
        m_x = new QValueAxis;
        m_x->setTitleText(tr("Time"));
        m_x->setLabelFormat(QStringLiteral("%.6g"));
        styleAxis(m_x);
        m_chart->addAxis(m_x, Qt::AlignBottom);
        makeYAxis();
    }

    void setSeries(const QList<PlotSeries> &series) override
    {
        m_series = series;
        rebuild();
    }

    void setTimeUnits(const QString &units) override
    {
        m_x->setTitleText(units.isEmpty() ? tr("Time") : tr("Time (%1)").arg(units));
    }

    void setLogScale(bool on) override
    {
        if (on == m_log)
            return;
        m_log = on;
        makeYAxis();
        rebuild();
    }
    bool logScale() const override { return m_log; }

    void setStale(bool stale) override { m_chart->setOpacity(stale ? 0.4 : 1.0); }

    QList<QPointF> points(const QString &name) const override
    {
        for (QAbstractSeries *s : m_chart->series()) {
            if (s->name() == name)
                return static_cast<QLineSeries *>(s)->points();
        }
        return {};
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        PlotView::resizeEvent(event);
        // Decimation depends on the width in pixels.
        if (std::abs(width() - m_decimatedFor) > 40)
            rebuild();
    }

private:
    // Small, compact labels: a chart in a dock is short, and Qt elides labels that do not fit.
    void styleAxis(QAbstractAxis *axis)
    {
        QFont f = font();
        f.setPointSizeF(std::max(7.0, f.pointSizeF() * 0.85));
        axis->setLabelsFont(f);
        axis->setTitleFont(f);
    }

    void makeYAxis()
    {
        if (m_y) {
            for (QAbstractSeries *s : m_chart->series())
                s->detachAxis(m_y);
            m_chart->removeAxis(m_y);
            delete m_y;
        }
        if (m_log) {
            auto *axis = new QLogValueAxis;
            axis->setLabelFormat(QStringLiteral("%.3g"));
            axis->setMinorTickCount(-1);
            m_y = axis;
        } else {
            auto *axis = new QValueAxis;
            axis->setLabelFormat(QStringLiteral("%.4g"));
            axis->setTickCount(5);
            m_y = axis;
        }
        styleAxis(m_y);
        m_chart->addAxis(m_y, Qt::AlignLeft);
    }

    // Replaces every series' points in one go (QXYSeries::replace), decimated to the width.
    void rebuild()
    {
        m_decimatedFor = width();
        const int columns = std::max(200, width());
        QList<QAbstractSeries *> existing = m_chart->series();
        // Reuse series objects where names match, so the legend does not flicker.
        while (existing.size() > m_series.size()) {
            m_chart->removeSeries(existing.back());
            delete existing.takeLast();
        }
        double lo = std::numeric_limits<double>::infinity(), hi = -lo, t0 = lo, t1 = -lo;
        for (qsizetype k = 0; k < m_series.size(); ++k) {
            const PlotSeries &p = m_series[k];
            QLineSeries *line = k < existing.size() ? static_cast<QLineSeries *>(existing[k]) : nullptr;
            if (!line) {
                line = new QLineSeries;
                m_chart->addSeries(line);
                line->attachAxis(m_x);
                line->attachAxis(m_y);
                connect(line, &QLineSeries::hovered, this, [this, line](const QPointF &point, bool on) {
                    if (!on)
                        return;
                    QToolTip::showText(QCursor::pos(), QStringLiteral("%1\n%2 = %3").arg(line->name()).arg(point.x()).arg(point.y()));
                });
            }
            line->setName(p.name);
            QPen pen(p.ghost ? p.color.lighter(150) : p.color);
            pen.setWidthF(p.ghost ? 1.2 : 2.0);
            pen.setStyle(p.ghost ? Qt::DashLine : Qt::SolidLine);
            line->setPen(pen);
            QList<QPointF> pts;
            if (p.results && p.column >= 0 && std::size_t(p.column) < p.results->columns) {
                const Results &r = *p.results;
                pts = decimate(r.data.data(), r.data.data() + p.column, r.rows(), r.columns, columns);
            }
            if (m_log)
                pts.removeIf([](const QPointF &q) { return !(q.y() > 0); });
            for (const QPointF &q : pts) {
                if (!std::isfinite(q.y()))
                    continue;
                lo = std::min(lo, q.y());
                hi = std::max(hi, q.y());
                t0 = std::min(t0, q.x());
                t1 = std::max(t1, q.x());
            }
            line->replace(pts);
        }
        if (t0 <= t1) {
            m_x->setRange(t0, t1 > t0 ? t1 : t0 + 1);
            if (hi <= lo) {
                hi = lo + (lo == 0 ? 1 : std::fabs(lo) * 0.1);
                lo = m_log ? lo / 2 : lo - (hi - lo);
            }
            const double pad = m_log ? 0 : (hi - lo) * 0.05;
            // Padding never takes a quantity that cannot go below zero (a queue, a rate)
            // into negative numbers on the axis.
            const double bottom = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
            m_y->setRange(m_log ? lo / 1.2 : bottom, m_log ? hi * 1.2 : hi + pad);
            if (auto *linear = qobject_cast<QValueAxis *>(m_y)) {
                linear->applyNiceNumbers(); // ticks at 0, 50, 100... not at 20.2076
                // Short labels for a narrow chart, but 10000 rather than 1e+04.
                const bool large = std::max(std::fabs(linear->min()), std::fabs(linear->max())) >= 1000;
                linear->setLabelFormat(large ? QStringLiteral("%.0f") : QStringLiteral("%.4g"));
            }
        }
    }

    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QValueAxis *m_x = nullptr;
    QAbstractAxis *m_y = nullptr;
    QList<PlotSeries> m_series;
    bool m_log = false;
    int m_decimatedFor = 0;
};

} // namespace

std::unique_ptr<PlotView> createPlotView(QWidget *parent)
{
    return std::make_unique<ChartsPlotView>(parent);
}

} // namespace meadows

#include "chartsplotview.moc"

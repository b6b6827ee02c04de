#pragma once
// Reads the postmortem's behaviour picture (OUT-behaviour.svg) back as a person reads a
// chart: each line's points in pixels are turned into times and values through the tick
// labels printed on the axes, so the numbers a test checks are the ones the picture shows.
#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>
#include <vector>

namespace meadows::testing {

struct BehaviourChart {
    QString variable;
    QList<QPointF> run;      // (time, value), read through the axes
    QList<QPointF> baseline; // the dashed line's
    QString baselineDash;    // its stroke-dasharray
    QList<QPointF> valueTicks; // (pixel y, value printed there)
    QStringList valueLabels;
};

struct BehaviourSvg {
    std::vector<BehaviourChart> charts;
    QList<QPointF> timeTicks; // (pixel x, time printed there)
    QStringList timeLabels;
    QString error;            // set when the file is not the picture expected

    QStringList variables() const
    {
        QStringList names;
        for (const BehaviourChart &c : charts)
            names << c.variable;
        return names;
    }
    const BehaviourChart *chart(const QString &variable) const
    {
        for (const BehaviourChart &c : charts)
            if (c.variable == variable)
                return &c;
        return nullptr;
    }
};

namespace behaviourdetail {

// The straight line through the first and last ticks: pixel -> value.
inline double through(const QList<QPointF> &ticks, double pixel)
{
    const QPointF a = ticks.front(), b = ticks.back();
    return a.y() + (pixel - a.x()) * (b.y() - a.y()) / (b.x() - a.x());
}

inline QList<QPointF> pixels(const QString &d)
{
    QList<QPointF> points;
    static const QRegularExpression step(QStringLiteral("[ML](-?[\\d.]+),(-?[\\d.]+)"));
    for (const QRegularExpressionMatch &m : step.globalMatch(d))
        points << QPointF(m.captured(1).toDouble(), m.captured(2).toDouble());
    return points;
}

} // namespace behaviourdetail

inline BehaviourSvg readBehaviourSvg(const QByteArray &svg)
{
    using namespace behaviourdetail;
    BehaviourSvg out;
    std::vector<std::pair<QList<QPointF>, QList<QPointF>>> paths; // per chart: run, baseline (pixels)
    QXmlStreamReader xml(svg);
    QString textClass;
    double textX = 0, textY = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QXmlStreamAttributes a = xml.attributes();
            const QString cls = a.value(QLatin1String("class")).toString();
            if (xml.name() == QLatin1String("g") && cls == QLatin1String("chart")) {
                out.charts.push_back({a.value(QLatin1String("data-variable")).toString(), {}, {}, {}, {}, {}});
                paths.emplace_back();
            } else if (xml.name() == QLatin1String("path") && !out.charts.empty()) {
                const QList<QPointF> points = pixels(a.value(QLatin1String("d")).toString());
                if (cls == QLatin1String("run"))
                    paths.back().first = points;
                else if (cls == QLatin1String("baseline")) {
                    paths.back().second = points;
                    out.charts.back().baselineDash = a.value(QLatin1String("stroke-dasharray")).toString();
                }
            } else if (xml.name() == QLatin1String("text")) {
                textClass = cls;
                textX = a.value(QLatin1String("x")).toDouble();
                textY = a.value(QLatin1String("y")).toDouble();
            }
        } else if (xml.isCharacters() && !textClass.isEmpty()) {
            const QString label = xml.text().toString();
            if (textClass == QLatin1String("value-tick") && !out.charts.empty()) {
                out.charts.back().valueTicks << QPointF(textY, label.toDouble());
                out.charts.back().valueLabels << label;
            } else if (textClass == QLatin1String("time-tick")) {
                out.timeTicks << QPointF(textX, label.toDouble());
                out.timeLabels << label;
            }
            textClass.clear();
        }
    }
    if (xml.hasError()) {
        out.error = xml.errorString();
        return out;
    }
    if (out.timeTicks.size() < 2) {
        out.error = QStringLiteral("fewer than two time ticks");
        return out;
    }
    for (std::size_t i = 0; i < out.charts.size(); ++i) {
        BehaviourChart &c = out.charts[i];
        if (c.valueTicks.size() < 2) {
            out.error = QStringLiteral("%1 has fewer than two value ticks").arg(c.variable);
            return out;
        }
        for (const QPointF &p : paths[i].first)
            c.run << QPointF(through(out.timeTicks, p.x()), through(c.valueTicks, p.y()));
        for (const QPointF &p : paths[i].second)
            c.baseline << QPointF(through(out.timeTicks, p.x()), through(c.valueTicks, p.y()));
    }
    return out;
}

} // namespace meadows::testing

#include "layoutquality.h"

#include <algorithm>

namespace meadows::diagram {

namespace {

double cross(QPointF a, QPointF b) { return a.x() * b.y() - a.y() * b.x(); }

// Whether segments pq and rs cross at a point inside both (touching ends does not count).
bool segmentsCross(QPointF p, QPointF q, QPointF r, QPointF s)
{
    const QPointF d1 = q - p, d2 = s - r;
    const double denominator = cross(d1, d2);
    if (std::abs(denominator) < 1e-12)
        return false; // parallel: overlapping collinear runs are not crossings
    const double t = cross(r - p, d2) / denominator;
    const double u = cross(r - p, d1) / denominator;
    constexpr double e = 1e-6;
    return t > e && t < 1 - e && u > e && u < 1 - e;
}

bool segmentHitsRect(QPointF a, QPointF b, const QRectF &r)
{
    if (r.contains(a) || r.contains(b))
        return true;
    const QPointF corners[4] = {r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()};
    for (int i = 0; i < 4; ++i)
        if (segmentsCross(a, b, corners[i], corners[(i + 1) % 4]))
            return true;
    return false;
}

QString kindName(ShapeKind kind)
{
    switch (kind) {
    case ShapeKind::Stock: return QStringLiteral("stock");
    case ShapeKind::Aux: return QStringLiteral("variable");
    case ShapeKind::Module: return QStringLiteral("module");
    case ShapeKind::Valve: return QStringLiteral("flow");
    case ShapeKind::Cloud: return QStringLiteral("cloud");
    case ShapeKind::TextBox: return QStringLiteral("text box");
    }
    return {};
}

struct Thing {
    QRectF rect;
    QString what;
};

} // namespace

bool rectsOverlap(const QRectF &a, const QRectF &b, double tolerance)
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    const QRectF i = a.intersected(b);
    return i.width() > tolerance && i.height() > tolerance;
}

QRectF polylineBounds(const std::vector<QPointF> &line)
{
    if (line.empty())
        return {};
    double l = line[0].x(), r = l, t = line[0].y(), b = t;
    for (const QPointF &p : line) {
        l = std::min(l, p.x());
        r = std::max(r, p.x());
        t = std::min(t, p.y());
        b = std::max(b, p.y());
    }
    return QRectF(QPointF(l, t), QPointF(r, b)).adjusted(-0.01, -0.01, 0.01, 0.01);
}

bool polylineHitsRect(const std::vector<QPointF> &line, const QRectF &rect)
{
    if (rect.isEmpty() || !polylineBounds(line).intersects(rect))
        return false;
    for (std::size_t i = 1; i < line.size(); ++i)
        if (segmentHitsRect(line[i - 1], line[i], rect))
            return true;
    return false;
}

int polylineCrossings(const std::vector<QPointF> &a, const std::vector<QPointF> &b)
{
    if (!polylineBounds(a).intersects(polylineBounds(b)))
        return 0;
    // Each pair of segments whose boxes (a hair wider) meet is tested; the boxes are
    // compared inline: this is the hottest loop of connector routing.
    constexpr double e = 0.01;
    int n = 0;
    for (std::size_t i = 1; i < a.size(); ++i) {
        const double al = std::min(a[i - 1].x(), a[i].x()) - e, ar = std::max(a[i - 1].x(), a[i].x()) + e;
        const double at = std::min(a[i - 1].y(), a[i].y()) - e, ab = std::max(a[i - 1].y(), a[i].y()) + e;
        for (std::size_t j = 1; j < b.size(); ++j) {
            const QPointF &p = b[j - 1], &q = b[j];
            if (std::max(p.x(), q.x()) < al || std::min(p.x(), q.x()) > ar || std::max(p.y(), q.y()) < at
                || std::min(p.y(), q.y()) > ab)
                continue;
            if (segmentsCross(a[i - 1], a[i], p, q))
                ++n;
        }
    }
    return n;
}

LayoutQuality measureLayout(const DiagramShapes &shapes)
{
    LayoutQuality q;
    const auto describe = [&shapes](int box) {
        const ShapeBox &b = shapes.boxes[std::size_t(box)];
        return b.name.isEmpty() ? kindName(b.kind) : kindName(b.kind) + u' ' + b.name;
    };
    // Everything that must not overlap anything else.
    std::vector<Thing> things;
    for (std::size_t i = 0; i < shapes.boxes.size(); ++i) {
        things.push_back({shapes.boxes[i].body, describe(int(i))});
        if (!shapes.boxes[i].label.isEmpty())
            things.push_back({shapes.boxes[i].label, QStringLiteral("name of ") + describe(int(i))});
    }
    for (const LinkShape &l : shapes.links)
        if (!l.sign.isEmpty())
            things.push_back({l.sign, QStringLiteral("sign on %1 -> %2").arg(describe(l.from), describe(l.to))});
    for (std::size_t i = 0; i < things.size(); ++i)
        for (std::size_t j = i + 1; j < things.size(); ++j)
            if (rectsOverlap(things[i].rect, things[j].rect)) {
                ++q.overlaps;
                q.problems << QStringLiteral("overlap: %1 and %2").arg(things[i].what, things[j].what);
            }

    // Lines through names and bodies.
    struct Line {
        const std::vector<QPointF> *points;
        std::vector<int> ends; // boxes the line joins
        QString what;
    };
    std::vector<Line> lines;
    for (const PipeShape &p : shapes.pipes)
        lines.push_back({&p.points, {p.valve, p.source, p.sink}, QStringLiteral("pipe of ") + describe(p.valve)});
    for (const LinkShape &l : shapes.links)
        if (l.arc.valid)
            lines.push_back({&l.arc.points, {l.from, l.to},
                             QStringLiteral("connector %1 -> %2").arg(describe(l.from), describe(l.to))});
    for (const Line &line : lines) {
        for (std::size_t b = 0; b < shapes.boxes.size(); ++b) {
            const ShapeBox &box = shapes.boxes[b];
            if (polylineHitsRect(*line.points, box.label.adjusted(1, 1, -1, -1))) {
                ++q.labelCrossings;
                q.problems << QStringLiteral("%1 runs through the name of %2").arg(line.what, describe(int(b)));
            }
            const bool ownEnd = std::find(line.ends.begin(), line.ends.end(), int(b)) != line.ends.end();
            // A pipe through a stock or valve not its own reads as flowing into it.
            if (!ownEnd && polylineHitsRect(*line.points, box.body.adjusted(1, 1, -1, -1))) {
                ++q.boxCrossings;
                q.problems << QStringLiteral("%1 runs through %2").arg(line.what, describe(int(b)));
            }
        }
    }
    for (std::size_t i = 0; i < lines.size(); ++i)
        for (std::size_t j = i + 1; j < lines.size(); ++j) {
            const bool sharesEnd = std::any_of(lines[i].ends.begin(), lines[i].ends.end(), [&](int e) {
                return e >= 0 && std::find(lines[j].ends.begin(), lines[j].ends.end(), e) != lines[j].ends.end();
            });
            if (sharesEnd)
                continue;
            if (const int n = polylineCrossings(*lines[i].points, *lines[j].points); n > 0) {
                q.edgeCrossings += n;
                q.crossings << QStringLiteral("%1 crosses %2 (%3)").arg(lines[i].what, lines[j].what).arg(n);
            }
        }
    return q;
}

} // namespace meadows::diagram

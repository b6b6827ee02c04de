#include "diagram/flowbends.h"

#include <QLineF>
#include <algorithm>
#include <cmath>

namespace meadows::diagram {

namespace {

constexpr double kAligned = 0.5; // how close two coordinates must be to count as equal
constexpr double kEdgeMargin = 3; // an end on a stock keeps this far from the stock's corners

bool horizontal(QPointF a, QPointF b)
{
    return std::abs(a.y() - b.y()) < kAligned && std::abs(a.x() - b.x()) >= kAligned;
}

bool vertical(QPointF a, QPointF b)
{
    return std::abs(a.x() - b.x()) < kAligned && std::abs(a.y() - b.y()) >= kAligned;
}

const std::optional<QRectF> &boxAt(const std::vector<QPointF> &pts, int i, const FlowEnds &ends)
{
    static const std::optional<QRectF> none;
    if (i == 0)
        return ends.source;
    if (i == int(pts.size()) - 1)
        return ends.sink;
    return none;
}

// How far a point may move along x (or y) without an end leaving its stock's side.
double clampShift(QPointF p, double shift, const QRectF &box, bool alongX)
{
    const double lo = (alongX ? box.left() : box.top()) + kEdgeMargin;
    const double hi = (alongX ? box.right() : box.bottom()) - kEdgeMargin;
    const double v = alongX ? p.x() : p.y();
    if (lo > hi)
        return 0;
    return std::clamp(v + shift, std::min(lo, v), std::max(hi, v)) - v;
}

double distanceToSegment(QPointF a, QPointF b, QPointF p)
{
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0;
    return QLineF(a + t * d, p).length();
}

} // namespace

int flowCornerAt(const std::vector<QPointF> &pts, QPointF p, double tolerance)
{
    for (int i = 1; i + 1 < int(pts.size()); ++i)
        if (QLineF(pts[i], p).length() <= tolerance)
            return i;
    return -1;
}

int flowSegmentAt(const std::vector<QPointF> &pts, QPointF p, double tolerance)
{
    int best = -1;
    double bestDistance = tolerance;
    for (int i = 0; i + 1 < int(pts.size()); ++i) {
        const double d = distanceToSegment(pts[i], pts[i + 1], p);
        if (d <= bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

std::vector<QPointF> moveFlowCorner(std::vector<QPointF> pts, int i, QPointF to, const FlowEnds &ends)
{
    if (i <= 0 || i + 1 >= int(pts.size()))
        return pts;
    QPointF shift = to - pts[i];
    // A neighbour that is an end on a stock limits the shift it has to follow.
    for (int n : {i - 1, i + 1}) {
        const auto &box = boxAt(pts, n, ends);
        if (!box)
            continue;
        if (horizontal(pts[n], pts[i]))
            shift.setY(clampShift(pts[n], shift.y(), *box, false));
        else if (vertical(pts[n], pts[i]))
            shift.setX(clampShift(pts[n], shift.x(), *box, true));
    }
    const QPointF old = pts[i];
    pts[i] += shift;
    for (int n : {i - 1, i + 1}) {
        if (horizontal(pts[n], old))
            pts[n].setY(pts[i].y());
        else if (vertical(pts[n], old))
            pts[n].setX(pts[i].x());
    }
    return pts;
}

std::vector<QPointF> moveFlowSegment(std::vector<QPointF> pts, int i, QPointF offset, const FlowEnds &ends)
{
    if (i < 0 || i + 1 >= int(pts.size()))
        return pts;
    const QPointF a = pts[i], b = pts[i + 1];
    QPointF shift = offset;
    if (horizontal(a, b))
        shift.setX(0);
    else if (vertical(a, b))
        shift.setY(0);
    for (int n : {i, i + 1}) {
        if (const auto &box = boxAt(pts, n, ends)) {
            shift.setX(clampShift(pts[n], shift.x(), *box, true));
            shift.setY(clampShift(pts[n], shift.y(), *box, false));
        }
    }
    // The segments on either side stretch: their far ends stay where they are.
    pts[i] += shift;
    pts[i + 1] += shift;
    return pts;
}

std::vector<QPointF> insertFlowJog(std::vector<QPointF> pts, int i, QPointF at, int *after)
{
    if (i < 0 || i + 1 >= int(pts.size())) {
        if (after)
            *after = -1;
        return pts;
    }
    const QPointF a = pts[i], b = pts[i + 1];
    QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(at - a, d) / len2, 0.0, 1.0) : 0.5;
    const QPointF split = a + t * d;
    pts.insert(pts.begin() + i + 1, {split, split});
    if (after)
        *after = i + 2; // from the second new corner to the old b
    return pts;
}

std::vector<QPointF> simplifyFlow(const std::vector<QPointF> &pts)
{
    std::vector<QPointF> out;
    for (const QPointF &p : pts) {
        if (!out.empty() && QLineF(out.back(), p).length() < kAligned)
            continue;
        out.push_back(p);
    }
    if (out.size() < 2)
        return pts; // a pipe needs two ends, even on top of each other
    // Keep the ends exactly as they were (a stock's end may carry its attachment).
    out.front() = pts.front();
    out.back() = pts.back();
    for (size_t i = 1; i + 1 < out.size();) {
        const QPointF a = out[i - 1], b = out[i], c = out[i + 1];
        const bool straight = (std::abs(a.y() - b.y()) < kAligned && std::abs(b.y() - c.y()) < kAligned)
                              || (std::abs(a.x() - b.x()) < kAligned && std::abs(b.x() - c.x()) < kAligned);
        if (straight)
            out.erase(out.begin() + long(i));
        else
            ++i;
    }
    return out;
}

std::vector<QPointF> shiftFlowEnds(std::vector<QPointF> pts, QPointF sourceShift, QPointF sinkShift)
{
    if (pts.size() < 2)
        return pts;
    const bool bent = pts.size() > 2;
    const auto moveEnd = [bent](QPointF &p, QPointF &neighbour, QPointF d) {
        const bool alongX = horizontal(p, neighbour), alongY = vertical(p, neighbour);
        p += d;
        if (bent && alongX)
            neighbour.setY(p.y());
        else if (bent && alongY)
            neighbour.setX(p.x());
    };
    if (!sourceShift.isNull())
        moveEnd(pts.front(), pts[1], sourceShift);
    if (!sinkShift.isNull())
        moveEnd(pts.back(), pts[pts.size() - 2], sinkShift);
    return pts;
}

} // namespace meadows::diagram

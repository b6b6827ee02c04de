#include "mdlsketchitems.h"

#include "model/names.h"

#include <algorithm>
#include <cmath>

namespace meadows::vensim {

namespace {

// Whether p lies on the segment from a to b, within a unit (the sketch's whole numbers).
bool onSegment(QPointF a, QPointF b, QPointF p)
{
    const QPointF ab = b - a, ap = p - a;
    const double length = std::hypot(ab.x(), ab.y());
    if (length < 1)
        return std::hypot(ap.x(), ap.y()) <= 1;
    const double across = std::abs(ab.x() * ap.y() - ab.y() * ap.x()) / length;
    const double along = (ab.x() * ap.x() + ab.y() * ap.y()) / length;
    return across <= 1 && along >= -1 && along <= length + 1;
}

} // namespace

QString flowLabelSide(QPointF valve, QPointF name)
{
    const QPointF d = name - valve;
    if (std::abs(d.x()) > std::abs(d.y()))
        return d.x() > 0 ? QStringLiteral("right") : QStringLiteral("left");
    return d.y() < 0 ? QStringLiteral("top") : QStringLiteral("bottom");
}

std::vector<ViewPoint> pipeThroughValve(int valve, const QHash<int, SketchItem> &items, const std::vector<Arrow> &arrowsOfView,
                                        const VariableLookup &variable)
{
    const QString flow = canonicalName(items.value(items.value(valve).valveFlow).name);
    const auto listed = [&](const QStringList &flows) {
        return std::any_of(flows.begin(), flows.end(), [&](const QString &f) { return canonicalName(f) == flow; });
    };
    // +1: the arrow's end is where the flow comes from; -1: where it goes; 0: unknown.
    const auto side = [&](const Arrow &a) {
        const auto end = items.constFind(a.to);
        if (end != items.constEnd() && end->type == 10)
            if (const Variable *stock = variable(end->name); stock && stock->kind == VariableKind::Stock) {
                if (listed(stock->outflows))
                    return 1;
                if (listed(stock->inflows))
                    return -1;
            }
        return 0;
    };
    std::vector<const Arrow *> arrows;
    for (const Arrow &a : arrowsOfView)
        if (a.pipe && a.from == valve)
            arrows.push_back(&a);
    const Arrow *source = nullptr, *target = nullptr;
    if (arrows.size() == 2) {
        const int first = side(*arrows[0]), second = side(*arrows[1]);
        const bool firstIsSource = first == 1 || second == -1 || (first == 0 && second == 0 && arrows[0]->shape == 100);
        source = firstIsSource ? arrows[0] : arrows[1];
        target = firstIsSource ? arrows[1] : arrows[0];
    } else if (arrows.size() == 1) {
        (side(*arrows[0]) == 1 || arrows[0]->shape == 100 ? source : target) = arrows[0];
    }
    // A pipe's end at a cloud goes to the cloud's centre, where Vensim draws the cloud
    // (the arrow's own point is on the cloud's edge; a cloud is drawn centred on the end).
    const auto ends = [&](const Arrow &a) {
        std::vector<QPointF> pts = a.pts;
        const auto cloud = items.constFind(a.to);
        if (!pts.empty() && cloud != items.constEnd() && cloud->type == 12 && !cloud->comment)
            pts.back() = cloud->at;
        return pts;
    };
    std::vector<QPointF> line;
    if (source) {
        const std::vector<QPointF> pts = ends(*source);
        line.assign(pts.rbegin(), pts.rend());
    }
    if (target) {
        const std::vector<QPointF> pts = ends(*target);
        // A pipe bent at its valve (in from the left, out downwards) turns there: the
        // valve is a corner of the line, not left beside a diagonal.
        const QPointF valveAt = items.value(valve).at;
        if (!line.empty() && !pts.empty() && !onSegment(line.back(), pts.front(), valveAt))
            line.push_back(valveAt);
        line.insert(line.end(), pts.begin(), pts.end());
    }
    std::vector<ViewPoint> out;
    for (const QPointF &p : line)
        out.push_back({p.x(), p.y(), {}});
    return out;
}

} // namespace meadows::vensim

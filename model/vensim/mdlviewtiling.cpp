#include "mdlviewtiling.h"

#include <QRectF>

#include <algorithm>
#include <cmath>

namespace meadows::vensim {

// Meadows draws one diagram per model; Vensim gives a model several views (World3-03 has
// one per sector), each with its own coordinates and its own element numbers. Several
// views are tiled into one: each keeps its layout in a cell of a grid, under its name,
// and its numbers move past those of the views before it. A view of comments alone (World3's
// title page, with its credits and references) is a cell too: Save As would lose it otherwise.
// Views with nothing drawn are left out; a single view is kept as it is.
void tileViews(Model &model, std::size_t first, const QStringList &names)
{
    using T = ViewElement::Type;
    std::vector<View> views;
    QStringList titles;
    for (std::size_t i = first; i < model.views.size(); ++i) {
        if (!model.views[i].elements.empty()) {
            views.push_back(std::move(model.views[i]));
            titles << names.value(qsizetype(i - first));
        }
    }
    model.views.resize(first);
    if (views.size() <= 1) {
        for (View &v : views)
            model.views.push_back(std::move(v));
        return;
    }
    constexpr double kGap = 120, kHeading = 60;
    std::vector<QRectF> bounds;
    double cellWidth = 0, cellHeight = 0;
    for (const View &v : views) {
        QRectF box;
        const auto include = [&](double x, double y, double halfWidth, double halfHeight) {
            const QRectF r(x - halfWidth, y - halfHeight, 2 * halfWidth, 2 * halfHeight);
            box = box.isNull() ? r : box.united(r);
        };
        for (const ViewElement &e : v.elements) {
            if (e.x && e.y && e.type == T::TextBox) // placed by its top-left corner
                include(*e.x + e.width.value_or(0) / 2, *e.y + e.height.value_or(0) / 2, e.width.value_or(0) / 2,
                        e.height.value_or(0) / 2);
            else if (e.x && e.y)
                include(*e.x, *e.y, e.width.value_or(80) / 2, e.height.value_or(40) / 2);
            for (const ViewPoint &p : e.points)
                include(p.x, p.y, 0, 0);
        }
        bounds.push_back(box);
        cellWidth = std::max(cellWidth, box.width() + kGap);
        cellHeight = std::max(cellHeight, box.height() + kHeading + kGap);
    }
    const int columns = int(std::ceil(std::sqrt(double(views.size()))));
    View merged;
    merged.type = QStringLiteral("stock_flow");
    int base = 0;
    for (std::size_t i = 0; i < views.size(); ++i) {
        const double left = double(int(i) % columns) * cellWidth, top = double(int(i) / columns) * cellHeight;
        const double dx = left - bounds[i].left(), dy = top + kHeading - bounds[i].top();
        int highest = 0;
        for (ViewElement &e : views[i].elements) {
            if (e.x)
                *e.x += dx;
            if (e.y)
                *e.y += dy;
            for (ViewPoint &p : e.points) {
                p.x += dx;
                p.y += dy;
            }
            if (e.uid) {
                highest = std::max(highest, *e.uid);
                *e.uid += base;
            }
            for (ConnectorEnd *end : {&e.from, &e.to})
                if (end->aliasUid)
                    *end->aliasUid += base;
            merged.elements.push_back(std::move(e));
        }
        base += highest;
        ViewElement heading; // placed by its top-left corner, as text boxes are
        heading.type = T::TextBox;
        heading.text = titles[qsizetype(i)];
        heading.x = left;
        heading.y = top;
        heading.width = 400;
        heading.height = 30;
        merged.elements.push_back(std::move(heading));
    }
    model.views.push_back(std::move(merged));
}

} // namespace meadows::vensim

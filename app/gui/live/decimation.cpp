#include "decimation.h"

#include <algorithm>
#include <cmath>

namespace meadows {

QList<QPointF> decimate(const double *x, const double *y, std::size_t count, std::size_t stride, int columns)
{
    QList<QPointF> out;
    if (count == 0)
        return out;
    columns = std::max(columns, 1);
    if (count <= std::size_t(columns) * 4) {
        out.reserve(qsizetype(count));
        for (std::size_t i = 0; i < count; ++i)
            out.append(QPointF(x[i * stride], y[i * stride]));
        return out;
    }
    const double x0 = x[0], x1 = x[(count - 1) * stride];
    const double width = x1 > x0 ? (x1 - x0) / columns : 1.0;
    out.reserve(columns * 4);
    std::size_t i = 0;
    while (i < count) {
        const int column = int(std::min<double>(columns - 1, std::floor((x[i * stride] - x0) / width)));
        std::size_t first = i, low = i, high = i, last = i;
        for (; i < count; ++i) {
            const double xi = x[i * stride];
            if (int(std::min<double>(columns - 1, std::floor((xi - x0) / width))) != column)
                break;
            const double yi = y[i * stride];
            // NaN compares false both ways: such points keep their place as first/last only.
            if (yi < y[low * stride])
                low = i;
            if (yi > y[high * stride])
                high = i;
            last = i;
        }
        std::size_t picks[4] = {first, std::min(low, high), std::max(low, high), last};
        std::size_t previous = std::size_t(-1);
        for (std::size_t k : picks) {
            if (k != previous)
                out.append(QPointF(x[k * stride], y[k * stride]));
            previous = k;
        }
    }
    return out;
}

} // namespace meadows

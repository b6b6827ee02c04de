#include "vectororder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace meadows {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The positions of `n` values in sorted order, ties kept in the order they stand (or, with
// `ties`, ordered by those first, ascending): from the smallest, or from the largest; and
// the inverse, each position's place in that order. The VM computes a sorted vector one
// element at a time, every call over the same values, so the last order is kept (one per
// thread: runs may go in parallel) and reused while the values are the same: a vector of n
// elements sorts once per step instead of n times.
struct SortedOrder {
    std::vector<double> key; // the values (and ties) sorted, bit for bit
    bool ascending = true;
    bool withTies = false;
    std::vector<std::uint32_t> order, place;
};

const SortedOrder &sortedOrder(const double *values, std::size_t n, bool ascending, const double *ties = nullptr)
{
    thread_local SortedOrder last;
    const std::size_t keySize = ties ? 2 * n : n;
    const bool same = last.ascending == ascending && last.withTies == (ties != nullptr) && last.key.size() == keySize
                      && std::memcmp(last.key.data(), values, n * sizeof(double)) == 0
                      && (!ties || std::memcmp(last.key.data() + n, ties, n * sizeof(double)) == 0);
    if (same)
        return last;
    last.key.assign(values, values + n);
    if (ties)
        last.key.insert(last.key.end(), ties, ties + n);
    last.ascending = ascending;
    last.withTies = ties != nullptr;
    last.order.resize(n);
    for (std::uint32_t k = 0; k < n; ++k)
        last.order[k] = k;
    const auto tie = [ties](std::uint32_t x, std::uint32_t y) { return ties && ties[x] < ties[y]; };
    if (ascending)
        std::stable_sort(last.order.begin(), last.order.end(), [values, tie](std::uint32_t x, std::uint32_t y) {
            return values[x] < values[y] || (values[x] == values[y] && tie(x, y));
        });
    else
        std::stable_sort(last.order.begin(), last.order.end(), [values, tie](std::uint32_t x, std::uint32_t y) {
            return values[x] > values[y] || (values[x] == values[y] && tie(x, y));
        });
    last.place.resize(n);
    for (std::uint32_t k = 0; k < n; ++k)
        last.place[last.order[k]] = k;
    return last;
}

// A NaN has no place in an order (and would break the sort's comparisons).
bool anyNaN(const double *values, std::size_t n)
{
    return std::any_of(values, values + n, [](double v) { return std::isnan(v); });
}

} // namespace

// RANK as lowered: n, how many elements the array has, its elements, then Stella's optional
// secondary sort array's. Ties go by the secondary array (ascending), then by position; a
// secondary array of another size is not used, as Stella's documentation says.
double rank(const double *a, std::size_t n, const BuiltinClock &)
{
    const long wanted = std::lround(a[0]);
    const std::size_t size = std::size_t(a[1]);
    const double *values = a + 2;
    const double *ties = n - 2 - size == size ? values + size : nullptr;
    if (size == 0 || wanted < 1 || wanted > long(size) || anyNaN(values, size) || (ties && anyNaN(ties, size)))
        return kNaN;
    return double(sortedOrder(values, size, true, ties).order[std::size_t(wanted - 1)] + 1);
}

// Vensim's VECTOR SORT ORDER as lowered (position, direction, the vector...): at position
// p, the 0-based position in the vector of the p-th value in order, from the smallest when
// the direction is above 0, else from the largest. [3, 1, 2] ascending: 1, 2, 0.
double sortOrder(const double *a, std::size_t n, const BuiltinClock &)
{
    const std::size_t size = n - 2;
    const double p = a[0];
    if (size == 0 || p < 0 || p >= double(size) || anyNaN(a + 1, size + 1)) // a NaN direction says no order
        return kNaN;
    return double(sortedOrder(a + 2, size, a[1] > 0).order[std::size_t(p)]);
}

// Vensim's VECTOR RANK as lowered (position, direction, the vector...): the 1-based rank of
// the value at position p, ties ranked by position. [3, 1, 2] ascending: 3, 1, 2.
double vectorRank(const double *a, std::size_t n, const BuiltinClock &)
{
    const std::size_t size = n - 2;
    const double p = a[0];
    if (size == 0 || p < 0 || p >= double(size) || anyNaN(a + 1, size + 1)) // a NaN direction says no order
        return kNaN;
    return double(sortedOrder(a + 2, size, a[1] > 0).place[std::size_t(p)] + 1);
}

} // namespace meadows

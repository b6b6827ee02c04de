#include "matrixinverse.h"

#include <Eigen/LU>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace meadows {

double invertedMatrixElement(const double *args, std::size_t count, const BuiltinClock &)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (count < 3)
        return nan;
    const double rowArg = args[0], columnArg = args[1], sizeArg = args[2];
    const std::size_t n = count - 3;
    const auto size = std::size_t(std::lround(std::sqrt(double(n))));
    if (size == 0 || size * size != n || sizeArg != double(size) || !(rowArg >= 0 && rowArg < double(size))
        || !(columnArg >= 0 && columnArg < double(size)))
        return nan;
    const double *matrix = args + 3;
    // The inverse of the matrix last asked about, per thread (analyses run models in
    // parallel): the n^2 calls for one step's elements share one LU decomposition, and a
    // change in any element is a new matrix.
    thread_local std::vector<double> lastMatrix;
    thread_local Eigen::MatrixXd lastInverse;
    thread_local bool lastInvertible = false;
    if (lastMatrix.size() != n || !std::equal(matrix, matrix + n, lastMatrix.begin())) {
        lastMatrix.assign(matrix, matrix + n);
        const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> a(
            matrix, Eigen::Index(size), Eigen::Index(size));
        const Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
        lastInvertible = a.allFinite() && lu.isInvertible();
        if (lastInvertible)
            lastInverse = lu.inverse();
    }
    return lastInvertible ? lastInverse(Eigen::Index(rowArg), Eigen::Index(columnArg)) : nan;
}

} // namespace meadows

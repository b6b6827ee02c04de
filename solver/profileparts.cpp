#include "profileparts.h"

#include <algorithm>
#include <cmath>

namespace meadows {

std::vector<ProfilePart> profileParts(const GraphicalFunction &profile, double length, double dt, std::size_t maxParts)
{
    std::vector<ProfilePart> parts;
    if (profile.size() == 0 || !(length > dt) || !std::isfinite(length) || !(dt > 0) || maxParts == 0)
        return parts;
    const double x0 = profile.x(0), x1 = profile.x(profile.size() - 1);
    const double whole = profile.area(x0, x1);
    if (!(whole > 0) || !(x1 > x0))
        return parts;
    // Steps in the length, a hair under a whole number counted as it (sums of DT drift).
    const double steps = std::ceil(length / dt - 1e-9);
    const double perPart = std::ceil(steps / double(maxParts)); // 1 but for lengths beyond maxParts steps
    const double end = length / dt;
    const auto x = [&](double step) { return x0 + std::min(step / end, 1.0) * (x1 - x0); };
    for (double from = 0; from < steps; from += perPart) {
        const double to = std::min(from + perPart, steps) >= steps ? end : from + perPart;
        parts.push_back({profile.area(x(from), x(to)) / whole, from, to});
    }
    return parts;
}

} // namespace meadows

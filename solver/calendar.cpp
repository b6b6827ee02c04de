#include "calendar.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <optional>

namespace meadows {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Days since 1 January of year 0 on the proleptic Gregorian calendar, and back.
using namespace std::chrono;
const long long kYear0 = sys_days{year{0} / January / 1}.time_since_epoch().count();

// Nothing for a date the calendar does not have (30 February).
std::optional<long long> dayNumberOf(long long y, long long m, long long d)
{
    const year_month_day date = year{int(y)} / month{unsigned(m)} / day{unsigned(d)};
    if (!date.ok())
        return std::nullopt;
    return sys_days{date}.time_since_epoch().count() - kYear0;
}

struct Date {
    long long year, month, day;
};

Date dateOf(long long dayNumber)
{
    const year_month_day ymd{sys_days{days{dayNumber + kYear0}}};
    return {int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

} // namespace

double calendarValue(const double *args, std::size_t count, const BuiltinClock &)
{
    if (count < 6)
        return kNaN;
    const double elapsed = args[0], measure = args[1], y0 = args[2], m0 = args[3], d0 = args[4], daysPerUnit = args[5];
    const bool year360 = count > 6 && args[6] != 0;
    for (std::size_t i = 0; i < 6; ++i)
        if (!std::isfinite(args[i]))
            return kNaN;
    // std::chrono's years run from -32767 to 32767.
    if (m0 < 1 || m0 >= 13 || d0 < 1 || d0 >= 32 || std::fabs(y0) > 20000 || std::fabs(elapsed * daysPerUnit) > 3e6)
        return kNaN;
    // The date's day number (days since 1 January of year 0) and the part of that day gone.
    const long long y = std::llround(std::floor(y0)), m = std::llround(std::floor(m0)), d = std::llround(std::floor(d0));
    const std::optional<long long> realStart = dayNumberOf(y, m, d);
    if (!realStart || (year360 && d > 30))
        return kNaN;
    const double start = year360 ? double(y * 360 + (m - 1) * 30 + (d - 1)) : double(*realStart);
    // The days gone since the start date split into whole days and the part of a day before
    // the start's day number is added, so that the time of day keeps the precision of the
    // elapsed time (added to a day number near 739,000 first, an hour's minutes would be off
    // by a rounding error). A time a rounding error short of midnight, or of a whole second,
    // is taken as that (10 * DT computed as a sum).
    const double elapsedDays = elapsed * daysPerUnit;
    const double wholeDays = std::floor(elapsedDays + 1e-9);
    const double partOfDay = std::max(0.0, elapsedDays - wholeDays);
    const double dayNumber = start + wholeDays;
    const double secondsOfDay = partOfDay * 86400;
    const double second = std::fabs(secondsOfDay - std::round(secondsOfDay)) < 1e-6 ? std::round(secondsOfDay) : secondsOfDay;
    Date date{};
    if (year360) {
        date.year = (long long)std::floor(dayNumber / 360);
        const double inYear = dayNumber - double(date.year) * 360;
        date.month = (long long)std::floor(inYear / 30) + 1;
        date.day = (long long)(inYear - double(date.month - 1) * 30) + 1;
    } else {
        date = dateOf((long long)dayNumber);
    }
    // The day of the week counts on from the start date's real one (1 January of year 0 was
    // a Saturday, 6), on a 360-day year too, where no other is defined.
    const long long weekday = (((*realStart + (long long)(dayNumber - start)) + 6) % 7 + 7) % 7;
    if (measure != std::floor(measure))
        return kNaN; // no measure between two
    switch (int(measure)) {
    case 1: return double(date.year);
    case 2: return double((date.month - 1) / 3 + 1);
    case 3: return double(date.month);
    case 4: return double(date.day);
    case 5: return double(weekday);
    case 6: return dayNumber;
    case 7: return std::floor(second / 3600);
    case 8: return std::fmod(std::floor(second / 60), 60);
    case 9: return std::fmod(second, 60);
    case 10: return std::fmod(dayNumber * 86400 + second, 500000);
    default: return kNaN;
    }
}

} // namespace meadows

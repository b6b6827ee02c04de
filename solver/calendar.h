#pragma once
// Calendar readings of a model's time, as Vensim's GET TIME VALUE(relative to, offset,
// measure) gives them (its reference, "GET TIME VALUE"): the year, quarter, month, day of
// the month, day of the week (0 Sunday), days since 1 January of 1 BC (counted as year 0),
// hour, minute, second, and seconds modulo 500,000 (measures 1 to 10).
//
// "This function uses the time labeling set up in Model>Settings>Time Bounds": the date at
// INITIAL TIME, which the .mdl file's settings lines 37, 38 and 39 hold (model/vensim/
// mdlsettings.cpp). "If the time unit is Year, Quarter or Month, days and dates are computed
// based on a 360 day year"; with weeks and days, and the units of a day, the real calendar
// with its leap years (the proleptic Gregorian one).
#include "builtins.h"

#include <cstddef>

namespace meadows {

// CALENDAR(elapsed, measure, year, month, day, days per unit [, 360-day year]): measure
// `measure` of the date `elapsed` model time units after year-month-day, a time unit being
// `days per unit` days, on a year of 360 days of 30-day months when the last argument is
// not 0. NaN for a measure that is not 1 to 10 and for a date that is not one.
double calendarValue(const double *args, std::size_t count, const BuiltinClock &);

} // namespace meadows

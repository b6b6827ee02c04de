#include "mdltimevalue.h"

#include <QLocale>

namespace meadows::vensim {

namespace {

// How many days one time unit is, and whether Vensim counts dates on a 360-day year for it.
// Vensim's reference (GET TIME VALUE): "If the time unit is Year, Quarter or Month, days and
// dates are computed based on a 360 day year. If the time unit is Week or Day actual days and
// dates (including leap years) are used"; the units of a day are read as the real calendar
// too. Nothing for any other unit.
struct CalendarUnit {
    double days;
    bool year360;
};

std::optional<CalendarUnit> calendarUnit(const QString &unit)
{
    QString u = unit.simplified().toLower();
    if (u.endsWith(u's') && u.size() > 1)
        u.chop(1);
    static const QHash<QString, CalendarUnit> units = {
        {QStringLiteral("year"), {360, true}},     {QStringLiteral("yr"), {360, true}},
        {QStringLiteral("quarter"), {90, true}},   {QStringLiteral("month"), {30, true}},
        {QStringLiteral("mo"), {30, true}},        {QStringLiteral("week"), {7, false}},
        {QStringLiteral("wk"), {7, false}},        {QStringLiteral("day"), {1, false}},
        {QStringLiteral("hour"), {1.0 / 24, false}}, {QStringLiteral("hr"), {1.0 / 24, false}},
        {QStringLiteral("minute"), {1.0 / 1440, false}}, {QStringLiteral("min"), {1.0 / 1440, false}},
        {QStringLiteral("second"), {1.0 / 86400, false}}, {QStringLiteral("sec"), {1.0 / 86400, false}},
    };
    const auto it = units.constFind(u);
    return it == units.constEnd() ? std::nullopt : std::optional<CalendarUnit>(*it);
}

QString numberText(double v)
{
    return QLocale::c().toString(v, 'g', QLocale::FloatingPointShortest);
}

QString kept(const Expr &call, TranslateContext &c)
{
    QStringList args;
    for (const Expr &a : call.args)
        args << translateMarked(a, c);
    return QStringLiteral("GET TIME VALUE(%1)").arg(args.join(QLatin1String(", ")));
}

} // namespace

QString translateTimeValue(const Expr &call, TranslateContext &c)
{
    const Expr &relative = call.args[0], &offset = call.args[1], &measure = call.args[2];
    if (relative.kind != Expr::Kind::Number || (relative.number != 0 && relative.number != 1)) {
        c.warn(relative.offset, QStringLiteral("GET TIME VALUE reads the simulation's time (0) or its initial time (1), "
                                               "written as a number; the computer's clock (2) is not read"));
        return kept(call, c);
    }
    // A calendar measure without a calendar unit is said before anything is translated, so
    // the call kept by name translates its arguments once (a warning in them is said once).
    const bool timeItself = measure.kind == Expr::Kind::Number && measure.number == 0;
    const std::optional<CalendarUnit> unit = calendarUnit(c.timeLabels.unit);
    if (!timeItself && !unit) {
        c.warn(measure.offset, QStringLiteral("GET TIME VALUE's calendar measures need the model's time unit to be a "
                                              "calendar's (Year, Quarter, Month, Week, Day, Hour, Minute or Second), "
                                              "not '%1'").arg(c.timeLabels.unit));
        return kept(call, c);
    }
    // The time read, and how far it is past INITIAL TIME, whose date the settings give.
    const QString shift = translateMarked(offset, c);
    const QString time = relative.number == 0 ? QStringLiteral("(TIME + (%1))").arg(shift)
                                              : QStringLiteral("(STARTTIME + (%1))").arg(shift);
    const QString elapsed = relative.number == 0 ? QStringLiteral("(TIME - STARTTIME + (%1))").arg(shift)
                                                 : QStringLiteral("(%1)").arg(shift);
    if (timeItself)
        return time;
    if (!c.timeLabels.dated && !c.timeLabels.saidUndated) { // once for the model
        c.warn(measure.offset, QStringLiteral("the settings give no date for INITIAL TIME (lines 37 to 39): GET TIME "
                                              "VALUE counts from 1 January 2000"));
        c.timeLabels.saidUndated = true;
    }
    const std::optional<double> literal = measure.kind == Expr::Kind::Number ? std::optional<double>(measure.number)
                                          : measure.kind == Expr::Kind::Unary && measure.text == QLatin1String("-")
                                                    && measure.args.size() == 1 && measure.args[0].kind == Expr::Kind::Number
                                              ? std::optional<double>(-measure.args[0].number)
                                              : std::nullopt;
    if (literal && !(*literal >= 0 && *literal <= 10 && *literal == int(*literal)))
        c.warn(measure.offset, QStringLiteral("GET TIME VALUE's measure is a whole number from 0 to 10, not %1")
                                   .arg(numberText(*literal)));
    // A 360-day year's months have 30 days: a date on the 31st is read as the 30th, said once.
    int day = c.timeLabels.day;
    if (unit->year360 && day > 30) {
        if (!c.timeLabels.saidDay31)
            c.warn(measure.offset, QStringLiteral("the date at INITIAL TIME is the 31st, which a 360-day year (Year, "
                                                  "Quarter or Month units) does not have: GET TIME VALUE reads it as the 30th"));
        c.timeLabels.saidDay31 = true;
        day = 30;
    }
    const QString which = translateMarked(measure, c);
    const QString calendar = QStringLiteral("CALENDAR(%1, (%2), %3, %4, %5, %6, %7)")
                                 .arg(elapsed, which)
                                 .arg(c.timeLabels.year).arg(c.timeLabels.month).arg(day)
                                 .arg(numberText(unit->days)).arg(unit->year360 ? 1 : 0);
    if (literal)
        return calendar;
    // A measure computed while the model runs: 0 is still the time itself.
    return QStringLiteral("(IF (%1) = 0 THEN %2 ELSE %3)").arg(which, time, calendar);
}

} // namespace meadows::vensim

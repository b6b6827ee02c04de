// Vensim's GET TIME VALUE(relative to, offset, measure) with its calendar measures, read from
// .mdl text whose settings give the date at INITIAL TIME (lines 37 to 39), with values
// worked by hand from Vensim's reference ("GET TIME VALUE"): measures 1 year, 2 quarter,
// 3 month, 4 day of the month, 5 day of the week (0 Sunday), 6 days since 1 January of 1 BC
// (year 0), 7 hour, 8 minute, 9 second; "If the time unit is Year, Quarter or Month, days and
// dates are computed based on a 360 day year. If the time unit is Week or Day actual days
// and dates (including leap years) are used."
#include "support/inlinemdl.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

namespace {

// The settings section Vensim writes after the sketch, with the date at INITIAL TIME.
QString settingsDated(int year, int month, int day)
{
    return QStringLiteral("\\\\\\---/// Sketch information - do not modify anything except names\n"
                          "V300  Do not put anything below this section - it will be ignored\n*View 1\n"
                          "///---\\\\\\\n:L<%^E!@\n35:Date\n36:YYYY-MM-DD\n37:%1\n38:%2\n39:%3\n40:4\n41:0\n")
        .arg(year).arg(month).arg(day);
}

QString control(double start, double stop, double step, const QString &unit)
{
    return QStringLiteral("INITIAL TIME = %1 ~ %4 ~ |\nFINAL TIME = %2 ~ %4 ~ |\nTIME STEP = %3 ~ %4 ~ |\n"
                          "SAVEPER = TIME STEP ~ %4 ~ |\n").arg(start).arg(stop).arg(step).arg(unit);
}

} // namespace

class TestVensimCalendar : public QObject {
    Q_OBJECT
private slots:
    void daysOnTheRealCalendar();
    void monthsOnA360DayYear();
    void yearsFromAnInitialTimeThatIsAYear();
    void whatIsNotReadIsAWarning();
    void timeOfDayInHoursMinutesAndSeconds();
    void aDateThatIsNotOneIsSaidAtItsLine_data();
    void aDateThatIsNotOneIsSaidAtItsLine();
};

// Day units from Tuesday 27 February 2024, a leap year, in quarter days: day of the month 27,
// 28, 29, 1, 2 at times 0 to 4, the month 2 until 3 (1 March), the quarter 1, the year 2024;
// the weekday 2 (Tuesday) at 0, 6 (Saturday) at 4. 1 January of year 1 is day 366 from 1
// January of year 0 (a leap year), and 27 February 2024 day 739308 (Python's date
// arithmetic: (date(2024, 2, 27) - date(1, 1, 1)).days + 366). The hour at 0.25 days is 6, at
// 2.75 days 18. An offset of 0.01 days is 864 seconds: minute 14, second 24. Relative to the
// initial time (1) with an offset of 1 day: 28 whatever the time. Saved as XMILE and read
// back: the same (the CALENDAR calls keep the date).
void TestVensimCalendar::daysOnTheRealCalendar()
{
    const QString model = QStringLiteral("day = GET TIME VALUE(0, 0, 4) ~~|\nmonth = GET TIME VALUE(0, 0, 3) ~~|\n"
                                         "quarter = GET TIME VALUE(0, 0, 2) ~~|\nyear = GET TIME VALUE(0, 0, 1) ~~|\n"
                                         "weekday = GET TIME VALUE(0, 0, 5) ~~|\ndays = GET TIME VALUE(0, 0, 6) ~~|\n"
                                         "hour = GET TIME VALUE(0, 0, 7) ~~|\nminute = GET TIME VALUE(0, 0.01, 8) ~~|\n"
                                         "second = GET TIME VALUE(0, 0.01, 9) ~~|\n"
                                         "from start = GET TIME VALUE(1, 1, 4) ~~|\n"
                                         "model time = GET TIME VALUE(0, 0.5, 0) ~~|\n");
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(model, control(0, 4, 0.25, QStringLiteral("Day")) + settingsDated(2024, 2, 27), saved);
        QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
        QVERIFY2(r.messages.filter(QStringLiteral("warning")).isEmpty(), qPrintable(r.messages.join(u'\n')));
        const double day[] = {27, 28, 29, 1, 2}, month[] = {2, 2, 2, 3, 3};
        for (int t = 0; t <= 4; ++t) {
            QCOMPARE(r.at(QStringLiteral("day"), t), day[t]);
            QCOMPARE(r.at(QStringLiteral("month"), t), month[t]);
            QCOMPARE(r.at(QStringLiteral("quarter"), t), 1.0);
            QCOMPARE(r.at(QStringLiteral("year"), t), 2024.0);
            QCOMPARE(r.at(QStringLiteral("days"), t), 739308.0 + t);
            QCOMPARE(r.at(QStringLiteral("from start"), t), 28.0);
            QCOMPARE(r.at(QStringLiteral("model time"), t), t + 0.5);
        }
        QCOMPARE(r.at(QStringLiteral("weekday"), 0), 2.0);
        QCOMPARE(r.at(QStringLiteral("weekday"), 4), 6.0);
        QCOMPARE(r.at(QStringLiteral("hour"), 0.25), 6.0);
        QCOMPARE(r.at(QStringLiteral("hour"), 2.75), 18.0);
        QCOMPARE(r.at(QStringLiteral("minute"), 0), 14.0);
        QVERIFY(std::fabs(r.at(QStringLiteral("second"), 0) - 24) < 1e-6);
    }
}

// Month units from 1 August 2023 (Vensim's Query_file sample's date), a 360-day year of
// 30-day months: the month 8, 9, 10, 11, 12, 1, 2 at times 0 to 6 and the year 2024 from 5;
// the quarter 3 in August; half a month on (15 days) is the 16th.
void TestVensimCalendar::monthsOnA360DayYear()
{
    const MdlRun r = runMdl(QStringLiteral("month = GET TIME VALUE(0, 0, 3) ~~|\nyear = GET TIME VALUE(0, 0, 1) ~~|\n"
                                           "quarter = GET TIME VALUE(0, 0, 2) ~~|\nday = GET TIME VALUE(0, 0.5, 4) ~~|\n"),
                            control(0, 6, 1, QStringLiteral("Month")) + settingsDated(2023, 8, 1));
    // A date on the 31st, which a 360-day year does not have, is read as the 30th, said once:
    // 31 January with Month units is 30 January, so the day half a month on is 15 February.
    const MdlRun late = runMdl(QStringLiteral("day = GET TIME VALUE(0, 0.5, 4) ~~|\nmonth = GET TIME VALUE(0, 0.5, 3) ~~|\n"),
                               control(0, 1, 1, QStringLiteral("Month")) + settingsDated(2023, 1, 31));
    QVERIFY2(late.run.results, qPrintable(late.messages.join(u'\n')));
    QCOMPARE(late.messages.filter(QStringLiteral("reads it as the 30th")).size(), 1);
    QCOMPARE(late.at(QStringLiteral("day"), 0), 15.0);
    QCOMPARE(late.at(QStringLiteral("month"), 0), 2.0);
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    const double month[] = {8, 9, 10, 11, 12, 1, 2}, year[] = {2023, 2023, 2023, 2023, 2023, 2024, 2024};
    for (int t = 0; t <= 6; ++t) {
        QCOMPARE(r.at(QStringLiteral("month"), t), month[t]);
        QCOMPARE(r.at(QStringLiteral("year"), t), year[t]);
        QCOMPARE(r.at(QStringLiteral("day"), t), 16.0);
    }
    QCOMPARE(r.at(QStringLiteral("quarter"), 0), 3.0);
    QCOMPARE(r.at(QStringLiteral("quarter"), 2), 4.0);
}

// Year units with INITIAL TIME 2020 and the date 1 January 2020 there: at 2020.5, 180 days
// on a 360-day year, the month is 7 and the day 1; at 2021.25 the year 2021 and the month 4.
void TestVensimCalendar::yearsFromAnInitialTimeThatIsAYear()
{
    const MdlRun r = runMdl(QStringLiteral("month = GET TIME VALUE(0, 0, 3) ~~|\nday = GET TIME VALUE(0, 0, 4) ~~|\n"
                                           "year = GET TIME VALUE(0, 0, 1) ~~|\n"),
                            control(2020, 2022, 0.25, QStringLiteral("Year")) + settingsDated(2020, 1, 1));
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.at(QStringLiteral("month"), 2020.5), 7.0);
    QCOMPARE(r.at(QStringLiteral("day"), 2020.5), 1.0);
    QCOMPARE(r.at(QStringLiteral("year"), 2021.25), 2021.0);
    QCOMPARE(r.at(QStringLiteral("month"), 2021.25), 4.0);
}

// The computer's clock (2) is not read; a time unit that is no calendar's has no date; a file
// without the date counts from 1 January 2000 and says so. Each at its line and column: the
// relative-to argument at column 20 and the measure at column 26 of line 2.
void TestVensimCalendar::whatIsNotReadIsAWarning()
{
    const MdlRun clock = runMdl(QStringLiteral("x = GET TIME VALUE(2, 0, 7) ~~|\n"), control(0, 2, 1, QStringLiteral("Day")));
    QVERIFY2(refusedWith(clock, QStringLiteral("m.mdl:2:20: warning: GET TIME VALUE reads the simulation's time (0) or its "
                                               "initial time (1), written as a number; the computer's clock (2) is not read")),
             qPrintable(clock.messages.join(u'\n')));
    const MdlRun widgets = runMdl(QStringLiteral("x = GET TIME VALUE(0, 0, 3) ~~|\n"),
                                  control(0, 2, 1, QStringLiteral("Widget")) + settingsDated(2020, 1, 1));
    QVERIFY2(refusedWith(widgets, QStringLiteral("m.mdl:2:26: warning: GET TIME VALUE's calendar measures need the model's "
                                                 "time unit to be a calendar's (Year, Quarter, Month, Week, Day, Hour, Minute "
                                                 "or Second), not 'Widget'")),
             qPrintable(widgets.messages.join(u'\n')));
    const MdlRun undated = runMdl(QStringLiteral("x = GET TIME VALUE(0, 0, 1) ~~|\n"), control(0, 2, 1, QStringLiteral("Day")));
    QVERIFY2(undated.run.results, qPrintable(undated.messages.join(u'\n')));
    QVERIFY2(undated.messages.contains(QStringLiteral("m.mdl:2:26: warning: the settings give no date for INITIAL TIME (lines "
                                                      "37 to 39): GET TIME VALUE counts from 1 January 2000")),
             qPrintable(undated.messages.join(u'\n')));
    QCOMPARE(undated.at(QStringLiteral("x"), 0), 2000.0);
}

// Hour units from 28 February 2024: t hours after midnight is t:00:00, so the minute and the
// second are 0 at every whole t, and the hour t (a day number near 739,000 added before the
// time of day was split off gave 0:59:59.99999 at 1). Minute units: the minute t at t < 60;
// second units: the second t.
void TestVensimCalendar::timeOfDayInHoursMinutesAndSeconds()
{
    const QString model = QStringLiteral("hour = GET TIME VALUE(0, 0, 7) ~~|\nminute = GET TIME VALUE(0, 0, 8) ~~|\n"
                                         "second = GET TIME VALUE(0, 0, 9) ~~|\n");
    const MdlRun hours = runMdl(model, control(0, 30, 1, QStringLiteral("Hour")) + settingsDated(2024, 2, 28));
    QVERIFY2(hours.run.results, qPrintable(hours.messages.join(u'\n')));
    for (int t = 0; t <= 30; ++t) {
        QCOMPARE(hours.at(QStringLiteral("hour"), t), double(t % 24));
        QCOMPARE(hours.at(QStringLiteral("minute"), t), 0.0);
        QCOMPARE(hours.at(QStringLiteral("second"), t), 0.0);
    }
    const MdlRun minutes = runMdl(model, control(0, 59, 1, QStringLiteral("Minute")) + settingsDated(2024, 2, 28));
    for (int t = 0; t <= 59; ++t)
        QCOMPARE(minutes.at(QStringLiteral("minute"), t), double(t));
    const MdlRun seconds = runMdl(model, control(0, 59, 1, QStringLiteral("Second")) + settingsDated(2024, 2, 28));
    for (int t = 0; t <= 59; ++t)
        QCOMPARE(seconds.at(QStringLiteral("second"), t), double(t));
}

// A date that is not one is said at its settings line (after "{UTF-8}", two equations, four
// control equations and seven lines of the sketch and settings: 37 is line 15, 38 line 16,
// 39 line 17), once, and the date is 1 January 2000, whatever of it could be read.
void TestVensimCalendar::aDateThatIsNotOneIsSaidAtItsLine_data()
{
    QTest::addColumn<QString>("settings");
    QTest::addColumn<QString>("expected");
    QTest::newRow("month 13") << settingsDated(2024, 13, 1)
        << "m.mdl:16:1: warning: the settings line '38:13' gives no month of INITIAL TIME's date: GET TIME VALUE counts "
           "from 1 January 2000";
    QTest::newRow("31 February") << settingsDated(2023, 2, 31)
        << "m.mdl:17:1: warning: the settings line '39:31' gives no day of INITIAL TIME's date: GET TIME VALUE counts "
           "from 1 January 2000";
    QTest::newRow("29 February of 2023") << settingsDated(2023, 2, 29)
        << "m.mdl:17:1: warning: the settings line '39:29' gives no day of INITIAL TIME's date: GET TIME VALUE counts "
           "from 1 January 2000";
    QTest::newRow("a year of letters") << QString(settingsDated(2024, 5, 10)).replace(QStringLiteral("37:2024"), QStringLiteral("37:abc"))
        << "m.mdl:15:1: warning: the settings line '37:abc' gives no year of INITIAL TIME's date: GET TIME VALUE counts "
           "from 1 January 2000";
    QTest::newRow("no day") << QString(settingsDated(2024, 5, 10)).replace(QStringLiteral("39:10\n"), QString())
        << "m.mdl:15:1: warning: the settings give no day of INITIAL TIME's date (line 39): GET TIME VALUE counts from "
           "1 January 2000";
}

void TestVensimCalendar::aDateThatIsNotOneIsSaidAtItsLine()
{
    QFETCH(QString, settings);
    QFETCH(QString, expected);
    const MdlRun r = runMdl(QStringLiteral("year = GET TIME VALUE(0, 0, 1) ~~|\nmonth = GET TIME VALUE(0, 0, 3) ~~|\n"),
                            control(0, 2, 1, QStringLiteral("Day")) + settings);
    QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
    QVERIFY2(r.messages.contains(expected), qPrintable(r.messages.join(u'\n')));
    QCOMPARE(r.messages.filter(QStringLiteral("counts from 1 January 2000")).size(), 1);
    QCOMPARE(r.at(QStringLiteral("year"), 0), 2000.0);
    QCOMPARE(r.at(QStringLiteral("month"), 0), 1.0);
}

QTEST_APPLESS_MAIN(TestVensimCalendar)
#include "test_vensim_calendar.moc"

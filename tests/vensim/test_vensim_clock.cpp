// Vensim's control variables as equations of Time: INITIAL TIME, FINAL TIME, TIME STEP and
// SAVEPER computed by the model as it runs (solver/computedclock.*), as Vensim does.
#include "solver/compiler.h"
#include "support/inlinemdl.h"

#include "model/vensim/mdlreader.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

class TestVensimClock : public QObject {
    Q_OBJECT
private slots:
    void controlChangingWithTimeIsComputedEveryStep();
    void computedTimeStepOfZeroStopsTheRun();
    void computedSaveStepShorterThanDtSavesEveryStep();
    void computedSaveStepIsWhatEquationsRead();
    void controlReadingItselfIsAnError();
    void everySettingThatCannotRunIsSaidAtItsEquation();
    void computedStepNotDividingSaveStepSavesLikeAFixedOne();
    void noStepPastTheStopTime();
    void wobblingStopTimeIsReached();
    void computedInitialTimeIsTheCompiledStart();
    void runOptionReplacingAComputedSettingIsSaid();
};

namespace {

// The times of a run's rows.
std::vector<double> times(const MdlRun &r)
{
    std::vector<double> out;
    for (std::size_t row = 0; r.run.results && row < r.run.results->rows(); ++row)
        out.push_back(r.run.results->at(row, 0));
    return out;
}

} // namespace

// Control variables that change with Time, as Vensim computes them at every step (the
// shared suite's control_vars model checks the same against Vensim's output). By hand:
// TIME STEP is 1 before Time 4, then 0.5; FINAL TIME is 6 before Time 5, then 7; with no
// SAVEPER every step is saved. Steps: 0, 1, 2, 3, 4 (DT 0.5 from here), 4.5, 5 (the stop is
// 7 from here), 5.5, 6, 6.5, 7: 11 rows, the last at 7 (Time is no longer below FINAL TIME).
// s = INTEG(1, 0) moves by each step's DT, so it equals Time on every row; twice = TIME STEP
// * 2 reads DT, which is 1 after Time 4. late = DELAY FIXED(Time, 2, 0) reads the recorded
// Time two time units back, across steps of either size: Time - 2 from Time 2 on, 0 before.
// The same holds after Save As XMILE, which keeps the settings as meadows: attributes.
void TestVensimClock::controlChangingWithTimeIsComputedEveryStep()
{
    const QString model = QStringLiteral("s = INTEG(1, 0) ~ ~ |\n"
                                         "twice = TIME STEP * 2 ~ ~ |\n"
                                         "late = DELAY FIXED(Time, 2, 0) ~ ~ |\n"
                                         "FINAL TIME = IF THEN ELSE(Time < 5, 6, 7) ~ Year ~ |\n"
                                         "INITIAL TIME = 0 ~ Year ~ |\n"
                                         "step then = IF THEN ELSE(Time < 4, 1, 0.5) ~ Year ~ |\n"
                                         "TIME STEP = step then ~ Year ~ |\n");
    for (const bool viaXmile : {false, true}) {
        const MdlRun r = runMdl(model, QString(), viaXmile);
        QVERIFY2(r.run.results, qPrintable(r.run.error + r.messages.join(u'\n')));
        const Results &res = *r.run.results;
        const std::vector<double> times = {0, 1, 2, 3, 4, 4.5, 5, 5.5, 6, 6.5, 7};
        QCOMPARE(res.rows(), times.size());
        const int s = res.column(QStringLiteral("s")), twice = res.column(QStringLiteral("twice")),
                  late = res.column(QStringLiteral("late"));
        QVERIFY(s > 0 && twice > 0 && late > 0);
        for (std::size_t row = 0; row < times.size(); ++row) {
            const double t = times[row];
            QCOMPARE(res.at(row, 0), t);
            QCOMPARE(res.at(row, std::size_t(s)), t);
            QCOMPARE(res.at(row, std::size_t(twice)), t < 4 ? 2.0 : 1.0);
            QCOMPARE(res.at(row, std::size_t(late)), t < 2 ? 0.0 : t - 2);
        }
    }
}

// A computed SAVEPER shorter than TIME STEP (0.3 of it here) saves every step, as a fixed one
// does: rows at 0, 1, ..., 5 (not only where 0.3 divides the time, 0 and 3).
void TestVensimClock::computedSaveStepShorterThanDtSavesEveryStep()
{
    const MdlRun r = runMdl(QStringLiteral("x = Time ~ ~ |\n"
                                           "FINAL TIME = 5 ~ Year ~ |\n"
                                           "INITIAL TIME = 0 ~ Year ~ |\n"
                                           "TIME STEP = IF THEN ELSE(Time < 2, 1, 1) ~ Year ~ |\n"
                                           "SAVEPER = 0.3 * TIME STEP ~ Year ~ |\n"),
                            QString());
    QVERIFY2(r.run.results, qPrintable(r.run.error));
    QCOMPARE(r.run.results->rows(), std::size_t(6));
    for (std::size_t row = 0; row < 6; ++row)
        QCOMPARE(r.run.results->at(row, 0), double(row));
}

// A computed TIME STEP that becomes 0 stops the run at that time with an error naming the
// variable, rather than looping at one time for ever.
void TestVensimClock::computedTimeStepOfZeroStopsTheRun()
{
    const MdlRun r = runMdl(QStringLiteral("FINAL TIME = 10 ~ Year ~ |\n"
                                           "INITIAL TIME = 0 ~ Year ~ |\n"
                                           "TIME STEP = IF THEN ELSE(Time < 3, 1, 0) ~ Year ~ |\n"),
                            QString());
    QVERIFY(!r.run.results);
    QCOMPARE(r.run.error, QStringLiteral("DT is 'TIME STEP', which is 0 at time 3: it must be a positive number larger "
                                         "than the spacing of doubles near that time"));
}

// SAVEPER = IF THEN ELSE(Time < 5, 1, 2), read by x: x is what SAVEPER is at each time (1, then
// 2), not a number fixed when the model was read. Rows (TIME STEP 1): every 1 until 4, then
// where 2 divides the time: 0, 1, 2, 3, 4, 6, 8.
void TestVensimClock::computedSaveStepIsWhatEquationsRead()
{
    const MdlRun r = runMdl(QStringLiteral("x = SAVEPER ~ ~ |\n"
                                           "FINAL TIME = 8 ~ Month ~ |\n"
                                           "INITIAL TIME = 0 ~ Month ~ |\n"
                                           "TIME STEP = 1 ~ Month ~ |\n"
                                           "SAVEPER = IF THEN ELSE(Time < 5, 1, 2) ~ Month ~ |\n"),
                            QString());
    QVERIFY2(r.run.results, qPrintable(r.run.error + r.messages.join(u'\n')));
    QCOMPARE(times(r), (std::vector<double>{0, 1, 2, 3, 4, 6, 8}));
    const int x = r.run.results->column(QStringLiteral("x"));
    for (std::size_t row = 0; row < r.run.results->rows(); ++row)
        QCOMPARE(r.run.results->at(row, std::size_t(x)), r.run.results->at(row, 0) < 5 ? 1.0 : 2.0);
}

// TIME STEP = TIME STEP * 2 would read its own last value through DT; Vensim calls it circular.
// The error is at the equation: line 4 of m.mdl, column 13, after "TIME STEP = ".
void TestVensimClock::controlReadingItselfIsAnError()
{
    const MdlRun r = runMdl(QStringLiteral("x = Time ~ ~ |\n"
                                           "FINAL TIME = 8 ~ Month ~ |\n"
                                           "TIME STEP = TIME STEP * 2 ~ Month ~ |\n"
                                           "INITIAL TIME = 0 ~ Month ~ |\n"),
                            QString());
    QVERIFY2(refusedWith(r, QStringLiteral("m.mdl:4:13: error: TIME STEP depends on itself (circular)")),
             qPrintable(r.messages.join(u'\n')));
}

// A TIME STEP of 0, a SAVEPER of -1 and a FINAL TIME before INITIAL TIME: each an error at
// its equation (line 3 column 14, line 4 column 11, line 2 column 14), all said at once. The
// first alone had been said, at 1:1; the other two not at all.
void TestVensimClock::everySettingThatCannotRunIsSaidAtItsEquation()
{
    const MdlRun r = runMdl(QStringLiteral("FINAL TIME = -10 ~~|\nTIME STEP =  0 ~~|\nSAVEPER = -1 ~~|\nINITIAL TIME = 0 ~~|\n"),
                            QString());
    QCOMPARE(r.messages, (QStringList{QStringLiteral("m.mdl:3:14: error: TIME STEP must be positive (it is 0)"),
                                      QStringLiteral("m.mdl:4:11: error: SAVEPER must be positive (it is -1)"),
                                      QStringLiteral("m.mdl:2:14: error: FINAL TIME (-10) is before INITIAL TIME (0)")}));
    QVERIFY(!r.run.results);
}

// TIME STEP 0.3 (computed) and SAVEPER 1: as with a fixed DT of 0.3, a row every 3 steps (0.9),
// said in a warning, and the last row is 9.9, the last step before FINAL TIME 10.
void TestVensimClock::computedStepNotDividingSaveStepSavesLikeAFixedOne()
{
    const MdlRun r = runMdl(QStringLiteral("x = Time ~ ~ |\n"
                                           "FINAL TIME = 10 ~ Month ~ |\n"
                                           "INITIAL TIME = 0 ~ Month ~ |\n"
                                           "TIME STEP = 0.3 + 0 * Time ~ Month ~ |\n"
                                           "SAVEPER = 1 ~ Month ~ |\n"),
                            QString());
    QVERIFY2(r.run.results, qPrintable(r.run.error));
    const std::vector<double> t = times(r);
    QCOMPARE(t.size(), std::size_t(12)); // 0, 0.9, ..., 9.9
    for (std::size_t i = 0; i < t.size(); ++i)
        QVERIFY2(std::abs(t[i] - 0.9 * double(i)) < 1e-9, qPrintable(QString::number(t[i])));
    // At TIME STEP's equation (line 5, column 13): SAVEPER is a number.
    QVERIFY2(r.messages.contains(QStringLiteral("m.mdl:5:13: warning: the save step 1 is not a multiple of DT 0.3 at time 0: "
                                                "rows are saved every 0.9")),
             qPrintable(r.messages.join(u'\n')));
}

// TIME STEP 3 (computed), FINAL TIME 10: steps 0, 3, 6, 9; a step from 9 would pass 10.
void TestVensimClock::noStepPastTheStopTime()
{
    const MdlRun r = runMdl(QStringLiteral("x = Time ~ ~ |\n"
                                           "FINAL TIME = 10 ~ Month ~ |\n"
                                           "INITIAL TIME = 0 ~ Month ~ |\n"
                                           "TIME STEP = 3 + 0 * Time ~ Month ~ |\n"),
                            QString());
    QVERIFY2(r.run.results, qPrintable(r.run.error));
    QCOMPARE(times(r), (std::vector<double>{0, 3, 6, 9}));
}

// FINAL TIME = 20 + SIN(Time) moves later at times but comes nearer overall: the run ends at
// the first step t (of 0.5) from which a step would pass 20 + SIN(t), found here by stepping.
void TestVensimClock::wobblingStopTimeIsReached()
{
    const MdlRun r = runMdl(QStringLiteral("x = Time ~ ~ |\n"
                                           "FINAL TIME = 20 + SIN(Time) ~ Month ~ |\n"
                                           "INITIAL TIME = 0 ~ Month ~ |\n"
                                           "TIME STEP = 0.5 ~ Month ~ |\n"
                                           "SAVEPER = 0.5 ~ Month ~ |\n"),
                            QString());
    QVERIFY2(r.run.results, qPrintable(r.run.error));
    double last = 0;
    while (last + 0.5 <= 20 + std::sin(last))
        last += 0.5;
    QCOMPARE(times(r).back(), last);
}

// INITIAL TIME = MAX(3, 0) is computed (a function call), once: the compiled model starts at 3,
// so analyses that begin at the start (equilibria, recovery) begin there too.
void TestVensimClock::computedInitialTimeIsTheCompiledStart()
{
    const XmileReadResult read = readVensim(QByteArrayLiteral("x = Time ~ ~ |\n"
                                                              "FINAL TIME = 8 ~ Month ~ |\n"
                                                              "INITIAL TIME = MAX(3, 0) ~ Month ~ |\n"
                                                              "TIME STEP = 1 ~ Month ~ |\n"),
                                            QStringLiteral("m.mdl"));
    QVERIFY(read.project);
    QCOMPARE(read.project->simSpecs.varying.start, QStringLiteral("INITIAL TIME"));
    const CompileResult compiled = compileProject(*read.project);
    QVERIFY(compiled.model);
    QCOMPARE(compiled.model->specs.start, 3.0);
    const RunResult run = simulate(*compiled.model);
    QVERIFY(run.results);
    QCOMPARE(run.results->at(0, 0), 3.0);
}

// --dt 0.25 replaces the TIME STEP the model computes: the run steps 0.25 from 0 to 4 (17 rows),
// and a warning at TIME STEP's equation (line 5, column 13) says its column is its equation's.
void TestVensimClock::runOptionReplacingAComputedSettingIsSaid()
{
    RunOptions options;
    options.dt = 0.25;
    const MdlRun r = runMdl(QStringLiteral("x = Time ~ ~ |\n"
                                           "FINAL TIME = 4 ~ Month ~ |\n"
                                           "INITIAL TIME = 0 ~ Month ~ |\n"
                                           "TIME STEP = IF THEN ELSE(Time < 2, 1, 0.5) ~ Month ~ |\n"),
                            QString(), false, options);
    QVERIFY2(r.run.results, qPrintable(r.run.error));
    QCOMPARE(r.run.results->rows(), std::size_t(17));
    QCOMPARE(r.run.results->at(16, 0), 4.0);
    QVERIFY2(r.messages.contains(QStringLiteral("m.mdl:5:13: warning: a run option replaces the setting that 'TIME STEP' "
                                                "computes; the column 'TIME STEP' still shows what its equation gives")),
             qPrintable(r.messages.join(u'\n')));
}

QTEST_APPLESS_MAIN(TestVensimClock)
#include "test_vensim_clock.moc"

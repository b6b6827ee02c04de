// Data variables read from a file with Vensim's keywords (model/vensim/mdldatareading.h):
// :INTERPOLATE:, :HOLD BACKWARD:, :LOOK FORWARD: and :RAW:, and the GET DATA functions on
// them, on a small CSV written here, with the values each must give derived by hand below;
// and data variables with no equation given in .dat files (--data, model/vensim/mdldatfile.h).
#include "support/inlinemdl.h"

#include "model/vensim/mdldatfile.h"
#include "model/vensim/mdlreader.h"
#include "model/vensim/mdltranslate.h"
#include "model/xmilewriter.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace meadows;

namespace {

// Times across row 1 (1, 3, 4), one row of values for each element of r:
//   r1: (1, 10) (3, 30) (4, 20)      r2: (1, 1) (3, -1) (4, 5)
const char *const kCsv = "time,1,3,4\nr1,10,30,20\nr2,1,-1,5\n";
// r1's points listed latest first: a file need not list its times in order.
const char *const kReversedCsv = "time,4,3,1\nr1,20,30,10\n";

// The run from 0 to 5 in steps of 0.5, saved at every step.
const QString kControl = QStringLiteral("INITIAL TIME = 0 ~~|\nFINAL TIME = 5 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 0.5 ~~|\n");

constexpr double NA = vensim::kNotAvailable;

struct Expected {
    double time, interpolated, held, forward, raw;
};

// r1's values, by hand:
//   interpolated: linear between the points, the ends held (10 before 1, 20 after 4);
//   held (:HOLD BACKWARD:): the last point at or before t (10 until 3, 30 until 4, then 20);
//   forward (:LOOK FORWARD:): the first point at or after t (10 up to 1, 30 up to 3, 20 after);
//   raw: the value at 1, 3 and 4 only, :NA: at every other time, before and after too.
const Expected kR1[] = {
    {0, 10, 10, 10, NA},   {0.5, 10, 10, 10, NA}, {1, 10, 10, 10, 10},  {1.5, 15, 10, 30, NA},
    {2, 20, 10, 30, NA},   {2.5, 25, 10, 30, NA}, {3, 30, 30, 30, 30},  {3.5, 25, 30, 20, NA},
    {4, 20, 20, 20, 20},   {4.5, 20, 20, 20, NA}, {5, 20, 20, 20, NA},
};

class DataModel {
public:
    // Reads `equations` as a model in a folder that holds data.csv.
    XmileReadResult read(const QString &equations)
    {
        for (const auto &[file, text] : {std::pair{"data.csv", kCsv}, std::pair{"reversed.csv", kReversedCsv}}) {
            QFile csv(m_dir.filePath(QLatin1String(file)));
            if (!csv.exists() && csv.open(QIODevice::WriteOnly))
                csv.write(text);
        }
        return test::readMdl(equations, kControl, m_dir.filePath(QStringLiteral("m.mdl")));
    }

private:
    QTemporaryDir m_dir;
};

// Reads `equations` (which must read with no message) and runs them (with no error) into
// `run`; with `viaXmile`, saved as XMILE and read back first.
void readAndRun(DataModel &model, const QString &equations, test::InlineRun &run, bool viaXmile = false)
{
    XmileReadResult r = model.read(equations);
    QVERIFY2(r.project, qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    QVERIFY2(r.diagnostics.empty(), qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    if (viaXmile) {
        r = readXmile(writeXmile(*r.project), QStringLiteral("saved.xmile"));
        QVERIFY2(r.project && r.diagnostics.empty(), qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    }
    run = test::simulateRead(r);
    QVERIFY2(run.firstError().isEmpty(), qPrintable(run.firstError()));
}

// Reads `equations` into `r`, which must hold each of `warnings` (a message's start) once.
void readWarning(DataModel &model, const QString &equations, std::initializer_list<const char *> warnings,
                 XmileReadResult &r)
{
    r = model.read(equations);
    QVERIFY(r.project);
    const QStringList messages = test::formatted(r.diagnostics);
    for (const char *at : warnings)
        QVERIFY2(messages.filter(QLatin1String(at)).size() == 1, qPrintable(messages.join(u'\n')));
}

struct NamedValue {
    const char *name;
    double value;
};

// Each variable's value at `time`, exactly.
void compareAt(const test::InlineRun &run, double time, std::initializer_list<NamedValue> expected)
{
    for (const NamedValue &e : expected) {
        const double value = run.at(QLatin1String(e.name), time);
        QVERIFY2(value == e.value, qPrintable(QStringLiteral("%1 = %2, not %3").arg(QLatin1String(e.name)).arg(value).arg(e.value)));
    }
}

const QString kEquations = QStringLiteral(
    "r: (r1-r2) ~~|\n"
    "interpolated[r] :INTERPOLATE: := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
    "plain[r] := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
    "equals[r] = GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n" // Vensim reads '=' as ':=' here
    "held[r] :HOLD BACKWARD: := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
    "forward[r] :LOOK FORWARD: := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
    "raw[r] :RAW: := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
    "single := GET DIRECT DATA('data.csv', ',', '1', 'B3') :LOOK FORWARD: ~~|\n"
    "reversed :LOOK FORWARD: := GET DIRECT DATA('reversed.csv', ',', '1', 'B2') ~~|\n");

} // namespace

class TestVensimData : public QObject {
    Q_OBJECT
private slots:
    void keywordsReadDataAsVensimDoes();
    void savedAsXmileTheyReadTheSame();
    void keywordOnComputedDataIsAWarning();
    void getDataBetweenTimes();
    void getDataBetweenTimesItCannotReadIsAWarning();
    void getDataFromThePoints_data();
    void getDataFromThePoints();
    void getDataFromThePointsItCannotReadIsAWarning();
    void getDataStdvSaysItsDivisor();
    void dataFromDatFiles();
    void seriesMadeFromData();
    void seriesThatCannotBeMadeIsAnError();
};

void TestVensimData::keywordsReadDataAsVensimDoes()
{
    DataModel model;
    const XmileReadResult r = model.read(kEquations);
    QVERIFY2(r.project, qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    QVERIFY2(r.diagnostics.empty(), qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    const test::InlineRun run = test::simulateRead(r);
    QVERIFY2(run.firstError().isEmpty(), qPrintable(run.firstError()));
    for (const Expected &e : kR1) {
        QCOMPARE(run.at(QStringLiteral("interpolated[r1]"), e.time), e.interpolated);
        QCOMPARE(run.at(QStringLiteral("plain[r1]"), e.time), e.interpolated);
        QCOMPARE(run.at(QStringLiteral("equals[r1]"), e.time), e.interpolated);
        QCOMPARE(run.at(QStringLiteral("held[r1]"), e.time), e.held);
        QCOMPARE(run.at(QStringLiteral("forward[r1]"), e.time), e.forward);
        QCOMPARE(run.at(QStringLiteral("raw[r1]"), e.time), e.raw);
        QCOMPARE(run.at(QStringLiteral("reversed"), e.time), e.forward);
    }
    // r2 reads its own row: (1, 1) (3, -1) (4, 5). At 2: held 1, forward -1, raw :NA:,
    // interpolated (1 + -1) / 2 = 0; at 4 every reading gives the point's 5.
    QCOMPARE(run.at(QStringLiteral("held[r2]"), 2), 1.0);
    QCOMPARE(run.at(QStringLiteral("forward[r2]"), 2), -1.0);
    QCOMPARE(run.at(QStringLiteral("raw[r2]"), 2), NA);
    QCOMPARE(run.at(QStringLiteral("interpolated[r2]"), 2), 0.0);
    for (const char *name : {"interpolated[r2]", "held[r2]", "forward[r2]", "raw[r2]"})
        QCOMPARE(run.at(QLatin1String(name), 4), 5.0);
    // The keyword after the expression, on a variable without subscripts (row 3, r2's).
    QCOMPARE(run.at(QStringLiteral("single"), 1.5), -1.0);
    QCOMPARE(run.at(QStringLiteral("single"), 3.5), 5.0);
}

void TestVensimData::savedAsXmileTheyReadTheSame()
{
    // Save As writes the held table as XMILE's discrete type and the others as the tables
    // LOOKUP_FORWARD and LOOKUP_BACKWARD read: read back, the numbers are the same.
    DataModel model;
    const XmileReadResult mdl = model.read(kEquations);
    QVERIFY(mdl.project);
    const QByteArray saved = writeXmile(*mdl.project);
    QVERIFY(saved.contains("type=\"discrete\""));
    const XmileReadResult r = readXmile(saved, QStringLiteral("saved.xmile"));
    QVERIFY2(r.project, qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    const test::InlineRun run = test::simulateRead(r);
    QVERIFY2(run.firstError().isEmpty(), qPrintable(run.firstError()));
    for (const Expected &e : kR1) {
        QCOMPARE(run.at(QStringLiteral("interpolated[r1]"), e.time), e.interpolated);
        QCOMPARE(run.at(QStringLiteral("held[r1]"), e.time), e.held);
        QCOMPARE(run.at(QStringLiteral("forward[r1]"), e.time), e.forward);
        QCOMPARE(run.at(QStringLiteral("raw[r1]"), e.time), e.raw);
    }
}

void TestVensimData::keywordOnComputedDataIsAWarning()
{
    // A data equation computed from others is evaluated at every step like an auxiliary, so
    // a keyword on it would be ignored: it is a warning at the keyword (line 4, column 7).
    DataModel model;
    const XmileReadResult r = model.read(QStringLiteral("r: (r1-r2) ~~|\n"
                                                        "base[r] := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
                                                        "ahead :LOOK FORWARD: := base[r1] * 2 ~~|\n"));
    QVERIFY(r.project);
    const QStringList messages = test::formatted(r.diagnostics);
    QVERIFY2(messages.filter(QStringLiteral("m.mdl:4:7: warning: :LOOK FORWARD: is read for data from a file")).size() == 1,
             qPrintable(messages.join(u'\n')));
}

void TestVensimData::getDataBetweenTimes()
{
    // GET DATA BETWEEN TIMES(data, time, mode) on r1's points (1, 10) (3, 30) (4, 20), by hand:
    //   time 2:   mode 0 interpolates, 20; mode -1 the earlier point's 10; mode 1 the later's 30;
    //   time 3:   a point: 30 whatever the mode;  time 3.5, mode 0: 25;
    //   time 1 and 4, the first and last points: 10 and 20 (not outside);
    //   time 0.5 and 4.5, before the first and after the last: :NA: whatever the mode.
    // "ranged[r]" reads each element's own points at Time, mode -1: at 2, r1 10 and r2 1;
    // at 3.5, r1 30 and r2 -1; at 0 and 5 (outside) :NA:. The data variable's own keyword
    // (here :HOLD BACKWARD:) does not change what the function reads.
    DataModel model;
    test::InlineRun run;
    readAndRun(model,
        QStringLiteral("r: (r1-r2) ~~|\n"
                       "d[r] :HOLD BACKWARD: := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
                       "interp2 = GET DATA BETWEEN TIMES(d[r1], 2, 0) ~~|\n"
                       "back2 = GET DATA BETWEEN TIMES(d[r1], 2, -1) ~~|\n"
                       "fwd2 = GET DATA BETWEEN TIMES(d[r1], 2, 1) ~~|\n"
                       "fwd3 = GET DATA BETWEEN TIMES(d[r1], 3, 1) ~~|\nback3 = GET DATA BETWEEN TIMES(d[r1], 3, -1) ~~|\n"
                       "interp35 = GET DATA BETWEEN TIMES(d[r1], 3.5, 0) ~~|\n"
                       "first = GET DATA BETWEEN TIMES(d[r1], 1, -1) ~~|\nlast = GET DATA BETWEEN TIMES(d[r1], 4, 1) ~~|\n"
                       "before = GET DATA BETWEEN TIMES(d[r1], 0.5, 1) ~~|\nafter = GET DATA BETWEEN TIMES(d[r1], 4.5, -1) ~~|\n"
                       "ranged[r] = GET DATA BETWEEN TIMES(d[r], Time, -1) ~~|\n"), run);
    if (QTest::currentTestFailed())
        return;
    compareAt(run, 0, {{"interp2", 20}, {"back2", 10}, {"fwd2", 30}, {"fwd3", 30}, {"back3", 30}, {"interp35", 25},
                       {"first", 10}, {"last", 20}, {"before", NA}, {"after", NA}});
    QCOMPARE(run.at(QStringLiteral("ranged[r1]"), 2), 10.0);
    QCOMPARE(run.at(QStringLiteral("ranged[r2]"), 2), 1.0);
    QCOMPARE(run.at(QStringLiteral("ranged[r1]"), 3.5), 30.0);
    QCOMPARE(run.at(QStringLiteral("ranged[r2]"), 3.5), -1.0);
    QCOMPARE(run.at(QStringLiteral("ranged[r1]"), 0), NA);
    QCOMPARE(run.at(QStringLiteral("ranged[r2]"), 5), NA);
    QCOMPARE(run.at(QStringLiteral("d[r1]"), 2), 10.0); // the variable itself holds backward
}

void TestVensimData::getDataBetweenTimesItCannotReadIsAWarning()
{
    // On a variable that is not data read from a file (line 4), with a mode that is not
    // written as -1, 0 or 1 (line 5), and at a time that calls it again (line 6, the outer
    // call; the inner one is read): a warning at the call, and the run stops with an error.
    DataModel model;
    XmileReadResult r;
    readWarning(model,
                QStringLiteral("d := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
                               "c = 5 ~~|\nx = GET DATA BETWEEN TIMES(c, 2, 0) ~~|\n"
                               "y = GET DATA BETWEEN TIMES(d, 2, c) ~~|\n"
                               "z = GET DATA BETWEEN TIMES(d, GET DATA BETWEEN TIMES(d, 3, 0), 0) ~~|\n"),
                {"m.mdl:4:5: warning: GET DATA BETWEEN TIMES is supported on a data variable read from a file",
                 "m.mdl:5:5: warning: GET DATA BETWEEN TIMES is supported on a data variable read from a file",
                 "m.mdl:6:5: warning: GET DATA BETWEEN TIMES is supported on a data variable read from a file"},
                r);
    if (QTest::currentTestFailed())
        return;
    const QStringList messages = test::formatted(r.diagnostics);
    QVERIFY2(messages.filter(QStringLiteral("m.mdl:6:31:")).isEmpty(), qPrintable(messages.join(u'\n')));
    const test::InlineRun run = test::simulateRead(r);
    QVERIFY(!run.firstError().isEmpty());
}

void TestVensimData::getDataFromThePoints_data()
{
    QTest::addColumn<bool>("viaXmile");
    QTest::newRow("read") << false;
    QTest::newRow("saved as XMILE") << true;
}

void TestVensimData::getDataFromThePoints()
{
    // On r1's points (1, 10) (3, 30) (4, 20) and r2's (1, 1) (3, -1) (4, 5), by hand; a range
    // holds the points with start <= time <= end, never a value between points:
    //   MIN, MAX, MEAN, MEDIAN of r1 over [0, 5] (all three): 10, 30, 20, 20;
    //   MAX over [3, 4]: 30 (the point at the start counts); MEAN over [1, 3]: (10 + 30) / 2
    //   = 20 (both ends count: without the end 10, without the start 30); MIN over [2, 3.5]:
    //   30, the one point there (r1 interpolated at 2 would be 20); MAX over [1.5, 2.5]: no
    //   point, :NA: (interpolated it would be 25);
    //   MEDIAN of r2 over [0, 5]: 1 (of -1, 1, 5); over [3, 4]: (-1 + 5) / 2 = 2; MEAN of r2
    //   over [0, 5]: (1 - 1 + 5) / 3 = 5/3;
    //   AT TIME(r1, 3): 30; AT TIME(r1, 2), no point at 2: :NA:; AT TIME(r2, 4): 5;
    //   TOTAL POINTS(r1): 3; LAST TIME(r1): 4, and of the file listing 4, 3, 1: 4 too.
    // At times the model computes: MAX of r1 from INITIAL TIME (0) to Time: :NA: at 0.5,
    // 10 at 1 and 2.5, 30 from 3 on; MIN over [INITIAL TIME, FINAL TIME], the reference's
    // example: 10. Over a range of elements, each its own: MAX over [0, 5] 30 and 5. Saved
    // as XMILE (the functions of the points on the data's tables) and read back: the same.
    QFETCH(bool, viaXmile);
    DataModel model;
    test::InlineRun run;
    readAndRun(model,
        QStringLiteral("r: (r1-r2) ~~|\n"
                       "d[r] :HOLD BACKWARD: := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
                       "rev := GET DIRECT DATA('reversed.csv', ',', '1', 'B2') ~~|\n"
                       "min all = GET DATA MIN(d[r1], 0, 5) ~~|\nmax all = GET DATA MAX(d[r1], 0, 5) ~~|\n"
                       "mean all = GET DATA MEAN(d[r1], 0, 5) ~~|\nmedian all = GET DATA MEDIAN(d[r1], 0, 5) ~~|\n"
                       "max34 = GET DATA MAX(d[r1], 3, 4) ~~|\nmean13 = GET DATA MEAN(d[r1], 1, 3) ~~|\n"
                       "min between = GET DATA MIN(d[r1], 2, 3.5) ~~|\nmax none = GET DATA MAX(d[r1], 1.5, 2.5) ~~|\n"
                       "median r2 = GET DATA MEDIAN(d[r2], 0, 5) ~~|\nmedian even = GET DATA MEDIAN(d[r2], 3, 4) ~~|\n"
                       "mean r2 = GET DATA MEAN(d[r2], 0, 5) ~~|\n"
                       "at3 = GET DATA AT TIME(d[r1], 3) ~~|\nat2 = GET DATA AT TIME(d[r1], 2) ~~|\n"
                       "at4 = GET DATA AT TIME(d[r2], 4) ~~|\n"
                       "points = GET DATA TOTAL POINTS(d[r1]) ~~|\nlast = GET DATA LAST TIME(d[r1]) ~~|\n"
                       "last rev = GET DATA LAST TIME(rev) ~~|\n"
                       "so far = GET DATA MAX(d[r1], INITIAL TIME, Time) ~~|\n"
                       "whole = INITIAL(GET DATA MIN(d[r1], INITIAL TIME, FINAL TIME)) ~~|\n"
                       "ranged[r] = GET DATA MAX(d[r], 0, 5) ~~|\n"), run, viaXmile);
    if (QTest::currentTestFailed())
        return;
    compareAt(run, 2, {{"min all", 10}, {"max all", 30}, {"mean all", 20}, {"median all", 20}, {"max34", 30},
                       {"mean13", 20}, {"min between", 30}, {"max none", NA}, {"median r2", 1}, {"median even", 2},
                       {"mean r2", 5.0 / 3}, {"at3", 30}, {"at2", NA}, {"at4", 5}, {"points", 3}, {"last", 4},
                       {"last rev", 4}, {"whole", 10}, {"ranged[r1]", 30}, {"ranged[r2]", 5}});
    const std::pair<double, double> soFar[] = {{0.5, NA}, {1, 10}, {2.5, 10}, {3, 30}, {5, 30}};
    for (const auto &[time, value] : soFar)
        compareAt(run, time, {{"so far", value}});
}

// GET DATA STDV over r1's points 10, 30, 20 (mean 20): the squares 100 + 100 + 0 over n = 3,
// sqrt(200 / 3) = 8.16496580927726; over [3, 4], the points 30 and 20: 5; over [1.5, 2.5],
// none: :NA:. Vensim's reference does not say whether it divides by n or n - 1, so the
// reading says which (line 3, at the call, column 5), once per call.
void TestVensimData::getDataStdvSaysItsDivisor()
{
    DataModel model;
    XmileReadResult r;
    readWarning(model,
                QStringLiteral("d := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
                               "s = GET DATA STDV(d, 0, 5) ~~|\ns34 = GET DATA STDV(d, 3, 4) ~~|\n"
                               "none = GET DATA STDV(d, 1.5, 2.5) ~~|\n"),
                {"m.mdl:3:5: warning: GET DATA STDV divides by the number of points, n, as STDDEV does: Vensim's "
                 "reference does not say whether it divides by n or by n - 1"},
                r);
    if (QTest::currentTestFailed())
        return;
    const test::InlineRun run = test::simulateRead(r);
    QVERIFY2(run.firstError().isEmpty(), qPrintable(run.firstError()));
    compareAt(run, 0, {{"s", std::sqrt(200.0 / 3)}, {"s34", 5}, {"none", NA}});
}

void TestVensimData::getDataFromThePointsItCannotReadIsAWarning()
{
    // On a variable that is not data read from a file (line 4): a warning at the call, and
    // the run stops with an error. GET DATA FIRST TIME and GET DATA SUM, which Vensim's
    // reference does not list (lines 5 and 6): not supported. With an argument missing: the
    // arity, an error at the call, and the model is not read.
    DataModel model;
    XmileReadResult r;
    readWarning(model,
                QStringLiteral("d := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
                               "c = 5 ~~|\nx = GET DATA MIN(c, 0, 5) ~~|\n"
                               "v = GET DATA FIRST TIME(d) ~~|\n"
                               "w = GET DATA SUM(d, 0, 5) ~~|\n"),
                {"m.mdl:4:5: warning: GET DATA MIN is supported on a data variable read from a file",
                 "m.mdl:5:5: warning: the Vensim function GET DATA FIRST TIME is not supported",
                 "m.mdl:6:5: warning: the Vensim function GET DATA SUM is not supported"},
                r);
    if (QTest::currentTestFailed())
        return;
    const test::InlineRun run = test::simulateRead(r);
    QVERIFY(!run.firstError().isEmpty());
    const XmileReadResult arity = model.read(QStringLiteral("d := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
                                                            "c = 5 ~~|\ny = GET DATA MAX(d, 1) ~~|\n"));
    QVERIFY(!arity.project);
    const QStringList said = test::formatted(arity.diagnostics);
    QCOMPARE(said.size(), 1);
    QVERIFY2(said[0].endsWith(QLatin1String("/m.mdl:4:5: error: GET DATA MAX takes 3 argument(s), not 2")), qPrintable(said[0]));
}

// A .dat file: level (1, 10) (3, 30); v[r1] (0, 5) (5, 10); v[r2] (0, 1) (4, 9); u[r1] only.
// Read as data, interpolated with the ends held: level 10 at 0 (before its first point), 20
// at 2, 30 at 4; v[r1] 7.5 at 2.5; v[r2] 5 at 2. A variable the file does not hold stays
// an error, and so does one it holds some elements of; a file whose times go back is an
// error naming its line.
void TestVensimData::dataFromDatFiles()
{
    QTemporaryDir dir;
    const auto write = [&](const char *name, const char *text) {
        QFile f(dir.filePath(QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write("data.dat", "level\n1\t10\n3\t30\nv[r1]\n0\t5\n5\t10\nv[R2]\n0  1\n4  9\nu[r1]\n0\t1\n");
    write("back.dat", "level\n1\t10\n0\t5\n");
    write("typo.dat", "level\n0 1\n4 5x\n");
    write("twice.dat", "level\n0 1\nlevel\n4 5\n");
    struct Reset {
        ~Reset() { vensim::setDataFiles({}); }
    } reset;
    // GET DATA functions read such data too: level's points (1, 10) (3, 30): 30 at time 3, and
    // the larger is 30; TIME SHIFT by 2 moves them to (-1, 10) (1, 30), read at time 0 as 20.
    const QString model = QStringLiteral("r: (r1-r2) ~~|\nlevel ~~|\nv[r] ~~|\ntotal = level + v[r1] ~~|\n"
                                         "at3 = GET DATA AT TIME(level, 3) ~~|\nlargest = GET DATA MAX(level, 0, 5) ~~|\n"
                                         "ahead := TIME SHIFT(level, 2) ~~|\n");
    vensim::setDataFiles({dir.filePath(QStringLiteral("data.dat"))});
    const XmileReadResult r = test::readMdl(model, kControl, dir.filePath(QStringLiteral("m.mdl")));
    QVERIFY2(r.project && r.diagnostics.empty(), qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    const test::InlineRun run = test::simulateRead(r);
    QVERIFY2(run.firstError().isEmpty(), qPrintable(run.firstError()));
    QCOMPARE(run.at(QStringLiteral("level"), 0), 10.0);
    QCOMPARE(run.at(QStringLiteral("level"), 2), 20.0);
    QCOMPARE(run.at(QStringLiteral("level"), 4), 30.0);
    QCOMPARE(run.at(QStringLiteral("v[r1]"), 2.5), 7.5);
    QCOMPARE(run.at(QStringLiteral("v[r2]"), 2), 5.0);
    QCOMPARE(run.at(QStringLiteral("total"), 2), 20.0 + 7.0);
    QCOMPARE(run.at(QStringLiteral("at3"), 0), 30.0);
    QCOMPARE(run.at(QStringLiteral("largest"), 0), 30.0);
    QCOMPARE(run.at(QStringLiteral("ahead"), 0), 20.0);
    const QString file = dir.filePath(QStringLiteral("m.mdl"));
    const auto refused = [&](const QString &equations, const QString &expected) {
        const XmileReadResult bad = test::readMdl(equations, kControl, file);
        QVERIFY(!bad.project);
        QVERIFY2(test::formatted(bad.diagnostics).contains(file + expected),
                 qPrintable(test::formatted(bad.diagnostics).join(u'\n')));
    };
    // line 2 is the first equation (line 1 is {UTF-8})
    refused(QStringLiteral("w ~~|\n"), QStringLiteral(":2:1: error: 'w' has no equation: give its data in a .dat file "
                                                     "(--data FILE.dat; .vdf files are not read)"));
    refused(QStringLiteral("r: (r1-r2) ~~|\nu[r] ~~|\n"),
            QStringLiteral(":3:1: error: the data files hold some elements of 'u' but not all"));
    vensim::setDataFiles({dir.filePath(QStringLiteral("back.dat"))});
    refused(QStringLiteral("level ~~|\n"), QStringLiteral(":2:1: error: %1:3: the times of a series must rise: 0 after 1")
                                                .arg(dir.filePath(QStringLiteral("back.dat"))));
    // A point mistyped is an error, not the name of a new series that takes the rest.
    vensim::setDataFiles({dir.filePath(QStringLiteral("typo.dat"))});
    refused(QStringLiteral("level ~~|\n"), QStringLiteral(":2:1: error: %1:3: a point is a time and a value, two finite "
                                                         "numbers, not '4 5x'").arg(dir.filePath(QStringLiteral("typo.dat"))));
    vensim::setDataFiles({dir.filePath(QStringLiteral("twice.dat"))});
    refused(QStringLiteral("level ~~|\n"), QStringLiteral(":2:1: error: %1:3: 'level' is listed twice")
                                                .arg(dir.filePath(QStringLiteral("twice.dat"))));
}

void TestVensimData::seriesMadeFromData()
{
    // TIME SHIFT, CUMULATE and CUMULATEF make new points from d's (Vensim's reference), read
    // like any data variable. d[r1]: (1, 10) (3, 30) (4, 20); d[r2]: (1, 1) (3, -1) (4, 5).
    DataModel model;
    test::InlineRun run;
    readAndRun(model,
               QStringLiteral("r: (r1-r2) ~~|\n"
                              "d[r] := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
                              "lead = 2 ~~|\n"
                              "shifted[r] := TIME SHIFT(d[r], 1) ~~|\n"
                              "ahead := TIME SHIFT(d[r2], lead) ~~|\n"
                              "total[r] := CUMULATE(d[r]) ~~|\n"
                              "final := CUMULATEF(d[r1]) ~~|\n"
                              "held :HOLD BACKWARD: := CUMULATE(d[r1]) ~~|\n"
                              "chained := CUMULATE(shifted[r1]) ~~|\n"
                              "first = GET DATA AT TIME(shifted[r1], 0) ~~|\n"),
               run);
    if (QTest::currentTestFailed())
        return;
    compareAt(run, 0,
              {// shifted[r1] = d[r1](t + 1), points (0, 10) (2, 30) (3, 20)
               {"shifted[r1]", 10},
               // ahead = d[r2](t + 2), points (-1, 1) (1, -1) (2, 5): halfway from 1 to -1
               {"ahead", 0},
               // total[r1]: (1, 10) (3, 40) (4, 60), the first value held before 1
               {"total[r1]", 10},
               // final: the one point (4, 60), held before it
               {"final", 60},
               // GET DATA reads the series made: shifted[r1]'s point at 0
               {"first", 10}});
    compareAt(run, 1, {{"shifted[r1]", 20}, {"chained", 25}}); // chained: (0, 10) (2, 40) (3, 60)
    compareAt(run, 1.5, {{"ahead", 2}});                       // halfway from -1 to 5
    compareAt(run, 2, {{"total[r1]", 25}, {"held", 10}});      // held: the point at 1 until 3
    compareAt(run, 2.5, {{"shifted[r1]", 25}});
    compareAt(run, 3.5, {{"total[r2]", 2.5}, {"held", 40}});   // total[r2]: (1, 1) (3, 0) (4, 5)
    compareAt(run, 5, {{"shifted[r1]", 20}, {"total[r1]", 60}, {"final", 60}, {"ahead", 5}});
}

void TestVensimData::seriesThatCannotBeMadeIsAnError()
{
    DataModel model;
    const XmileReadResult r = model.read(QStringLiteral("d := GET DIRECT DATA('data.csv', ',', '1', 'B2') ~~|\n"
                                                        "a = 3 ~~|\nk = a * 2 ~~|\n"
                                                        "y1 := TIME SHIFT(d, k) ~~|\n"
                                                        "y2 = CUMULATE(d) ~~|\n"
                                                        "y3 := TIME SHIFT(a, 1) ~~|\n"
                                                        "y4 := CUMULATE(d + 1) ~~|\n"
                                                        "y5 := TIME SHIFT(d, 1e300) ~~|\n"
                                                        "y6 := CUMULATEF(d, 2) ~~|\n"
                                                        "y7 := TIME SHIFT(y7, 1) ~~|\n"));
    const QStringList messages = test::formatted(r.diagnostics);
    for (const char *expected : {
             "m.mdl:5:21: error: TIME SHIFT's shift must be a number or a constant; 'k' is not a constant",
             "m.mdl:6:6: error: CUMULATE makes a data series: write the equation with ':='",
             "m.mdl:7:18: error: TIME SHIFT reads the points of a data variable read from a file or a GET DATA "
             "function; 'a' is not one",
             "m.mdl:8:18: error: CUMULATE reads one data variable by its name, not an expression",
             // 1 - 1e300 and 3 - 1e300 are the same number
             "m.mdl:9:21: error: TIME SHIFT by 1e+300 makes the data's times 1 and 3 one (a number cannot hold them "
             "apart so far away)",
             "m.mdl:10:7: error: CUMULATEF takes 1 argument(s), not 2",
             "m.mdl:11:18: error: TIME SHIFT reads the points of a data variable read from a file or a GET DATA "
             "function; 'y7' is not one"})
        QVERIFY2(messages.filter(QLatin1String(expected)).size() == 1, qPrintable(messages.join(u'\n')));
    QCOMPARE(messages.size(), 7);
}

QTEST_GUILESS_MAIN(TestVensimData)
#include "test_vensim_data.moc"

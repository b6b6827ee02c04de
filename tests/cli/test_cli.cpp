// The meadows command line as a user runs it: exit codes, output formats, messages.
#include "support/meadowsprocess.h"
#include "support/referencedata.h"
#include "support/testfiles.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using meadows::test::Outcome;
using meadows::test::runMeadows;

namespace {
const QString kData = QStringLiteral(MEADOWS_TEST_DATA);

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void runWritesCsvMatchingTheReference();
    void runToStdoutAndOptions();
    void timeColumnReadsBackExactly();
    void orderReadAtTheStartTheRunTakes();
    void clockComputedFromAConstantFollowsSet();
    void checkCleanModel();
    void checkBrokenEquationGivesLineAndColumn();
    void runStopsAtAnIndexOutOfRange();
    void checkSaysWhatRunWouldRefuse();
    void truncatedFileIsACleanError();
    void causalLoopDiagramChecksCleanButDoesNotRun();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void mistypedCommandOrNoDisplayIsToldNotAborted();
    void longRunShowsProgressOnlyOnATerminal();
    void librariesForLayoutAndSpreadsheetsLoadOnlyWhenUsed();
};

void TestCli::runWritesCsvMatchingTheReference()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("t.csv"));
    const Outcome o = runMeadows({QStringLiteral("run"), kData + QStringLiteral("/test-models/samples/teacup/teacup.xmile"),
                               QStringLiteral("-o"), out});
    QCOMPARE(o.code, 0);
    const meadows::test::Table actual = meadows::test::readTable(out);
    QCOMPARE(actual.columns.size(), 5);
    QCOMPARE(actual.rows.size(), std::size_t(241)); // 0 to 30 by 0.125
    const auto c = meadows::test::compareTables(actual, meadows::test::readTable(kData + QStringLiteral("/test-models/samples/teacup/output.csv")));
    QVERIFY2(c.ok, qPrintable(c.message));
}

// The run's times are the model's when it is compiled. A delay's order of 2 + STEP(1, 10)
// is read once, at the start: 2 from the file's start, 0; 3 from --start 20, where the step
// has happened. Both say so.
void TestCli::orderReadAtTheStartTheRunTakes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("m.mdl"));
    QVERIFY(meadows::testing::writeAll(path, "{UTF-8}\nx = 1 ~~|\nd = DELAY N(x, 4, 0, 2 + STEP(1, 10)) ~~|\nsaving = SAVEPER ~~|\n"
                                             "INITIAL TIME = 0 ~~|\nFINAL TIME = 30 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n"));
    const Outcome fromFile = runMeadows({QStringLiteral("run"), path});
    QCOMPARE(fromFile.code, 0);
    QVERIFY2(fromFile.err.contains(QLatin1String("the order is read once, at the start (2)")), qPrintable(fromFile.err));
    const Outcome later = runMeadows({QStringLiteral("run"), path, QStringLiteral("--start"), QStringLiteral("20")});
    QCOMPARE(later.code, 0);
    QVERIFY2(later.err.contains(QLatin1String("the order is read once, at the start (3)")), qPrintable(later.err));
    // SAVEPER read in an equation is the --save-step the run takes: 2, on rows 20, 22, ... 30.
    const Outcome saved = runMeadows({QStringLiteral("run"), path, QStringLiteral("--start"), QStringLiteral("20"),
                                      QStringLiteral("--save-step"), QStringLiteral("2")});
    QCOMPARE(saved.code, 0);
    const meadows::test::Table t = meadows::test::parseTable(saved.out.toUtf8());
    const qsizetype saving = t.columns.indexOf(QStringLiteral("saving"));
    QVERIFY2(saving >= 0, qPrintable(t.columns.join(u',')));
    QCOMPARE(t.rows.size(), std::size_t(6));
    for (const auto &row : t.rows)
        QCOMPARE(row[std::size_t(saving)], 2.0);
    // "SAVEPER = TIME STEP" saves every step of the run's own: --dt 0.5 from 0 to 2 gives 5 rows.
    const QString every5 = dir.filePath(QStringLiteral("every.mdl"));
    QVERIFY(meadows::testing::writeAll(every5, "{UTF-8}\nx = Time ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\n"
                                               "SAVEPER = TIME STEP ~~|\n"));
    const Outcome every = runMeadows({QStringLiteral("run"), every5, QStringLiteral("--dt"), QStringLiteral("0.5")});
    QCOMPARE(every.code, 0);
    QCOMPARE(meadows::test::parseTable(every.out.toUtf8()).rows.size(), std::size_t(5));
}

// "INITIAL TIME = start year" and "FINAL TIME = start year + 3": --set start year=1950 runs
// from 1950 to 1953 (4 rows, x = Time), as Vensim does when start year changes; before, the
// clock stayed at the file's 2000 to 2003 without a word. --start still wins over the file,
// and says that the INITIAL TIME column shows what its equation gives.
void TestCli::clockComputedFromAConstantFollowsSet()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clock.mdl"));
    QVERIFY(meadows::testing::writeAll(path, "{UTF-8}\nstart year = 2000 ~~|\nx = Time ~~|\n"
                                             "INITIAL TIME = start year ~ Year ~|\nFINAL TIME = start year + 3 ~ Year ~|\n"
                                             "TIME STEP = 1 ~ Year ~|\nSAVEPER = TIME STEP ~ Year ~|\n"));
    const Outcome moved = runMeadows({QStringLiteral("run"), path, QStringLiteral("--set"), QStringLiteral("start year=1950")});
    QCOMPARE(moved.code, 0);
    const meadows::test::Table t = meadows::test::parseTable(moved.out.toUtf8());
    const qsizetype x = t.columns.indexOf(QStringLiteral("x"));
    QVERIFY2(x >= 0, qPrintable(t.columns.join(u',')));
    QCOMPARE(t.rows.size(), std::size_t(4));
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        QCOMPARE(t.rows[i][0], 1950.0 + double(i));
        QCOMPARE(t.rows[i][std::size_t(x)], 1950.0 + double(i));
    }
    const Outcome started = runMeadows({QStringLiteral("run"), path, QStringLiteral("--start"), QStringLiteral("2001")});
    QCOMPARE(started.code, 0);
    QCOMPARE(meadows::test::parseTable(started.out.toUtf8()).rows.size(), std::size_t(3)); // 2001 to 2003
    QVERIFY2(started.err.contains(QLatin1String("a run option replaces the setting that 'INITIAL TIME' computes")),
             qPrintable(started.err));
    // A clock computed from constants alone is settled before the run, so what needs a fixed
    // clock runs: DELAY MATERIAL (a conveyor) with FINAL TIME = start year + 3, from 1950 to
    // 1953, its output the initial value 5 throughout (a delay of 10).
    const QString belt = dir.filePath(QStringLiteral("belt.mdl"));
    QVERIFY(meadows::testing::writeAll(belt, "{UTF-8}\nstart year = 2000 ~~|\nout = DELAY MATERIAL(1, 10, 5, 0) ~~|\n"
                                             "INITIAL TIME = start year ~ Year ~|\nFINAL TIME = start year + 3 ~ Year ~|\n"
                                             "TIME STEP = 1 ~ Year ~|\nSAVEPER = TIME STEP ~ Year ~|\n"));
    const Outcome conveyed = runMeadows({QStringLiteral("run"), belt, QStringLiteral("--set"), QStringLiteral("start year=1950")});
    QCOMPARE(conveyed.code, 0);
    const meadows::test::Table b = meadows::test::parseTable(conveyed.out.toUtf8());
    const qsizetype out = b.columns.indexOf(QStringLiteral("out"));
    QVERIFY2(out >= 0, qPrintable(conveyed.out + conveyed.err));
    QCOMPARE(b.rows.size(), std::size_t(4));
    QCOMPARE(b.rows.back()[0], 1953.0);
    for (const auto &row : b.rows)
        QCOMPARE(row[std::size_t(out)], 5.0);
}

void TestCli::runToStdoutAndOptions()
{
    const Outcome o = runMeadows({QStringLiteral("run"), kData + QStringLiteral("/test-models/samples/teacup/teacup.xmile"),
                               QStringLiteral("--stop"), QStringLiteral("2"), QStringLiteral("--dt"), QStringLiteral("1"),
                               QStringLiteral("--set"), QStringLiteral("Room Temperature=80"), QStringLiteral("--method"),
                               QStringLiteral("rk4")});
    QCOMPARE(o.code, 0);
    const QStringList lines = o.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].startsWith(QLatin1String("Time,")));
    QVERIFY(lines[0].contains(QLatin1String("Teacup Temperature")));
    const meadows::test::Table t = meadows::test::parseTable(o.out.toUtf8());
    const qsizetype room = t.columns.indexOf(QStringLiteral("room temperature"));
    const qsizetype tea = t.columns.indexOf(QStringLiteral("teacup temperature"));
    QCOMPARE(t.rows[1][room], 80.0);
    // RK4, one step of 1 for T' = -(T - 80)/10 from 180: 80 + 100 * (1 - h/10 + ... ) to 4th order
    const double k = -0.1;
    const double factor = 1 + k + k * k / 2 + k * k * k / 6 + k * k * k * k / 24;
    QVERIFY(std::fabs(t.rows[1][tea] - (80 + 100 * factor)) < 1e-9);
}

void TestCli::timeColumnReadsBackExactly()
{
    // Start 1980, dt 1/8: the second row is 1980.125 exactly, which six significant digits
    // would print as 1980.12. The time column is written like every other: the shortest
    // text that reads back as the same double.
    const Outcome o = runMeadows({QStringLiteral("run"), kData + QStringLiteral("/test-models/samples/teacup/teacup.xmile"),
                                  QStringLiteral("--start"), QStringLiteral("1980"), QStringLiteral("--stop"),
                                  QStringLiteral("1980.25"), QStringLiteral("--dt"), QStringLiteral("0.125")});
    QCOMPARE(o.code, 0);
    const QStringList lines = o.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines[2].startsWith(QLatin1String("1980.125,")), qPrintable(lines[2]));
    QVERIFY2(lines[3].startsWith(QLatin1String("1980.25,")), qPrintable(lines[3]));
}

void TestCli::checkCleanModel()
{
    const Outcome o = runMeadows({QStringLiteral("check"), kData + QStringLiteral("/test-models/samples/SIR/SIR.xmile")});
    QCOMPARE(o.code, 0);
    QVERIFY2(!o.out.contains(QLatin1String("error")), qPrintable(o.out));
}

// A stop time before the start, or a DT of 0: `run` refuses them, so `check` says so too (it
// said nothing), at the <sim_specs> element (line 2, column 1 of this file), and fails.
void TestCli::checkSaysWhatRunWouldRefuse()
{
    QTemporaryDir dir;
    const struct {
        const char *specs;
        const char *message;
    } cases[] = {{"<start>10</start><stop>0</stop><dt>1</dt>", "error: the stop time 0 is before the start time 10"},
                 {"<start>0</start><stop>5</stop><dt>0</dt>", "error: DT must be a positive number (it is 0)"}};
    for (const auto &c : cases) {
        const QString path = dir.filePath(QStringLiteral("specs.xmile"));
        QVERIFY(meadows::testing::writeAll(path, QByteArray("<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
                                                            "<sim_specs>") + c.specs + "</sim_specs><model><variables>"
                                                            "<aux name=\"a\"><eqn>1</eqn></aux></variables></model></xmile>\n"));
        const Outcome o = runMeadows({QStringLiteral("check"), path});
        QCOMPARE(o.code, 1);
        QVERIFY2(o.out.contains(path + QStringLiteral(":2:1: ") + QLatin1String(c.message)), qPrintable(o.out));
    }
}

void TestCli::checkBrokenEquationGivesLineAndColumn()
{
    const QString path = kData + QStringLiteral("/broken/broken_equation.xmile");
    const Outcome o = runMeadows({QStringLiteral("check"), path});
    QCOMPARE(o.code, 1);
    // "10 * (1 + " stops where a value should follow: line 12, column 32, and the
    // unknown name on line 15 is reported too.
    QVERIFY2(o.out.contains(path + QStringLiteral(":12:32: error: in 'arrivals': the equation ends where a value was expected")), qPrintable(o.out));
    QVERIFY2(o.out.contains(path + QStringLiteral(":15:32: error: in 'capacity': unknown name 'rate_per_server'")), qPrintable(o.out));
    // run refuses the same model with the same messages.
    const Outcome r = runMeadows({QStringLiteral("run"), path});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String(":12:32: error:")));
}

// level[INT(TIME / 4) + 1] reads level's 4th of 3 elements at time 12: `run` fails with the
// error at the equation (line 4, after the 24 characters of <aux name="picked"><eqn>) and
// writes no CSV, whose rows up to 11 would pass for a whole run; `check` cannot know it.
void TestCli::runStopsAtAnIndexOutOfRange()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("index.xmile"));
    QVERIFY(meadows::testing::writeAll(path, QByteArray(
        "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
        "<sim_specs><start>0</start><stop>12</stop><dt>1</dt></sim_specs><dimensions><dim name=\"C\" size=\"3\"/></dimensions>\n"
        "<model><variables><aux name=\"level\"><dimensions><dim name=\"C\"/></dimensions><eqn>4, 2, 9</eqn></aux>\n"
        "<aux name=\"picked\"><eqn>level[INT(TIME / 4) + 1]</eqn></aux></variables></model></xmile>\n")));
    const QString csv = dir.filePath(QStringLiteral("out.csv"));
    const Outcome run = runMeadows({QStringLiteral("run"), path, QStringLiteral("-o"), csv});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(path + QStringLiteral(":4:25: error: in 'picked': the subscript of 'level' is 4 at time 12, "
                                                    "outside 'C' (1 to 3)")), qPrintable(run.err));
    QVERIFY(!QFile::exists(csv));
    QCOMPARE(runMeadows({QStringLiteral("check"), path}).code, 0);
}

void TestCli::truncatedFileIsACleanError()
{
    const QString path = kData + QStringLiteral("/broken/truncated.xmile");
    for (const char *cmd : {"check", "run"}) {
        const Outcome o = runMeadows({QLatin1String(cmd), path});
        QCOMPARE(o.code, 1);
        const QString text = o.out + o.err;
        QVERIFY2(text.contains(path + QLatin1Char(':')) && text.contains(QLatin1String("error: the file ends early")), qPrintable(text));
    }
    const Outcome missing = runMeadows({QStringLiteral("check"), kData + QStringLiteral("/no/such/file.xmile")});
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains(QLatin1String("no such file")) || missing.out.contains(QLatin1String("no such file")));
    // A module whose resource is a pipe (it waited for ever for a writer) or /dev/zero (read
    // until memory ran out) is an error at the module, as a model file of either is.
    QTemporaryDir dir;
    QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {dir.filePath(QStringLiteral("fifo.xmile"))}), 0);
    for (const QString &resource : {QStringLiteral("fifo.xmile"), QStringLiteral("/dev/zero")}) {
        const QString model = dir.filePath(QStringLiteral("root.xmile"));
        QFile f(model);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                               "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
                               "<header><vendor>tests</vendor><product version=\"1\">tests</product></header>\n"
                               "<sim_specs method=\"Euler\"><start>0</start><stop>4</stop><dt>1</dt></sim_specs>\n"
                               "<model><variables>\n"
                               "<module name=\"Growth\" resource=\"%1\"/>\n"
                               "</variables></model></xmile>\n").arg(resource).toUtf8());
        f.close();
        const Outcome o = runMeadows({QStringLiteral("check"), model});
        QCOMPARE(o.code, 1);
        QVERIFY2((o.out + o.err).contains(QStringLiteral("error: module 'Growth': its resource '%1': not a file").arg(resource)),
                 qPrintable(o.out + o.err));
    }
}

void TestCli::causalLoopDiagramChecksCleanButDoesNotRun()
{
    const QString path = QStringLiteral(MEADOWS_TEST_DATA "/../../examples/incidents/11-incident-causal-map.xmile");
    const Outcome check = runMeadows({QStringLiteral("check"), path});
    QCOMPARE(check.code, 0);
    QVERIFY2(check.out.contains(QLatin1String("note: a causal-loop diagram")), qPrintable(check.out));
    const Outcome run = runMeadows({QStringLiteral("run"), path});
    QCOMPARE(run.code, 1);
    QVERIFY(run.err.contains(QLatin1String("nothing to simulate")));
}

void TestCli::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("run without model") << QStringList{QStringLiteral("run")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("run"), QStringLiteral("m.xmile"), QStringLiteral("--frobnicate")};
    QTest::newRow("bad method") << QStringList{QStringLiteral("run"), QStringLiteral("m.xmile"), QStringLiteral("--method"), QStringLiteral("leapfrog")};
    QTest::newRow("bad number") << QStringList{QStringLiteral("run"), QStringLiteral("m.xmile"), QStringLiteral("--dt"), QStringLiteral("fast")};
    QTest::newRow("bad set") << QStringList{QStringLiteral("run"), QStringLiteral("m.xmile"), QStringLiteral("--set"), QStringLiteral("x")};
    QTest::newRow("set nan") << QStringList{QStringLiteral("run"), QStringLiteral("m.xmile"), QStringLiteral("--set"), QStringLiteral("x=nan")};
    QTest::newRow("set inf") << QStringList{QStringLiteral("run"), QStringLiteral("m.xmile"), QStringLiteral("--set"), QStringLiteral("x=-inf")};
    QTest::newRow("check two models") << QStringList{QStringLiteral("check"), QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("mistyped command") << QStringList{QStringLiteral("ckeck"), QStringLiteral("m.xmile")};
}

void TestCli::mistypedCommandOrNoDisplayIsToldNotAborted()
{
    const Outcome typo = runMeadows({QStringLiteral("ckeck"), QStringLiteral("m.xmile")});
    QCOMPARE(typo.code, 2);
    QVERIFY2(typo.err.startsWith(QLatin1String("meadows: 'ckeck' is not a command (did you mean 'check'?), nor a model file")),
             qPrintable(typo.err));
    // The editor with no display to draw on: a sentence and exit code 2, not Qt's abort.
    const Outcome editor = runMeadows({kData + QStringLiteral("/test-models/samples/teacup/teacup.xmile")});
    QCOMPARE(editor.code, 2);
    QVERIFY2(editor.err.contains(QLatin1String("there is no display to open the editor on")), qPrintable(editor.err));
}

void TestCli::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    const Outcome o = runMeadows(args);
    QCOMPARE(o.code, 2);
    QVERIFY(o.err.contains(QLatin1String("usage:")));
    // Asking a command for help is no mistake: the usage on standard output, exit 0, for
    // every command alike (check and run had refused --help, each in its own words).
    for (const QString command : {QStringLiteral("check"), QStringLiteral("run"), QStringLiteral("export")}) {
        const Outcome help = runMeadows({command, QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.startsWith(QLatin1String("usage: meadows")) && help.err.isEmpty(), qPrintable(command + help.err));
    }
}

// A run of 150 million steps takes seconds. On a terminal, standard error shows how far
// it has got, and the line is erased at the end; the CSV never sees it, and without a
// terminal nothing is printed at all. `script` gives the run a terminal.
void TestCli::longRunShowsProgressOnlyOnATerminal()
{
    QTemporaryDir dir;
    const QString model = dir.filePath(QStringLiteral("long.xmile"));
    QFile f(model);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
            "<header><vendor>t</vendor></header>\n"
            "<sim_specs method=\"Euler\"><start>0</start><stop>150000000</stop><dt>1</dt>"
            "<save_step>50000000</save_step></sim_specs>\n"
            "<model><variables><stock name=\"s\"><eqn>0</eqn><inflow>f</inflow></stock>"
            "<flow name=\"f\"><eqn>1</eqn></flow></variables></model>\n</xmile>\n");
    f.close();
    const QString csv = dir.filePath(QStringLiteral("long.csv"));
    QProcess terminal;
    terminal.start(QStringLiteral("script"), {QStringLiteral("-qefc"),
                                              QStringLiteral("%1 run %2 -o %3").arg(QStringLiteral(MEADOWS_EXECUTABLE), model, csv),
                                              QStringLiteral("/dev/null")});
    QVERIFY(terminal.waitForFinished(180000));
    QCOMPARE(terminal.exitCode(), 0);
    const QString screen = QString::fromUtf8(terminal.readAllStandardOutput());
    QVERIFY2(QRegularExpression(QStringLiteral("\rmeadows run: [0-9]+% \\(time [0-9.e+]+ of 1\\.5e\\+08\\)")).match(screen).hasMatch(),
             qPrintable(screen.left(500)));
    QVERIFY(screen.endsWith(QStringLiteral("\r\033[K"))); // erased when done
    // The stock fills at 1 a step: s = t at every saved row, and nothing else is in the file.
    QCOMPARE(meadows::testing::readAll(csv), QByteArray("Time,s,f\n0,0,1\n50000000,5e+07,1\n100000000,1e+08,1\n"
                                                     "150000000,1.5e+08,1\n"));
    const Outcome piped = runMeadows({QStringLiteral("run"), model, QStringLiteral("-o"), csv});
    QCOMPARE(piped.code, 0);
    QCOMPARE(piped.err, QString());
}

// Graphviz, FreeXL and libzip (with libcrypto) are opened when a diagram is laid out or a
// spreadsheet read, not at every start (model/lazylibrary.h). The dynamic loader says which
// files it opens when LD_DEBUG=files is set.
void TestCli::librariesForLayoutAndSpreadsheetsLoadOnlyWhenUsed()
{
    const auto loaded = [](const QStringList &args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        env.remove(QStringLiteral("DISPLAY"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MEADOWS_EXECUTABLE), args);
        if (!p.waitForFinished(meadows::test::kCommandWaitMs) || p.exitCode() != 0)
            return QStringLiteral("failed: ") + QString::fromUtf8(p.readAllStandardError().right(2000));
        return QString::fromUtf8(p.readAllStandardError());
    };
    QTemporaryDir dir;
    const QString teacup = kData + QStringLiteral("/test-models/samples/teacup/teacup.xmile");
    const QString ran = loaded({QStringLiteral("run"), teacup, QStringLiteral("-o"), dir.filePath(QStringLiteral("t.csv"))});
    QVERIFY2(ran.contains(QStringLiteral("file=libQt6Core.so.6")), qPrintable(ran.left(2000))); // LD_DEBUG works
    for (const char *library : {"libgvc.so", "libcgraph.so", "libfreexl.so", "libzip.so", "libcrypto.so"})
        QVERIFY2(!ran.contains(QLatin1String(library)), library);

    const QString laid = loaded({QStringLiteral("layout"), teacup, QStringLiteral("-o"), dir.filePath(QStringLiteral("laid.xmile"))});
    QVERIFY2(laid.contains(QStringLiteral("file=libgvc.so")), qPrintable(laid.right(2000)));
    QVERIFY(!laid.contains(QStringLiteral("libfreexl.so")));

    const QString read = loaded({QStringLiteral("run"), kData + QStringLiteral("/spreadsheets/getdata.mdl"),
                                 QStringLiteral("-o"), dir.filePath(QStringLiteral("g.csv"))});
    QVERIFY2(read.contains(QStringLiteral("file=libzip.so")), qPrintable(read.right(2000)));
    QVERIFY(!read.contains(QStringLiteral("libgvc.so")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"

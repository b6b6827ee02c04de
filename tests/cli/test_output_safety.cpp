// Nothing the user made is lost, and no write fails silently: every output path of the
// command line (run, loops, export) refuses to overwrite its input, writes devices and
// FIFOs in place, follows symlinks, keeps permissions, and reports a failed write.
#include "support/meadowsprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using meadows::test::Outcome;
using meadows::test::runMeadows;

namespace {
const QString kTeacupSource = QStringLiteral(MEADOWS_TEST_DATA) + QStringLiteral("/test-models/samples/teacup/teacup.xmile");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A private copy of the teacup model: the tests try to destroy it.
QString copyTeacup(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("teacup.xmile"));
    QFile::copy(kTeacupSource, path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

mode_t modeOf(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode : 0;
}
} // namespace

class TestOutputSafety : public QObject {
    Q_OBJECT
private slots:
    void outputOntoTheModelIsRefused_data();
    void outputOntoTheModelIsRefused();
    void deviceIsWrittenNotReplaced();
    void fifoIsWrittenNotReplaced();
    void symlinkIsFollowed();
    void permissionsAreKeptAndNewFilesFollowTheUmask();
    void failedWriteIsAnError_data();
    void failedWriteIsAnError();
    void failedPostmortemLeavesNothingNew();
    void spreadsheetsTheModelReadsAreInputs_data();
    void spreadsheetsTheModelReadsAreInputs();
};

void TestOutputSafety::outputOntoTheModelIsRefused_data()
{
    QTest::addColumn<QStringList>("args"); // MODEL stands for the model, LINK for a symlink to it, DATA a .dat file
    QTest::newRow("run -o model") << QStringList{"run", "MODEL", "-o", "MODEL"};
    QTest::newRow("run -o link to model") << QStringList{"run", "MODEL", "-o", "LINK"};
    QTest::newRow("export mermaid") << QStringList{"export", "MODEL", "--format", "mermaid", "-o", "MODEL"};
    QTest::newRow("export dot via link") << QStringList{"export", "MODEL", "--format", "dot", "-o", "LINK"};
    QTest::newRow("export svg") << QStringList{"export", "MODEL", "--format", "svg", "-o", "MODEL"};
    QTest::newRow("export md") << QStringList{"export", "MODEL", "--format", "md", "-o", "MODEL"};
    QTest::newRow("run -o its data file") << QStringList{"run", "MODEL", "--data", "DATA", "-o", "DATA"};
    QTest::newRow("export onto the baseline")
        << QStringList{"export", "MODEL", "--format", "md", "--baseline", "LINK", "-o", "LINK"};
}

void TestOutputSafety::outputOntoTheModelIsRefused()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const QString model = copyTeacup(dir);
    const QString link = dir.filePath(QStringLiteral("link.xmile"));
    QVERIFY(QFile::link(model, link));
    const QString data = dir.filePath(QStringLiteral("data.dat"));
    QFile dat(data);
    QVERIFY(dat.open(QIODevice::WriteOnly) && dat.write("level\n0\t1\n") > 0);
    dat.close();
    const QByteArray before = readAll(model);
    args.replaceInStrings(QStringLiteral("MODEL"), model);
    args.replaceInStrings(QStringLiteral("LINK"), link);
    args.replaceInStrings(QStringLiteral("DATA"), data);
    const Outcome o = runMeadows(args);
    QCOMPARE(o.code, 2);
    QVERIFY2(o.err.contains(QStringLiteral("is the input file")), qPrintable(o.err));
    QCOMPARE(readAll(model), before);
    QCOMPARE(readAll(data), QByteArray("level\n0\t1\n"));
    QVERIFY(QFileInfo(link).isSymLink());
}

void TestOutputSafety::deviceIsWrittenNotReplaced()
{
    // /dev/null stays a character device: a rename over it (as root) would replace it.
    const mode_t before = modeOf(QStringLiteral("/dev/null"));
    QVERIFY(S_ISCHR(before));
    const Outcome o = runMeadows({QStringLiteral("run"), kTeacupSource, QStringLiteral("-o"), QStringLiteral("/dev/null")});
    QCOMPARE(o.code, 0);
    QCOMPARE(modeOf(QStringLiteral("/dev/null")), before);
}

void TestOutputSafety::fifoIsWrittenNotReplaced()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe.csv"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QByteArray received;
    std::thread reader([&] {
        QFile f(fifo);
        if (f.open(QIODevice::ReadOnly))
            received = f.readAll();
    });
    const Outcome o = runMeadows({QStringLiteral("run"), kTeacupSource, QStringLiteral("-o"), fifo});
    reader.join();
    QCOMPARE(o.code, 0);
    QVERIFY(S_ISFIFO(modeOf(fifo)));
    // The CSV came through the pipe: header, then 241 rows (0 to 30 by 0.125).
    QVERIFY(received.startsWith("Time,"));
    QCOMPARE(received.count('\n'), 242);
}

void TestOutputSafety::symlinkIsFollowed()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("results.csv"));
    const QString link = dir.filePath(QStringLiteral("latest.csv"));
    QFile old(target);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old\n");
    old.close();
    QVERIFY(QFile::link(target, link));
    const Outcome o = runMeadows({QStringLiteral("run"), kTeacupSource, QStringLiteral("-o"), link});
    QCOMPARE(o.code, 0);
    QVERIFY(QFileInfo(link).isSymLink());
    QVERIFY(readAll(target).startsWith("Time,"));
}

void TestOutputSafety::permissionsAreKeptAndNewFilesFollowTheUmask()
{
    QTemporaryDir dir;
    const QString existing = dir.filePath(QStringLiteral("private.csv"));
    QFile f(existing);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QVERIFY(::chmod(QFile::encodeName(existing).constData(), 0600) == 0);
    QCOMPARE(runMeadows({QStringLiteral("run"), kTeacupSource, QStringLiteral("-o"), existing}).code, 0);
    QCOMPARE(modeOf(existing) & 07777, mode_t(0600));

    // A new file gets 0666 & ~umask: 0640 under umask 027 (the child inherits the umask).
    const mode_t saved = ::umask(027);
    const QString fresh = dir.filePath(QStringLiteral("new.csv"));
    const Outcome o = runMeadows({QStringLiteral("run"), kTeacupSource, QStringLiteral("-o"), fresh});
    ::umask(saved);
    QCOMPARE(o.code, 0);
    QCOMPARE(modeOf(fresh) & 07777, mode_t(0640));
}

void TestOutputSafety::failedWriteIsAnError_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("toStandardOutput"); // else -o /dev/full is appended
    const QString m = kTeacupSource;
    for (bool toStdout : {true, false}) {
        const char *where = toStdout ? "stdout" : "-o";
        QTest::addRow("run %s", where) << QStringList{"run", m} << toStdout;
        QTest::addRow("loops %s", where) << QStringList{"loops", m} << toStdout;
        QTest::addRow("loops --json %s", where) << QStringList{"loops", m, "--json"} << toStdout;
        QTest::addRow("loops --dominance %s", where) << QStringList{"loops", m, "--dominance"} << toStdout;
        QTest::addRow("export mermaid %s", where) << QStringList{"export", m, "--format", "mermaid"} << toStdout;
        QTest::addRow("export dot %s", where) << QStringList{"export", m, "--format", "dot"} << toStdout;
    }
}

void TestOutputSafety::failedWriteIsAnError()
{
    QFETCH(QStringList, args);
    QFETCH(bool, toStandardOutput);
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("this system has no /dev/full");
    if (!toStandardOutput && args.first() == QLatin1String("loops"))
        return; // loops has no -o: it writes standard output only
    if (!toStandardOutput)
        args << QStringLiteral("-o") << QStringLiteral("/dev/full");
    const Outcome o = runMeadows(args, toStandardOutput ? QStringLiteral("/dev/full") : QString());
    QCOMPARE(o.code, 1);
    const QString expected = toStandardOutput ? QStringLiteral("error: cannot write standard output: No space left on device")
                                              : QStringLiteral("error: cannot write /dev/full: No space left on device");
    QVERIFY2(o.err.contains(expected), qPrintable(o.err));
}

void TestOutputSafety::failedPostmortemLeavesNothingNew()
{
    // The page's behaviour picture cannot be written (a directory stands in its place): neither
    // the page nor its diagram may appear, and an old page stays as it was.
    QTemporaryDir dir;
    const QString page = dir.filePath(QStringLiteral("report.md"));
    QFile old(page);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old page\n");
    old.close();
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("report-behaviour.svg")));
    const Outcome o = runMeadows({QStringLiteral("export"), kTeacupSource, QStringLiteral("--format"), QStringLiteral("md"),
                                  QStringLiteral("-o"), page});
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("report-behaviour.svg")), qPrintable(o.err));
    QCOMPARE(readAll(page), QByteArray("old page\n"));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("report-diagram.svg"))));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temporaries left
}

// A workbook or text file the model's GET functions read is an input too: writing the results
// over it would destroy the data the model came with (model/inputfiles.h).
void TestOutputSafety::spreadsheetsTheModelReadsAreInputs_data()
{
    QTest::addColumn<QStringList>("args"); // MODEL: the model; the data files keep their names
    QTest::newRow("run -o the workbook") << QStringList{"run", "MODEL", "-o", "numbers.xlsx"};
    QTest::newRow("run -o a csv it reads") << QStringList{"run", "MODEL", "-o", "numbers.csv"};
    QTest::newRow("export -o the workbook") << QStringList{"export", "MODEL", "--format", "md", "-o", "numbers.xlsx"};
    QTest::newRow("layout -o the workbook") << QStringList{"layout", "MODEL", "-o", "numbers.xlsx"};
}

void TestOutputSafety::spreadsheetsTheModelReadsAreInputs()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const QString from = QStringLiteral(MEADOWS_TEST_DATA) + QStringLiteral("/spreadsheets/");
    for (const char *name : {"numbers.xlsx", "numbers.csv"})
        QVERIFY(QFile::copy(from + QLatin1String(name), dir.filePath(QLatin1String(name))));
    const QString model = dir.filePath(QStringLiteral("reads.mdl"));
    QFile f(model);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{UTF-8}\nscalar = GET XLS CONSTANTS('numbers.xlsx', 'params', 'C9') ~~|\n"
            "csv quoted = GET DIRECT CONSTANTS('numbers.csv', ',', 'B3') ~~|\n"
            "INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n");
    f.close();
    const Outcome checked = runMeadows({QStringLiteral("check"), model});
    QVERIFY2(checked.code == 0, qPrintable(checked.out + checked.err)); // the model reads both files
    const QString target = dir.filePath(args.last());
    const QByteArray before = readAll(target);
    args.replaceInStrings(QStringLiteral("MODEL"), model);
    args.last() = target;
    const Outcome o = runMeadows(args);
    QCOMPARE(o.code, 2);
    QVERIFY2(o.err.contains(QStringLiteral("refusing to overwrite it")), qPrintable(o.err));
    QCOMPARE(readAll(target), before);
}

QTEST_GUILESS_MAIN(TestOutputSafety)
#include "test_output_safety.moc"

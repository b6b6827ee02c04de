// `meadows loops` as a script sees it: the exact output formats and exit codes.
#include "support/meadowsprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kLoops = QStringLiteral(MEADOWS_TEST_DATA "/loops/");

using meadows::test::Outcome;

Outcome loops(const QStringList &args)
{
    return meadows::test::runMeadows(QStringList{QStringLiteral("loops")} + args);
}

} // namespace

class TestLoopsCli : public QObject {
    Q_OBJECT
private slots:
    void tableListsNamePolarityLengthVariables();
    void tableExplainsUnknownPolarities();
    void jsonFormat();
    void summaryLine();
    void summaryCountsUnknownOnlyWhenThere();
    void maxLoopsMakesItIncomplete();
    void maxLoopsKeepsTheShortest();
    void dominanceCsv();
    void dominancePeriods();
    void tooManyLoopsAreDiscoveredByStrongestPath();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void modelErrorsExitOne_data();
    void modelErrorsExitOne();
    void mermaidFlowchartsAreReadToo();
};

void TestLoopsCli::tableListsNamePolarityLengthVariables()
{
    const Outcome o = loops({kLoops + QStringLiteral("incident_cld.xmile")});
    QCOMPARE(o.code, 0);
    const QStringList lines = o.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    const QRegularExpression columns(QStringLiteral("\\s{2,}"));
    QCOMPARE(lines[0].split(columns), (QStringList{QStringLiteral("name"), QStringLiteral("polarity"),
                                                   QStringLiteral("length"), QStringLiteral("variables")}));
    QCOMPARE(lines[1].split(columns), (QStringList{QStringLiteral("B1"), QStringLiteral("balancing"), QStringLiteral("3"),
                                                   QStringLiteral("CPU Utilization -> Desired Pods -> Pods")}));
    QCOMPARE(lines[2].split(columns), (QStringList{QStringLiteral("R1"), QStringLiteral("reinforcing"), QStringLiteral("4"),
                                                   QStringLiteral("Latency -> Timeouts -> Retries -> Load")}));
    QVERIFY(lines[3].startsWith(QLatin1String("B2  ")));
    // Columns line up.
    QCOMPARE(lines[1].indexOf(QLatin1String("balancing")), lines[0].indexOf(QLatin1String("polarity")));
    QCOMPARE(lines[2].indexOf(QLatin1String("4 ")), lines[0].indexOf(QLatin1String("length")));
}

void TestLoopsCli::tableExplainsUnknownPolarities()
{
    const Outcome o = loops({kLoops + QStringLiteral("unmarked_cld.xmile")});
    QCOMPARE(o.code, 0);
    QVERIFY(o.out.contains(QLatin1String("U1  ")));
    QVERIFY(o.out.contains(QLatin1String("Fatigue -> Workload: the connector from 'Fatigue' to 'Workload' has no polarity mark")));
}

void TestLoopsCli::jsonFormat()
{
    const Outcome o = loops({kLoops + QStringLiteral("incident_cld.xmile"), QStringLiteral("--json")});
    QCOMPARE(o.code, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(o.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QCOMPARE(root.keys(), (QStringList{QStringLiteral("complete"), QStringLiteral("loops")}));
    // Written in the order: the loops first, then whether the list is complete.
    QVERIFY(o.out.startsWith(QLatin1String("{\"loops\": [")));
    QVERIFY(o.out.trimmed().endsWith(QLatin1String("], \"complete\": true}")));
    QCOMPARE(root.value(QStringLiteral("complete")), QJsonValue(true));
    const QJsonArray list = root.value(QStringLiteral("loops")).toArray();
    QCOMPARE(list.size(), 3);
    const QJsonObject r1 = list[1].toObject();
    QCOMPARE(r1.keys(), (QStringList{QStringLiteral("name"), QStringLiteral("polarity"), QStringLiteral("variables")}));
    QCOMPARE(r1.value(QStringLiteral("name")).toString(), QStringLiteral("R1"));
    QCOMPARE(r1.value(QStringLiteral("polarity")).toString(), QStringLiteral("reinforcing"));
    QCOMPARE(r1.value(QStringLiteral("variables")).toArray(),
             QJsonArray({QStringLiteral("Latency"), QStringLiteral("Timeouts"), QStringLiteral("Retries"), QStringLiteral("Load")}));
    QCOMPARE(list[2].toObject().value(QStringLiteral("polarity")).toString(), QStringLiteral("balancing"));
    const Outcome unknown = loops({kLoops + QStringLiteral("unmarked_cld.xmile"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(unknown.out.toUtf8())[QStringLiteral("loops")][0][QStringLiteral("polarity")].toString(),
             QStringLiteral("unknown"));
}

void TestLoopsCli::summaryLine()
{
    const Outcome o = loops({kLoops + QStringLiteral("incident_cld.xmile"), QStringLiteral("--summary")});
    QCOMPARE(o.code, 0);
    QCOMPARE(o.out, QStringLiteral("loops 3 reinforcing 1 balancing 2\n"));
    QCOMPARE(o.err, QString());
}

void TestLoopsCli::summaryCountsUnknownOnlyWhenThere()
{
    const Outcome o = loops({kLoops + QStringLiteral("unmarked_cld.xmile"), QStringLiteral("--summary")});
    QCOMPARE(o.code, 0);
    QCOMPARE(o.out, QStringLiteral("loops 1 reinforcing 0 balancing 0 unknown 1\n"));
}

void TestLoopsCli::maxLoopsMakesItIncomplete()
{
    const Outcome o = loops({kLoops + QStringLiteral("incident_cld.xmile"), QStringLiteral("--json"),
                               QStringLiteral("--max-loops"), QStringLiteral("2")});
    QCOMPARE(o.code, 0);
    const QJsonObject root = QJsonDocument::fromJson(o.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("complete")), QJsonValue(false));
    QCOMPARE(root.value(QStringLiteral("loops")).toArray().size(), 2);
    QVERIFY(o.err.contains(QLatin1String("incomplete")));
    const Outcome enough = loops({kLoops + QStringLiteral("incident_cld.xmile"), QStringLiteral("--summary"),
                                    QStringLiteral("--max-loops"), QStringLiteral("3")});
    QCOMPARE(enough.out, QStringLiteral("loops 3 reinforcing 1 balancing 2\n"));
    QCOMPARE(enough.err, QString());
}

// Three loops: a -> b -> c -> d (4 long), a -> e and b -> c (2 long each). A search in
// name order meets a -> b -> c -> d first; the cap of 2 must keep the two short ones.
void TestLoopsCli::maxLoopsKeepsTheShortest()
{
    QTemporaryDir dir;
    const QString model = dir.filePath(QStringLiteral("three.mmd"));
    QFile f(model);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("flowchart LR\n  a -- \"+\" --> b -- \"+\" --> c -- \"+\" --> d -- \"+\" --> a\n"
            "  a -- \"+\" --> e -- \"+\" --> a\n  c -- \"+\" --> b\n");
    f.close();
    const Outcome all = loops({model, QStringLiteral("--summary")});
    QCOMPARE(all.out, QStringLiteral("loops 3 reinforcing 3 balancing 0\n"));
    const Outcome o = loops({model, QStringLiteral("--max-loops"), QStringLiteral("2")});
    QCOMPARE(o.code, 0);
    const QStringList lines = o.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QRegularExpression columns(QStringLiteral("\\s{2,}"));
    QCOMPARE(lines[1].split(columns), (QStringList{QStringLiteral("R1"), QStringLiteral("reinforcing"), QStringLiteral("2"),
                                                   QStringLiteral("a -> e")}));
    QCOMPARE(lines[2].split(columns), (QStringList{QStringLiteral("R2"), QStringLiteral("reinforcing"), QStringLiteral("2"),
                                                   QStringLiteral("b -> c")}));
    QCOMPARE(o.err, model + QStringLiteral(": warning: stopped after 2 loops (--max-loops); the list is incomplete\n"));
}

void TestLoopsCli::dominanceCsv()
{
    const Outcome o = loops({kLoops + QStringLiteral("births_deaths.xmile"), QStringLiteral("--dominance")});
    QCOMPARE(o.code, 0);
    const QStringList lines = o.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 12); // header, then times 0..10
    QCOMPARE(lines[0], QStringLiteral("Time,R1,B1"));
    QCOMPARE(lines[1], QStringLiteral("0,0,0")); // the initial time has no score, as in Stella
    QCOMPARE(lines[2], QStringLiteral("1,0.666667,-0.333333"));
    QCOMPARE(lines[11], QStringLiteral("10,0.666667,-0.333333"));
}

// births = 0.1 P, deaths = 0.05 P: R1 has 2/3 of the scores at every step and P grows
// steadily (never still, never settled), so R1 is in charge for the whole run.
void TestLoopsCli::dominancePeriods()
{
    const Outcome o = loops({kLoops + QStringLiteral("births_deaths.xmile"), QStringLiteral("--dominance"), QStringLiteral("--periods")});
    QCOMPARE(o.code, 0);
    QCOMPARE(o.out, QStringLiteral("R1 0–10\n"));
    QCOMPARE(o.err, QString());
}

// competition4.xmile (bench/make_competition.py 4) has 24 loops: above --max-loops the
// loops are found by strongest-path discovery instead, and stderr says so.
void TestLoopsCli::tooManyLoopsAreDiscoveredByStrongestPath()
{
    const Outcome o = loops({kLoops + QStringLiteral("competition4.xmile"), QStringLiteral("--dominance"),
                               QStringLiteral("--max-loops"), QStringLiteral("5")});
    QCOMPARE(o.code, 0);
    QVERIFY2(o.err.contains(QLatin1String("note: more than 5 loops (--max-loops): finding the loops that matter by "
                                          "strongest-path discovery (Eberlein & Schoenberg 2020)")), qPrintable(o.err));
    QVERIFY(o.err.contains(QLatin1String("note: strongest-path discovery found ")));
    const QStringList lines = o.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 52); // header, then times 0..50
    QVERIFY(lines[0].startsWith(QLatin1String("Time,")));
    // Without the cap it lists every loop and says nothing.
    const Outcome all = loops({kLoops + QStringLiteral("competition4.xmile"), QStringLiteral("--summary")});
    QCOMPARE(all.out.section(u' ', 1, 1), QStringLiteral("24"));
    QCOMPARE(all.err, QString());
}

void TestLoopsCli::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    const QString model = kLoops + QStringLiteral("incident_cld.xmile");
    QTest::newRow("no model") << QStringList{};
    QTest::newRow("two models") << QStringList{model, model};
    QTest::newRow("unknown option") << QStringList{model, QStringLiteral("--frobnicate")};
    QTest::newRow("max-loops not a number") << QStringList{model, QStringLiteral("--max-loops"), QStringLiteral("many")};
    QTest::newRow("max-loops zero") << QStringList{model, QStringLiteral("--max-loops"), QStringLiteral("0")};
    QTest::newRow("two formats") << QStringList{model, QStringLiteral("--json"), QStringLiteral("--summary")};
    QTest::newRow("periods without dominance") << QStringList{model, QStringLiteral("--periods")};
}

void TestLoopsCli::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    const Outcome o = loops(args);
    QCOMPARE(o.code, 2);
    QVERIFY(o.err.contains(QLatin1String("usage:")));
    QCOMPARE(o.out, QString());
}

void TestLoopsCli::modelErrorsExitOne_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QStringList{kLoops + QStringLiteral("nothing-here.xmile")} << "no such file";
    QTest::newRow("broken equation") << QStringList{QStringLiteral(MEADOWS_TEST_DATA "/broken/broken_equation.xmile")}
                                     << "arrivals";
    QTest::newRow("truncated file") << QStringList{QStringLiteral(MEADOWS_TEST_DATA "/broken/truncated.xmile")} << "error";
    QTest::newRow("diagram cannot run") << QStringList{kLoops + QStringLiteral("incident_cld.xmile"), QStringLiteral("--dominance")}
                                        << "cannot run";
    QTest::newRow("not a model") << QStringList{QStringLiteral(MEADOWS_TEST_DATA "/../../README.md")}
                                 << "README.md:1:1: error: not an XMILE model";
}

void TestLoopsCli::mermaidFlowchartsAreReadToo()
{
    // The editor opens .mmd files as causal-loop diagrams; the command line reads them the same way.
    const Outcome o = loops({QStringLiteral(MEADOWS_TEST_DATA "/../../examples/mermaid/retry-storm.mmd"),
                                  QStringLiteral("--summary")});
    QCOMPARE(o.code, 0);
    QCOMPARE(o.out, QStringLiteral("loops 3 reinforcing 1 balancing 2\n"));
}

void TestLoopsCli::modelErrorsExitOne()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Outcome o = loops(args);
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(message), qPrintable(o.err));
}

QTEST_GUILESS_MAIN(TestLoopsCli)
#include "test_loops_cli.moc"

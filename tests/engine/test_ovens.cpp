// Stella's ovens (issue 12): a batch stock that fills for its fill time (or until it holds
// its capacity, its inflow cut to its inflow limit), cooks for its cook time with its door
// shut, releases its whole content through its outflow in one DT, stays shut and empty
// for its clean time, and opens again (solver/oven.h, docs/conveyors.md). Every expected
// value is worked by hand in the comment beside it; a row at time t shows the stocks at
// t and the flows over the DT from t.
#include "support/inlinemodel.h"

#include "model/xmilewriter.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

namespace {

// An oven stock; `options` goes inside <oven>.
QString oven(const QString &name, const QString &init, const QString &in, const QString &out, const QString &options)
{
    QString s = QStringLiteral("<stock name=\"%1\"><eqn>%2</eqn>").arg(name, init);
    for (const QString &f : in.split(u',', Qt::SkipEmptyParts))
        s += QStringLiteral("<inflow>%1</inflow>").arg(f);
    for (const QString &f : out.split(u',', Qt::SkipEmptyParts))
        s += QStringLiteral("<outflow>%1</outflow>").arg(f);
    return s + QStringLiteral("<oven>%1</oven></stock>").arg(options);
}

// raw --load--> batch (the oven) --unload--> done; `load` and the oven's options given.
QString line(const QString &load, const QString &options, const QString &rawInit = QStringLiteral("100"))
{
    return stock(QStringLiteral("raw"), rawInit, {}, QStringLiteral("load")) + flow(QStringLiteral("load"), load)
           + oven(QStringLiteral("batch"), QStringLiteral("0"), QStringLiteral("load"), QStringLiteral("unload"), options)
           + QStringLiteral("<flow name=\"unload\"/>") + stock(QStringLiteral("done"), QStringLiteral("0"), QStringLiteral("unload"));
}

QString series(const InlineRun &r, const QString &name, double from, double to, double dt)
{
    QStringList v;
    for (double t = from; t <= to + 1e-9; t += dt)
        v << QString::number(r.at(name, t), 'g', 12);
    return v.join(u' ');
}

QStringList warningsOf(const QByteArray &text)
{
    QStringList out;
    for (const Diagnostic &d : readXmile(text, QStringLiteral("o.xmile")).diagnostics)
        out << d.format();
    const InlineRun r = simulateText(text);
    for (const Diagnostic &d : r.compiled.diagnostics)
        out << d.format();
    out.removeDuplicates(); // the run may repeat what the reader said
    return out;
}

#define RUN_CLEAN(result) QVERIFY2((result).run.results, qPrintable((result).firstError()))

} // namespace

class TestOvens : public QObject {
    Q_OBJECT
private slots:
    void fillsCooksAndReleases();
    void timesRoundToWholeSteps();
    void capacityClosesTheOven();
    void inflowLimit();
    void cleanTimeKeepsTheOvenShut();
    void queueFeedsTheOven();
    void arrayedOvens();
    void optionsAsAttributesWithAPrefix();
    void problemsAreSaid();
    void savedOvenRunsTheSame();
};

// Inflow 10, fill time 3, cook time 2, DT 1. The oven fills over [0, 3): 10, 20, 30; shut,
// it cooks over [3, 5) (load cut to 0); over [5, 6) it releases all 30 (unload = 30 per
// time unit); at 6 it is empty and opens again: the cycle repeats every 3 + 2 + 1 = 6.
void TestOvens::fillsCooksAndReleases()
{
    const InlineRun r = simulateText(xmile(line(QStringLiteral("10"), QStringLiteral("<fill_time>3</fill_time><cook_time>2</cook_time>")),
                                           specs(0, 13, 1)));
    RUN_CLEAN(r);
    QCOMPARE(series(r, QStringLiteral("batch"), 0, 13, 1), QStringLiteral("0 10 20 30 30 30 0 10 20 30 30 30 0 10"));
    QCOMPARE(series(r, QStringLiteral("load"), 0, 13, 1), QStringLiteral("10 10 10 0 0 0 10 10 10 0 0 0 10 10"));
    QCOMPARE(series(r, QStringLiteral("unload"), 0, 13, 1), QStringLiteral("0 0 0 0 0 30 0 0 0 0 0 30 0 0"));
    QCOMPARE(series(r, QStringLiteral("done"), 0, 13, 1), QStringLiteral("0 0 0 0 0 0 30 30 30 30 30 30 60 60"));
    // Nothing is made or lost: raw + batch + done stays 100.
    for (int t = 0; t <= 13; ++t)
        QCOMPARE(r.at(QStringLiteral("raw"), t) + r.at(QStringLiteral("batch"), t) + r.at(QStringLiteral("done"), t), 100.0);
}

// DT 0.5: fill time 1.2 is round(2.4) = 2 DTs, cook time 0.9 round(1.8) = 2 DTs. Inflow 4
// per time unit brings 2 a DT: 4 at 1.0; it cooks over [1, 2) and releases 4 over
// [2, 2.5), which is 4 / 0.5 = 8 per time unit; empty at 2.5, it fills again.
void TestOvens::timesRoundToWholeSteps()
{
    const InlineRun r = simulateText(xmile(line(QStringLiteral("4"), QStringLiteral("<fill_time>1.2</fill_time><cook_time>0.9</cook_time>")),
                                           specs(0, 3.5, 0.5)));
    RUN_CLEAN(r);
    QCOMPARE(series(r, QStringLiteral("batch"), 0, 3.5, 0.5), QStringLiteral("0 2 4 4 4 0 2 4"));
    QCOMPARE(series(r, QStringLiteral("unload"), 0, 3.5, 0.5), QStringLiteral("0 0 0 0 8 0 0 0"));
    QCOMPARE(r.at(QStringLiteral("done"), 3.5), 4.0);
}

// Capacity 25, no fill time, cook time 1, inflow 10: 10, 20, then only the 5 that fits
// (load = 5 over [2, 3)); full at 3, it cooks over [3, 4), releases 25 over [4, 5) and
// opens at 5. With a fill time of 10 as well, the capacity closes it first all the same.
void TestOvens::capacityClosesTheOven()
{
    for (const QString &fill : {QString(), QStringLiteral("<fill_time>10</fill_time>")}) {
        const InlineRun r = simulateText(xmile(line(QStringLiteral("10"), fill + QStringLiteral("<capacity>25</capacity><cook_time>1</cook_time>")),
                                               specs(0, 6, 1)));
        RUN_CLEAN(r);
        QCOMPARE(series(r, QStringLiteral("load"), 0, 6, 1), QStringLiteral("10 10 5 0 0 10 10"));
        QCOMPARE(series(r, QStringLiteral("batch"), 0, 6, 1), QStringLiteral("0 10 20 25 25 0 10"));
        QCOMPARE(series(r, QStringLiteral("unload"), 0, 6, 1), QStringLiteral("0 0 0 0 25 0 0"));
        // Upstream lost only what the oven took: 10 + 10 + 5 + 0 + 0 + 10 = 35 by 6.
        QCOMPARE(r.at(QStringLiteral("raw"), 6), 100.0 - 35.0);
    }
}

// An inflow limit of 4 per time unit lets 4 of the 10 in: 4, 8 at the end of the fill time
// of 2; cooked over [2, 3), the 8 leave over [3, 4).
void TestOvens::inflowLimit()
{
    const InlineRun r = simulateText(xmile(line(QStringLiteral("10"), QStringLiteral("<fill_time>2</fill_time><cook_time>1</cook_time>"
                                                                                    "<in_limit>4</in_limit>")),
                                           specs(0, 5, 1)));
    RUN_CLEAN(r);
    QCOMPARE(series(r, QStringLiteral("load"), 0, 5, 1), QStringLiteral("4 4 0 0 4 4"));
    QCOMPARE(series(r, QStringLiteral("unload"), 0, 5, 1), QStringLiteral("0 0 0 8 0 0"));
}

// Fill 1, cook 1, clean 2: in over [0, 1), cooked over [1, 2), released over [2, 3), shut
// and empty over [3, 5), open again at 5.
void TestOvens::cleanTimeKeepsTheOvenShut()
{
    const InlineRun r = simulateText(xmile(line(QStringLiteral("10"), QStringLiteral("<fill_time>1</fill_time><cook_time>1</cook_time>"
                                                                                    "<clean_time>2</clean_time>")),
                                           specs(0, 7, 1)));
    RUN_CLEAN(r);
    QCOMPARE(series(r, QStringLiteral("load"), 0, 7, 1), QStringLiteral("10 0 0 0 0 10 0 0"));
    QCOMPARE(series(r, QStringLiteral("unload"), 0, 7, 1), QStringLiteral("0 0 10 0 0 0 0 10"));
}

// A queue (arrivals 10 a DT) drains into an oven of capacity 15, cook time 1. The queue's
// outflow asks for all it holds; the oven takes what fits, and the rest waits in the queue.
//   t  waiting  batch  load (what the oven took)
//   0     0       0     0
//   1    10       0    10
//   2    10      10     5   (room 5)
//   3    15      15     0   full: cooks over [3, 4)
//   4    25      15     0   releases 15 over [4, 5)
//   5    35       0    15   open: takes 15 of the 35
//   6    30      15     0
// and at every t, waiting + batch + done = 10 t (all that arrived).
void TestOvens::queueFeedsTheOven()
{
    const QString vars = QStringLiteral("<stock name=\"waiting\"><eqn>0</eqn><inflow>arrive</inflow><outflow>load</outflow><queue/></stock>")
                         + flow(QStringLiteral("arrive"), QStringLiteral("10")) + QStringLiteral("<flow name=\"load\"/>")
                         + oven(QStringLiteral("batch"), QStringLiteral("0"), QStringLiteral("load"), QStringLiteral("unload"),
                                QStringLiteral("<capacity>15</capacity><cook_time>1</cook_time>"))
                         + QStringLiteral("<flow name=\"unload\"/>") + stock(QStringLiteral("done"), QStringLiteral("0"), QStringLiteral("unload"));
    const InlineRun r = simulateText(xmile(vars, specs(0, 6, 1)));
    RUN_CLEAN(r);
    QCOMPARE(series(r, QStringLiteral("waiting"), 0, 6, 1), QStringLiteral("0 10 10 15 25 35 30"));
    QCOMPARE(series(r, QStringLiteral("batch"), 0, 6, 1), QStringLiteral("0 0 10 15 15 0 15"));
    QCOMPARE(series(r, QStringLiteral("load"), 0, 6, 1), QStringLiteral("0 10 5 0 0 15 0"));
    for (int t = 0; t <= 6; ++t)
        QCOMPARE(r.at(QStringLiteral("waiting"), t) + r.at(QStringLiteral("batch"), t) + r.at(QStringLiteral("done"), t), 10.0 * t);
}

// One oven per element: line a fills at 10, line b at 20, each for 2 DTs with a cook time
// of 1: 20 and 40 at 2, released over [3, 4).
void TestOvens::arrayedOvens()
{
    const QString dims = QStringLiteral("<dimensions><dim name=\"Line\"><elem name=\"a\"/><elem name=\"b\"/></dim></dimensions>");
    const QString d = QStringLiteral("<dimensions><dim name=\"Line\"/></dimensions>");
    const QString vars =
        QStringLiteral("<flow name=\"load\">%1<element subscript=\"a\"><eqn>10</eqn></element><element subscript=\"b\"><eqn>20</eqn></element></flow>").arg(d)
        + QStringLiteral("<stock name=\"batch\">%1<eqn>0</eqn><inflow>load</inflow><outflow>unload</outflow>"
                         "<oven><fill_time>2</fill_time><cook_time>1</cook_time></oven></stock>").arg(d)
        + QStringLiteral("<flow name=\"unload\">%1</flow>").arg(d);
    const InlineRun r = simulateText(xmile(vars, specs(0, 4, 1), QStringLiteral("Euler"), dims));
    RUN_CLEAN(r);
    QCOMPARE(series(r, QStringLiteral("batch[a]"), 0, 4, 1), QStringLiteral("0 10 20 20 0"));
    QCOMPARE(series(r, QStringLiteral("batch[b]"), 0, 4, 1), QStringLiteral("0 20 40 40 0"));
    QCOMPARE(series(r, QStringLiteral("unload[b]"), 0, 4, 1), QStringLiteral("0 0 0 40 0"));
}

// The options may be attributes, and the element may carry a vendor prefix: the same oven
// as fillsCooksAndReleases.
void TestOvens::optionsAsAttributesWithAPrefix()
{
    QByteArray text = xmile(line(QStringLiteral("10"), {}), specs(0, 6, 1));
    text.replace("<oven></oven>", "<isee:oven fill_time=\"3\" cook_time=\"2\"/>");
    text.replace("<xmile version=\"1.0\"", "<xmile version=\"1.0\" xmlns:isee=\"http://iseesystems.com/XMILE\"");
    const InlineRun r = simulateText(text);
    RUN_CLEAN(r);
    QCOMPARE(series(r, QStringLiteral("unload"), 0, 6, 1), QStringLiteral("0 0 0 0 0 30 0"));
    QVERIFY2(warningsOf(text).isEmpty(), qPrintable(warningsOf(text).join(u'\n')));
}

void TestOvens::problemsAreSaid()
{
    // An option Meadows does not implement: a warning at its '<'.
    const QByteArray arrest = xmile(line(QStringLiteral("10"), QStringLiteral("<fill_time>3</fill_time><cook_time>2</cook_time>\n<arrest>0</arrest>")));
    const QStringList w = warningsOf(arrest);
    QVERIFY2(w.size() == 1 && w.front().startsWith(QLatin1String("o.xmile:2:1: warning: <arrest> in <oven> is not implemented: "
                                                                 "the oven runs without it")),
             qPrintable(w.join(u'\n')));
    // No cook time: an error that names the oven.
    const InlineRun noCook = simulateText(xmile(line(QStringLiteral("10"), QStringLiteral("<fill_time>3</fill_time>"))));
    QVERIFY2(noCook.firstError().contains(QLatin1String("oven 'batch' has no cook time (<cook_time>)")), qPrintable(noCook.firstError()));
    // Neither a fill time nor a capacity: the oven never closes, which is said.
    const QStringList never = warningsOf(xmile(line(QStringLiteral("10"), QStringLiteral("<cook_time>2</cook_time>"))));
    QVERIFY2(never.join(u'\n').contains(QLatin1String("warning: oven 'batch' has neither a fill time nor a capacity")),
             qPrintable(never.join(u'\n')));
    // The outflow's own equation is not used, and that is said.
    QByteArray withEquation = xmile(line(QStringLiteral("10"), QStringLiteral("<fill_time>3</fill_time><cook_time>2</cook_time>")));
    withEquation.replace("<flow name=\"unload\"/>", "<flow name=\"unload\"><eqn>batch</eqn></flow>");
    QVERIFY2(warningsOf(withEquation).join(u'\n').contains(QLatin1String("the equation of 'unload' is ignored: it is the outflow of an oven")),
             qPrintable(warningsOf(withEquation).join(u'\n')));
    // Two outflows: an error.
    QByteArray two = xmile(line(QStringLiteral("10"), QStringLiteral("<fill_time>3</fill_time><cook_time>2</cook_time>")));
    two.replace("<outflow>unload</outflow>", "<outflow>unload</outflow><outflow>spill</outflow>");
    two.replace("<flow name=\"unload\"/>", "<flow name=\"unload\"/><flow name=\"spill\"><eqn>1</eqn></flow>");
    QVERIFY2(simulateText(two).firstError().contains(QLatin1String("oven 'batch' has 2 outflows: an oven releases through one")),
             qPrintable(simulateText(two).firstError()));
}

// Written back, the oven keeps its options and runs the same.
void TestOvens::savedOvenRunsTheSame()
{
    const QByteArray text = xmile(line(QStringLiteral("10"), QStringLiteral("<fill_time>3</fill_time><cook_time>2</cook_time>")), specs(0, 13, 1));
    const XmileReadResult read = readXmile(text, QStringLiteral("o.xmile"));
    QVERIFY(read.project);
    const QByteArray written = writeXmile(*read.project);
    QVERIFY2(written.contains("<fill_time>3</fill_time>") && written.contains("<cook_time>2</cook_time>"), written.constData());
    const InlineRun r = simulateText(written);
    RUN_CLEAN(r);
    QCOMPARE(series(r, QStringLiteral("unload"), 0, 13, 1), QStringLiteral("0 0 0 0 0 30 0 0 0 0 0 30 0 0"));
}

QTEST_GUILESS_MAIN(TestOvens)
#include "test_ovens.moc"

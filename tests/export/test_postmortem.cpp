// The postmortem page from `meadows export --format md`, read as its reader reads it: which
// variables are charted, that each line in the behaviour picture shows the run's own numbers
// (read back through the axis labels), the baseline drawn dashed with the baseline's numbers,
// the story, and loop names that are the diagram's.
#include "export/behavioursvg.h"
#include "support/meadowsprocess.h"
#include "support/referencedata.h"
#include "support/testfiles.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace meadows::testing;
using meadows::test::Outcome;
using meadows::test::runMeadows;
using meadows::test::Table;

namespace {

const QString kExamples = QStringLiteral(MEADOWS_SOURCE_DIR "/examples/");
const QString kRetryStorm = kExamples + QStringLiteral("incidents/02-retry-storm.xmile");
const QString kBreaker = kExamples + QStringLiteral("incidents/03-circuit-breaker.xmile");

// `meadows run MODEL` as a table (its numbers are checked against Stella and Vensim elsewhere).
Table runOf(const QString &model, const QTemporaryDir &dir)
{
    const QString csv = dir.filePath(QFileInfo(model).completeBaseName() + QStringLiteral(".csv"));
    const Outcome o = runMeadows({QStringLiteral("run"), model, QStringLiteral("-o"), csv});
    if (o.code != 0)
        qFatal("meadows run %s: %s", qPrintable(model), qPrintable(o.err));
    return meadows::test::readTable(csv);
}

// The value of a column at a saved time; NaN when that time is not a saved row.
double valueAt(const Table &table, const QString &column, double time)
{
    const qsizetype c = table.columns.indexOf(meadows::test::normalizeColumn(column));
    for (const std::vector<double> &row : table.rows)
        if (c > 0 && std::abs(row[0] - time) < 1e-3)
            return row[std::size_t(c)];
    return qQNaN();
}

// Every point of a line is the table's value at that time, within what a 0.01-pixel rounding
// of an 88-pixel chart allows (a thousandth of the axis span); the line has every saved row.
QString lineMatches(const QList<QPointF> &line, const Table &table, const QString &column, double span)
{
    if (line.size() != qsizetype(table.rows.size()))
        return QStringLiteral("%1 points for %2 rows").arg(line.size()).arg(table.rows.size());
    for (const QPointF &p : line) {
        const double expected = valueAt(table, column, p.x());
        if (!(std::abs(p.y() - expected) <= span * 1e-3))
            return QStringLiteral("at %1 the line shows %2, the run has %3").arg(p.x()).arg(p.y()).arg(expected);
    }
    return {};
}

double span(const BehaviourChart &chart)
{
    return chart.valueTicks.back().y() - chart.valueTicks.front().y();
}

struct Bundle {
    QString md;
    QByteArray diagram;
    BehaviourSvg behaviour;
};

Bundle exportBundle(const QTemporaryDir &dir, const QString &name, const QStringList &args)
{
    const QString out = dir.filePath(name + QStringLiteral(".md"));
    const Outcome o = runMeadows(QStringList{QStringLiteral("export")} + args + QStringList{QStringLiteral("-o"), out});
    if (o.code != 0)
        qFatal("meadows export: %s", qPrintable(o.err));
    return {QString::fromUtf8(readAll(out)), readAll(dir.filePath(name + QStringLiteral("-diagram.svg"))),
            readBehaviourSvg(readAll(dir.filePath(name + QStringLiteral("-behaviour.svg"))))};
}

} // namespace

class TestPostmortem : public QObject {
    Q_OBJECT
private slots:
    void chartsEveryStockAndFlowAndTheLoopInCharge();
    void drawsTheBaselineRunDashed();
    void loopNamesAreTheDiagrams();
};

void TestPostmortem::chartsEveryStockAndFlowAndTheLoopInCharge()
{
    QTemporaryDir dir;
    const Bundle b = exportBundle(dir, QStringLiteral("breaker"), {kBreaker});
    QVERIFY2(b.behaviour.error.isEmpty(), qPrintable(b.behaviour.error));
    QVERIFY(b.md.contains(QLatin1String("![Backlog, Load, Served, Latency, Timeout Fraction, Breaker Setting, "
                                        "Breaker Pass Share](breaker-behaviour.svg)")));
    // 03 has one stock (Backlog) and two flows (Load, Served); B2 is the one loop in charge
    // (from 20 to 26.5 minutes, as `meadows loops --dominance --periods` says), and it runs
    // Backlog → Latency → Timeout Fraction → Breaker Setting → Breaker Pass Share → Load.
    QCOMPARE(b.behaviour.variables(),
             (QStringList{QStringLiteral("Backlog"), QStringLiteral("Load"), QStringLiteral("Served"), QStringLiteral("Latency"),
                          QStringLiteral("Timeout Fraction"), QStringLiteral("Breaker Setting"), QStringLiteral("Breaker Pass Share")}));
    QVERIFY(b.md.contains(QLatin1String("Every stock and flow, and the variables on the loops that were in charge, each on its "
                                        "own axis over the same time.\n")));
    // Each chart is named with its units and explained by the variable's documentation.
    QVERIFY(b.md.contains(QLatin1String("- **Latency** (Minutes): How long a request waits before it is served")));
    // The story: the model's own text, before the diagram.
    QVERIFY(b.md.indexOf(QLatin1String("The retry storm again, with a circuit breaker in the clients."))
            < b.md.indexOf(QLatin1String("## Diagram")));

    // Every line shows the run's numbers, read through its own axis labels.
    const Table run = runOf(kBreaker, dir);
    for (const BehaviourChart &chart : b.behaviour.charts) {
        const QString mismatch = lineMatches(chart.run, run, chart.variable, span(chart));
        QVERIFY2(mismatch.isEmpty(), qPrintable(chart.variable + QStringLiteral(": ") + mismatch));
        QVERIFY(chart.baseline.isEmpty()); // no baseline given
        // Nice ticks (1, 2 or 5 times a power of ten apart) and never a "-0".
        const double step = chart.valueTicks[1].y() - chart.valueTicks[0].y();
        const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
        QVERIFY2(std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 || std::abs(mantissa - 5) < 1e-6,
                 qPrintable(chart.valueLabels.join(u' ')));
        for (const QString &label : chart.valueLabels)
            QVERIFY2(!QRegularExpression(QStringLiteral("^-0(\\.0*)?$")).match(label).hasMatch(), qPrintable(label));
    }
    // 120 minutes on one shared time axis, labelled once.
    QCOMPARE(b.behaviour.timeLabels.front(), QStringLiteral("0"));
    QCOMPARE(b.behaviour.timeLabels.back(), QStringLiteral("120"));
    QVERIFY(!b.md.contains(QLatin1String("dashed")));
}

void TestPostmortem::drawsTheBaselineRunDashed()
{
    QTemporaryDir dir;
    // The breaker against the plain retry storm it fixes.
    const Bundle b = exportBundle(dir, QStringLiteral("cmp"), {kBreaker, QStringLiteral("--baseline"), kRetryStorm});
    QVERIFY2(b.behaviour.error.isEmpty(), qPrintable(b.behaviour.error));
    QVERIFY(b.md.contains(QLatin1String(" Solid: this model; dashed: the baseline 02-retry-storm.xmile.")));
    QVERIFY(b.md.contains(QLatin1String("## Parameters that differ from `02-retry-storm.xmile`")));
    const Table storm = runOf(kRetryStorm, dir);
    const Table breaker = runOf(kBreaker, dir);
    QVERIFY(storm.rows.size() == 241 && breaker.rows.size() == 241); // 0 to 120 every half minute
    // Both models have Backlog, Load, Served and Latency: each of those charts draws the storm
    // dashed, point for point; the breaker's own variables have no baseline line.
    for (const QString &name : {QStringLiteral("Backlog"), QStringLiteral("Load"), QStringLiteral("Served"), QStringLiteral("Latency")}) {
        const BehaviourChart *chart = b.behaviour.chart(name);
        QVERIFY2(chart, qPrintable(name));
        QCOMPARE(chart->baselineDash, QStringLiteral("6 4"));
        QString mismatch = lineMatches(chart->baseline, storm, name, span(*chart));
        QVERIFY2(mismatch.isEmpty(), qPrintable(name + QStringLiteral(" (baseline): ") + mismatch));
        mismatch = lineMatches(chart->run, breaker, name, span(*chart));
        QVERIFY2(mismatch.isEmpty(), qPrintable(name + QStringLiteral(": ") + mismatch));
    }
    QVERIFY(b.behaviour.chart(QStringLiteral("Breaker Setting"))->baseline.isEmpty());
    // The storm never drains: at 120 minutes it rests in the storm state, Backlog
    // 100 (-41.5 + sqrt(2290.25)) / 4 = 158.91 (tests/analysis/test_analysis_cli.cpp derives
    // it), well above the breaker's peak (about 58); the shared axis must reach up to it.
    const BehaviourChart *backlog = b.behaviour.chart(QStringLiteral("Backlog"));
    double breakerPeak = 0;
    for (const QPointF &p : backlog->run)
        breakerPeak = std::max(breakerPeak, p.y());
    QVERIFY(std::fabs(backlog->baseline.back().y() - 100 * (-41.5 + std::sqrt(2290.25)) / 4) < 0.01);
    QVERIFY2(backlog->baseline.back().y() > 2 * breakerPeak, qPrintable(QStringLiteral("%1 vs %2").arg(backlog->baseline.back().y()).arg(breakerPeak)));
    QVERIFY(backlog->valueTicks.back().y() >= backlog->baseline.back().y());
}

void TestPostmortem::loopNamesAreTheDiagrams()
{
    for (const QString &model : {kRetryStorm, kBreaker}) {
        QTemporaryDir dir;
        const Bundle b = exportBundle(dir, QStringLiteral("page"), {model});
        // The diagram's loop labels ("R1", "B2") and the loop table's names are the same set.
        QSet<QString> labels;
        static const QRegularExpression label(QStringLiteral(">([RBU?]\\d+)</text>"));
        for (const QRegularExpressionMatch &m : label.globalMatch(QString::fromUtf8(b.diagram)))
            labels << m.captured(1);
        QSet<QString> rows;
        static const QRegularExpression row(QStringLiteral("\\n\\| ([RBU?]\\d+) \\| [RBU] \\|"));
        for (const QRegularExpressionMatch &m : row.globalMatch(b.md))
            rows << m.captured(1);
        QVERIFY2(!labels.isEmpty() && labels == rows, qPrintable(model));
        // The loops named in charge are among them, with the table's own variables.
        static const QRegularExpression inCharge(QStringLiteral(", ([RBU?]\\d+) was in charge \\(\\w+: ([^)]*)\\)"));
        int named = 0;
        for (const QRegularExpressionMatch &m : inCharge.globalMatch(b.md)) {
            ++named;
            QVERIFY2(rows.contains(m.captured(1)), qPrintable(m.captured(1)));
            QVERIFY2(b.md.contains(QStringLiteral("| %1 | %2 | %3 → ").arg(m.captured(1), m.captured(1).left(1), m.captured(2))),
                     qPrintable(m.captured(0)));
        }
        QVERIFY2(named > 0, qPrintable(model));
    }
}

QTEST_GUILESS_MAIN(TestPostmortem)
#include "test_postmortem.moc"

// "How big a dip tips it": the recovers / does-not-recover map of a disturbance sweep and
// its boundary, against a model whose boundary is known in closed form, and on the
// retry-storm example through `meadows sweep --recovery`.
#include "analysismodels.h"
#include "support/meadowsprocess.h"

#include "solver/analysis/recovery.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

namespace {
const QString kStorm = QStringLiteral(MEADOWS_TEST_DATA "/../../examples/incidents/02-retry-storm.xmile");

// thresholdDip(): a dip of `dip` for `length` removes dip * 0.25 * ceil(length / 0.25); the
// stock holds (and regrows to 100) when that is at most 48.
bool recoversInClosedForm(double dip, double length)
{
    return dip * 0.25 * std::ceil(length / 0.25 - 1e-12) <= 48 + 1e-9;
}
} // namespace

class TestRecovery : public QObject {
    Q_OBJECT
private slots:
    // Dip = 0, 8, 16, 24 by Length = 0, 1, ..., 8: every cell as the closed form says, and
    // the boundary at Length = 48 / Dip (6, 3, 2), recovering below, none at Dip = 0.
    void thresholdBoundaryIsFortyEightOverDip()
    {
        const ParameterizedModel model(projectFrom(thresholdDip()), {QStringLiteral("Dip"), QStringLiteral("Length")});
        QVERIFY(model.model());
        const RecoveryMap map = mapRecovery(model, {{QStringLiteral("Dip"), 0, 24, 4}, {QStringLiteral("Length"), 0, 8, 9}});
        QVERIFY2(map.error.isEmpty(), qPrintable(map.error));
        QCOMPARE(map.stocks, std::vector<QString>{QStringLiteral("X")});
        QCOMPARE(map.reference.size(), std::size_t(1));
        QCOMPARE(map.reference[0], 100.0); // no dip: X stays at K
        QCOMPARE(map.points(), std::size_t(36));
        for (std::size_t i = 0; i < map.points(); ++i) {
            const std::vector<double> v = map.valuesAt(i);
            QCOMPARE(bool(map.recovers[i]), recoversInClosedForm(v[0], v[1]));
            // Recovered runs end at K, the others collapsed towards 0.
            QVERIFY(map.recovers[i] ? std::fabs(map.finals[i][0] - 100) < 1e-6 : map.finals[i][0] < 1);
        }
        QCOMPARE(map.boundary.size(), std::size_t(3));
        const double expected[3][2] = {{8, 6}, {16, 3}, {24, 2}};
        for (std::size_t b = 0; b < 3; ++b) {
            QCOMPARE(map.boundary[b].across, expected[b][0]);
            QVERIFY2(std::fabs(map.boundary[b].value - expected[b][1]) < 1e-5, qPrintable(QString::number(map.boundary[b].value, 'g', 10)));
            QVERIFY(map.boundary[b].recoversBelow);
        }
    }

    // A grid that runs from long dips to short ones: the boundary is the same, and still
    // "recovers below" (in value, not in grid order). The reference is the first point,
    // a dip of 8 for 8 (collapsed): only runs that also collapse "recover" to it.
    void descendingAxisAndTolerance()
    {
        FlattenOptions dip;
        dip.overrides = {{QStringLiteral("Dip"), 8}};
        const ParameterizedModel model(projectFrom(thresholdDip()), {QStringLiteral("Length")}, dip);
        RecoveryOptions options;
        options.tolerance = 0.001;
        const RecoveryMap map = mapRecovery(model, {{QStringLiteral("Length"), 8, 0, 9}}, options);
        QVERIFY2(map.error.isEmpty(), qPrintable(map.error));
        QVERIFY(map.reference[0] < 1);
        // Runs from Length 8 down to 0 at Dip 8: collapsed for Length > 6 ("recovers" to the
        // collapsed reference), held for Length <= 6.
        for (std::size_t i = 0; i < 9; ++i)
            QCOMPARE(bool(map.recovers[i]), map.valuesAt(i)[0] > 6);
        QCOMPARE(map.boundary.size(), std::size_t(1));
        QVERIFY(std::fabs(map.boundary[0].value - 6) < 1e-5);
        QVERIFY(std::isnan(map.boundary[0].across));
        QVERIFY(!map.boundary[0].recoversBelow);
    }

    void cancelledBeforeItStarts()
    {
        const ParameterizedModel model(projectFrom(thresholdDip()), {QStringLiteral("Dip")});
        const std::atomic<bool> cancel{true};
        const RecoveryMap map = mapRecovery(model, {{QStringLiteral("Dip"), 0, 24, 50}}, {}, {}, 0, &cancel);
        QVERIFY(!map.error.isEmpty());
        QVERIFY(map.boundary.empty());
    }

    // The retry storm, as README.md tells it: dips up to 1.875 minutes end back at the
    // healthy state (Backlog 10, no retries waiting), longer ones (16 steps of DT = 0.125 and
    // more) in the storm (Backlog 158.91..., see test_analysis_cli's derivation); with one
    // --vary the boundary line names only that parameter.
    void retryStormDipThatTipsIt()
    {
        const Outcome o = runMeadows({QStringLiteral("sweep"), kStorm, QStringLiteral("--vary"), QStringLiteral("Dip Duration=0:3:25"),
                                      QStringLiteral("--recovery")});
        QCOMPARE(o.code, 0);
        const QStringList lines = o.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("Dip Duration,Backlog,Waiting to Retry,recovers"));
        // 25 rows: 0, 0.125, ..., 1.875 recover (16 rows), the rest do not.
        const double storm = 100 * (-41.5 + std::sqrt(2290.25)) / 4;
        for (int r = 1; r <= 25; ++r) {
            const QStringList f = lines[r].split(u',');
            QCOMPARE(f.size(), 4);
            QCOMPARE(f[0].toDouble(), 0.125 * (r - 1));
            QCOMPARE(f[3], r <= 16 ? QStringLiteral("true") : QStringLiteral("false"));
            QVERIFY(std::fabs(f[1].toDouble() - (r <= 16 ? 10 : storm)) < 1e-6);
        }
        QCOMPARE(lines.value(26), QStringLiteral("# reference: Dip Duration = 0: Backlog = 10, Waiting to Retry = 0"));
        QCOMPARE(lines.value(27), QStringLiteral("# recovers: every stock ends within 0.01 of its largest size in the reference run"));
        QCOMPARE(lines.value(28), QStringLiteral("# boundary: Dip Duration = 1.875 (recovers below)"));
        QCOMPARE(lines.size(), 29);
    }

    // Two --vary: one boundary line per value of the first, "at FIRST = v".
    void twoParameterBoundaryLines()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("threshold.xmile"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(thresholdDip());
        f.close();
        const Outcome o = runMeadows({QStringLiteral("sweep"), path, QStringLiteral("--vary"), QStringLiteral("Dip=0:24:4"),
                                      QStringLiteral("--vary"), QStringLiteral("Length=0:8:9"), QStringLiteral("--recovery"),
                                      QStringLiteral("--tolerance"), QStringLiteral("0.05")});
        QCOMPARE(o.code, 0);
        QVERIFY(o.out.startsWith(QStringLiteral("Dip,Length,X,recovers\n0,0,100,true\n")));
        QVERIFY(o.out.contains(QStringLiteral("\n# recovers: every stock ends within 0.05 of its largest size in the reference run\n")));
        QVERIFY(o.out.endsWith(QStringLiteral("# boundary at Dip = 8: Length = 6 (recovers below)\n"
                                              "# boundary at Dip = 16: Length = 3 (recovers below)\n"
                                              "# boundary at Dip = 24: Length = 2 (recovers below)\n")));
    }

    void mistakesAreUsageErrors()
    {
        const auto usage = [](const QStringList &extra) {
            QStringList args{QStringLiteral("sweep"), kStorm, QStringLiteral("--vary"), QStringLiteral("Dip Duration=0:3:4")};
            return runMeadows(args + extra);
        };
        Outcome o = usage({QStringLiteral("--recovery"), QStringLiteral("--equilibria")});
        QCOMPARE(o.code, 2);
        QVERIFY(o.err.contains(QStringLiteral("--recovery classifies each run itself")));
        o = usage({QStringLiteral("--tolerance"), QStringLiteral("0.1")});
        QCOMPARE(o.code, 2);
        QVERIFY(o.err.contains(QStringLiteral("--tolerance goes with --recovery")));
        o = usage({QStringLiteral("--recovery"), QStringLiteral("--tolerance"), QStringLiteral("-1")});
        QCOMPARE(o.code, 2);
        QVERIFY(o.err.contains(QStringLiteral("--tolerance needs a number above 0")));
        o = usage({QStringLiteral("--recovery"), QStringLiteral("--vary"), QStringLiteral("Capacity Dip=0:70:2"), QStringLiteral("--vary"),
                   QStringLiteral("Retry Budget=0:10:2")});
        QCOMPARE(o.code, 2);
        QVERIFY(o.err.contains(QStringLiteral("--recovery maps one or two parameters")));
    }
};

QTEST_GUILESS_MAIN(TestRecovery)
#include "test_recovery.moc"

// meadows equilibria, sweep and sensitivity as a user runs them: the JSON and CSV the
// issue fixes, the retry-storm example's tipping points, and mistakes told plainly.
#include "analysismodels.h"
#include "support/meadowsprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace meadows::test;

namespace {

const QString kStorm = QStringLiteral(MEADOWS_TEST_DATA "/../../examples/incidents/02-retry-storm.xmile");

QString writeModel(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return path;
}

QJsonObject json(const Outcome &o) { return QJsonDocument::fromJson(o.out.toUtf8()).object(); }

QStringList keys(const QJsonObject &o)
{
    QStringList k = o.keys();
    k.sort();
    return k;
}

// The CSV's rows as numbers, by column name.
struct Csv {
    QStringList header;
    std::vector<std::vector<double>> rows;
    double at(std::size_t row, const QString &column) const { return rows[row][std::size_t(header.indexOf(column))]; }
};

Csv parseCsv(const QString &text)
{
    Csv c;
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    c.header = lines.value(0).split(u',');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        std::vector<double> row;
        for (const QString &field : lines[i].split(u','))
            row.push_back(field.toDouble());
        c.rows.push_back(row);
    }
    return c;
}

} // namespace

class TestAnalysisCli : public QObject {
    Q_OBJECT
private slots:
    void helpListsTheCommands()
    {
        const Outcome o = runMeadows({QStringLiteral("--help")});
        QCOMPARE(o.code, 0);
        QVERIFY(o.out.contains(QStringLiteral("meadows equilibria MODEL [--set NAME=VALUE]... [--at T] [--json]")));
        QVERIFY(o.out.contains(QStringLiteral("meadows sweep MODEL --vary NAME=FROM:TO:N")));
        QVERIFY(o.out.contains(QStringLiteral("meadows sensitivity MODEL --vary NAME=uniform(A,B)")));
    }

    // Logistic growth with harvest 16 (r = 1, K = 100): x = 20 (eigenvalue +0.6) and
    // x = 80 (-0.6), see test_equilibria. The JSON has exactly the keys.
    void equilibriaJson()
    {
        QTemporaryDir dir;
        const QString model = writeModel(dir, QStringLiteral("logistic.xmile"), logisticHarvest(0));
        const Outcome o = runMeadows({QStringLiteral("equilibria"), model, QStringLiteral("--set"), QStringLiteral("H=16"),
                                      QStringLiteral("--json")});
        QCOMPARE(o.code, 0);
        QCOMPARE(o.err, QString());
        const QJsonObject root = json(o);
        QCOMPARE(root.keys(), QStringList{QStringLiteral("equilibria")});
        const QJsonArray list = root.value(QStringLiteral("equilibria")).toArray();
        QCOMPARE(list.size(), 2);
        const double expected[2] = {20, 80};
        const double eigen[2] = {0.6, -0.6};
        for (int i = 0; i < 2; ++i) {
            const QJsonObject e = list[i].toObject();
            QCOMPARE(keys(e), (QStringList{QStringLiteral("eigenvalues"), QStringLiteral("oscillatory"),
                                           QStringLiteral("stability"), QStringLiteral("stocks")}));
            QCOMPARE(e.value(QStringLiteral("stocks")).toObject().keys(), QStringList{QStringLiteral("X")});
            QVERIFY(std::fabs(e.value(QStringLiteral("stocks")).toObject().value(QStringLiteral("X")).toDouble() - expected[i]) < 1e-7);
            const QJsonArray values = e.value(QStringLiteral("eigenvalues")).toArray();
            QCOMPARE(values.size(), 1);
            QVERIFY(std::fabs(values[0].toArray()[0].toDouble() - eigen[i]) < 1e-6);
            QCOMPARE(values[0].toArray()[1].toDouble(), 0.0);
            QCOMPARE(e.value(QStringLiteral("stability")).toString(), i == 0 ? QStringLiteral("unstable") : QStringLiteral("stable"));
            QCOMPARE(e.value(QStringLiteral("oscillatory")).toBool(), false);
        }
    }

    // The oscillator X' = V, V' = -4X: eigenvalues +-2i, in the text and the JSON.
    void oscillatorIsOscillatory()
    {
        QTemporaryDir dir;
        const QString model = writeModel(dir, QStringLiteral("spring.xmile"), oscillator(4, 0));
        const QJsonObject e = json(runMeadows({QStringLiteral("equilibria"), model, QStringLiteral("--json")}))
                                  .value(QStringLiteral("equilibria")).toArray()[0].toObject();
        QCOMPARE(e.value(QStringLiteral("oscillatory")).toBool(), true);
        const QJsonArray values = e.value(QStringLiteral("eigenvalues")).toArray();
        QVERIFY(std::fabs(std::fabs(values[0].toArray()[1].toDouble()) - 2) < 1e-8);
        const Outcome text = runMeadows({QStringLiteral("equilibria"), model});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QStringLiteral("stable, oscillatory, neutral")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("eigenvalues: 0 + 2i, 0 - 2i")));
    }

    // The kink is a warning with FILE:LINE:COL on stderr, in both formats.
    void kinkIsAWarning()
    {
        QTemporaryDir dir;
        const QString model = writeModel(dir, QStringLiteral("kink.xmile"), minKink());
        for (const QStringList &extra : {QStringList{}, QStringList{QStringLiteral("--json")}}) {
            const Outcome o = runMeadows(QStringList{QStringLiteral("equilibria"), model} + extra);
            QCOMPARE(o.code, 0);
            const QRegularExpression warning(QStringLiteral("^%1:\\d+:\\d+: warning: equilibrium 1 sits on a MIN kink in 'Drain'")
                                                 .arg(QRegularExpression::escape(model)), QRegularExpression::MultilineOption);
            QVERIFY2(warning.match(o.err).hasMatch(), qPrintable(o.err));
        }
    }

    void noEquilibriumIsSaid()
    {
        QTemporaryDir dir;
        const QString model = writeModel(dir, QStringLiteral("growth.xmile"), exponential(0.1, 5, true));
        const Outcome o = runMeadows({QStringLiteral("equilibria"), model});
        QCOMPARE(o.code, 0);
        QVERIFY(o.out.startsWith(QStringLiteral("No equilibrium at time 0")));
        const Outcome j = runMeadows({QStringLiteral("equilibria"), model, QStringLiteral("--json")});
        QCOMPARE(json(j).value(QStringLiteral("equilibria")).toArray().size(), 0);
    }

    // H over [0, 40]: the fold at rK/4 = 25, located to 1e-6 relative, where x = K/2 = 50.
    void sweepEquilibriaJson()
    {
        QTemporaryDir dir;
        const QString model = writeModel(dir, QStringLiteral("logistic.xmile"), logisticHarvest(0));
        const Outcome o = runMeadows({QStringLiteral("sweep"), model, QStringLiteral("--vary"), QStringLiteral("H=0:40:37"),
                                      QStringLiteral("--equilibria"), QStringLiteral("--json")});
        QCOMPARE(o.code, 0);
        const QJsonObject root = json(o);
        QCOMPARE(keys(root), (QStringList{QStringLiteral("branches"), QStringLiteral("folds"), QStringLiteral("hopf"),
                                          QStringLiteral("parameter")}));
        QCOMPARE(root.value(QStringLiteral("parameter")).toString(), QStringLiteral("H"));
        const QJsonArray branches = root.value(QStringLiteral("branches")).toArray();
        QCOMPARE(branches.size(), 2);
        const QJsonObject point = branches[0].toArray()[0].toObject();
        QCOMPARE(keys(point), (QStringList{QStringLiteral("stability"), QStringLiteral("stocks"), QStringLiteral("value")}));
        const QJsonArray folds = root.value(QStringLiteral("folds")).toArray();
        QCOMPARE(folds.size(), 1);
        QVERIFY(std::fabs(folds[0].toObject().value(QStringLiteral("value")).toDouble() - 25) <= 25e-6);
        QVERIFY(std::fabs(folds[0].toObject().value(QStringLiteral("stocks")).toObject().value(QStringLiteral("X")).toDouble() - 50) < 0.1);
        QCOMPARE(root.value(QStringLiteral("hopf")).toArray().size(), 0);
    }

    // S = S0 + 10 rate at t = 10, on a 3 x 2 grid.
    void sweepGridCsv()
    {
        QTemporaryDir dir;
        const QString model = writeModel(dir, QStringLiteral("ramp.xmile"), linearRamp());
        const Outcome o = runMeadows({QStringLiteral("sweep"), model, QStringLiteral("--vary"), QStringLiteral("rate=1:3:3"),
                                      QStringLiteral("--vary"), QStringLiteral("S0=0:10:2")});
        QCOMPARE(o.code, 0);
        const Csv csv = parseCsv(o.out);
        QCOMPARE(csv.header.mid(0, 2), (QStringList{QStringLiteral("rate"), QStringLiteral("S0")}));
        QCOMPARE(csv.rows.size(), std::size_t(6));
        for (std::size_t r = 0; r < 6; ++r)
            QCOMPARE(csv.at(r, QStringLiteral("S")), csv.at(r, QStringLiteral("S0")) + 10 * csv.at(r, QStringLiteral("rate")));
        const Outcome above = runMeadows({QStringLiteral("sweep"), model, QStringLiteral("--vary"), QStringLiteral("rate=2:2:1"),
                                          QStringLiteral("--measure"), QStringLiteral("time-above:S:15")});
        QCOMPARE(above.out, QStringLiteral("rate,S\n2,2.5\n"));
    }

    // Seeded bands: the same command twice gives the same file; the median of S at t = 10
    // for rate ~ uniform(2, 4) over 101 Latin-hypercube runs is within a stratum of 30.
    void sensitivityCsv()
    {
        QTemporaryDir dir;
        const QString model = writeModel(dir, QStringLiteral("ramp.xmile"), linearRamp());
        const QStringList args{QStringLiteral("sensitivity"), model, QStringLiteral("--vary"), QStringLiteral("rate=uniform(2,4)"),
                               QStringLiteral("--runs"), QStringLiteral("101"), QStringLiteral("--seed"), QStringLiteral("7")};
        const Outcome a = runMeadows(args), b = runMeadows(args);
        QCOMPARE(a.code, 0);
        QCOMPARE(a.out, b.out);
        const Csv csv = parseCsv(a.out);
        QCOMPARE(csv.header.mid(0, 6), (QStringList{QStringLiteral("Time"), QStringLiteral("S:p5"), QStringLiteral("S:p25"),
                                                   QStringLiteral("S:p50"), QStringLiteral("S:p75"), QStringLiteral("S:p95")}));
        QCOMPARE(csv.rows.size(), std::size_t(11));
        const double median = csv.at(10, QStringLiteral("S:p50"));
        QVERIFY(median >= 29.90 && median < 30.10);
        const QString out = dir.filePath(QStringLiteral("bands.csv"));
        QCOMPARE(runMeadows(args + QStringList{QStringLiteral("-o"), out}).code, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), a.out);
    }

    void mistakesAreTold()
    {
        QTemporaryDir dir;
        const QString model = writeModel(dir, QStringLiteral("ramp.xmile"), linearRamp());
        Outcome o = runMeadows({QStringLiteral("sensitivity"), model, QStringLiteral("--vary"), QStringLiteral("rate=uniform(2,4)")});
        QCOMPARE(o.code, 2);
        QVERIFY(o.err.contains(QStringLiteral("--runs needs a whole number")));
        o = runMeadows({QStringLiteral("sweep"), model, QStringLiteral("--vary"), QStringLiteral("rat=1:2:3")});
        QCOMPARE(o.code, 1);
        QVERIFY2(o.err.contains(QStringLiteral("no variable 'rat' (did you mean 'rate'?)")), qPrintable(o.err));
        o = runMeadows({QStringLiteral("sweep"), model, QStringLiteral("--vary"), QStringLiteral("rate=1:2")});
        QCOMPARE(o.code, 2);
        QVERIFY(o.err.contains(QStringLiteral("--vary needs NAME=FROM:TO:N, not 'rate=1:2'")));
        o = runMeadows({QStringLiteral("sweep"), model, QStringLiteral("--vary"), QStringLiteral("rate=1:2:5"),
                        QStringLiteral("--vary"), QStringLiteral("S0=1:2:5"), QStringLiteral("--equilibria")});
        QCOMPARE(o.code, 2);
        o = runMeadows({QStringLiteral("sensitivity"), model, QStringLiteral("--vary"), QStringLiteral("rate=gamma(1,2)"),
                        QStringLiteral("--runs"), QStringLiteral("5")});
        QCOMPARE(o.code, 2);
        o = runMeadows({QStringLiteral("equilibria"), dir.filePath(QStringLiteral("missing.xmile"))});
        QCOMPARE(o.code, 1);
        QVERIFY(o.err.contains(QStringLiteral("no such file")));
    }

    // The retry storm (examples/incidents/02-retry-storm.xmile), capacity 100, DT 1/8:
    //   dB/dt = 80 + MIN(Served * TF(B / 100), Budget) - MIN(8 B, 100).
    // Healthy: TF is 0 below latency 0.25, so 80 = 8 B, B = 10, eigenvalue -8 (stable).
    // The threshold: served at capacity, retries must make up the 20 missing requests,
    // 100 TF = 20, on TF's segment (0.75, 0.15)-(1, 0.5) of slope 1.4: latency
    // 0.75 + 0.05/1.4, B = 78.5714..., eigenvalue 100 * 1.4 / 100 = 1.4 (unstable). Above it
    // the backlog grows for ever (load 180 against 100): the storm is a runaway, not a
    // steady state, so Meadows finds two equilibria and no third.
    void retryStormEquilibria()
    {
        const Outcome o = runMeadows({QStringLiteral("equilibria"), kStorm, QStringLiteral("--json")});
        QCOMPARE(o.code, 0);
        const QJsonArray list = json(o).value(QStringLiteral("equilibria")).toArray();
        QCOMPARE(list.size(), 2);
        const QJsonObject healthy = list[0].toObject(), edge = list[1].toObject();
        QVERIFY(std::fabs(healthy.value(QStringLiteral("stocks")).toObject().value(QStringLiteral("Backlog")).toDouble() - 10) < 1e-8);
        QVERIFY(std::fabs(healthy.value(QStringLiteral("eigenvalues")).toArray()[0].toArray()[0].toDouble() + 8) < 1e-5);
        QCOMPARE(healthy.value(QStringLiteral("stability")).toString(), QStringLiteral("stable"));
        const double threshold = 100 * (0.75 + 0.05 / 1.4);
        QVERIFY(std::fabs(edge.value(QStringLiteral("stocks")).toObject().value(QStringLiteral("Backlog")).toDouble() - threshold) < 1e-7);
        QVERIFY(std::fabs(edge.value(QStringLiteral("eigenvalues")).toArray()[0].toArray()[0].toDouble() - 1.4) < 1e-5);
        QCOMPARE(edge.value(QStringLiteral("stability")).toString(), QStringLiteral("unstable"));
        // During the dip (capacity 30) load always exceeds what is served: no equilibrium.
        const Outcome dip = runMeadows({QStringLiteral("equilibria"), kStorm, QStringLiteral("--at"), QStringLiteral("22"), QStringLiteral("--json")});
        QCOMPARE(json(dip).value(QStringLiteral("equilibria")).toArray().size(), 0);
    }

    // With a budget R, retries are at most R: the threshold needs 20 retries a minute, so
    // it (and the storm beyond it) exists only for R > 20. Continuation in R over [0, 100]
    // finds the healthy branch throughout and the threshold branch vanishing at R = 20.
    void retryBudgetRemovesTheStorm()
    {
        const Outcome o = runMeadows({QStringLiteral("sweep"), kStorm, QStringLiteral("--vary"), QStringLiteral("Retry Budget=0:100:46"),
                                      QStringLiteral("--equilibria"), QStringLiteral("--json")});
        QCOMPARE(o.code, 0);
        const QJsonObject root = json(o);
        QCOMPARE(root.value(QStringLiteral("branches")).toArray().size(), 2);
        const QJsonArray folds = root.value(QStringLiteral("folds")).toArray();
        QCOMPARE(folds.size(), 1);
        const QJsonObject fold = folds[0].toObject();
        QVERIFY2(std::fabs(fold.value(QStringLiteral("value")).toDouble() - 20) <= 20e-6, qPrintable(o.out.left(2000)));
        QVERIFY(std::fabs(fold.value(QStringLiteral("stocks")).toObject().value(QStringLiteral("Backlog")).toDouble() - 100 * (0.75 + 0.05 / 1.4)) < 1e-4);
    }

    // The dip that tips it: a sweep over the dip's length (steps of DT) finds the shortest
    // dip after which the service does not recover. After the dip the model is autonomous,
    // so the fate is decided by the backlog when capacity returns against the threshold
    // 78.57 found above: the run of that length crosses it exactly in the dip's last step.
    void dipLengthThatTipsIt()
    {
        const Outcome o = runMeadows({QStringLiteral("sweep"), kStorm, QStringLiteral("--vary"), QStringLiteral("Dip Duration=0:3:25")});
        QCOMPARE(o.code, 0);
        const Csv csv = parseCsv(o.out);
        QCOMPARE(csv.rows.size(), std::size_t(25));
        std::size_t tip = 0;
        while (tip < csv.rows.size() && csv.at(tip, QStringLiteral("Backlog")) < 11)
            ++tip;
        QVERIFY(tip > 0 && tip < csv.rows.size());
        for (std::size_t r = tip; r < csv.rows.size(); ++r)
            QVERIFY(csv.at(r, QStringLiteral("Backlog")) > 5000);
        const double length = csv.at(tip, QStringLiteral("Dip Duration"));
        QCOMPARE(length, 0.125 * double(tip));
        const Outcome run = runMeadows({QStringLiteral("run"), kStorm, QStringLiteral("--set"), QStringLiteral("Dip Duration=%1").arg(length),
                                        QStringLiteral("--save-step"), QStringLiteral("0.125")});
        const Csv trajectory = parseCsv(run.out);
        const auto backlogAt = [&](double t) { return trajectory.at(std::size_t(std::lround(t / 0.125)), QStringLiteral("Backlog")); };
        const double threshold = 100 * (0.75 + 0.05 / 1.4);
        QVERIFY(backlogAt(20 + length) > threshold);
        QVERIFY(backlogAt(20 + length - 0.125) < threshold);
        qInfo("the shortest dip that tips the service: %g minutes", length);
    }
};

QTEST_GUILESS_MAIN(TestAnalysisCli)
#include "test_analysis_cli.moc"

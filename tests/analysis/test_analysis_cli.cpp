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

    // The retry storm (examples/incidents/02-retry-storm.xmile), capacity C = 100, DT 1/8,
    // backlog B, retries waiting out their backoff W (backoff beta = 0.5), latency L = B / 100,
    // timeout fraction TF(L) (the graph, client timeout 1), cancellation delay D = 2:
    //   dB/dt = 80 + W / beta - MIN(8 B, 100) - B TF / D
    //   dW/dt = MIN(100 TF, Budget) - W / beta          (Served = 100 once B > 12.5)
    // At rest W = beta * retries, so B solves f(B) = 80 + MIN(100 TF, Budget) - Served - B TF / 2 = 0.
    // Healthy: TF = 0 below L = 0.25, 80 = 8 B, B = 10, W = 0; Jacobian [[-8, 2], [0, -2]]:
    //   eigenvalues -8 and -2 (stable).
    // Saddle: on TF's segment (0.75, 0.15)-(1.25, 0.85), TF = 1.4 L - 0.9, so
    //   -20 + 100 (1.4 L - 0.9)(1 - L / 2) = 0  <=>  70 L^2 - 185 L + 110 = 0,
    //   L = (185 - sqrt(3425)) / 140 = 0.90340..., B = 90.340..., W = 0.5 * 100 TF.
    // Storm: on the segment (1.5, 0.97)-(2, 0.99), TF = 0.91 + 0.04 L, so
    //   -20 + 100 (0.91 + 0.04 L)(1 - L / 2) = 0  <=>  2 L^2 + 41.5 L - 71 = 0,
    //   L = (-41.5 + sqrt(2290.25)) / 4 = 1.58914..., B = 158.914...
    // Eigenvalues: with g = dB-rate's slope in B (-Served' - d(B TF / 2)/dB) and h = the
    // retries' slope (100 TF'), the Jacobian is [[g, 2], [h, -2]], so
    //   lambda^2 - (g - 2) lambda - 2 (g + h) = 0.
    //   Saddle: g = 0.45 - 0.014 B, h = 1.4; storm: g = -0.455 - 0.0004 B, h = 0.04.
    static double backlogFromL(double l) { return 100 * l; }
    static std::pair<double, double> eigenvaluesOf(double g, double h)
    {
        const double b = -(g - 2), c = -2 * (g + h); // lambda^2 + b lambda + c = 0
        const double root = std::sqrt(b * b - 4 * c);
        return {(-b + root) / 2, (-b - root) / 2};
    }
    void retryStormEquilibria()
    {
        const Outcome o = runMeadows({QStringLiteral("equilibria"), kStorm, QStringLiteral("--json")});
        QCOMPARE(o.code, 0);
        const QJsonArray list = json(o).value(QStringLiteral("equilibria")).toArray();
        QCOMPARE(list.size(), 3);
        const double saddleB = backlogFromL((185 - std::sqrt(3425.0)) / 140);
        const double stormB = backlogFromL((-41.5 + std::sqrt(2290.25)) / 4);
        const auto tf = [](double b, bool storm) { return storm ? 0.91 + 0.0004 * b : 0.014 * b - 0.9; };
        struct Expected {
            double backlog, waiting, high, low;
            const char *stability;
        };
        const auto [sHigh, sLow] = eigenvaluesOf(0.45 - 0.014 * saddleB, 1.4);
        const auto [tHigh, tLow] = eigenvaluesOf(-0.455 - 0.0004 * stormB, 0.04);
        const Expected expected[] = {{10, 0, -2, -8, "stable"},
                                     {saddleB, 50 * tf(saddleB, false), sHigh, sLow, "saddle"},
                                     {stormB, 50 * tf(stormB, true), tHigh, tLow, "stable"}};
        QVERIFY(std::fabs(saddleB - 90.3403574616) < 1e-9 && std::fabs(stormB - 158.913912490) < 1e-8);
        QVERIFY(sHigh > 0 && sLow < 0 && tHigh < 0);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject e = list[i].toObject();
            const QJsonObject stocks = e.value(QStringLiteral("stocks")).toObject();
            QVERIFY2(std::fabs(stocks.value(QStringLiteral("Backlog")).toDouble() - expected[i].backlog) < 1e-7, qPrintable(o.out));
            QVERIFY(std::fabs(stocks.value(QStringLiteral("Waiting to Retry")).toDouble() - expected[i].waiting) < 1e-7);
            const QJsonArray eigen = e.value(QStringLiteral("eigenvalues")).toArray();
            QCOMPARE(eigen.size(), 2);
            QVERIFY2(std::fabs(eigen[0].toArray()[0].toDouble() - expected[i].high) < 1e-5, qPrintable(o.out));
            QVERIFY(std::fabs(eigen[1].toArray()[0].toDouble() - expected[i].low) < 1e-5);
            QCOMPARE(e.value(QStringLiteral("stability")).toString(), QLatin1String(expected[i].stability));
        }
        // During the dip (capacity 30) the storm is the only steady state: there is no
        // healthy one to return to until capacity does.
        const Outcome dip = runMeadows({QStringLiteral("equilibria"), kStorm, QStringLiteral("--at"), QStringLiteral("22"), QStringLiteral("--json")});
        const QJsonArray during = json(dip).value(QStringLiteral("equilibria")).toArray();
        QCOMPARE(during.size(), 1);
        QCOMPARE(during[0].toObject().value(QStringLiteral("stability")).toString(), QStringLiteral("stable"));
        QVERIFY(during[0].toObject().value(QStringLiteral("stocks")).toObject().value(QStringLiteral("Backlog")).toDouble() > 150);
    }

    // With a budget R, the storm's retries are capped: at rest 80 + R = 100 + B TF / 2. As R
    // falls the storm slides down until it meets the saddle where the saddle's own retries
    // (100 TF at B = 90.34) equal R: the fold, at the corner of MIN(100 TF, R). There
    // TF = R / 100 and B TF / 2 = R - 20 with TF = 1.4 B / 100 - 0.9, i.e. u = R / 100 solves
    //   u^2 - 1.9 u + 0.56 = 0,  u = (1.9 - sqrt(1.37)) / 2,  R = 36.4765004...
    // (the same R as 100 TF at the saddle). Continuation over [0, 100] finds the healthy
    // branch throughout and the saddle and storm branches meeting and vanishing at R.
    void retryBudgetRemovesTheStorm()
    {
        const Outcome o = runMeadows({QStringLiteral("sweep"), kStorm, QStringLiteral("--vary"), QStringLiteral("Retry Budget=0:100:51"),
                                      QStringLiteral("--equilibria"), QStringLiteral("--json")});
        QCOMPARE(o.code, 0);
        const QJsonObject root = json(o);
        const QJsonArray branches = root.value(QStringLiteral("branches")).toArray();
        QCOMPARE(branches.size(), 3);
        const QJsonArray folds = root.value(QStringLiteral("folds")).toArray();
        QCOMPARE(folds.size(), 1);
        const double fold = 100 * (1.9 - std::sqrt(1.37)) / 2;
        const double saddleB = 100 * (185 - std::sqrt(3425.0)) / 140;
        QVERIFY(std::fabs(fold - 100 * (0.014 * saddleB - 0.9)) < 1e-9); // both derivations agree
        const QJsonObject f = folds[0].toObject();
        QVERIFY2(std::fabs(f.value(QStringLiteral("value")).toDouble() - fold) <= 1e-6 * fold, qPrintable(o.out.left(600)));
        QVERIFY(std::fabs(f.value(QStringLiteral("stocks")).toObject().value(QStringLiteral("Backlog")).toDouble() - saddleB) < 1e-4);
        // The healthy branch spans the range; the other two start just above the fold.
        int spanning = 0;
        for (const QJsonValue &b : branches) {
            const QJsonArray points = b.toArray();
            const double first = points.first().toObject().value(QStringLiteral("value")).toDouble();
            if (first == 0)
                ++spanning;
            else
                QVERIFY(first > fold && first - fold < 2.01);
        }
        QCOMPARE(spanning, 1);
    }

    // The other constants that remove the storm, each fold derived on the timeout graph's
    // straight stretch (0.75, 0.15)-(1.25, 0.85), TF(x) = 1.4 x - 0.9 with x = L / T, where
    // the saddle and the storm meet (f(B) = -20 + TF (100 - B / D) = 0 with a double root):
    //   Cancellation Delay D (T = 1): (1.4 L - 0.9)(1 - L / D) = 0.2 has a double root when
    //     w = 1 / D solves 0.81 w^2 - 3.64 w + 1.96 = 0: D = 1.59863..., at L = (1.4 D + 0.9) / 2.8;
    //   Client Timeout T (D = 2): 70 T x^2 - (140 + 45 T) x + 110 = 0 has a double root when
    //     2025 T^2 - 18200 T + 19600 = 0: T = 1.25107..., at B = 100 T x = (140 + 45 T) / 1.4.
    // The grids are coarse (steps of 0.1), so the branches bend a long way between two grid
    // values near the fold: continuation follows them in smaller steps to the fold itself.
    void otherFoldsOfTheRetryStorm()
    {
        struct Case {
            QString vary;
            double fold, backlog;
        };
        const double w = (3.64 - std::sqrt(3.64 * 3.64 - 4 * 0.81 * 1.96)) / (2 * 0.81);
        const double d = 1 / w;
        const double t = (18200 - std::sqrt(18200.0 * 18200 - 4 * 2025 * 19600.0)) / (2 * 2025);
        const Case cases[] = {{QStringLiteral("Cancellation Delay=1:3:21"), d, 100 * (1.4 * d + 0.9) / 2.8},
                              {QStringLiteral("Client Timeout=0.5:3:26"), t, (140 + 45 * t) / 1.4}};
        for (const Case &c : cases) {
            const Outcome o = runMeadows({QStringLiteral("sweep"), kStorm, QStringLiteral("--vary"), c.vary, QStringLiteral("--equilibria"),
                                          QStringLiteral("--json")});
            QCOMPARE(o.code, 0);
            const QJsonObject root = json(o);
            QCOMPARE(root.value(QStringLiteral("branches")).toArray().size(), 3);
            const QJsonArray folds = root.value(QStringLiteral("folds")).toArray();
            QVERIFY2(folds.size() == 1, qPrintable(c.vary + QLatin1Char(' ') + QJsonDocument(folds).toJson(QJsonDocument::Compact)));
            const QJsonObject f = folds[0].toObject();
            QVERIFY2(std::fabs(f.value(QStringLiteral("value")).toDouble() - c.fold) <= 1e-6 * c.fold,
                     qPrintable(QStringLiteral("%1: %2 against %3").arg(c.vary).arg(f.value(QStringLiteral("value")).toDouble(), 0, 'g', 12).arg(c.fold, 0, 'g', 12)));
            // Near a fold the stocks move as the square root of the distance to it.
            QVERIFY(std::fabs(f.value(QStringLiteral("stocks")).toObject().value(QStringLiteral("Backlog")).toDouble() - c.backlog) < 0.01);
        }
        // The backoff only delays the retries: it moves no steady state and has no fold.
        const Outcome backoff = runMeadows({QStringLiteral("sweep"), kStorm, QStringLiteral("--vary"), QStringLiteral("Retry Backoff=0.1:2:20"),
                                            QStringLiteral("--equilibria"), QStringLiteral("--json")});
        QCOMPARE(json(backoff).value(QStringLiteral("folds")).toArray().size(), 0);
        QCOMPARE(json(backoff).value(QStringLiteral("branches")).toArray().size(), 3);
    }

    // The dip that tips it: a sweep over the dip's length (steps of DT). After the dip the
    // model is autonomous, so every run ends at one of the two stable states found above:
    // healthy (Backlog 10) or the storm (158.914...). Dips up to 1.875 minutes recover, from
    // 2 on they do not (tests/analysis/test_recovery.cpp checks the boundary the sweep
    // reports; an independent Euler integration of the two equations above agrees).
    void dipLengthThatTipsIt()
    {
        const Outcome o = runMeadows({QStringLiteral("sweep"), kStorm, QStringLiteral("--vary"), QStringLiteral("Dip Duration=0:3:25")});
        QCOMPARE(o.code, 0);
        const Csv csv = parseCsv(o.out);
        QCOMPARE(csv.rows.size(), std::size_t(25));
        const double stormB = 100 * (-41.5 + std::sqrt(2290.25)) / 4;
        for (std::size_t r = 0; r < csv.rows.size(); ++r) {
            const double length = csv.at(r, QStringLiteral("Dip Duration"));
            QCOMPARE(length, 0.125 * double(r));
            const double expected = length <= 1.875 ? 10 : stormB;
            QVERIFY2(std::fabs(csv.at(r, QStringLiteral("Backlog")) - expected) < 1e-6,
                     qPrintable(QStringLiteral("dip %1: Backlog %2").arg(length).arg(csv.at(r, QStringLiteral("Backlog")))));
        }
    }
};

QTEST_GUILESS_MAIN(TestAnalysisCli)
#include "test_analysis_cli.moc"

// The postmortem page's tipping points (`meadows export --format md --bifurcation
// NAME=FROM:TO:N`), read as its reader reads it: the bifurcation chart's lines read back
// through its axis labels lie on the retry storm's equilibria, computed here independently
// (bisection on the model's equations at rest), solid where stable and dashed where not,
// and the fold is marked and labelled where the hand derivation puts it.
#include "support/inlinemodel.h"
#include "support/meadowsprocess.h"
#include "support/testfiles.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <cmath>
#include <functional>

using meadows::test::Outcome;
using meadows::test::runMeadows;

namespace {
const QString kRetryStorm = QStringLiteral(MEADOWS_SOURCE_DIR "/examples/incidents/02-retry-storm.xmile");

// The example's Timeout Fraction graph (Latency / Client Timeout -> share), as its file has it.
double timeoutFraction(double x)
{
    static const double xs[] = {0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 10, 100};
    static const double ys[] = {0, 0, 0.02, 0.15, 0.5, 0.85, 0.97, 0.99, 0.995, 0.999, 1};
    if (x <= 0)
        return 0;
    for (int i = 0; i < 10; ++i)
        if (x <= xs[i + 1])
            return ys[i] + (ys[i + 1] - ys[i]) * (x - xs[i]) / (xs[i + 1] - xs[i]);
    return 1;
}

// At rest (capacity 100, client timeout 1, cancellation delay 2), Waiting to Retry is the
// backoff times the retries, so the backlog B solves
//   f(B) = 80 + MIN(100 TF(B / 100), budget) - MIN(8 B, 100) - B TF(B / 100) / 2 = 0.
double netFlow(double b, double budget)
{
    const double tf = timeoutFraction(b / 100);
    return 80 + std::min(100 * tf, budget) - std::min(8 * b, 100.0) - b * tf / 2;
}

double bisect(const std::function<double(double)> &f, double lo, double hi)
{
    const bool rising = f(lo) < 0;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        ((f(mid) < 0) == rising ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

struct Svg {
    struct Path {
        QString cls;
        int branch = -1;
        QList<QPointF> points; // picture coordinates
    };
    QList<QPair<double, double>> valueTicks, parameterTicks; // (value, picture coordinate)
    QList<Path> paths;
    QList<QPointF> folds;
    QStringList foldLabels;
};

// The Backlog chart's parts and the shared parameter axis.
Svg readSvg(const QByteArray &bytes)
{
    Svg svg;
    QXmlStreamReader xml(bytes);
    QString chart;
    while (!xml.atEnd()) {
        if (!xml.readNext() || !xml.isStartElement())
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        const QString cls = a.value(QLatin1String("class")).toString();
        if (xml.name() == QLatin1String("g") && cls == QLatin1String("chart"))
            chart = a.value(QLatin1String("data-stock")).toString();
        if (cls == QLatin1String("parameter-tick")) {
            const double x = a.value(QLatin1String("x")).toDouble();
            svg.parameterTicks.append({xml.readElementText().toDouble(), x});
        }
        if (chart != QLatin1String("Backlog"))
            continue;
        if (cls == QLatin1String("value-tick")) {
            const double y = a.value(QLatin1String("y")).toDouble();
            svg.valueTicks.append({xml.readElementText().toDouble(), y});
        } else if (xml.name() == QLatin1String("path")) {
            Svg::Path p{cls, a.value(QLatin1String("data-branch")).toInt(), {}};
            static const QRegularExpression point(QStringLiteral("[ML]([-\\d.]+),([-\\d.]+)"));
            for (const QRegularExpressionMatch &m : point.globalMatch(a.value(QLatin1String("d")).toString()))
                p.points << QPointF(m.captured(1).toDouble(), m.captured(2).toDouble());
            svg.paths << p;
        } else if (cls == QLatin1String("fold")) {
            svg.folds << QPointF(a.value(QLatin1String("cx")).toDouble(), a.value(QLatin1String("cy")).toDouble());
        } else if (cls == QLatin1String("fold-label")) {
            svg.foldLabels << xml.readElementText();
        }
    }
    return svg;
}

// The value at a picture coordinate, through the first and last tick labels.
double unmap(const QList<QPair<double, double>> &ticks, double at)
{
    const auto &a = ticks.first(), &b = ticks.last();
    return a.first + (at - a.second) / (b.second - a.second) * (b.first - a.first);
}
} // namespace

class TestPostmortemTipping : public QObject {
    Q_OBJECT
private slots:
    void retryBudgetChart();
    void stabilityChangeWithoutAFold();
    void mistakes();
};

void TestPostmortemTipping::retryBudgetChart()
{
    QTemporaryDir dir;
    const QString page = dir.filePath(QStringLiteral("storm.md"));
    const Outcome o = runMeadows({QStringLiteral("export"), kRetryStorm, QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("-o"),
                                  page, QStringLiteral("--bifurcation"), QStringLiteral("Retry Budget=0:100:51")});
    QCOMPARE(o.code, 0);
    const QString md = QString::fromUtf8(meadows::testing::readAll(page));
    // The fold by hand (tests/analysis/test_analysis_cli.cpp): R = 100 (1.9 - sqrt(1.37)) / 2,
    // where the saddle B = 100 (185 - sqrt(3425)) / 140 and W = 0.5 R.
    const double fold = 100 * (1.9 - std::sqrt(1.37)) / 2;
    const double saddle = 100 * (185 - std::sqrt(3425.0)) / 140;
    QVERIFY2(md.contains(QStringLiteral("## Tipping points\n\n![Equilibria of Backlog, Waiting to Retry against Retry Budget]"
                                        "(storm-bifurcation.svg)\n\nThe steady states as Retry Budget goes from 0 to 100 (51 values)")),
             qPrintable(md));
    QVERIFY2(md.contains(QStringLiteral("- **Tipping point (fold)** at Retry Budget = %1: Backlog = %2, Waiting to Retry = %3.")
                             .arg(QString::number(fold, 'g', 6), QString::number(saddle, 'g', 6), QString::number(fold / 2, 'g', 6))),
             qPrintable(md));
    QVERIFY(md.indexOf(QLatin1String("## Tipping points")) > md.indexOf(QLatin1String("## Behaviour")));

    const Svg svg = readSvg(meadows::testing::readAll(dir.filePath(QStringLiteral("storm-bifurcation.svg"))));
    QVERIFY(svg.valueTicks.size() >= 3 && svg.parameterTicks.size() >= 3);
    QCOMPARE(svg.parameterTicks.first().first, 0.0);
    QCOMPARE(svg.parameterTicks.last().first, 100.0);
    // A hundredth of a pixel in a 220-pixel plot, in Backlog; and in the budget's 634 pixels.
    const double yTolerance = 0.02 * (svg.valueTicks.last().first - svg.valueTicks.first().first) / 220;
    const double xTolerance = 0.02 * 100 / 634;
    // Every point of a line lies on one of the three steady states, found here by bisection:
    // healthy (10), the saddle (dashed) and, above the fold, the storm.
    int healthy = 0, saddles = 0, storms = 0;
    for (const Svg::Path &path : svg.paths) {
        QVERIFY(path.cls == QLatin1String("stable") || path.cls == QLatin1String("unstable"));
        QVERIFY(path.points.size() >= 2);
        for (const QPointF &p : path.points) {
            // Branch points sit on the grid 0, 2, ..., 100.
            const double drawn = unmap(svg.parameterTicks, p.x()), budget = 2 * std::round(drawn / 2);
            QVERIFY(std::fabs(drawn - budget) < xTolerance);
            const double backlog = unmap(svg.valueTicks, p.y());
            const auto f = [budget](double b) { return netFlow(b, budget); };
            const double low = bisect(f, 1, 12.5); // the healthy state, below full service
            const QString where = QStringLiteral("budget %1: Backlog %2").arg(budget).arg(backlog);
            if (std::fabs(backlog - low) < yTolerance + 1e-9) {
                QCOMPARE(path.cls, QStringLiteral("stable"));
                ++healthy;
                continue;
            }
            QVERIFY2(budget > fold - xTolerance, qPrintable(where));
            if (path.cls == QLatin1String("unstable")) {
                QVERIFY2(std::fabs(backlog - saddle) < yTolerance, qPrintable(where));
                ++saddles;
            } else {
                // The storm: f > 0 between the saddle and it, < 0 above.
                const double storm = bisect(f, saddle + 1e-6, 400);
                QVERIFY2(std::fabs(backlog - storm) < yTolerance, qPrintable(where + QStringLiteral(", storm %1").arg(storm)));
                ++storms;
            }
        }
    }
    // 51 budgets: the healthy branch at all of them, the other two at the 32 from 38 to 100.
    QCOMPARE(healthy, 51);
    QCOMPARE(saddles, 32);
    QCOMPARE(storms, 32);
    QCOMPARE(svg.folds.size(), 1);
    QVERIFY(std::fabs(unmap(svg.parameterTicks, svg.folds[0].x()) - fold) < xTolerance);
    QVERIFY(std::fabs(unmap(svg.valueTicks, svg.folds[0].y()) - saddle) < yTolerance);
    QCOMPARE(svg.foldLabels, QStringList{QStringLiteral("tipping point (fold): Retry Budget = %1, Backlog = %2")
                                             .arg(QString::number(fold, 'g', 6), QString::number(saddle, 'g', 6))});
}

// dX/dt = (b - 0.01) X: one steady state, X = 0, eigenvalue b - 0.01: stable below b = 0.01
// and unstable above, with no fold or Hopf point. The page says so between the grid values
// around it (0.005 and 0.015), and draws the branch solid, then dashed.
void TestPostmortemTipping::stabilityChangeWithoutAFold()
{
    QTemporaryDir dir;
    const QString model = dir.filePath(QStringLiteral("growth.xmile"));
    QFile f(model);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(meadows::test::xmile(QStringLiteral("<stock name=\"X\"><eqn>1</eqn><inflow>Net</inflow></stock>"
                                                "<flow name=\"Net\"><eqn>(b - 0.01) * X</eqn></flow><aux name=\"b\"><eqn>0.02</eqn></aux>"),
                                 QStringLiteral("<start>0</start><stop>10</stop><dt>0.25</dt>")));
    f.close();
    const QString page = dir.filePath(QStringLiteral("g.md"));
    const Outcome o = runMeadows({QStringLiteral("export"), model, QStringLiteral("-o"), page, QStringLiteral("--bifurcation"),
                                  QStringLiteral("b=0.005:0.035:4")});
    QCOMPARE(o.code, 0);
    const QString md = QString::fromUtf8(meadows::testing::readAll(page));
    QVERIFY2(md.contains(QStringLiteral("No fold or Hopf point in this range.\n\n"
                                        "- A steady state turns from stable to unstable between b = 0.005 and 0.015.\n")),
             qPrintable(md));
    const QString svg = QString::fromUtf8(meadows::testing::readAll(dir.filePath(QStringLiteral("g-bifurcation.svg"))));
    QCOMPARE(svg.count(QStringLiteral("<path class=\"stable\"")), 1);
    QCOMPARE(svg.count(QStringLiteral("<path class=\"unstable\"")), 1);
    QCOMPARE(svg.count(QStringLiteral("class=\"fold\"")), 0);
}

void TestPostmortemTipping::mistakes()
{
    QTemporaryDir dir;
    const QString page = dir.filePath(QStringLiteral("x.md"));
    Outcome o = runMeadows({QStringLiteral("export"), kRetryStorm, QStringLiteral("-o"), page, QStringLiteral("--bifurcation"),
                            QStringLiteral("Nothing=0:1:5")});
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("Nothing")), qPrintable(o.err));
    QVERIFY(!QFile::exists(page));
    o = runMeadows({QStringLiteral("export"), kRetryStorm, QStringLiteral("-o"), dir.filePath(QStringLiteral("x.svg")),
                    QStringLiteral("--bifurcation"), QStringLiteral("Retry Budget=0:100:5")});
    QCOMPARE(o.code, 2);
    QVERIFY(o.err.contains(QStringLiteral("--bifurcation is only for --format md")));
    o = runMeadows({QStringLiteral("export"), kRetryStorm, QStringLiteral("-o"), page, QStringLiteral("--bifurcation"),
                    QStringLiteral("Retry Budget=0:100")});
    QCOMPARE(o.code, 2);
}

QTEST_GUILESS_MAIN(TestPostmortemTipping)
#include "test_postmortem_tipping.moc"

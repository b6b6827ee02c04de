// Equilibria, their stability and continuation, against closed forms.
#include "analysismodels.h"

#include "solver/analysis/continuation.h"
#include "solver/analysis/equilibria.h"

#include <QtTest>
#include <cmath>
#include <random>

using namespace meadows;
using namespace meadows::test;

namespace {

EquilibriumSearch search(const QByteArray &text, const EquilibriumOptions &options = {})
{
    const ParameterizedModel model(projectFrom(text), {});
    if (!model.model())
        return {};
    return findEquilibria(model.flat(), *model.model(), options);
}

bool near(double a, double b, double relative) { return std::fabs(a - b) <= relative * std::max(1.0, std::fabs(b)); }

} // namespace

class TestEquilibria : public QObject {
    Q_OBJECT
private slots:
    // A Vensim QUEUE FIFO (here as Save As writes it) is a level the rates do not integrate:
    // the search would see it fixed, and every state an equilibrium. It is refused with an
    // error at the queue, and nothing is searched (27 equilibria were listed before).
    void aQueueIsRefused()
    {
        const EquilibriumSearch s = search(xmile(QStringLiteral(
            "<gf name=\"flat\"><xscale min=\"0\" max=\"1\"/><ypts>1,1</ypts></gf>"
            "<aux name=\"WIP\"><eqn>QUEUE_FIFO(orders, shipped, flat, 40, 2)</eqn></aux>"
            "<aux name=\"orders\"><eqn>20</eqn></aux><aux name=\"shipped\"><eqn>WIP / 2</eqn></aux>")));
        QVERIFY(s.equilibria.empty());
        QCOMPARE(s.starts, 0);
        QVERIFY(!s.warnings.empty());
        QCOMPARE(s.warnings.back().severity, Severity::Error);
        QVERIFY2(s.warnings.back().message.startsWith(QStringLiteral("equilibria are not searched in a model with QUEUE FIFO ('WIP')")),
                 qPrintable(s.warnings.back().message));
    }

    // dx/dt = r x (1 - x/K) - H = 0  <=>  x^2 - K x + H K / r = 0
    //   x = K/2 (1 +- sqrt(1 - 4H/(rK))).  With r = 1, K = 100, H = 16: sqrt(1 - 0.64) = 0.6,
    //   x = 20 and x = 80. The eigenvalue is f'(x) = r (1 - 2x/K): +0.6 at 20 (unstable, the
    //   threshold below which the population collapses), -0.6 at 80 (stable).
    void logisticHarvestHasTwoEquilibria()
    {
        const EquilibriumSearch s = search(logisticHarvest(16));
        QCOMPARE(s.stockNames, std::vector<QString>{QStringLiteral("X")});
        QCOMPARE(s.equilibria.size(), std::size_t(2));
        const Equilibrium &low = s.equilibria[0], &high = s.equilibria[1];
        QVERIFY2(near(low.stocks[0], 20, 1e-9), qPrintable(QString::number(low.stocks[0], 'g', 17)));
        QVERIFY2(near(high.stocks[0], 80, 1e-9), qPrintable(QString::number(high.stocks[0], 'g', 17)));
        QCOMPARE(low.stability, Stability::Unstable);
        QCOMPARE(high.stability, Stability::Stable);
        QVERIFY(near(low.eigenvalues[0].real(), 0.6, 1e-6));
        QVERIFY(near(high.eigenvalues[0].real(), -0.6, 1e-6));
        QVERIFY(!low.oscillatory && !high.oscillatory);
        QVERIFY(low.kinks.empty() && high.kinks.empty());
    }

    // Above H = rK/4 = 25 the discriminant 1 - 4H/(rK) is negative: no equilibrium.
    void logisticOverharvestedHasNone()
    {
        QVERIFY(search(logisticHarvest(26)).equilibria.empty());
    }

    // Continuation in H over [0, 40] (37 points, so 25 is not on the grid): two branches,
    // x = 50 (1 +- sqrt(1 - H/25)), meeting at the fold H = rK/4 = 25, x = K/2 = 50.
    void logisticFoldAtQuarterOfRK()
    {
        const ParameterizedModel model(projectFrom(logisticHarvest(0)), {QStringLiteral("H")});
        QVERIFY(model.model());
        const Continuation c = continueEquilibria(model, 0, 0, 40, 37);
        QCOMPARE(c.parameter, QStringLiteral("H"));
        QCOMPARE(c.branches.size(), std::size_t(2));
        QCOMPARE(c.folds.size(), std::size_t(1));
        QVERIFY2(std::fabs(c.folds[0].value - 25) <= 1e-6 * 25, qPrintable(QString::number(c.folds[0].value, 'g', 17)));
        QVERIFY2(std::fabs(c.folds[0].stocks[0] - 50) < 0.1, qPrintable(QString::number(c.folds[0].stocks[0], 'g', 17)));
        QVERIFY(c.hopf.empty());
        int stablePoints = 0, unstablePoints = 0;
        for (const auto &branch : c.branches) {
            QVERIFY(!branch.empty());
            for (const BranchPoint &p : branch) {
                QVERIFY(p.value < 25);
                const double root = std::sqrt(1 - p.value / 25);
                const bool upper = p.stocks[0] > 50;
                QVERIFY2(near(p.stocks[0], 50 * (1 + (upper ? root : -root)), 1e-8), qPrintable(QString::number(p.value)));
                QCOMPARE(p.stability, upper ? Stability::Stable : Stability::Unstable);
                (upper ? stablePoints : unstablePoints) += 1;
            }
        }
        // Grid values below 25: 0, 40/36, ..., 24.44: 23 of them on each branch.
        QCOMPARE(stablePoints, 23);
        QCOMPARE(unstablePoints, 23);
    }

    // X' = V, V' = -k X: the Jacobian [[0, 1], [-k, 0]] has eigenvalues +-i sqrt(k); with
    // k = 4, +-2i. The only equilibrium is the origin: a centre, oscillatory, neither
    // growing nor decaying (classified stable, and neutral).
    void undampedOscillatorHasImaginaryEigenvalues()
    {
        const EquilibriumSearch s = search(oscillator(4, 0));
        QCOMPARE(s.equilibria.size(), std::size_t(1));
        const Equilibrium &e = s.equilibria[0];
        QVERIFY(std::fabs(e.stocks[0]) < 1e-9 && std::fabs(e.stocks[1]) < 1e-9);
        QCOMPARE(e.eigenvalues.size(), std::size_t(2));
        QCOMPARE(e.eigenvalues[0].real(), 0.0);
        QCOMPARE(e.eigenvalues[1].real(), 0.0);
        QVERIFY(near(e.eigenvalues[0].imag(), 2, 1e-9));
        QVERIFY(near(e.eigenvalues[1].imag(), -2, 1e-9));
        QVERIFY(e.oscillatory);
        QVERIFY(e.neutral);
        QCOMPARE(e.stability, Stability::Stable);
    }

    // With damping c the eigenvalues are (-c +- sqrt(c^2 - 4k)) / 2: for |c| < 2 sqrt(k)
    // a complex pair of real part -c/2, which crosses zero at c = 0 (a Hopf point), stable
    // for c > 0 and unstable for c < 0.
    void dampedOscillatorHopfAtZeroDamping()
    {
        const ParameterizedModel model(projectFrom(oscillator(4, 0.5)), {QStringLiteral("c")});
        const Continuation c = continueEquilibria(model, 0, -1, 1, 20);
        QCOMPARE(c.branches.size(), std::size_t(1));
        QCOMPARE(c.branches[0].size(), std::size_t(20));
        QVERIFY(c.folds.empty());
        QCOMPARE(c.hopf.size(), std::size_t(1));
        QVERIFY2(std::fabs(c.hopf[0].value) < 1e-6, qPrintable(QString::number(c.hopf[0].value, 'g', 17)));
        for (const BranchPoint &p : c.branches[0]) {
            QCOMPARE(p.stability, p.value < 0 ? Stability::Unstable : Stability::Stable);
            QVERIFY(p.oscillatory);
        }
        const EquilibriumSearch damped = search(oscillator(4, 0.5));
        QCOMPARE(damped.equilibria.size(), std::size_t(1));
        // -0.25 +- i sqrt(4 - 0.0625)
        QVERIFY(near(damped.equilibria[0].eigenvalues[0].real(), -0.25, 1e-7));
        QVERIFY(near(damped.equilibria[0].eigenvalues[0].imag(), std::sqrt(3.9375), 1e-7));
    }

    // dx/dt = r x: x = 0 is the one equilibrium, unstable with eigenvalue r. With
    // immigration m > 0 the root moves to x = -m/r < 0, which a non-negative stock cannot
    // reach: exponential growth with no equilibrium at all.
    void exponentialGrowth()
    {
        const EquilibriumSearch pure = search(exponential(0.1, 0, false));
        QCOMPARE(pure.equilibria.size(), std::size_t(1));
        QVERIFY(std::fabs(pure.equilibria[0].stocks[0]) < 1e-9);
        QCOMPARE(pure.equilibria[0].stability, Stability::Unstable);
        QVERIFY(near(pure.equilibria[0].eigenvalues[0].real(), 0.1, 1e-7));

        QVERIFY(search(exponential(0.1, 5, true)).equilibria.empty());
        // Without the floor the root x = -m/r = -50 is the model's equilibrium.
        const EquilibriumSearch negative = search(exponential(0.1, 5, false));
        QCOMPARE(negative.equilibria.size(), std::size_t(1));
        QVERIFY(near(negative.equilibria[0].stocks[0], -50, 1e-9));
    }

    // dx/dt = 10 - MIN(x, 0.5 x + 5): zero only at x = 10, where x = 0.5 x + 5. Below, the
    // slope is -1; above, -0.5; central differences see about their average, -0.75. The kink is
    // reported with the variable that holds it.
    void equilibriumOnAMinKink()
    {
        const EquilibriumSearch s = search(minKink());
        QCOMPARE(s.equilibria.size(), std::size_t(1));
        const Equilibrium &e = s.equilibria[0];
        QVERIFY(near(e.stocks[0], 10, 1e-9));
        // Newton stops within d ~ 1e-9 of the corner; a central difference of step h = 1e-5
        // across it is -0.75 + d / (4h): within 1e-4 of -0.75.
        QVERIFY(near(e.eigenvalues[0].real(), -0.75, 1e-4));
        QCOMPARE(e.stability, Stability::Stable);
        QCOMPARE(e.kinks.size(), std::size_t(1));
        QCOMPARE(e.kinks[0].function, QStringLiteral("MIN"));
        QCOMPARE(e.kinks[0].variable, QStringLiteral("Drain"));
        QCOMPARE(e.kinks[0].where.file, QStringLiteral("inline.xmile"));
        QVERIFY(e.kinks[0].where.pos.line > 0);
    }

    // Models the code has never seen: 20 logistic-harvest models with r, K and H drawn at
    // random (H below rK/4), each with equilibria K/2 (1 +- sqrt(1 - 4H/(rK))) and
    // eigenvalues r (1 - 2x/K), and the fold of each in H at rK/4.
    void randomLogisticModels()
    {
        std::mt19937_64 random(2026);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (int trial = 0; trial < 20; ++trial) {
            const double r = 0.05 + 2 * unit(random), k = 1 + 1000 * unit(random), h = 0.9 * unit(random) * r * k / 4;
            const QByteArray text = xmile(QStringLiteral(
                "<stock name=\"N\"><eqn>%2</eqn><inflow>g</inflow><outflow>catch</outflow></stock>"
                "<flow name=\"g\"><eqn>%1 * N * (1 - N / %2)</eqn></flow><flow name=\"catch\"><eqn>H</eqn></flow>"
                "<aux name=\"H\"><eqn>%3</eqn></aux>").arg(r, 0, 'g', 17).arg(k, 0, 'g', 17).arg(h, 0, 'g', 17));
            const EquilibriumSearch s = search(text);
            QCOMPARE(s.equilibria.size(), std::size_t(2));
            const double root = std::sqrt(1 - 4 * h / (r * k));
            for (int i = 0; i < 2; ++i) {
                const double x = k / 2 * (1 + (i == 0 ? -root : root));
                QVERIFY2(near(s.equilibria[std::size_t(i)].stocks[0], x, 1e-8), qPrintable(QStringLiteral("trial %1").arg(trial)));
                QVERIFY(std::fabs(s.equilibria[std::size_t(i)].eigenvalues[0].real() - r * (1 - 2 * x / k)) < 1e-6 * r);
            }
            const ParameterizedModel model(projectFrom(text), {QStringLiteral("H")});
            const Continuation c = continueEquilibria(model, 0, 0, 0.37 * r * k, 31);
            QCOMPARE(c.folds.size(), std::size_t(1));
            QVERIFY2(std::fabs(c.folds[0].value - r * k / 4) <= 1e-6 * r * k / 4, qPrintable(QStringLiteral("trial %1").arg(trial)));
        }
    }

    // Random linear systems x' = A x + b with 4 stocks: the one equilibrium is
    // x = -A^-1 b and the eigenvalues are A's (computed here independently by Eigen from A
    // itself, not from differences of the model).
    void randomLinearSystems()
    {
        std::mt19937_64 random(7);
        std::normal_distribution<double> normal;
        for (int trial = 0; trial < 10; ++trial) {
            Eigen::MatrixXd a(4, 4);
            Eigen::VectorXd b(4);
            for (int i = 0; i < 4; ++i) {
                b[i] = 10 * normal(random);
                for (int j = 0; j < 4; ++j)
                    a(i, j) = normal(random) - (i == j ? 1.0 : 0.0);
            }
            QString vars;
            for (int i = 0; i < 4; ++i) {
                QString eqn = QString::number(b[i], 'g', 17);
                for (int j = 0; j < 4; ++j)
                    eqn += QStringLiteral(" + (%1) * x%2").arg(a(i, j), 0, 'g', 17).arg(j);
                vars += QStringLiteral("<stock name=\"x%1\"><eqn>1</eqn><inflow>f%1</inflow></stock>"
                                       "<flow name=\"f%1\"><eqn>%2</eqn></flow>").arg(i).arg(eqn);
            }
            const EquilibriumSearch s = search(xmile(vars, QStringLiteral("<start>0</start><stop>2</stop><dt>0.01</dt>")));
            QCOMPARE(s.equilibria.size(), std::size_t(1));
            const Eigen::VectorXd expected = a.colPivHouseholderQr().solve(-b);
            const Equilibrium &e = s.equilibria[0];
            for (int i = 0; i < 4; ++i)
                QVERIFY2(std::fabs(e.stocks[std::size_t(i)] - expected[i]) < 1e-7 * (1 + expected.cwiseAbs().maxCoeff()),
                         qPrintable(QStringLiteral("trial %1").arg(trial)));
            const Eigen::VectorXcd values = Eigen::EigenSolver<Eigen::MatrixXd>(a, false).eigenvalues();
            int positive = 0;
            for (const std::complex<double> &v : values) {
                positive += v.real() > 0;
                const bool found = std::any_of(e.eigenvalues.begin(), e.eigenvalues.end(),
                                               [&](std::complex<double> w) { return std::abs(w - v) < 1e-5 * (1 + std::abs(v)); });
                QVERIFY2(found, qPrintable(QStringLiteral("trial %1: %2%3i").arg(trial).arg(v.real()).arg(v.imag())));
            }
            QCOMPARE(e.stability, positive == 0 ? Stability::Stable : (positive == 4 ? Stability::Unstable : Stability::Saddle));
        }
    }

    // PREVIOUS reads a history that a steady state does not have: the search still runs
    // (x' = 5 - x + 0 * PREVIOUS(x, 0) balances at 5) and says so, naming the variable.
    void pastValuesAreACaveat()
    {
        const EquilibriumSearch s = search(xmile(QStringLiteral(
            "<stock name=\"x\"><eqn>0</eqn><inflow>f</inflow></stock>"
            "<flow name=\"f\"><eqn>5 - x + 0 * PREVIOUS(x, 0)</eqn></flow>")));
        QCOMPARE(s.equilibria.size(), std::size_t(1));
        QVERIFY(near(s.equilibria[0].stocks[0], 5, 1e-9));
        QCOMPARE(s.warnings.size(), std::size_t(1));
        QCOMPARE(s.warnings[0].severity, Severity::Warning);
        QCOMPARE(s.warnings[0].file, QStringLiteral("inline.xmile"));
        QVERIFY(s.warnings[0].pos.line > 0);
        QVERIFY(s.warnings[0].message.contains(QStringLiteral("past values")));
        QVERIFY(search(logisticHarvest(16)).warnings.empty());
    }

    // Time-driven inputs are held: inflow STEP(30, 5) - 10 x balances at x = 0 before
    // time 5 and at x = 3 from then on.
    void timeDrivenInputsHeldAtTheGivenTime()
    {
        const QByteArray text = xmile(QStringLiteral(
            "<stock name=\"x\"><eqn>0</eqn><inflow>f</inflow></stock>"
            "<flow name=\"f\"><eqn>STEP(30, 5) - 10 * x</eqn></flow>"));
        EquilibriumOptions before, after;
        before.at = 1;
        after.at = 6;
        const EquilibriumSearch a = search(text, before), b = search(text, after);
        QCOMPARE(a.equilibria.size(), std::size_t(1));
        QCOMPARE(b.equilibria.size(), std::size_t(1));
        QVERIFY(std::fabs(a.equilibria[0].stocks[0]) < 1e-9);
        QVERIFY(near(b.equilibria[0].stocks[0], 3, 1e-9));
    }
};

QTEST_GUILESS_MAIN(TestEquilibria)
#include "test_equilibria.moc"

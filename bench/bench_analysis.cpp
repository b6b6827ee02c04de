// Timings for BENCHMARKS.md's analysis figures (plain wall-clock, median of five):
//   sensitivity: 1,000 Latin-hypercube runs of a 100-variable model over 1,000 Euler steps;
//   continuation: 200 points of a 50-stock model (one logistic stock with harvest feeding
//                 a chain of 49 first-order stocks: a fold at H = rK/4 = 25);
//   sweep: 400 runs of the 100-variable model on 1 thread, then on 2.
// Usage: bench_analysis [sensitivity|continuation|sweep]...  (default: all three)
#include "solver/analysis/continuation.h"
#include "solver/analysis/sensitivity.h"
#include "solver/analysis/sweep.h"

#include "model/xmilereader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

using namespace meadows;

namespace {

QByteArray document(const QString &variables, const QString &specs)
{
    return QStringLiteral("<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\"><header/>"
                          "<sim_specs method=\"Euler\">%1</sim_specs><model><variables>%2</variables></model></xmile>")
        .arg(specs, variables).toUtf8();
}

// 25 stocks, each with a flow and two auxiliaries (100 variables): s_i moves toward a
// goal set by its neighbour, at a rate set by `gain` and `delay`.
QByteArray hundredVariables()
{
    QString v = QStringLiteral("<aux name=\"gain\"><eqn>1</eqn></aux><aux name=\"delay\"><eqn>5</eqn></aux>");
    for (int i = 0; i < 24; ++i) {
        const int prev = (i + 23) % 24;
        v += QStringLiteral("<stock name=\"s%1\"><eqn>%2</eqn><inflow>f%1</inflow></stock>"
                            "<flow name=\"f%1\"><eqn>(goal%1 - s%1) / delay</eqn></flow>"
                            "<aux name=\"goal%1\"><eqn>gain * s%3 + pressure%1</eqn></aux>"
                            "<aux name=\"pressure%1\"><eqn>MAX(0, 10 - s%1) * 0.1</eqn></aux>").arg(i).arg(i + 1).arg(prev);
    }
    // 96 + 2 so far; two more make 100.
    v += QStringLiteral("<aux name=\"total\"><eqn>s0 + s1 + s2 + s3</eqn></aux><aux name=\"mean\"><eqn>total / 4</eqn></aux>");
    return document(v, QStringLiteral("<start>0</start><stop>100</stop><dt>0.1</dt><save_step>1</save_step>"));
}

QByteArray fiftyStocks()
{
    QString v = QStringLiteral(
        "<stock name=\"x0\"><eqn>60</eqn><inflow>g0</inflow><outflow>harvest</outflow></stock>"
        "<flow name=\"g0\"><eqn>x0 * (1 - x0 / 100)</eqn></flow><flow name=\"harvest\"><eqn>H</eqn></flow>"
        "<aux name=\"H\"><eqn>10</eqn></aux>");
    for (int i = 1; i < 50; ++i)
        v += QStringLiteral("<stock name=\"x%1\"><eqn>60</eqn><inflow>g%1</inflow></stock>"
                            "<flow name=\"g%1\"><eqn>(x%2 - x%1) / 2</eqn></flow>").arg(i).arg(i - 1);
    return document(v, QStringLiteral("<start>0</start><stop>50</stop><dt>0.25</dt>"));
}

Project load(const QByteArray &text) { return *readXmile(text, QStringLiteral("bench.xmile")).project; }

template <typename F> double medianSeconds(F &&f)
{
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[2];
}

void sensitivity()
{
    const ParameterizedModel model(load(hundredVariables()), {QStringLiteral("gain"), QStringLiteral("delay")});
    const std::vector<Distribution> d{{Distribution::Kind::Uniform, 0.8, 1.0, 0}, {Distribution::Kind::Normal, 5, 0.5, 0}};
    std::size_t columns = 0, rows = 0;
    const double t = medianSeconds([&] {
        const SensitivityResult r = runSensitivity(model, d, 1000, 1, Sampling::LatinHypercube);
        columns = r.bands->columns;
        rows = r.bands->rows();
    });
    std::printf("sensitivity: 1000 runs x %zu variables x 1000 steps (%zu saved rows, %zu band columns): %.3f s\n",
                model.model()->outputs.size(), rows, columns, t);
}

void continuation()
{
    const ParameterizedModel model(load(fiftyStocks()), {QStringLiteral("H")});
    Continuation c;
    const double t = medianSeconds([&] { c = continueEquilibria(model, 0, 0, 30, 200); });
    std::printf("continuation: %zu stocks, 200 points: %.3f s; %zu branches, %zu folds", model.model()->stockSlots.size(), t,
                c.branches.size(), c.folds.size());
    for (const SpecialPoint &f : c.folds)
        std::printf(" (fold at H = %.9g)", f.value);
    std::printf("\n");
}

void sweep()
{
    const ParameterizedModel model(load(hundredVariables()), {QStringLiteral("gain"), QStringLiteral("delay")});
    const std::vector<SweepAxis> axes{{QStringLiteral("gain"), 0.8, 1.0, 20}, {QStringLiteral("delay"), 2, 8, 20}};
    double previous = 0;
    for (unsigned threads : {1u, 2u}) {
        const double t = medianSeconds([&] { runSweep(model, axes, {}, {}, threads); });
        std::printf("sweep: 400 runs on %u thread%s: %.3f s (%.0f runs/s)%s\n", threads, threads == 1 ? "" : "s", t, 400 / t,
                    previous > 0 ? qPrintable(QStringLiteral(", speed-up %1").arg(previous / t, 0, 'f', 2)) : "");
        previous = t;
    }
}

} // namespace

int main(int argc, char **argv)
{
    const auto wanted = [&](const char *name) {
        if (argc < 2)
            return true;
        for (int i = 1; i < argc; ++i) {
            if (std::strcmp(argv[i], name) == 0)
                return true;
        }
        return false;
    };
    if (wanted("sensitivity"))
        sensitivity();
    if (wanted("continuation"))
        continuation();
    if (wanted("sweep"))
        sweep();
    return 0;
}

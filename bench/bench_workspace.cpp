// Slider change -> re-simulated -> chart updated, in process (Google Benchmark, offscreen).
#include "gui/live/plotview.h"
#include "model/xmilereader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <benchmark/benchmark.h>

#include <QApplication>

namespace {

using namespace meadows;

// make_ring.py's model with 250 stocks: 1000 variables; 1000 steps of 1, all saved.
Project ring250()
{
    QByteArray x = "<xmile version=\"1.0\"><header/><sim_specs method=\"Euler\"><start>0</start><stop>1000</stop>"
                   "<dt>1</dt></sim_specs><model><variables>";
    const int n = 250;
    for (int i = 0; i < n; ++i) {
        const QByteArray s = QByteArray::number(i);
        x += "<stock name=\"s" + s + "\"><eqn>" + QByteArray::number(100 + i % 10) + "</eqn><inflow>f" + s
             + "</inflow><outflow>f" + QByteArray::number((i + 1) % n) + "</outflow><outflow>leak" + s + "</outflow></stock>"
             + "<aux name=\"rate" + s + "\"><eqn>0.1 + 0.05 * SIN(TIME / " + QByteArray::number(10 + i % 7) + ")</eqn></aux>"
             + "<flow name=\"f" + s + "\"><eqn>MIN(s" + QByteArray::number((i + n - 1) % n) + " * rate" + s + ", 50)</eqn></flow>"
             + "<flow name=\"leak" + s + "\"><eqn>s" + s + " * 0.01</eqn></flow>";
    }
    return *readXmile(x + "</variables></model></xmile>", QStringLiteral("ring.xmile")).project;
}

// What the workspace does when a slider moves: recompile with the new constant,
// simulate, and replace the charted series (six variables, decimated to 800 pixels).
void BM_SliderToChart1000Vars1000Steps(benchmark::State &state)
{
    const Project project = ring250();
    auto plot = createPlotView();
    plot->resize(800, 400);
    double value = 0.05;
    for (auto _ : state) {
        FlattenOptions o;
        o.overrides.push_back({QStringLiteral("rate7"), value});
        value += 1e-4;
        const CompileResult compiled = compileProject(project, o);
        auto results = std::make_shared<const Results>(std::move(*simulate(*compiled.model).results));
        QList<PlotSeries> series;
        for (int k = 0; k < 6; ++k)
            series << PlotSeries{QStringLiteral("s%1").arg(k), Qt::blue, results, results->column(QStringLiteral("s%1").arg(k)), false};
        plot->setSeries(series);
        benchmark::DoNotOptimize(plot->points(QStringLiteral("s0")).size());
    }
}
BENCHMARK(BM_SliderToChart1000Vars1000Steps)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}

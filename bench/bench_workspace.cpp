// Slider change -> re-simulated -> chart updated, in process (Google Benchmark, offscreen).
#include "ringmodel.h"

#include "gui/live/plotview.h"
#include "model/xmilereader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <benchmark/benchmark.h>

#include <QApplication>

namespace {

using namespace meadows;

// What the workspace does when a slider moves: recompile with the new constant,
// simulate, and replace the charted series (six variables, decimated to 800 pixels).
void BM_SliderToChart1000Vars1000Steps(benchmark::State &state)
{
    const Project project = bench::ringProject(250, 1000, 1); // 1000 variables, every step saved
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

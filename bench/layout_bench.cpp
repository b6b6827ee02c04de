// Automatic layout of a stock-and-flow model written without a diagram (issue 17: 200
// variables in at most 1 s): Graphviz's placement, pipes, and the routing of every
// connector. The model is tests/support/generatedmodel's, fixed by its seed.
#include "diagram/autolayout.h"
#include "support/generatedmodel.h"

#include <benchmark/benchmark.h>

namespace {

void layoutGenerated(benchmark::State &state)
{
    const meadows::Project model = meadows::test::generatedStockFlowModel(int(state.range(0)));
    for (auto _ : state) {
        meadows::Project p = model;
        const meadows::diagram::LayoutResult r = meadows::diagram::layoutModel(p.mainModel());
        if (!r.ok)
            state.SkipWithError(qPrintable(r.error));
        benchmark::DoNotOptimize(p);
    }
    state.counters["variables"] = double(model.mainModel().variables.size());
}

} // namespace

BENCHMARK(layoutGenerated)->Arg(60)->Arg(204)->Arg(504)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();

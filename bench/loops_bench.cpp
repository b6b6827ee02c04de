// Loop enumeration on the benchmark diagram (see randomdiagram.h): SCCs, every
// elementary circuit, R/B classification and stable naming, as `meadows loops` does it.
// Compare with loops_networkx.py on the same graph; figures in BENCHMARKS.md.
#include "randomdiagram.h"

#include "model/loops/loopfinder.h"

#include <benchmark/benchmark.h>
#include <limits>

namespace {

void BM_FindLoops(benchmark::State &state)
{
    const meadows::CausalGraph graph = meadows::bench::randomDiagram();
    meadows::LoopSearchOptions options;
    options.maxLoops = std::numeric_limits<std::size_t>::max();
    std::size_t loops = 0;
    for (auto _ : state) {
        const meadows::LoopList found = meadows::findLoops(graph, options);
        loops = found.size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["loops"] = double(loops);
    state.counters["loops_per_s"] = benchmark::Counter(double(loops), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FindLoops)->Unit(benchmark::kMillisecond)->MinTime(2.0);

} // namespace

BENCHMARK_MAIN();

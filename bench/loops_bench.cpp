// Loop enumeration on the benchmark diagram (see randomdiagram.h).
// - BM_FindLoops: what `meadows loops` does: SCCs, every elementary circuit, R/B/U
//   classification, stable naming. This is the figure to compare with
//   loops_networkx.py on the same graph.
// - BM_Circuits*: the circuit search alone, Meadows's bitset search against
//   boost::hawick_circuits, with a sink that only counts: why the project has its own.
// Figures and commands in BENCHMARKS.md.
#include "randomdiagram.h"

#include "solver/analysis/circuitsearch.h"
#include "solver/analysis/loopfinder.h"

#include <benchmark/benchmark.h>
#include <algorithm>
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
}
BENCHMARK(BM_FindLoops)->Unit(benchmark::kMillisecond);

meadows::SignedAdjacency adjacency()
{
    const meadows::CausalGraph graph = meadows::bench::randomDiagram();
    meadows::SignedAdjacency links(std::size_t(graph.variableCount()));
    for (const meadows::CausalLink &l : graph.links())
        links[std::size_t(l.from)].push_back({l.to, l.polarity});
    for (auto &out : links)
        std::sort(out.begin(), out.end());
    return links;
}

template<bool (*Search)(const meadows::SignedAdjacency &, const meadows::CircuitSink &)>
void BM_Circuits(benchmark::State &state)
{
    const meadows::SignedAdjacency links = adjacency();
    std::size_t count = 0;
    for (auto _ : state) {
        count = 0;
        Search(links, [&](std::span<const int>, std::size_t, int, int) {
            ++count;
            return true;
        });
    }
    state.counters["loops"] = double(count);
}
BENCHMARK_TEMPLATE(BM_Circuits, meadows::findCircuitsWithBitsets)->Name("BM_CircuitsBitset")->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Circuits, meadows::findCircuitsWithBoost)->Name("BM_CircuitsBoostHawick")->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();

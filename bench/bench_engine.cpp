// In-process speed of the engine (Google Benchmark): what a slider drag costs the GUI.
#include "ringmodel.h"

#include "model/xmilereader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <benchmark/benchmark.h>

#include <QProcess>
#include <QString>

namespace {

using namespace meadows;

using bench::ringModel;
using bench::ringProject;

// 1000 variables, 1000 steps: a compiled model run again (as after a slider moves a
// constant that only changes initial values or parameters).
void BM_Resimulate1000Vars1000Steps(benchmark::State &state)
{
    const CompileResult compiled = compileProject(ringProject(250, 1000, 1, 1));
    for (auto _ : state) {
        RunResult r = simulate(*compiled.model);
        benchmark::DoNotOptimize(r.results->data.data());
    }
}
BENCHMARK(BM_Resimulate1000Vars1000Steps)->Unit(benchmark::kMillisecond);

// The same, but recompiled with a constant overridden: the slider path, end to end.
void BM_SliderChange1000Vars1000Steps(benchmark::State &state)
{
    const Project project = ringProject(250, 1000, 1, 1);
    double value = 0.01;
    for (auto _ : state) {
        FlattenOptions o;
        o.overrides.push_back({QStringLiteral("rate3"), value});
        value += 1e-6;
        const CompileResult compiled = compileProject(project, o);
        RunResult r = simulate(*compiled.model);
        benchmark::DoNotOptimize(r.results->data.data());
    }
}
BENCHMARK(BM_SliderChange1000Vars1000Steps)->Unit(benchmark::kMillisecond);

void BM_ReadCompile1000Vars(benchmark::State &state)
{
    const QByteArray text = ringModel(250, 1000, 1, 1);
    for (auto _ : state) {
        const XmileReadResult read = readXmile(text, QStringLiteral("ring.xmile"));
        const CompileResult compiled = compileProject(*read.project);
        benchmark::DoNotOptimize(compiled.model->rates.code.data());
    }
}
BENCHMARK(BM_ReadCompile1000Vars)->Unit(benchmark::kMillisecond);

// The speed ratio's model in process: 4000 variables, 20,000 steps.
void BM_Ring1000Stocks20000Steps(benchmark::State &state)
{
    const CompileResult compiled = compileProject(ringProject(1000, 312.5, 1.0 / 64, 10));
    for (auto _ : state) {
        RunResult r = simulate(*compiled.model);
        benchmark::DoNotOptimize(r.results->data.data());
    }
}
BENCHMARK(BM_Ring1000Stocks20000Steps)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();

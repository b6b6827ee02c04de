// In-process speed of the engine (Google Benchmark): what a slider drag costs the GUI.
#include "model/xmilereader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <benchmark/benchmark.h>

#include <QProcess>
#include <QString>

namespace {

using namespace meadows;

// The ring model from make_ring.py, built in memory: N stocks, 4N variables.
QByteArray ringModel(int n, double stop, double dt, double save)
{
    QByteArray x = "<xmile version=\"1.0\"><header/><sim_specs method=\"Euler\"><start>0</start><stop>"
                   + QByteArray::number(stop) + "</stop><dt>" + QByteArray::number(dt) + "</dt><save_step>"
                   + QByteArray::number(save) + "</save_step></sim_specs><model><variables>";
    for (int i = 0; i < n; ++i) {
        const QByteArray s = QByteArray::number(i);
        x += "<stock name=\"s" + s + "\"><eqn>" + QByteArray::number(100 + i % 10) + "</eqn><inflow>f" + s
             + "</inflow><outflow>f" + QByteArray::number((i + 1) % n) + "</outflow><outflow>leak" + s + "</outflow></stock>";
        x += "<aux name=\"rate" + s + "\"><eqn>0.1 + 0.05 * SIN(TIME / " + QByteArray::number(10 + i % 7) + ")</eqn></aux>";
        x += "<flow name=\"f" + s + "\"><eqn>MIN(s" + QByteArray::number((i + n - 1) % n) + " * rate" + s + ", 50)</eqn></flow>";
        x += "<flow name=\"leak" + s + "\"><eqn>s" + s + " * 0.01</eqn></flow>";
    }
    return x + "</variables></model></xmile>";
}

Project ringProject(int n, double stop, double dt, double save)
{
    return *readXmile(ringModel(n, stop, dt, save), QStringLiteral("ring.xmile")).project;
}

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

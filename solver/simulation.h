#pragma once
// Runs a compiled model over time and keeps the trajectories.
#include "program.h"

#include "model/hugepageallocator.h"

#include <QString>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace meadows {

// Euler, RK2 and RK4 step by DT exactly as Vensim and Stella do (SimSpecs::vensimRungeKutta
// says whose Runge-Kutta); RK45 (Dormand-Prince) and Rosenbrock (stiff) adapt their steps
// and report on the save grid.
enum class Method { Euler, RK4, RK45, Rosenbrock, RK2 };

struct RunOptions {
    std::optional<double> start, stop, dt, saveStep;
    std::optional<Method> method; // default: the model's
    std::uint64_t seed = 0;       // random numbers: the same seed gives the same run
    // Called on the running thread every few thousand steps (every saved row of an
    // adaptive run) with the share of the run done, 0 to 1: for a progress display.
    std::function<void(double done)> progress;
};

// One contiguous block: row r, column c at data[r * columns + c]. Column 0 is time. The
// block is filled once, front to back, so a large one is given huge pages.
struct Results {
    std::vector<QString> names; // names[0] == "Time"
    std::vector<double, HugePageAllocator<double>> data;
    std::size_t columns = 0;

    std::size_t rows() const { return columns ? data.size() / columns : 0; }
    double at(std::size_t row, std::size_t column) const { return data[row * columns + column]; }
    int column(const QString &name) const; // by variableKey; -1 when absent
};

struct RunResult {
    std::optional<Results> results;
    QString error; // set when the run could not start (bad sim specs) or was cancelled
    SourceRef errorSource; // the equation the error is about, where there is one (a computed TIME STEP...)
    std::vector<Diagnostic> warnings; // time settings the run could honour only approximately
    // The first value that is Inf or NaN (a division by zero, LN(0), SQRT(-1), an
    // overflow): which variable, when, and where its equation is.
    std::optional<Diagnostic> firstNonFinite;
};

// Reads XMILE's method names ("Euler", "RK4", "rk4"...); nullopt for ones not supported.
std::optional<Method> methodFromName(const QString &name);

// What simulate() refuses a run for before it starts (a stop time before the start, a DT
// that is not a positive number...), empty when the settings make sense: for `meadows check`
// to say what `run` would.
QString checkRunSettings(const CompiledModel &model, const RunOptions &options = {});

RunResult simulate(const CompiledModel &model, const RunOptions &options = {},
                   const std::atomic<bool> *cancel = nullptr);

// CSV as `meadows run` writes it: "Time" then every variable, one row per save step.
QByteArray toCsv(const Results &results);
// The same, streamed: `write` receives consecutive pieces and returns false to stop.
void writeCsv(const Results &results, const std::function<bool(const char *, std::size_t)> &write);
// One number or one field as those CSV files write them (shortest exact form, NaN, Inf;
// quoted when it holds a comma, a quote or a newline), for other tables in the same style.
void appendCsvNumber(QByteArray &out, double v);
void appendCsvField(QByteArray &out, const QString &s);
// A time as the Time column writes it: plain decimals where that stays short (1980.125,
// 1000000), always the shortest text that reads back as the same double.
QString timeText(double t);
// Writes the CSV to a file, atomically: empty string on success, else what went wrong.
QString saveCsvFile(const Results &results, const QString &path);

} // namespace meadows

#pragma once
// Running the bundled examples in tests: load a file, simulate it with --set style
// overrides, read a variable's trajectory, list the feedback loops.
#include "solver/analysis/loopfinder.h"
#include "model/project.h"
#include "solver/simulation.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

namespace meadows::examples {

// The examples folder of the source tree.
QString examplesDir();
// Every example file, relative to examplesDir(), e.g. "incidents/01-request-queue.xmile".
QStringList allExamples();

std::optional<Project> load(const QString &relativePath, QString *error = nullptr);

// A simulated example: trajectories by variable name.
struct Run {
    std::optional<Results> results;
    QString error;

    std::vector<double> series(const QString &name) const; // empty when absent
    std::vector<double> times() const;
    double at(const QString &name, double time) const;     // the row saved at that time
    double dt = 0;
};

Run run(const QString &relativePath, const std::vector<std::pair<QString, double>> &overrides = {});

// The index of the first saved row at or after `time`; the row count when there is none.
std::size_t rowAt(const Run &r, double time);

// Fails the test with the simulation's error when the run has no results.
#define RUN_OK(r) QVERIFY2((r).results.has_value(), qPrintable((r).error))

struct Loop {
    QString name;
    LoopPolarity polarity = LoopPolarity::Unknown;
    QStringList variables; // in causal order
};
std::vector<Loop> loops(const QString &relativePath);

// The loop whose variables are exactly these (in any order); nullptr when none.
const Loop *findLoop(const std::vector<Loop> &loops, QStringList variables);
// True when `names` appear in this cyclic order (other variables may lie between).
bool passesInOrder(const Loop &loop, const QStringList &names);

// Local maxima of a series above `threshold`, as row indices.
std::vector<std::size_t> peaks(const std::vector<double> &values, double threshold);
// How often a series crosses `level`, ignoring wiggles within +-band of it.
int crossings(const std::vector<double> &values, double level, double band, std::size_t fromRow = 0);
double maxOf(const std::vector<double> &values, std::size_t fromRow = 0);
double minOf(const std::vector<double> &values, std::size_t fromRow = 0);

} // namespace meadows::examples

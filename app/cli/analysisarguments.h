#pragma once
// Arguments the model-analysing subcommands share: --set NAME=VALUE, --vary in its two
// forms, --at T, --threads N, and loading a model that has equations.
#include "solver/analysis/sensitivity.h"
#include "solver/analysis/sweep.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace meadows {

// The model and its --set overrides, which every analysing subcommand takes.
struct ModelArguments {
    QString model;
    FlattenOptions flatten;
};
// Adds the model argument and --set to `p` (beside the command's own options) and parses
// `arguments`. False, with the message printed, when they do not parse (exit code 2);
// else `out` is filled and anything wrong with the model or --set is put in *usage.
bool parseModelArguments(QCommandLineParser &p, const QString &command, const QStringList &arguments, QTextStream &err,
                         ModelArguments &out, QString *usage);

// --set NAME=VALUE, every one given; on a mistake returns what is wrong.
QString parseSetOptions(const QStringList &values, FlattenOptions &out);
// NAME=FROM:TO:N: parseSweepAxis, in solver/analysis/sweep.h (the editor reads it too).
// NAME=uniform(a,b) | normal(m,s) | triangular(min,mode,max)
std::optional<std::pair<QString, Distribution>> parseDistributionOption(const QString &text, QString *error);
// A number option's value, when given.
std::optional<double> numberOption(const QCommandLineParser &p, const QString &name, QString *error);
// --threads N: 0 (every core) when not given.
unsigned threadsOption(const QCommandLineParser &p, QString *error);

// Reads and compiles nothing: reads the model and refuses a causal-loop diagram, which
// has no equations to analyse. Problems are printed to `errors`.
std::optional<Project> loadModelWithEquations(const QString &path, QTextStream &errors);

// Prints the model's diagnostics; true when it has an error.
bool reportModelProblems(const ParameterizedModel &model, QTextStream &errors);

} // namespace meadows

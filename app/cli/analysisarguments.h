#pragma once
// Arguments the model-analysing subcommands share: --set NAME=VALUE, --vary in its two
// forms, --at T, --threads N, and loading a model that has equations.
#include "solver/analysis/sensitivity.h"
#include "solver/analysis/sweep.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>
#include <memory>

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
// --at T, when given: a finite time (Qt reads "nan" and "inf" as numbers).
std::optional<double> timeOption(const QCommandLineParser &p, QString *error);
// --threads N: 0 (every core) when not given.
unsigned threadsOption(const QCommandLineParser &p, QString *error);

// Reads the model, refusing a causal-loop diagram (it has no equations to analyse), and
// compiles it with the --set overrides, every name in `parameters` settable. Problems are
// printed to `errors`; nullptr when there is one (exit code ExitModelError).
std::unique_ptr<ParameterizedModel> loadAnalysableModel(const QString &path, const QStringList &parameters,
                                                        const FlattenOptions &flatten, QTextStream &errors);

// The stocks of an equilibrium as JSON, {"NAME": value, ...}, names as the model displays
// them; unnamed (internal) stocks are left out.
QJsonObject stocksObject(const std::vector<QString> &names, const std::vector<double> &stocks);

} // namespace meadows

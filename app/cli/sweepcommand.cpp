// meadows sweep MODEL --vary NAME=FROM:TO:N [--vary ...] [--measure final|max|min|time-above:NAME:LEVEL]
//                     [--equilibria [--json] [--at T]] [--recovery [--tolerance X]] [--set NAME=V]... [--threads N]
#include "analysisarguments.h"
#include "commandline.h"
#include "commandoutput.h"

#include "solver/analysis/continuation.h"
#include "solver/analysis/recovery.h"

#include <QJsonArray>
#include <cmath>
#include <QJsonDocument>
#include <QJsonObject>

namespace meadows {

namespace {

std::optional<SweepMeasure> parseMeasure(const QString &text, QString *error)
{
    SweepMeasure m;
    if (text == QLatin1String("final"))
        return m;
    if (text == QLatin1String("max") || text == QLatin1String("min")) {
        m.kind = text == QLatin1String("max") ? SweepMeasure::Kind::Max : SweepMeasure::Kind::Min;
        return m;
    }
    // time-above:NAME:LEVEL (the name may itself hold a colon: the level is after the last)
    if (text.startsWith(QLatin1String("time-above:"))) {
        const QString rest = text.mid(11);
        const qsizetype colon = rest.lastIndexOf(u':');
        bool ok = false;
        m.kind = SweepMeasure::Kind::TimeAbove;
        m.variable = rest.left(colon).trimmed();
        m.level = colon > 0 ? rest.mid(colon + 1).toDouble(&ok) : 0;
        if (ok && !m.variable.isEmpty())
            return m;
    }
    *error = QStringLiteral("--measure must be final, max, min or time-above:NAME:LEVEL, not '%1'").arg(text);
    return std::nullopt;
}

QJsonArray specialPoints(const Continuation &c, const std::vector<SpecialPoint> &points)
{
    QJsonArray a;
    for (const SpecialPoint &p : points)
        a.append(QJsonObject{{QStringLiteral("value"), p.value}, {QStringLiteral("stocks"), stocksObject(c.stockNames, p.stocks)}});
    return a;
}

QByteArray continuationText(const Continuation &c, bool json)
{
    if (json) {
        QJsonArray branches;
        for (const auto &branch : c.branches) {
            QJsonArray points;
            for (const BranchPoint &p : branch)
                points.append(QJsonObject{{QStringLiteral("value"), p.value},
                                          {QStringLiteral("stocks"), stocksObject(c.stockNames, p.stocks)},
                                          {QStringLiteral("stability"), stabilityName(p.stability)}});
            branches.append(points);
        }
        return QJsonDocument(QJsonObject{{QStringLiteral("parameter"), c.parameter},
                                         {QStringLiteral("branches"), branches},
                                         {QStringLiteral("folds"), specialPoints(c, c.folds)},
                                         {QStringLiteral("hopf"), specialPoints(c, c.hopf)}})
                   .toJson(QJsonDocument::Indented);
    }
    // CSV of every branch point, then the folds and Hopf points as comment lines.
    QByteArray csv = "branch,";
    appendCsvField(csv, c.parameter);
    for (const QString &name : c.stockNames) {
        if (!name.isEmpty()) {
            csv += ',';
            appendCsvField(csv, name);
        }
    }
    csv += ",stability,oscillatory\n";
    for (std::size_t b = 0; b < c.branches.size(); ++b) {
        for (const BranchPoint &p : c.branches[b]) {
            csv += QByteArray::number(qulonglong(b + 1)) + ',';
            appendCsvNumber(csv, p.value);
            for (std::size_t s = 0; s < c.stockNames.size(); ++s) {
                if (!c.stockNames[s].isEmpty()) {
                    csv += ',';
                    appendCsvNumber(csv, p.stocks[s]);
                }
            }
            csv += ',' + stabilityName(p.stability).toUtf8() + (p.oscillatory ? ",true\n" : ",false\n");
        }
    }
    const auto special = [&](const char *what, const std::vector<SpecialPoint> &points) {
        for (const SpecialPoint &p : points) {
            csv += QByteArray("# ") + what + " at " + c.parameter.toUtf8() + " = ";
            appendCsvNumber(csv, p.value);
            for (std::size_t s = 0; s < c.stockNames.size(); ++s) {
                if (!c.stockNames[s].isEmpty()) {
                    csv += (s ? ", " : ": ") + c.stockNames[s].toUtf8() + " = ";
                    appendCsvNumber(csv, p.stocks[s]);
                }
            }
            csv += '\n';
        }
    };
    special("fold", c.folds);
    special("hopf", c.hopf);
    return csv;
}

// The grid's stocks' final values and whether each run recovers, then the reference run,
// the rule, and the boundary as comment lines:
//   # reference: NAME = v, ...: STOCK = v, ...
//   # recovers: every stock ends within X of its largest size in the reference run
//   # boundary at FIRST = v: LAST = b (recovers below|above)      (two --vary)
//   # boundary: LAST = b (recovers below|above)                   (one --vary)
QByteArray recoveryText(const RecoveryMap &map)
{
    QByteArray csv;
    for (const SweepAxis &a : map.axes) {
        appendCsvField(csv, a.name);
        csv += ',';
    }
    for (const QString &s : map.stocks) {
        appendCsvField(csv, s);
        csv += ',';
    }
    csv += "recovers\n";
    for (std::size_t i = 0; i < map.points(); ++i) {
        for (double v : map.valuesAt(i)) {
            appendCsvNumber(csv, v);
            csv += ',';
        }
        for (std::size_t s = 0; s < map.stocks.size(); ++s) {
            appendCsvNumber(csv, s < map.finals[i].size() ? map.finals[i][s] : std::nan(""));
            csv += ',';
        }
        csv += map.recovers[i] ? "true\n" : "false\n";
    }
    const auto number = [](double v) { return QByteArray::number(v, 'g', 10); };
    csv += "# reference: ";
    for (std::size_t a = 0; a < map.axes.size(); ++a)
        csv += (a ? ", " : "") + map.axes[a].name.toUtf8() + " = " + number(map.axes[a].from);
    for (std::size_t s = 0; s < map.stocks.size(); ++s)
        csv += (s ? ", " : ": ") + map.stocks[s].toUtf8() + " = " + number(map.reference[s]);
    csv += "\n# recovers: every stock ends within " + number(map.tolerance)
           + " of its largest size in the reference run\n";
    for (const RecoveryBoundary &b : map.boundary) {
        csv += "# boundary";
        if (map.axes.size() > 1)
            csv += " at " + map.axes.front().name.toUtf8() + " = " + number(b.across);
        csv += ": " + map.axes.back().name.toUtf8() + " = " + QByteArray::number(b.value, 'g', 6)
               + (b.recoversBelow ? " (recovers below)\n" : " (recovers above)\n");
    }
    return csv;
}

} // namespace

int sweepCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QCommandLineParser p;
    p.addOption({QStringLiteral("vary"), QStringLiteral("a parameter's range"), QStringLiteral("name=from:to:n")});
    p.addOption({QStringLiteral("measure"), QStringLiteral("what each run is reduced to"), QStringLiteral("measure")});
    p.addOption({QStringLiteral("equilibria"), QStringLiteral("follow the equilibria along the parameter")});
    p.addOption({QStringLiteral("json"), QStringLiteral("print JSON (with --equilibria)")});
    p.addOption({QStringLiteral("at"), QStringLiteral("time at which time-driven inputs are held"), QStringLiteral("t")});
    p.addOption({QStringLiteral("recovery"), QStringLiteral("say which runs recover from the disturbance, and where the boundary is")});
    p.addOption({QStringLiteral("tolerance"), QStringLiteral("how close to the reference a recovered run ends (default 0.01)"), QStringLiteral("x")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("threads to run on (default: every core)"), QStringLiteral("n")});
    ModelArguments given;
    QString usage;
    if (!parseModelArguments(p, QStringLiteral("sweep"), arguments, err, given, &usage))
        return ExitUsage;
    const FlattenOptions &flatten = given.flatten;
    std::vector<SweepAxis> axes;
    QStringList names;
    std::size_t points = 1;
    for (const QString &v : p.values(QStringLiteral("vary"))) {
        if (!usage.isEmpty())
            break;
        if (const auto axis = parseSweepAxis(v, &usage)) {
            axes.push_back(*axis);
            names << axis->name;
            points *= std::size_t(axis->count);
        }
    }
    if (usage.isEmpty() && axes.empty())
        usage = QStringLiteral("give at least one --vary NAME=FROM:TO:N");
    if (usage.isEmpty() && points > 10000000)
        usage = QStringLiteral("the grid has %1 points; at most 10000000").arg(points);
    const bool equilibria = p.isSet(QStringLiteral("equilibria"));
    if (usage.isEmpty() && equilibria && (axes.size() != 1 || axes[0].count < 2))
        usage = QStringLiteral("--equilibria follows one parameter: give exactly one --vary with N of 2 or more");
    if (usage.isEmpty() && !equilibria && (p.isSet(QStringLiteral("json")) || p.isSet(QStringLiteral("at"))))
        usage = QStringLiteral("--json and --at go with --equilibria; a grid sweep prints CSV");
    if (usage.isEmpty() && equilibria && p.isSet(QStringLiteral("measure")))
        usage = QStringLiteral("--measure goes with a grid sweep, not with --equilibria");
    const bool recovery = p.isSet(QStringLiteral("recovery"));
    if (usage.isEmpty() && recovery && (equilibria || p.isSet(QStringLiteral("measure"))))
        usage = QStringLiteral("--recovery classifies each run itself: not with --equilibria or --measure");
    if (usage.isEmpty() && recovery && axes.size() > 2)
        usage = QStringLiteral("--recovery maps one or two parameters: give one or two --vary");
    if (usage.isEmpty() && !recovery && p.isSet(QStringLiteral("tolerance")))
        usage = QStringLiteral("--tolerance goes with --recovery");
    RecoveryOptions recoveryOptions;
    if (usage.isEmpty() && p.isSet(QStringLiteral("tolerance"))) {
        const std::optional<double> tolerance = numberOption(p, QStringLiteral("tolerance"), &usage);
        if (usage.isEmpty() && !(tolerance && *tolerance > 0))
            usage = QStringLiteral("--tolerance needs a number above 0, not '%1'").arg(p.value(QStringLiteral("tolerance")));
        else if (tolerance)
            recoveryOptions.tolerance = *tolerance;
    }
    SweepMeasure measure;
    if (usage.isEmpty() && p.isSet(QStringLiteral("measure"))) {
        if (const auto m = parseMeasure(p.value(QStringLiteral("measure")), &usage))
            measure = *m;
    }
    ContinuationOptions continuation;
    if (usage.isEmpty())
        continuation.at = timeOption(p, &usage);
    const unsigned threads = usage.isEmpty() ? threadsOption(p, &usage) : 0;
    if (!usage.isEmpty()) {
        err << "meadows sweep: " << usage << '\n' << usageText();
        return ExitUsage;
    }

    const std::unique_ptr<ParameterizedModel> model = loadAnalysableModel(given.model, names, flatten, err);
    if (!model)
        return ExitModelError;
    if (equilibria) {
        const Continuation c = continueEquilibria(*model, 0, axes[0].from, axes[0].to, axes[0].count, continuation);
        return writeCommandOutput(err, continuationText(c, p.isSet(QStringLiteral("json"))));
    }
    if (recovery) {
        const RecoveryMap map = mapRecovery(*model, axes, recoveryOptions, {}, threads);
        if (!map.error.isEmpty()) {
            err << given.model << ": error: " << map.error << '\n';
            return ExitModelError;
        }
        return writeCommandOutput(err, recoveryText(map));
    }
    const SweepTable table = runSweep(*model, axes, measure, {}, threads);
    if (!table.error.isEmpty()) {
        err << given.model << ": error: " << table.error << '\n';
        return ExitModelError;
    }
    return writeCommandOutput(err, sweepCsv(table));
}

} // namespace meadows

// meadows sweep MODEL --vary NAME=FROM:TO:N [--vary ...] [--measure final|max|min|time-above:NAME:LEVEL]
//                     [--equilibria [--json] [--at T]] [--set NAME=V]... [--threads N]
#include "analysisarguments.h"
#include "commandline.h"
#include "commandoutput.h"

#include "solver/analysis/continuation.h"

#include <QJsonArray>
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
    SweepMeasure measure;
    if (usage.isEmpty() && p.isSet(QStringLiteral("measure"))) {
        if (const auto m = parseMeasure(p.value(QStringLiteral("measure")), &usage))
            measure = *m;
    }
    ContinuationOptions continuation;
    if (usage.isEmpty())
        continuation.at = numberOption(p, QStringLiteral("at"), &usage);
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
    const SweepTable table = runSweep(*model, axes, measure, {}, threads);
    if (!table.error.isEmpty()) {
        err << given.model << ": error: " << table.error << '\n';
        return ExitModelError;
    }
    return writeCommandOutput(err, sweepCsv(table));
}

} // namespace meadows

// meadows loops MODEL [--json] [--summary] [--dominance [--periods]] [--max-loops N]
// Lists every feedback loop of a model: as a table (name, polarity, length, variables in
// loop order), as JSON, as a one-line summary, or, with --dominance, runs the model and
// writes each save step's loop scores (Loops That Matter) as CSV; with --periods as
// well, the periods in which each loop was in charge instead ("R1 20–45" lines, see
// dominanceperiods.h). These formats are a public interface: scripts read them.
#include "commandline.h"
#include "commandoutput.h"
#include "solver/analysis/modelloops.h"

#include "solver/analysis/loopfinder.h"
#include "solver/analysis/causalmodel.h"
#include "solver/compiler.h"
#include "solver/analysis/loopdominance.h"
#include "solver/analysis/dominanceperiods.h"
#include "solver/analysis/loopdiscovery.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTextStream>
#include <cstdio>

namespace meadows {

namespace {

// A JSON string, escaped by Qt.
QByteArray jsonString(const QString &s)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact); // ["..."]
    return wrapped.mid(1, wrapped.size() - 2);
}

// {"loops": [{"name": ..., "polarity": ..., "variables": [...]}], "complete": true} in the
// issue's key order, one loop a line: QJsonDocument would sort "complete" first.
QByteArray jsonReport(const CausalGraph &graph, const LoopList &loops)
{
    QByteArray out = "{\"loops\": [";
    for (std::size_t i = 0; i < loops.size(); ++i) {
        out += i ? ",\n  " : "\n  ";
        out += "{\"name\": " + jsonString(loops.name(i)) + ", \"polarity\": " + jsonString(polarityName(loops.polarity(i)))
               + ", \"variables\": [";
        const QStringList names = loopVariableNames(graph, loops, i);
        for (qsizetype k = 0; k < names.size(); ++k)
            out += (k ? ", " : "") + jsonString(names[k]);
        out += "]}";
    }
    out += loops.size() ? "\n], " : "], ";
    out += loops.complete ? "\"complete\": true}\n" : "\"complete\": false}\n";
    return out;
}

QByteArray summaryLine(const LoopList &loops)
{
    QString line = QStringLiteral("loops %1 reinforcing %2 balancing %3")
                       .arg(loops.size())
                       .arg(loops.count(LoopPolarity::Reinforcing))
                       .arg(loops.count(LoopPolarity::Balancing));
    if (const std::size_t unknown = loops.count(LoopPolarity::Unknown))
        line += QStringLiteral(" unknown %1").arg(unknown);
    return (line + QLatin1Char('\n')).toUtf8();
}

// Columns padded to their widest entry, then the reason for every unknown link on a loop.
QByteArray tableReport(const CausalGraph &graph, const LoopList &loops)
{
    QString out;
    QTextStream s(&out);
    if (loops.empty()) {
        s << "no feedback loops\n";
        return out.toUtf8();
    }
    const QStringList header{QStringLiteral("name"), QStringLiteral("polarity"), QStringLiteral("length")};
    std::vector<QStringList> rows;
    qsizetype widths[3] = {header[0].size(), header[1].size(), header[2].size()};
    for (std::size_t i = 0; i < loops.size(); ++i) {
        QStringList row{loops.name(i), polarityName(loops.polarity(i)), QString::number(loops.length(i)),
                        loopVariableNames(graph, loops, i).join(QLatin1String(" -> "))};
        for (int c = 0; c < 3; ++c)
            widths[c] = std::max(widths[c], row[c].size());
        rows.push_back(std::move(row));
    }
    const auto line = [&](const QStringList &cells) {
        for (int c = 0; c < 3; ++c)
            s << cells[c].leftJustified(widths[c] + 2);
        s << cells[3] << '\n';
    };
    line(header + QStringList{QStringLiteral("variables")});
    for (const QStringList &row : rows)
        line(row);

    QSet<const CausalLink *> shown;
    for (std::size_t i = 0; i < loops.size(); ++i) {
        if (loops.polarity(i) != LoopPolarity::Unknown)
            continue;
        const std::vector<int> vars = loops.variables(i);
        for (std::size_t k = 0; k < vars.size(); ++k) {
            const CausalLink *link = graph.findLink(vars[k], vars[(k + 1) % vars.size()]);
            if (!link || link->polarity != LinkPolarity::Unknown || shown.contains(link))
                continue;
            if (shown.isEmpty())
                s << "\nunknown polarities:\n";
            shown.insert(link);
            s << "  " << graph.name(link->from) << " -> " << graph.name(link->to) << ": " << link->reason << '\n';
        }
    }
    s.flush();
    return out.toUtf8();
}

} // namespace

int loopsCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addPositionalArgument(QStringLiteral("model"), QStringLiteral("the XMILE model to analyse"));
    p.addOption({QStringLiteral("json"), QStringLiteral("print the loops as JSON")});
    p.addOption({QStringLiteral("summary"), QStringLiteral("print one line of counts")});
    p.addOption({QStringLiteral("dominance"), QStringLiteral("run the model and print loop scores as CSV")});
    p.addOption({QStringLiteral("periods"), QStringLiteral("with --dominance: print which loop was in charge when, as periods")});
    p.addOption({QStringLiteral("max-loops"), QStringLiteral("keep at most this many loops, the shortest"), QStringLiteral("n")});
    if (!p.parse(QStringList{QStringLiteral("meadows loops")} + arguments)) {
        err << "meadows loops: " << p.errorText() << '\n' << usageText();
        return ExitUsage;
    }
    const QStringList positional = p.positionalArguments();
    QString usage;
    if (positional.size() != 1)
        usage = positional.isEmpty() ? QStringLiteral("no model given") : QStringLiteral("more than one model given");
    const int formats = int(p.isSet(QStringLiteral("json"))) + int(p.isSet(QStringLiteral("summary")))
                        + int(p.isSet(QStringLiteral("dominance")));
    if (formats > 1)
        usage = QStringLiteral("--json, --summary and --dominance exclude each other");
    if (p.isSet(QStringLiteral("periods")) && !p.isSet(QStringLiteral("dominance")))
        usage = QStringLiteral("--periods goes with --dominance");
    LoopSearchOptions search;
    if (p.isSet(QStringLiteral("max-loops"))) {
        bool ok = false;
        const qlonglong n = p.value(QStringLiteral("max-loops")).toLongLong(&ok);
        if (!ok || n < 1)
            usage = QStringLiteral("--max-loops needs a whole number of at least 1, not '%1'").arg(p.value(QStringLiteral("max-loops")));
        else
            search.maxLoops = std::size_t(n);
    }
    if (!usage.isEmpty()) {
        err << "meadows loops: " << usage << '\n' << usageText();
        return ExitUsage;
    }

    const QString &file = positional[0];
    const std::optional<ModelLoops> model = loadModelLoops(file, err, search);
    if (!model)
        return ExitModelError;
    const CausalModel &causal = model->causal;
    const LoopList &loops = model->loops;
    const bool discover = !loops.complete && !loops.cancelled && p.isSet(QStringLiteral("dominance"));
    if (discover) {
        err << file << ": note: more than " << loops.size() << " loops (--max-loops): finding the loops that "
            << "matter by strongest-path discovery (Eberlein & Schoenberg 2020) instead of listing every loop\n";
        err.flush();
    } else if (!loops.complete) {
        err << file << ": warning: stopped after " << loops.size()
            << " loops (--max-loops); the list is incomplete\n";
        err.flush();
    }

    QByteArray report;
    if (p.isSet(QStringLiteral("json"))) {
        report = jsonReport(causal.graph, loops);
    } else if (p.isSet(QStringLiteral("summary"))) {
        report = summaryLine(loops);
    } else if (p.isSet(QStringLiteral("dominance"))) {
        if (model->project.mainModel().isCausalLoopDiagram()) {
            err << file << ": error: a causal-loop diagram has no equations, so it cannot run for --dominance "
                << "(the loops themselves are listed without it)\n";
            return ExitModelError;
        }
        const CompileResult compiled = compileProject(model->project);
        printDiagnostics(err, compiled.diagnostics);
        if (!compiled.model) {
            err << file << ": error: the model does not compile, so it cannot run for --dominance\n";
            return ExitModelError;
        }
        LoopList discovered;
        if (discover) {
            const LinkScoreRun scores = scoreAllLinks(causal, *compiled.model);
            if (!scores.error.isEmpty()) {
                err << file << ": error: " << scores.error << '\n';
                return ExitModelError;
            }
            const DiscoveredLoops found = discoverStrongestLoops(causal, scores);
            err << file << ": note: strongest-path discovery found " << found.circuits.size() << " loops in "
                << found.searches << " searches (one per stock and "
                << (scores.stride == 1 ? QStringLiteral("DT") : QStringLiteral("every %1 DTs").arg(scores.stride)) << ")";
            if (found.cutShort)
                err << "; " << found.cutShort << " searches stopped at their limit of visits";
            err << '\n';
            err.flush();
            discovered = loopListOf(causal.graph, found.circuits);
        }
        const DominanceResult dominance = computeDominance(causal, discover ? discovered : loops, *compiled.model);
        if (!dominance.error.isEmpty()) {
            err << file << ": error: " << dominance.error << '\n';
            return ExitModelError;
        }
        report = p.isSet(QStringLiteral("periods")) ? periodLines(dominanceStory(dominance), dominance)
                                                    : dominanceCsv(dominance, topLoops(dominance, 10));
    } else {
        report = tableReport(causal.graph, loops);
    }
    return writeCommandOutput(err, report);
}

} // namespace meadows

#include "currentreads.h"
#include "simulation.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <QSet>
#include <algorithm>
#include <utility>

namespace meadows {

namespace {

bool isReadNow(const Node &n)
{
    return n.kind == Node::Kind::History && n.value == 1;
}

// The value of a lag known before the run: a number, DT, or a variable that is a number.
std::optional<double> knownLag(const FlatModel &flat, const Node &lag)
{
    if (lag.kind == Node::Kind::Const)
        return lag.value;
    if (lag.kind == Node::Kind::TimeStep)
        return flat.specs.dt;
    if (lag.kind == Node::Kind::Var && lag.index >= 0 && std::size_t(lag.index) < flat.vars.size()
        && flat.vars[std::size_t(lag.index)].kind != FlatVar::Kind::Stock && !flat.vars[std::size_t(lag.index)].initial
        && flat.vars[std::size_t(lag.index)].equation.kind == Node::Kind::Const)
        return flat.vars[std::size_t(lag.index)].equation.value;
    return std::nullopt;
}

// TIME - d with d at least one DT of a fixed step: the time asked for is a recorded one or
// before the start, never now or between the last recorded step and now.
bool plainlyPast(const FlatModel &flat, const Node &asked)
{
    const std::optional<Method> method = methodFromName(flat.specs.method);
    const bool fixedStep = !flat.specs.varying.any() && (!method || *method == Method::Euler
                                                         || *method == Method::RK2 || *method == Method::RK4);
    if (!fixedStep || asked.kind != Node::Kind::Binary || asked.binaryOp != BinaryOp::Subtract
        || (asked.args[0].kind != Node::Kind::Time && asked.args[0].kind != Node::Kind::InputTime))
        return false;
    const std::optional<double> lag = knownLag(flat, asked.args[1]);
    return lag && *lag >= flat.specs.dt * (1 - 1e-9);
}

void sortUnique(std::vector<int> &v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

void splitReads(const FlatModel &flat, const Node &n, std::vector<int> &reads, std::vector<ReadNow> &now)
{
    if (n.kind == Node::Kind::Var)
        reads.push_back(n.index);
    for (std::size_t i = 0; i < n.args.size(); ++i) {
        if (isReadNow(n) && i == 1)
            forEachVar(n.args[i], [&](int v) { now.push_back({n.index, v, plainlyPast(flat, n.args[0])}); });
        else
            splitReads(flat, n.args[i], reads, now);
    }
}

std::vector<bool> settleReadsNow(const FlatModel &flat, std::vector<std::vector<int>> &deps,
                                 std::vector<std::vector<int>> &initDeps, const std::vector<std::vector<ReadNow>> &now,
                                 const std::vector<std::vector<ReadNow>> &initNow, std::vector<Diagnostic> &diagnostics)
{
    std::vector<bool> leftOut(flat.series.size(), false);
    const auto none = [](const std::vector<std::vector<ReadNow>> &reads) {
        return std::all_of(reads.begin(), reads.end(), [](const std::vector<ReadNow> &r) { return r.empty(); });
    };
    if (none(now) && none(initNow))
        return leftOut;
    // A read now closes a loop when its input and its caller are in one strongly connected
    // component of every read there is, in a step and at the start. That leaves out a read
    // that closes a loop only with another read now too, or only at the start: the safe side.
    const std::size_t n = deps.size();
    using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Digraph all(n);
    for (std::size_t v = 0; v < n; ++v) {
        for (const std::vector<std::vector<int>> *reads : {&std::as_const(deps), &std::as_const(initDeps)})
            for (int d : (*reads)[v])
                boost::add_edge(v, std::size_t(d), all);
        for (const std::vector<std::vector<ReadNow>> *reads : {&now, &initNow})
            for (const ReadNow &r : (*reads)[v])
                boost::add_edge(v, std::size_t(r.input), all);
    }
    std::vector<std::size_t> component(n);
    boost::strong_components(all, component.data());
    QSet<QString> said; // once for a variable, however many of its elements meet it
    for (std::size_t v = 0; v < n; ++v) {
        for (const std::vector<std::vector<ReadNow>> *reads : {&now, &initNow}) {
            for (const ReadNow &r : (*reads)[v]) {
                if (component[std::size_t(r.input)] != component[v])
                    continue;
                leftOut[std::size_t(r.series)] = true;
                const FlatVar &at = flat.vars[v];
                const SourcePos pos = at.source.isValid() ? at.source.positionOfDecodedOffset(0) : SourcePos{};
                const QString where = QStringLiteral("%1:%2:%3").arg(at.source.fileName()).arg(pos.line).arg(pos.column);
                if (r.plainlyPast || said.contains(where))
                    continue;
                said.insert(where);
                const QString name = at.hidden ? QStringLiteral("(inside a builtin)") : at.name.section(u'[', 0, 0);
                diagnostics.push_back(Diagnostic(Severity::Warning, at.source.fileName(), pos,
                                                 QStringLiteral("HISTORY's input depends on '%1' in the same step: asked for "
                                                                "the current time or one less than a DT before, it gives the "
                                                                "input's last recorded value (0 at the start)").arg(name)));
            }
        }
    }
    for (std::size_t v = 0; v < n; ++v) {
        for (const ReadNow &r : now[v])
            if (!leftOut[std::size_t(r.series)])
                deps[v].push_back(r.input);
        for (const ReadNow &r : initNow[v])
            if (!leftOut[std::size_t(r.series)])
                initDeps[v].push_back(r.input);
        sortUnique(deps[v]);
        sortUnique(initDeps[v]);
    }
    return leftOut;
}

} // namespace meadows

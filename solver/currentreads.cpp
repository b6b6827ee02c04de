#include "currentreads.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <utility>

namespace meadows {

namespace {

bool isReadNow(const Node &n)
{
    return n.kind == Node::Kind::History && n.value == 1;
}

// HISTORY(input, TIME - d) with d a positive number: never asked for now.
bool plainlyPast(const Node &asked)
{
    return asked.kind == Node::Kind::Binary && asked.binaryOp == BinaryOp::Subtract
           && (asked.args[0].kind == Node::Kind::Time || asked.args[0].kind == Node::Kind::InputTime)
           && asked.args[1].kind == Node::Kind::Const && asked.args[1].value > 0;
}

// Whether some HISTORY in `n` may be asked for now.
bool mayAskNow(const Node &n)
{
    if (isReadNow(n) && !plainlyPast(n.args[0]))
        return true;
    return std::any_of(n.args.begin(), n.args.end(), [](const Node &a) { return mayAskNow(a); });
}

void sortUnique(std::vector<int> &v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

void splitReads(const Node &n, std::vector<int> &reads, std::vector<int> &now)
{
    if (n.kind == Node::Kind::Var)
        reads.push_back(n.index);
    for (std::size_t i = 0; i < n.args.size(); ++i) {
        if (isReadNow(n) && i == 1)
            forEachVar(n.args[i], [&](int v) { now.push_back(v); });
        else
            splitReads(n.args[i], reads, now);
    }
}

std::vector<bool> settleReadsNow(const FlatModel &flat, std::vector<std::vector<int>> &deps,
                                 std::vector<std::vector<int>> &initDeps, const std::vector<std::vector<int>> &now,
                                 const std::vector<std::vector<int>> &initNow, std::vector<Diagnostic> &diagnostics)
{
    const std::size_t n = deps.size();
    std::vector<bool> leftOut(n, false);
    const auto none = [](const std::vector<std::vector<int>> &reads) {
        return std::all_of(reads.begin(), reads.end(), [](const std::vector<int> &r) { return r.empty(); });
    };
    if (none(now) && none(initNow))
        return leftOut;
    // A read now closes a loop when its input and its caller are in one strongly connected
    // component of every read there is, in a step and at the start. That leaves out a read
    // that closes a loop only with another read now too: the safe side.
    using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Digraph all(n);
    for (std::size_t v = 0; v < n; ++v)
        for (const std::vector<std::vector<int>> *reads : {&std::as_const(deps), &std::as_const(initDeps), &now, &initNow})
            for (int d : (*reads)[v])
                boost::add_edge(v, std::size_t(d), all);
    std::vector<std::size_t> component(n);
    boost::strong_components(all, component.data());
    for (std::size_t v = 0; v < n; ++v) {
        const auto closesLoop = [&](int d) { return component[std::size_t(d)] == component[v]; };
        if (std::any_of(now[v].begin(), now[v].end(), closesLoop) || std::any_of(initNow[v].begin(), initNow[v].end(), closesLoop)) {
            leftOut[v] = true;
            const FlatVar &at = flat.vars[v];
            if (mayAskNow(at.equation) || (at.initial && mayAskNow(*at.initial))) {
                const QString name = at.hidden ? QStringLiteral("(inside a builtin)") : at.name;
                diagnostics.push_back(Diagnostic(Severity::Warning, at.source.fileName(),
                                                 at.source.isValid() ? at.source.positionOfDecodedOffset(0) : SourcePos{},
                                                 QStringLiteral("HISTORY's input depends on '%1' in the same step: asked for "
                                                                "the current time, it gives the input's value one step "
                                                                "before (0 at the start)").arg(name)));
            }
            continue;
        }
        deps[v].insert(deps[v].end(), now[v].begin(), now[v].end());
        initDeps[v].insert(initDeps[v].end(), initNow[v].begin(), initNow[v].end());
        sortUnique(deps[v]);
        sortUnique(initDeps[v]);
    }
    return leftOut;
}

} // namespace meadows

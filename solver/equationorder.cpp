#include "equationorder.h"

#include <QStringList>
#include <algorithm>

namespace meadows {

Ordering order(const std::vector<std::vector<int>> &deps, const std::vector<bool> &include)
{
    Ordering result;
    const std::size_t n = deps.size();
    std::vector<char> state(n, 0); // 0 new, 1 on the stack, 2 done
    std::vector<int> stack;
    // Iterative, so that a long chain of equations cannot overflow the call stack.
    for (std::size_t root = 0; root < n; ++root) {
        if (!include[root] || state[root])
            continue;
        std::vector<std::pair<int, std::size_t>> work{{int(root), 0}};
        state[root] = 1;
        stack.push_back(int(root));
        while (!work.empty()) {
            auto &[v, next] = work.back();
            if (next < deps[v].size()) {
                const int d = deps[v][next++];
                if (!include[d])
                    continue;
                if (state[d] == 1) {
                    const auto at = std::find(stack.begin(), stack.end(), d);
                    result.cycle.assign(at, stack.end());
                    return result;
                }
                if (state[d] == 0) {
                    state[d] = 1;
                    stack.push_back(d);
                    work.push_back({d, 0});
                }
            } else {
                state[v] = 2;
                result.order.push_back(v);
                stack.pop_back();
                work.pop_back();
            }
        }
    }
    return result;
}

Diagnostic cycleError(const FlatModel &flat, std::vector<int> cycle, const QString &what)
{
    const auto shown = std::find_if(cycle.begin(), cycle.end(), [&](int v) {
        return !flat.vars[v].hidden && flat.vars[v].source.isValid();
    });
    if (shown != cycle.end())
        std::rotate(cycle.begin(), shown, cycle.end());
    QStringList names;
    for (int v : cycle)
        names << (flat.vars[v].hidden ? QStringLiteral("(inside a builtin)") : flat.vars[v].name);
    names << names.first();
    const FlatVar &at = flat.vars[cycle.front()];
    Diagnostic d(Severity::Error, at.source.fileName(),
                 at.source.isValid() ? at.source.positionOfDecodedOffset(0) : SourcePos{},
                 QStringLiteral("%1: %2").arg(what, names.join(QStringLiteral(" -> "))));
    if (!at.hidden) {
        d.variable = at.name;
        d.equationOffset = 0;
    }
    return d;
}

} // namespace meadows

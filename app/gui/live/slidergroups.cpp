#include "slidergroups.h"

#include "model/names.h"
#include "model/project.h"
#include "solver/references.h"

#include <deque>

namespace meadows {

QHash<QString, QString> stocksDrivenBy(const Model &model)
{
    // Who uses whom: an equation's references, and each flow's stocks.
    QHash<QString, QStringList> usedBy; // canonical name -> canonical names of its users
    QHash<QString, const Variable *> byKey;
    for (const Variable &v : model.variables) {
        const QString key = canonicalName(v.name);
        byKey.insert(key, &v);
        for (const QString &name : namesInEquationText(v.equation))
            usedBy[canonicalName(name)] << key;
        if (v.kind == VariableKind::Stock)
            for (const QString &flow : v.inflows + v.outflows)
                usedBy[canonicalName(flow)] << key;
    }
    QHash<QString, QString> out;
    for (const Variable &v : model.variables) {
        if (v.kind != VariableKind::Aux)
            continue;
        // Breadth first: the nearest stock, and of equally near ones the first in the model.
        const QString start = canonicalName(v.name);
        QHash<QString, bool> seen{{start, true}};
        std::deque<QString> queue{start};
        QString found;
        while (!queue.empty() && found.isEmpty()) {
            const std::size_t width = queue.size();
            const Variable *best = nullptr;
            for (std::size_t i = 0; i < width; ++i) {
                const QString at = queue.front();
                queue.pop_front();
                for (const QString &user : usedBy.value(at)) {
                    if (seen.contains(user))
                        continue;
                    seen.insert(user, true);
                    const Variable *u = byKey.value(user);
                    if (u && u->kind == VariableKind::Stock) {
                        if (!best || u < best)
                            best = u; // earlier in the model's list
                    } else {
                        queue.push_back(user);
                    }
                }
            }
            if (best)
                found = displayName(best->name);
        }
        if (!found.isEmpty())
            out.insert(start, found);
    }
    return out;
}

} // namespace meadows

// Stella's ovens (solver/oven.h): an oven stays a stock, its times, capacity and inflow
// limit become hidden auxiliaries, and the equation of its one outflow becomes an Oven node
// that reads what the oven releases.
#include "flattener.h"

#include "model/conveyoroptions.h"

namespace meadows::flattening {

void Flattener::addOven(Scope &scope, const Variable &stock, int index, const ElementContext &ctx)
{
    const std::optional<OvenOptions> options = ovenOptions(stock);
    if (!options)
        return;
    const QString name = displayName(stock.name);
    if (conveyorOptions(stock) || isQueue(stock)) {
        errorAt(stock, QStringLiteral("'%1' is an oven and also a %2").arg(name, isQueue(stock) ? QStringLiteral("queue")
                                                                                                 : QStringLiteral("conveyor")));
        return;
    }
    if (options->cookTime.trimmed().isEmpty()) {
        errorAt(stock, QStringLiteral("oven '%1' has no cook time (<cook_time>)").arg(name));
        return;
    }
    if (stock.outflows.size() != 1) {
        errorAt(stock, QStringLiteral("oven '%1' has %2 outflows: an oven releases through one")
                           .arg(name).arg(stock.outflows.size()));
        return;
    }
    // The oven decides what it holds; limiting its flows as a non-negative stock would cut
    // the batch it releases.
    m_out.vars[index].nonNegative = false;
    const auto option = [&](const QString &text, const QString &what) { return stockOption(scope, stock, text, what, ctx); };
    FlatOven o;
    o.stock = index;
    o.cookTime = option(options->cookTime, QStringLiteral("cook time"));
    o.fillTime = option(options->fillTime, QStringLiteral("fill time"));
    o.capacity = option(options->capacity, QStringLiteral("capacity"));
    o.inflowLimit = option(options->inflowLimit, QStringLiteral("inflow limit"));
    o.cleanTime = option(options->cleanTime, QStringLiteral("clean time"));
    if (o.cookTime < 0)
        return;
    const Symbol *s = lookupQualified(scope, stock.outflows.front());
    if (!s || s->type != Symbol::Type::Variable || !s->variable)
        return; // linkFlow has said what is wrong
    const std::optional<int> flow = flowElement(*s, ctx);
    if (!flow)
        return;
    o.outflow = *flow;
    if (options->fillTime.trimmed().isEmpty() && options->capacity.trimmed().isEmpty() && ctx.at.empty())
        errorAt(stock, QStringLiteral("oven '%1' has neither a fill time nor a capacity: it never closes, and so never "
                                      "cooks or releases anything")
                           .arg(name),
                Severity::Warning);
    m_out.ovens.push_back(o);
}

// After every equation is resolved: each oven's outflow is what the oven releases.
void Flattener::finishOvens()
{
    for (std::size_t i = 0; i < m_out.ovens.size(); ++i) {
        const FlatOven &o = m_out.ovens[i];
        Node release = Node::of(Node::Kind::Oven);
        release.index = int(i);
        release.args.push_back(Node::var(o.stock));
        m_out.vars[o.outflow].equation = std::move(release);
    }
}

} // namespace meadows::flattening

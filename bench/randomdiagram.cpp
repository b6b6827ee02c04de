#include "randomdiagram.h"

#include <random>

namespace meadows::bench {

CausalGraph randomDiagram(const DiagramShape &shape)
{
    CausalGraph g;
    for (int i = 0; i < shape.variables; ++i)
        g.addVariable(QStringLiteral("V%1").arg(i, 2, 10, QLatin1Char('0')));
    std::mt19937_64 rng(shape.seed);
    const auto polarity = [&] { return rng() % 2 ? LinkPolarity::Negative : LinkPolarity::Positive; };
    for (int i = 0; i < shape.variables; ++i)
        g.addLink(i, (i + 1) % shape.variables, polarity());
    while (int(g.links().size()) < shape.links) {
        const int from = int(rng() % std::uint64_t(shape.variables));
        const int to = int(rng() % std::uint64_t(shape.variables));
        if (from == to || g.findLink(from, to))
            continue; // no self-loops, one link per pair
        g.addLink(from, to, polarity());
    }
    return g;
}

} // namespace meadows::bench

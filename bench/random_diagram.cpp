// Writes the benchmark diagram as an edge list, "FROM TO +|-" a line, for
// loops_networkx.py to time networkx on the very same graph.
// usage: random_diagram [SEED]
#include "randomdiagram.h"

#include <QTextStream>
#include <cstdlib>

int main(int argc, char **argv)
{
    meadows::bench::DiagramShape shape;
    if (argc > 1)
        shape.seed = std::strtoull(argv[1], nullptr, 10);
    const meadows::CausalGraph g = meadows::bench::randomDiagram(shape);
    QTextStream out(stdout);
    for (const meadows::CausalLink &l : g.links())
        out << g.name(l.from) << ' ' << g.name(l.to) << ' ' << meadows::polaritySymbol(l.polarity) << '\n';
    return 0;
}

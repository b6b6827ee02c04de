#pragma once
// The benchmark's causal diagram: a ring through every variable (so the graph is one
// strongly connected component) plus random extra links, each link with a random
// polarity. A fixed seed makes it the same graph on every machine: std::mt19937_64's
// output is fixed by the standard, and it is mapped to ranges with plain modulo (the
// standard distributions may differ between library implementations).
#include "solver/analysis/causalgraph.h"

#include <cstdint>

namespace meadows::bench {

struct DiagramShape {
    int variables = 40;
    int links = 100; // ring included
    std::uint64_t seed = 7;
};

CausalGraph randomDiagram(const DiagramShape &shape = {});

} // namespace meadows::bench

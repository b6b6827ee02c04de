#pragma once
// A stock-and-flow model written by a program, with no diagram, as scripts produce them:
// chains of three stocks (a cloud, an inflow, two transfers, an outflow to a cloud), a
// rate constant for every flow, and a pressure variable per chain that reads a stock of
// another chain. A fixed seed makes it the same model on every machine (mt19937_64's
// output is fixed by the standard; ranges are taken with plain modulo).
#include "model/project.h"

#include <cstdint>

namespace meadows::test {

// About `variables` variables (whole chains of 12, at least one).
Project generatedStockFlowModel(int variables, std::uint64_t seed = 11);

} // namespace meadows::test

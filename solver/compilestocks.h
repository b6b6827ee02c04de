#pragma once
// The stocks that move in batches (conveyors, queues, ovens) compiled: their variables as
// memory slots (varSlot), their stocks by their position among the stocks. compiler.cpp's.
#include "flatmodel.h"
#include "program.h"

#include <vector>

namespace meadows {

std::vector<CompiledConveyor> compileConveyors(const FlatModel &flat);
std::vector<CompiledQueue> compileQueues(const FlatModel &flat);
std::vector<CompiledOven> compileOvens(const FlatModel &flat);

} // namespace meadows

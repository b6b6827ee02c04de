#pragma once
// Vensim's several views of one model tiled into Meadows' one diagram (mdlsketch reads them).
#include "model/project.h"

#include <QStringList>

namespace meadows::vensim {

// The views from `first` on, named `names`, made one: each keeps its layout in a cell of a
// grid, under its name, and its numbers move past those of the views before it. Views with
// nothing drawn are left out; a single view is kept as it is.
void tileViews(Model &model, std::size_t first, const QStringList &names);

} // namespace meadows::vensim

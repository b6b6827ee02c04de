#pragma once
// The sketch section of a .mdl file (after "\\\---///"): Vensim's views, read into the
// model's view so the diagram shows every variable where Vensim put it.
#include "mdldefinition.h"

namespace meadows::vensim {

void readSketch(const QString &text, qsizetype begin, Model &model, Reporter &report);

} // namespace meadows::vensim

#pragma once
// The sketch section of a .mdl file (after "\\\---///"): Vensim's views, read into the
// model's view so the diagram shows every variable where Vensim put it.
#include "mdldefinition.h"

namespace meadows::vensim {

// realityChecks: the names of the file's Reality Checks, which the sketch may show but the
// model leaves out.
void readSketch(const QString &text, qsizetype begin, Model &model, Reporter &report, const QStringList &realityChecks = {});

} // namespace meadows::vensim

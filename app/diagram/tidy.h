#pragma once
// Arrange → Tidy diagram: the user's own rough placement made neat, not redrawn (that is
// automatic layout's job). Elements whose centres almost line up go onto one row or
// column; elements whose bodies or names overlap are pushed apart, along their row or
// column when they share one, so rows stay rows. Pipes follow their stocks and keep their
// valves where they were along them; connectors keep their bends. QtCore only.
#include "labelgeometry.h"

#include "model/project.h"

namespace meadows::diagram {

constexpr double kTidyAlignTolerance = 12; // centres this close on one axis are put on one line
constexpr double kTidyGap = 8;             // the least room left between two elements' bodies or names

// The view tidied. Elements Meadows does not draw, and connectors' ends, are as they were.
View tidiedView(const Model &model, const View &view, const LabelMeasure &measure);

} // namespace meadows::diagram

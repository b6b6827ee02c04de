#pragma once
// Divisions that are certain to divide by zero, found without running the model: the
// divisor is the number 0, or a variable of the same model whose equation is the number 0.
// `meadows check` reports them as warnings; a run reports the Inf or NaN it meets.
#include "model/project.h"

#include <vector>

namespace meadows {

std::vector<Diagnostic> findConstantZeroDivisors(const Project &project);

} // namespace meadows

#pragma once
// Modules whose model lives in another file (XMILE 1.0 §3.7.4 and the spec's
// multifile_submodel example: <module name="Sub" resource="module.xmile">): the file is read
// relative to the one that names it, and its main model becomes the module's model.
#include "model/project.h"

#include <vector>

namespace meadows {

// Reads the resources that `project`'s modules name and that the project does not already
// hold a model for. `path` is the file the project was read from. Problems (a missing or
// unreadable file, a cycle, too deep a chain) are errors at the module's element.
void loadModuleResources(Project &project, const QString &path, std::vector<Diagnostic> &diagnostics);

} // namespace meadows

#pragma once
// Content from other files, read relative to the file naming them (XMILE 1.0 §2.11 and
// §3.7.4, the specification's master.xmile and multifile_submodel examples):
// - <header><includes><include resource="macros.xmile"/></includes>: the included file's
//   named models, macros, dimensions and units join the project;
// - <module name="Sub" resource="module.xmile">: that file's main model is the module's model.
#include "model/project.h"

#include <vector>

namespace meadows {

// Reads the resources that `project`'s modules name and that the project does not already
// hold a model for. `path` is the file the project was read from. Problems (a missing or
// unreadable file, a cycle, too deep a chain) are errors at the module's element.
void loadModuleResources(Project &project, const QString &path, std::vector<Diagnostic> &diagnostics);

// Reads the files the header's <includes> names. `text` is the file's own text, for the
// positions of its <include> elements.
void loadIncludes(Project &project, const QString &path, const QByteArray &text, std::vector<Diagnostic> &diagnostics);

} // namespace meadows

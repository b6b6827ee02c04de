#pragma once
// Reading any file Meadows opens as a model: XMILE, or a Mermaid flowchart (.mmd) as a
// causal-loop diagram. The editor and every subcommand read models through here, so
// they accept the same files and say the same thing about one they cannot read.
#include "xmilereader.h"

namespace meadows {

bool isMermaidFile(const QString &path);
XmileReadResult readModelFile(const QString &path);

} // namespace meadows

#pragma once
// The options every subcommand takes, --max-size N and --data FILE.dat (each also written
// --option=value). The executable's commands and the GUI module's picture export both read
// them, so they live apart from either.
#include <QStringList>

namespace meadows {

// Takes them out of `arguments` and applies them. What is wrong with them, or empty.
QString takeCommonOptions(QStringList &arguments);

} // namespace meadows

#pragma once
// The headless command line: `meadows run|check|...`. Its formats are a public interface.
#include "exitcode.h"

#include <QStringList>

namespace meadows {

bool isHeadlessCommand(int argc, char **argv);
int runHeadless(const QStringList &arguments);
// Before the editor opens: a first argument that is neither an option, a file nor a
// subcommand is a mistyped subcommand, and with no display there is nothing to open the
// editor on. Both are told plainly (exit code 2) instead of Qt aborting. -1: go on.
int refuseGuiArguments(int argc, char **argv);

int runCommand(const QStringList &arguments);
int checkCommand(const QStringList &arguments);
int loopsCommand(const QStringList &arguments);
int exportCommand(const QStringList &arguments);
int equilibriaCommand(const QStringList &arguments);
int sweepCommand(const QStringList &arguments);
int sensitivityCommand(const QStringList &arguments);
int layoutCommand(const QStringList &arguments);

// `meadows export` of a format that draws the diagram (svg, png, pdf, md): the GUI module
// runs it, offscreen. False for the text formats and for arguments that do not parse,
// which exportCommand reports.
bool exportRunsInGui(const QStringList &arguments);

QString usageText();

} // namespace meadows

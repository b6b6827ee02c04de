#pragma once
// The headless command line: `meadows run|check|...`. Its formats are a public interface.
#include <QStringList>

namespace meadows {

enum ExitCode { ExitOk = 0, ExitModelError = 1, ExitUsage = 2 };

bool isHeadlessCommand(int argc, char **argv);
int runHeadless(const QStringList &arguments);

int runCommand(const QStringList &arguments);
int checkCommand(const QStringList &arguments);
int loopsCommand(const QStringList &arguments);

QString usageText();

} // namespace meadows

#pragma once
// The exit codes every subcommand shares, including `meadows export` of pictures, which runs
// in the GUI module: a header of its own so that module needs nothing else of the CLI.
namespace meadows {

enum ExitCode { ExitOk = 0, ExitModelError = 1, ExitUsage = 2 };

} // namespace meadows

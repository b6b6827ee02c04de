#pragma once

namespace meadows {

// Starts the editor: `meadows [MODEL]`, or `meadows --screenshot OUT.png [MODEL]` to
// render the main window to a PNG and exit (for tests and documentation).
int runGui(int argc, char **argv);

} // namespace meadows

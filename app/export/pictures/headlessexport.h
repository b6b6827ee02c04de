#pragma once

namespace meadows {

// `meadows export` for the formats that draw the diagram (main.cpp forces the offscreen
// platform first): reads the model into a document and a scene, as the editor would,
// and writes. Exit codes as the other subcommands: 0 ok, 1 model or file error, 2 usage.
int runHeadlessExport(int argc, char **argv);

} // namespace meadows

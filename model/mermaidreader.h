#pragma once
// Reads a Mermaid flowchart as a causal-loop diagram, the way engineers already sketch
// them in design docs:
//
//     flowchart LR
//       load[Load] -- "+" --> latency[Latency]
//       latency -->|+| timeouts((Timeouts))
//       timeouts -- "(-)" --> capacity
//
// Nodes become variables without equations, links become connectors carrying their
// polarity ("+", "-", "(+)", "(-)", "−", "s"/"o"; none when unlabelled). The variables come
// unplaced: the editor, picture export and `meadows layout` lay the diagram out
// (app/diagram/autolayout.h).
#include "project.h"
#include "source.h"

#include <QByteArray>
#include <optional>
#include <vector>

namespace meadows {

// The id of the box of loop names Meadows writes into an exported flowchart: the reader
// leaves that box out, so a flowchart exported and opened again has only the variables.
inline constexpr char kMermaidLoopsId[] = "meadows_loops";

struct MermaidReadResult {
    std::optional<Project> project;
    std::vector<Diagnostic> diagnostics;
};

MermaidReadResult readMermaid(const QByteArray &text, const QString &fileName);

} // namespace meadows

#pragma once
// A project flattened for simulation: modules inlined (names "module.var"), arrays
// expanded to one scalar per element (names "var[a,b]"), stateful builtins rewritten
// into hidden stocks and flows, every equation resolved to a Node.
#include "node.h"

#include "model/graphicalfunction.h"
#include "model/project.h"
#include "model/source.h"

#include <QString>
#include <optional>
#include <utility>
#include <vector>

namespace meadows {

struct FlatVar {
    enum class Kind { Stock, Flow, Aux };
    Kind kind = Kind::Aux;
    QString name;          // as the model displays it
    bool hidden = false;   // made by the compiler (smooth stages, macro internals)
    bool nonNegative = false; // stock: Stella's non-negative stock
    Node equation;         // a stock's is its initial value
    std::optional<Node> initial; // the value while the model initialises, when it differs (Vensim's ACTIVE INITIAL)
    std::vector<int> inflows, outflows; // stock
    SourceRef source;      // the equation, for messages
    QString units;
};

struct FlatModel {
    std::vector<FlatVar> vars;
    std::vector<GraphicalFunction> tables;
    std::vector<int> series;  // variables whose every step is recorded (DELAY, PREVIOUS, HISTORY)
    int randomCalls = 0;      // random-number call sites, each with a stream of its own
    bool vensimDialect = false; // written by Vensim (xmutil): PULSE(start, width) and friends
    SimSpecs specs;
    std::vector<Diagnostic> diagnostics;

    bool hasErrors() const;
    int findVar(const QString &displayName) const; // -1 when absent
};

struct FlattenOptions {
    // --set NAME=VALUE: replaces the equation (a stock's initial value) by a number.
    std::vector<std::pair<QString, double>> overrides;
};

FlatModel flatten(const Project &project, const FlattenOptions &options = {});

// The key under which a displayed name ("Room Temperature", "a[x, y]", "m.v") is found.
QString variableKey(const QString &displayName);

} // namespace meadows

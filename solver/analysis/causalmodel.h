#pragma once
// The causal graph of a project, at the level of the variables the model displays
// (module variables as "module.var", an array as one variable):
// - a variable with an equation is linked from every variable its equation reads, with
//   the polarity inferred from the equation (see polarity.h);
// - a stock is linked from its inflows (+) and outflows (-);
// - a module input is linked (+) from what feeds it;
// - a variable without an equation (a causal-loop diagram keeps its variables as
//   auxiliaries without equations) is linked from the connectors drawn into it;
// - a connector marked polarity="+" or "-" overrides the inferred polarity.
// Needs no simulation: a causal-loop diagram, which does not compile, has a graph too.
#include "solver/expr.h"

#include "solver/analysis/causalgraph.h"
#include "model/project.h"

#include <QHash>
#include <optional>
#include <vector>

namespace meadows {

struct CausalVariable {
    VariableKind kind = VariableKind::Aux; // never Module
    int scope = 0;                         // where its equation's names are looked up
    std::optional<Expr> equation;          // auxes and flows that have one (apply-to-all)
    std::optional<GraphicalFunction> table; // the variable's own graphical function
    bool isArray = false;
    int mirrors = -1;                      // a connected module input: the variable feeding it
    std::vector<int> inflows, outflows;    // stock
};

// The names visible inside one model instance (the main model or one module).
struct CausalScope {
    QHash<QString, int> variables;               // canonical name -> graph variable
    QHash<QString, int> modules;                 // canonical module name -> scope
    QHash<QString, GraphicalFunction> tables;    // named graphical functions, canonical name
};

struct CausalModel {
    CausalGraph graph;
    std::vector<CausalVariable> variables; // parallel to the graph's variables
    std::vector<CausalScope> scopes;       // scopes[0]: the main model
    std::vector<Diagnostic> diagnostics;   // equations that do not parse, unknown connector ends

    // A name as an equation in `scope` writes it ("x", "module.x"): -1 when unknown.
    int resolve(int scope, QString canonical) const;
    bool hasErrors() const;
};

CausalModel buildCausalModel(const Project &project);

// Reads a connector's polarity mark: "+" or "-" (Stella and Meadows), "positive",
// "negative"; nullopt when the connector is not marked.
std::optional<LinkPolarity> connectorPolarity(const QString &mark);

} // namespace meadows

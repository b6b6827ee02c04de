#pragma once
// The document: a project holds sim specs, units, dimensions, the main model, its
// modules' models, and macros. Plain values: easy to copy for a simulation run.
#include "graphicalfunction.h"
#include "source.h"
#include "view.h"
#include "xmlnode.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace meadows {

enum class VariableKind { Stock, Flow, Aux, Module };

struct ArrayElement {
    QString subscript; // "a1, b2" as in <element subscript="...">
    QString equation;
    SourceRef equationSource;
    std::optional<GraphicalFunction> gf;
    XmlExtras extras;
    bool operator==(const ArrayElement &) const = default;
};

struct ModuleConnection {
    QString to;   // the module's input, "module.var" or "var"
    QString from; // what feeds it
    bool operator==(const ModuleConnection &) const = default;
};

struct Variable {
    VariableKind kind = VariableKind::Aux;
    QString name; // as written in the file's name attribute
    QString equation;
    SourceRef equationSource;
    QString initEquation; // <init_eqn>: a flow's or auxiliary's value at the start, when not its equation's
    QString units;
    QString doc;
    QStringList inflows, outflows;      // stock
    bool nonNegative = false;           // stock or flow: Stella's non_negative
    std::optional<GraphicalFunction> gf;
    QStringList dimensions;             // empty: scalar
    std::vector<ArrayElement> elements; // non-apply-to-all arrays
    QString access;                     // "input", "output" or empty
    QString modelName;                  // module: the model it instantiates
    std::vector<ModuleConnection> connections; // module
    XmlExtras extras;
    SourceRef elementSource; // where the variable's element starts, for messages without an equation

    bool operator==(const Variable &) const = default;
    bool isArray() const { return !dimensions.isEmpty(); }
};

struct Model {
    QString name; // empty for the main model
    std::vector<Variable> variables;
    std::vector<GraphicalFunction> graphicalFunctions; // named, at <variables> level
    std::vector<View> views;
    XmlExtras extras;
    XmlExtras variablesExtras; // unknown children of <variables>
    XmlExtras viewsExtras;     // attributes and unknown children of <views> (styles)
    bool operator==(const Model &) const = default;

    const Variable *findVariable(QStringView name) const;
    Variable *findVariable(QStringView name);
    const GraphicalFunction *findGraphicalFunction(QStringView name) const;
    // Variables without equations and no stocks or flows: a causal-loop diagram, which
    // loop analysis reads but there is nothing to simulate in.
    bool isCausalLoopDiagram() const;
};

struct Macro {
    QString name;
    QStringList parameters;
    // Per parameter, the equation its <parm default="..."> gives when a call leaves it out
    // (empty: the call must give it); defaults make trailing parameters optional.
    QStringList defaults;
    QString equation;
    // How many arguments a call must give: up to the last parameter without a default.
    int requiredArguments() const
    {
        int required = 0;
        for (qsizetype i = 0; i < parameters.size(); ++i)
            if (i >= defaults.size() || defaults[i].trimmed().isEmpty())
                required = int(i) + 1;
        return required;
    }
    SourceRef equationSource;
    Model body; // variables a macro keeps state in
    XmlExtras extras;
    bool operator==(const Macro &) const = default;
};

// Where each simulation setting was read, so that a warning about one points at it.
// Never makes two projects differ.
struct SimSpecPlaces {
    QString file;
    SourcePos start, stop, dt, saveStep; // line 0 where the setting was not in the file
    SourcePos method;                    // the <sim_specs> element
    friend bool operator==(const SimSpecPlaces &, const SimSpecPlaces &) { return true; }
};

// Vensim lets INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER depend on Time: each such
// setting names the model variable that computes it (empty: the number in SimSpecs holds).
// The run evaluates INITIAL TIME once, at Time 0, and the others at every step
// (solver/computedclock.cpp). XMILE has no way to say this: Meadows writes these names as
// meadows: attributes of <sim_specs>.
struct VaryingSpecs {
    QString start, stop, dt, saveStep;
    bool any() const { return !start.isEmpty() || !stop.isEmpty() || !dt.isEmpty() || !saveStep.isEmpty(); }
    bool operator==(const VaryingSpecs &) const = default;
};

struct SimSpecs {
    double start = 0;
    double stop = 100;
    double dt = 1;
    std::optional<double> saveStep; // default: dt
    QString method = QStringLiteral("Euler");
    // Runge-Kutta as Vensim computes it (its reference, "Runge-Kutta Integration"): STEP,
    // PULSE, RAMP and the pure delays keep their values from a step's start through its
    // stages, and RK2 is the midpoint method. Else as Stella: they follow the stage's time,
    // and RK2 is Heun's. Set for .mdl files; XMILE carries it as meadows:runge_kutta="vensim".
    bool vensimRungeKutta = false;
    QString timeUnits;
    VaryingSpecs varying;
    XmlExtras extras;
    SimSpecPlaces places;
    bool operator==(const SimSpecs &) const = default;

    double effectiveSaveStep() const { return saveStep.value_or(dt); }
};

struct Dimension {
    QString name;
    QStringList elements; // named elements; for a numbered dimension "1".."size"
    bool numbered = false;
    // Stella's <isee:maps_to>: the dimensions this one maps onto, its i-th element standing
    // for their i-th (the same number of elements).
    QStringList mapsTo;
    XmlExtras extras;
    bool operator==(const Dimension &) const = default;
};

struct Unit {
    QString name;
    QString equation;
    QStringList aliases;
    XmlExtras extras;
    bool operator==(const Unit &) const = default;
};

struct Project {
    QString fileName; // not part of equality
    XmlNode header;
    SimSpecs simSpecs;
    std::vector<Unit> units;
    std::vector<Dimension> dimensions;
    std::vector<Model> models; // models[0] is the main model
    std::vector<Macro> macros;
    XmlExtras extras;          // root attributes (namespaces, version) and unknown root children
    XmlExtras unitsExtras;
    XmlExtras dimensionsExtras;
    bool hasDimensionsElement = false;

    friend bool operator==(const Project &a, const Project &b)
    {
        return a.header == b.header && a.simSpecs == b.simSpecs && a.units == b.units
               && a.dimensions == b.dimensions && a.models == b.models && a.macros == b.macros
               && a.extras == b.extras && a.unitsExtras == b.unitsExtras
               && a.dimensionsExtras == b.dimensionsExtras;
    }

    Model &mainModel() { return models.front(); }
    const Model &mainModel() const { return models.front(); }
    const Model *findModel(QStringView name) const;
    const Dimension *findDimension(QStringView name) const;
    const Macro *findMacro(QStringView name) const;
    // The macro of that name that takes `arguments` arguments (XMILE lets one name be defined
    // again for another count); the first of the name when none does; nullptr when none is.
    const Macro *findMacro(QStringView name, int arguments) const;
    // Every model that holds variables: the models, then the macros' bodies.
    std::vector<const Model *> allModels() const;
    QString title() const; // the header's <name>, else the file's base name
};

// A project as Meadows starts one: the XMILE namespaces, a header naming Meadows, one
// empty main model.
Project makeNewProject(const QString &title = {});

} // namespace meadows

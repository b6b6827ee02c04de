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
    std::optional<Node> initial; // the value at the start, when it differs: <init_eqn>, Vensim's ACTIVE INITIAL
    std::vector<int> inflows, outflows; // stock
    SourceRef source;      // the equation, for messages
    QString units;
};

// A conveyor (solver/conveyor.h): a stock whose outflow and leaks the belt computes.
struct FlatLeak {
    int flow = -1;
    int fraction = -1; // a hidden auxiliary holding the flow's own equation
    double start = 0, end = 1;
    bool integers = false;
};

struct FlatConveyor {
    int stock = -1;
    int transitTime = -1; // hidden auxiliaries
    int capacity = -1;    // -1: unlimited
    int inflowLimit = -1; // -1: unlimited
    int outflow = -1;     // -1: none
    std::vector<FlatLeak> leaks;
    bool exponentialLeak = false;
    bool signedMaterial = false; // ConveyorOptions::signedMaterial
    int arrest = -1;      // hidden auxiliaries of <arrest> and <sample>; -1: none
    int sample = -1;
    bool discrete = false; // ConveyorOptions: discrete, one_at_a_time, batch_integrity
    bool oneAtATime = true;
    bool batchIntegrity = false;
};

// A queue (solver/queue.h): outflows in order, then the overflows.
struct FlatQueue {
    int stock = -1;
    std::vector<int> outflows, overflows;
};

// An oven (solver/oven.h): a stock whose one outflow releases what it has cooked.
struct FlatOven {
    int stock = -1;
    int cookTime = -1;    // hidden auxiliaries
    int fillTime = -1;    // -1: fills until at capacity
    int capacity = -1;    // -1: unlimited
    int inflowLimit = -1; // -1: unlimited
    int cleanTime = -1;   // -1: none
    int outflow = -1;
};

// A DELAY INFORMATION call: the hidden variables holding each step's input and the time
// that input is due (solver/informationdelay.h).
struct FlatInformationDelay {
    int input = -1;
    int due = -1;
};

// A DELAY CONVEYOR call: the hidden variables holding its arguments, the last two read at
// the start, and its initial profile (solver/delayconveyor.h).
struct FlatDelayConveyor {
    int input = -1, time = -1, leak = -1, total = -1, initialTime = -1;
    GraphicalFunction profile;
};

// A Vensim QUEUE FIFO: the variable it defines, the hidden variables holding its inflow and
// outflow each step and its initial value and age range (read at the start), and its
// initial profile (solver/agedqueue.h).
struct FlatAgedQueue {
    int variable = -1;
    int inflow = -1, outflow = -1, initial = -1, ageRange = -1;
    GraphicalFunction profile;
};

// A subscript computed while the model runs (level[INT(TIME / 4) + 1]): what an index outside
// its dimension is reported with. Its pick is a SubscriptAt call whose Node::index is this
// site's position in FlatModel::subscriptSites.
struct FlatSubscriptSite {
    QString variable;  // the element computed, as the model displays it
    QString array;     // the array subscripted, as written
    QString dimension; // what the subscript picks from: 'Dimension', or the points of 'table'
    int size = 0;      // its elements
    SourceRef source;  // the equation
};

struct FlatModel {
    std::vector<FlatVar> vars;
    std::vector<FlatSubscriptSite> subscriptSites;
    // What an index out of range gives: the file's <uses_arrays invalid_index_value> (0 or
    // NaN); unset, the run stops with an error (Flattener::invalidIndexValue).
    std::optional<double> invalidIndexValue;
    std::vector<GraphicalFunction> tables;
    std::vector<FlatConveyor> conveyors;
    std::vector<FlatQueue> queues;
    std::vector<FlatOven> ovens;
    std::vector<int> series;  // variables whose every step is recorded (DELAY, PREVIOUS, HISTORY)
    std::vector<FlatInformationDelay> informationDelays;
    std::vector<FlatDelayConveyor> delayConveyors;
    std::vector<FlatAgedQueue> agedQueues;
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

#pragma once
// Stella's conveyors and queues (XMILE 1.0 section 3.7.2) as the document holds them: the
// <conveyor> and <queue> elements of a stock and the leak and overflow options of a flow stay verbatim in the variable's XML
// extras (so a file is written back unchanged); these functions read them for the solver.
#include "project.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace meadows {

struct ConveyorOptions {
    QString transitTime;   // <len>: an equation, sampled when material enters
    QString capacity;      // <capacity>: an equation; empty: unlimited
    QString inflowLimit;   // <in_limit>: an equation, per time unit; empty: unlimited
    bool exponentialLeak = false; // <exponential_leak/>: leak fractions are per time unit
    // Options Meadows does not implement (<discrete/>, <sample>, <arrest>...), by name.
    QStringList unimplemented;
};

struct LeakOptions {
    QString fraction;   // the text of <leak> when it is not a flag; else the flow's <eqn> holds it
    bool integers = false; // <leak_integers/>: only whole units leak
    double start = 0;   // leak_start, leak_end: the leak zone, fractions of the belt from its inlet
    double end = 1;
};

// <queue/>: the stock is a first-in first-out queue.
bool isQueue(const Variable &stock);
// <overflow/>: the flow takes what a queue's other outflows could not pass on.
bool isOverflow(const Variable &flow);

// The stock's conveyor options; nullopt when the stock is not a conveyor.
std::optional<ConveyorOptions> conveyorOptions(const Variable &stock);
// The flow's leak options; nullopt when the flow is not a leak.
std::optional<LeakOptions> leakOptions(const Variable &flow);

} // namespace meadows

#pragma once
// Stella's conveyors and queues (XMILE 1.0 section 3.7.2) and ovens (a Stella extension) as
// the document holds them: the <conveyor>, <queue> and <oven> elements of a stock and the
// leak and overflow options of a flow stay verbatim in the variable's XML extras (so a file
// is written back unchanged); these functions read them for the solver.
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
    QString arrest;        // <arrest>: a condition; while non-zero nothing enters, leaves or moves
    QString sample;        // <sample>: a condition; <len> is re-read only while non-zero; empty: every DT
    // discrete: the inflow limit is a budget per time unit that one DT may use up, and the
    // initial value lies in one package per time unit. Nothing is rounded to whole units.
    bool discrete = false;
    // <meadows:signed/>: what enters may be negative and is carried as it is, nothing cut to
    // zero (Vensim's DELAY MATERIAL, which the .mdl reader writes as a conveyor). Stella
    // ignores the element, and its conveyors carry no negative material.
    bool signedMaterial = false;
    // Taking from a queue directly upstream (XMILE 1.0 section 4.2.1, attributes of
    // <conveyor>): one_at_a_time (default true), only the front batch each DT, else as many
    // as fit; batch_integrity (default false), only whole batches. Meaningless without a queue.
    bool oneAtATime = true;
    bool batchIntegrity = false;
    // Options Meadows does not implement (any XMILE 1.0 does not define), by name, for a warning.
    QStringList unimplemented;
};

// Stella's oven: a batch stock that fills, cooks, then releases everything at once
// (solver/oven.h). Each option is an equation; empty when the file does not give it.
struct OvenOptions {
    QString fillTime;    // <fill_time>: how long the oven fills; empty: until it is at capacity
    QString cookTime;    // <cook_time>: how long it cooks (required)
    QString capacity;    // <capacity>: what it holds at most; empty: unlimited
    QString inflowLimit; // <in_limit>: what enters per time unit at most; empty: unlimited
    QString cleanTime;   // <clean_time>: how long it stays shut and empty after releasing
    // Options Meadows does not implement (<arrest>, an initial cycle time...), by name.
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
// The stock's oven options, from <oven> (with any prefix: <isee:oven>); nullopt when the
// stock is not an oven. Options are read as child elements or as attributes.
std::optional<OvenOptions> ovenOptions(const Variable &stock);
// The flow's leak options; nullopt when the flow is not a leak.
std::optional<LeakOptions> leakOptions(const Variable &flow);

} // namespace meadows

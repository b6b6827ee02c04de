#pragma once
// What a conveyor lets in during one DT (solver/conveyor.h): its inflows cut to the room
// its capacity and inflow limit leave, and, for an inflow that leaves a queue directly
// upstream, the queue's batches taken as the conveyor's one_at_a_time and batch_integrity
// ask (XMILE 1.0 section 4.2.1; docs/conveyors.md). Internal to the runner.
#include "conveyor.h"
#include "queue.h"

#include <cstdint>
#include <deque>
#include <vector>

namespace meadows {

// What a conveyor takes of a queue's batches, first in first out, none skipped: the
// batches from `offset` on (what the queue's earlier flows take from its front this DT;
// the batch it falls in counts from there), at most `asked` and `room`. One at a time:
// only the front batch; else as many as fit. With batch integrity only whole batches,
// else the last one taken may be split.
double batchesTaken(const std::deque<double> &batches, double offset, double asked, double room, bool oneAtATime,
                    bool batchIntegrity);

// What the flows a queue lists before `flow` (its outflows in order, then its overflows)
// take from its front this DT, from their values (per time unit) in memory.
double takenAhead(const CompiledQueue &q, const double *memory, std::uint32_t flow, double dt);

// The conveyor a queue outflow feeds directly, or null.
const CompiledConveyor *conveyorFedBy(const std::vector<CompiledConveyor> &conveyors, std::uint32_t flow);

// Cuts the conveyor's inflows, first listed first served, to share `room` (an amount over
// this DT); an inflow from a queue takes its batches as the conveyor's options say.
// What another conveyor releases into it is never cut. Inflows cannot run backwards.
void admitInflows(const CompiledConveyor &c, double *memory, double room, double dt,
                  const std::vector<CompiledQueue> &queues, const std::vector<Fifo> &fifos);

} // namespace meadows

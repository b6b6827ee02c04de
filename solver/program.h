#pragma once
// Compiled equations: a flat array of three-address instructions over one array of
// doubles. No strings, maps or allocation while it runs.
#include "agedqueue.h"
#include "conveyor.h"
#include "delayconveyor.h"
#include "informationdelay.h"
#include "oven.h"
#include "queue.h"
#include "model/graphicalfunction.h"
#include "model/project.h"

#include <cmath>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace meadows {

// Every instruction, once: the enum and the interpreter's dispatch table come from this.
//   Copy        dst = a                 Select    dst = a != 0 ? b : c
//   Math1       dst = f(a), c picks f (a Builtin)
//   SafeDiv     dst = b != 0 ? a / b : c (XIDZ, ZIDZ, SAFEDIV)
//   Lookup      dst = table[b](a)
//   LookupArea  dst = the area under table[b] from a to c
//   Variadic   dst = f(args at a.., count b), c picks f (Step, Ramp, Pulse, PulseTrain...)
//   History     dst = series[b] at time a, or c before the record starts; with kHistoryNow in b,
//               Stella's HISTORY: c is the input's value now (NaN when not known in this step),
//               and 0 before the record starts and after now
//   Belt        dst = what leaves conveyor a in this DT, per time unit: its outflow (b = 0) or leak b - 1
//   Oven        dst = what oven a releases in this DT, per time unit
//   InfoDelay   dst = information delay a's value at this time, or c before any input is due
//   ConveyorDelay dst = what leaves delay conveyor a in this step, per time unit, c its conveyance time now
//   Container   dst = conveyor a's slats (queue a's batches when b has kQueueContainer) reduced by
//               the Builtin b, or (b kContainerElement) the one numbered m[c] from the exit
//   Random      dst = draw of kind (c & 0xff) for call site (c >> 8), args at a.. (count b)
//   Pick        dst = the candidate at a + m[a] (m[a] from 1 to b - 1): an XMILE subscript computed
//               while running; out of range, the model's invalid index value, else NaN and, if
//               the IFs around site c took its branch, a fault recorded (RunState::indexFaults)
//   AgedQueue   dst = Vensim queue a's total (b = AgedQueue::Query::Total), or its query b over
//               the arguments at c..
//   End         the program's last instruction
#define MEADOWS_OPS(X)                                                                             \
    X(Copy) X(Neg) X(Not) X(Add) X(Sub) X(Mul) X(Div) X(Pow) X(Mod) X(Eq) X(Ne) X(Lt) X(Le) X(Gt) \
    X(Ge) X(And) X(Or) X(Select) X(Math1) X(Min2) X(Max2) X(SafeDiv) X(Arctan2) X(Lookup) X(LookupArea)       \
    X(Variadic) X(History) X(Belt) X(Oven) X(InfoDelay) X(ConveyorDelay) X(AgedQueue) X(Container) X(Random) X(Pick) X(End)

enum class Op : std::uint8_t {
#define MEADOWS_OP_ENUM(name) name,
    MEADOWS_OPS(MEADOWS_OP_ENUM)
#undef MEADOWS_OP_ENUM
};

struct Instr {
    Op op;
    std::uint32_t dst;
    std::uint32_t a;
    std::uint32_t b;
    std::uint32_t c;
};

// The Container instruction's b: the reduction (a Builtin), or an element; a queue's batches.
constexpr std::uint32_t kContainerElement = 0xffffu;
constexpr std::uint32_t kQueueContainer = 0x10000u;
// The History instruction's b: the series, marked when it is Stella's HISTORY.
constexpr std::uint32_t kHistoryNow = 0x80000000u;

// Fixed places in memory. InputTimeSlot is the time STEP, PULSE, RAMP and the pure delays
// read: Time, except within a Runge-Kutta step of a model that holds them as Vensim does
// (SimSpecs::vensimRungeKutta), where it stays at the step's start.
enum Slot : std::uint32_t { TimeSlot = 0, DtSlot = 1, StartSlot = 2, StopSlot = 3, InputTimeSlot = 4, FirstVarSlot = 5 };

// Where flat variable `index` lives in memory.
inline std::uint32_t varSlot(int index) { return FirstVarSlot + std::uint32_t(index); }

struct Program {
    std::vector<Instr> code;
};

// An index outside its dimension, met by a Pick instruction: the subscript site, the index
// and the time.
struct IndexFault {
    std::uint32_t site;
    double index;
    double time;
};

// What a run keeps beyond memory: recorded series, and the seed of its random numbers.
struct RunState {
    std::vector<std::vector<double>> series;
    std::vector<Belt> belts; // one per conveyor
    std::vector<Fifo> queues; // one per queue
    std::vector<Oven> ovens;  // one per oven
    std::vector<InformationDelay> informationDelays; // one per DELAY INFORMATION call
    std::vector<DelayConveyor> delayConveyors; // one per DELAY CONVEYOR call
    std::vector<AgedQueue> agedQueues;         // one per QUEUE FIFO call
    std::uint64_t seed = 0;
    double start = 0;
    double dt = 1;
    // A computed clock's run (computedclock.h), where steps differ: the step's number, which
    // random draws follow, and the time of every recorded value, which series are read by;
    // an adaptive run's recorded values have their times too (adaptive.cpp). Else -1 and
    // empty: both follow from start and dt.
    long long step = -1;
    std::vector<double> times;
    // Indices out of range met since the runner last looked (Runner::checkIndexFaults): the
    // one thing the VM writes besides memory, so mutable, as the VM reads the rest only.
    mutable std::vector<IndexFault> indexFaults;

    // The number of the step a time falls in: the one set, else from start and dt (a hair
    // over, so that a time a rounding below a step's start is that step).
    long long stepAt(double t) const
    {
        return step >= 0 ? step : (long long)std::floor((t - start) / dt + 1e-6);
    }
};

// An IF's condition that a pick sits in a branch of: the slot holding the condition's value,
// and whether the pick is in the THEN branch (used when the value is non-zero) or the ELSE.
struct PickGuard {
    std::uint32_t condition = 0;
    bool thenBranch = true;
};

// A subscript computed while running, as compiled into one variable's equation: what the
// error says (FlatSubscriptSite), and the IFs whose branches hold the pick. An index out of
// range is a fault only when every one of them took the pick's branch: then the value is
// used (also when NaN would hide in a condition, `IF a[k] > 5`, or in MIN), else dropped.
// The conditions are computed before either branch, and a temporary is never reused within
// one equation, so their slots still hold them when the pick runs.
struct CompiledSubscriptSite {
    QString variable, array, dimension;
    int size = 0;
    SourceRef source;
    std::vector<PickGuard> guards;
};

struct OutputColumn {
    QString name;
    std::uint32_t slot;
    SourceRef source; // the variable's equation, for a warning about its values
    bool computedSubscript = false; // its equation picks an element by an index computed while running
    bool allocates = false;         // its equation is a Vensim allocation (NaN for an unusable profile)
};

// The variables that compute the settings which change with Time (SimSpecs::varying): their
// slots, or -1 for a setting that is a number.
struct VaryingSlots {
    std::int64_t start = -1, stop = -1, dt = -1, saveStep = -1;
    bool any() const { return start >= 0 || stop >= 0 || dt >= 0 || saveStep >= 0; }
};

struct CompiledModel {
    std::vector<double> memory;  // the initial image: constants in place
    Program initial;             // everything, in initial-value order
    Program rates;               // what changes over time, given stocks and time
    // Some variable had an initial equation of its own (ACTIVE INITIAL): the first row
    // shows its equation's value, so the rates run once more at the start.
    bool ratesAtStart = false;
    std::vector<std::uint32_t> stockSlots;
    // Stock i's net flow: sum over terms[termBegin[i] .. termBegin[i+1]) of sign * memory[slot].
    std::vector<std::uint32_t> termBegin;
    std::vector<std::uint32_t> termSlot;
    std::vector<double> termSign;
    std::vector<std::uint8_t> stockNonNegative; // bytes, not bits: read on every step
    std::vector<GraphicalFunction> tables;
    std::vector<std::uint32_t> seriesSlots; // recorded after every step's rates
    std::vector<CompiledConveyor> conveyors;
    std::vector<CompiledQueue> queues;
    std::vector<CompiledOven> ovens;
    std::vector<CompiledInformationDelay> informationDelays; // entered after every step's rates
    std::vector<CompiledDelayConveyor> delayConveyors;       // advanced after every step's rates
    std::vector<CompiledAgedQueue> agedQueues;               // advanced after every step's rates
    // Some equation reads a conveyor's slats or a queue's batches (Container): the initial
    // values are computed again once the belts and queues are filled.
    bool readsContainers = false;
    std::vector<OutputColumn> outputs;
    std::vector<CompiledSubscriptSite> subscriptSites; // the Pick instructions' c
    std::optional<double> invalidIndexValue;          // FlatModel's
    SimSpecs specs;
    VaryingSlots varying;

    void execute(const Program &program, double *memory, const RunState &state) const;
};

} // namespace meadows

// The interpreter for compiled equations. One switch over a flat instruction array.
#include "program.h"
#include "builtins.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>
#include <limits>

namespace meadows {

namespace {

// One builtin's evaluation, from the registry: the same function the expression
// evaluator calls.
inline double unary(std::uint32_t code, double x)
{
    return builtinInfo(Builtin(code)).unary(x);
}

inline double variadic(std::uint32_t code, const double *args, std::uint32_t count, const double *m)
{
    return builtinInfo(Builtin(code)).evaluate(args, count, BuiltinClock{m[TimeSlot], m[DtSlot], m[StartSlot]});
}

// SplitMix64: a counter-based generator, so a draw depends only on (seed, call, step):
// the same run gives the same numbers, and RK4's stages within a step agree.
std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

double unitDraw(std::uint64_t seed, std::uint64_t site, std::uint64_t step, std::uint64_t which)
{
    const std::uint64_t bits = mix(mix(mix(seed) ^ site) ^ (step * 2 + which));
    return double(bits >> 11) * 0x1.0p-53; // [0, 1)
}

double randomDraw(std::uint32_t code, const double *args, std::uint32_t count, const double *m, const RunState &state)
{
    const std::uint64_t site = code >> 8;
    const bool normal = (code & 0xff) == 1;
    const double step = std::floor((m[TimeSlot] - state.start) / state.dt + 1e-6);
    std::uint64_t seed = state.seed;
    if (count > 2) { // an explicit seed makes the call's stream independent of the run's
        std::uint64_t bits;
        std::memcpy(&bits, &args[2], sizeof bits);
        seed = mix(bits ^ 0x5eedull);
    }
    const std::uint64_t k = std::uint64_t(std::max(0.0, step));
    const double u = unitDraw(seed, site, k, 0);
    if (!normal)
        return args[0] + (args[1] - args[0]) * u;
    // Box-Muller on (0, 1]: a normal draw of the given mean and standard deviation.
    const double v = unitDraw(seed, site, k, 1);
    const double z = std::sqrt(-2.0 * std::log(1.0 - u)) * std::cos(2.0 * M_PI * v);
    return args[0] + args[1] * z;
}

// The recorded value of a series at time t, linear between steps; `before` when t is
// before the record starts (or NaN: then the first value).
double history(const RunState &state, std::uint32_t series, double t, double before)
{
    const std::vector<double> &values = state.series[series];
    const double pos = (t - state.start) / state.dt;
    if (values.empty())
        return before;
    if (pos < -1e-6)
        return std::isnan(before) ? values.front() : before;
    const double last = double(values.size() - 1);
    if (pos >= last)
        return values.back();
    const std::size_t i = std::size_t(std::floor(pos + 1e-9));
    const double frac = pos - double(i);
    if (frac < 1e-9 || i + 1 >= values.size())
        return values[i];
    return values[i] + frac * (values[i + 1] - values[i]);
}

} // namespace

// Threaded dispatch (GCC and Clang's labels as values): each instruction jumps straight
// to the next one's handler, which predicts far better than one shared switch, and the
// End sentinel saves a bounds check per instruction.
void CompiledModel::execute(const Program &program, double *m, const RunState &state) const
{
    if (program.code.empty())
        return;
    static const void *const handlers[] = {
#define MEADOWS_OP_LABEL(name) &&op_##name,
        MEADOWS_OPS(MEADOWS_OP_LABEL)
#undef MEADOWS_OP_LABEL
    };
    const Instr *i = program.code.data();
#define NEXT goto *handlers[int((++i)->op)]
    goto *handlers[int(i->op)];
op_Copy: m[i->dst] = m[i->a]; NEXT;
op_Neg: m[i->dst] = -m[i->a]; NEXT;
op_Not: m[i->dst] = m[i->a] == 0.0 ? 1.0 : 0.0; NEXT;
op_Add: m[i->dst] = m[i->a] + m[i->b]; NEXT;
op_Sub: m[i->dst] = m[i->a] - m[i->b]; NEXT;
op_Mul: m[i->dst] = m[i->a] * m[i->b]; NEXT;
op_Div: m[i->dst] = m[i->a] / m[i->b]; NEXT;
op_Pow: m[i->dst] = std::pow(m[i->a], m[i->b]); NEXT;
op_Mod: m[i->dst] = flooredModulo(m[i->a], m[i->b]); NEXT;
op_Eq: m[i->dst] = m[i->a] == m[i->b] ? 1.0 : 0.0; NEXT;
op_Ne: m[i->dst] = m[i->a] != m[i->b] ? 1.0 : 0.0; NEXT;
op_Lt: m[i->dst] = m[i->a] < m[i->b] ? 1.0 : 0.0; NEXT;
op_Le: m[i->dst] = m[i->a] <= m[i->b] ? 1.0 : 0.0; NEXT;
op_Gt: m[i->dst] = m[i->a] > m[i->b] ? 1.0 : 0.0; NEXT;
op_Ge: m[i->dst] = m[i->a] >= m[i->b] ? 1.0 : 0.0; NEXT;
op_And: m[i->dst] = (m[i->a] != 0.0 && m[i->b] != 0.0) ? 1.0 : 0.0; NEXT;
op_Or: m[i->dst] = (m[i->a] != 0.0 || m[i->b] != 0.0) ? 1.0 : 0.0; NEXT;
op_Select: m[i->dst] = m[i->a] != 0.0 ? m[i->b] : m[i->c]; NEXT;
op_Math1: m[i->dst] = unary(i->c, m[i->a]); NEXT;
op_Min2: m[i->dst] = std::fmin(m[i->a], m[i->b]); NEXT;
op_Max2: m[i->dst] = std::fmax(m[i->a], m[i->b]); NEXT;
op_SafeDiv: m[i->dst] = m[i->b] != 0.0 ? m[i->a] / m[i->b] : m[i->c]; NEXT;
op_Arctan2: m[i->dst] = std::atan2(m[i->a], m[i->b]); NEXT;
op_Lookup: m[i->dst] = tables[i->b].evaluate(m[i->a]); NEXT;
op_Variadic: m[i->dst] = variadic(i->c, m + i->a, i->b, m); NEXT;
op_History: m[i->dst] = history(state, i->b, m[i->a], m[i->c]); NEXT;
// Before the belts are filled (the initial values), nothing leaves them.
op_Belt: m[i->dst] = i->a < state.belts.size() ? state.belts[i->a].leaving(conveyors[i->a], m, int(i->b) - 1, state.dt) / state.dt : 0.0; NEXT;
op_Random: m[i->dst] = randomDraw(i->c, m + i->a, i->b, m, state); NEXT;
op_End:
    return;
#undef NEXT
}

} // namespace meadows

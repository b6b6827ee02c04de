// The interpreter for compiled equations. One switch over a flat instruction array.
#include "program.h"
#include "builtins.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace meadows {

namespace {

double math1(Builtin f, double x)
{
    switch (f) {
    case Builtin::Abs: return std::fabs(x);
    case Builtin::Exp: return std::exp(x);
    case Builtin::Ln: return std::log(x);
    case Builtin::Log10: return std::log10(x);
    case Builtin::Sqrt: return std::sqrt(x);
    case Builtin::Sin: return std::sin(x);
    case Builtin::Cos: return std::cos(x);
    case Builtin::Tan: return std::tan(x);
    case Builtin::Arcsin: return std::asin(x);
    case Builtin::Arccos: return std::acos(x);
    case Builtin::Arctan: return std::atan(x);
    case Builtin::Int: return std::floor(x);
    case Builtin::Round: return std::round(x);
    default: return std::numeric_limits<double>::quiet_NaN();
    }
}

// Floored modulo: the result takes the sign of the divisor, as in Stella and Vensim.
double modulo(double a, double b)
{
    const double r = std::fmod(a, b);
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

double timeInput(Builtin f, const double *args, std::uint32_t count, const double *m)
{
    const double time = m[TimeSlot];
    const double dt = m[DtSlot];
    // A sliver of a step of tolerance, so that a time on the grid is hit despite rounding.
    const double eps = dt * 1e-6;
    switch (f) {
    case Builtin::Step: // STEP(height, start)
        return time + eps >= args[1] ? args[0] : 0.0;
    case Builtin::Ramp: { // RAMP(slope, start [, end])
        if (time + eps < args[1])
            return 0.0;
        const double until = count > 2 ? std::min(time, args[2]) : time;
        return args[0] * (until - args[1]);
    }
    case Builtin::Pulse: { // XMILE: PULSE(magnitude [, first [, interval]]): magnitude/DT for one step
        const double first = count > 1 ? args[1] : m[StartSlot];
        const double interval = count > 2 ? args[2] : 0.0;
        if (time + eps < first)
            return 0.0;
        double since = time - first;
        if (interval > 0)
            since = std::fmod(since + eps, interval) - eps;
        return std::fabs(since) < dt / 2 ? args[0] / dt : 0.0;
    }
    case Builtin::VensimPulse: { // Vensim: PULSE(start, width): 1 from start for width (at least DT)
        const double width = std::max(args[1], dt);
        return (time + eps >= args[0] && time + eps < args[0] + width) ? 1.0 : 0.0;
    }
    case Builtin::PulseTrain: { // PULSE TRAIN(start, width, interval, end)
        if (time + eps < args[0] || time > args[3] + eps)
            return 0.0;
        double since = time - args[0];
        if (args[2] > 0)
            since = std::fmod(since + eps, args[2]) - eps;
        return since < args[1] - eps ? 1.0 : 0.0;
    }
    default:
        return std::numeric_limits<double>::quiet_NaN();
    }
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

void CompiledModel::execute(const Program &program, double *m, const RunState &state) const
{
    for (const Instr &i : program.code) {
        switch (i.op) {
        case Op::Copy: m[i.dst] = m[i.a]; break;
        case Op::Neg: m[i.dst] = -m[i.a]; break;
        case Op::Not: m[i.dst] = m[i.a] == 0.0 ? 1.0 : 0.0; break;
        case Op::Add: m[i.dst] = m[i.a] + m[i.b]; break;
        case Op::Sub: m[i.dst] = m[i.a] - m[i.b]; break;
        case Op::Mul: m[i.dst] = m[i.a] * m[i.b]; break;
        case Op::Div: m[i.dst] = m[i.a] / m[i.b]; break;
        case Op::Pow: m[i.dst] = std::pow(m[i.a], m[i.b]); break;
        case Op::Mod: m[i.dst] = modulo(m[i.a], m[i.b]); break;
        case Op::Eq: m[i.dst] = m[i.a] == m[i.b] ? 1.0 : 0.0; break;
        case Op::Ne: m[i.dst] = m[i.a] != m[i.b] ? 1.0 : 0.0; break;
        case Op::Lt: m[i.dst] = m[i.a] < m[i.b] ? 1.0 : 0.0; break;
        case Op::Le: m[i.dst] = m[i.a] <= m[i.b] ? 1.0 : 0.0; break;
        case Op::Gt: m[i.dst] = m[i.a] > m[i.b] ? 1.0 : 0.0; break;
        case Op::Ge: m[i.dst] = m[i.a] >= m[i.b] ? 1.0 : 0.0; break;
        case Op::And: m[i.dst] = (m[i.a] != 0.0 && m[i.b] != 0.0) ? 1.0 : 0.0; break;
        case Op::Or: m[i.dst] = (m[i.a] != 0.0 || m[i.b] != 0.0) ? 1.0 : 0.0; break;
        case Op::Select: m[i.dst] = m[i.a] != 0.0 ? m[i.b] : m[i.c]; break;
        case Op::Math1: m[i.dst] = math1(Builtin(i.c), m[i.a]); break;
        case Op::Min2: m[i.dst] = std::fmin(m[i.a], m[i.b]); break;
        case Op::Max2: m[i.dst] = std::fmax(m[i.a], m[i.b]); break;
        case Op::SafeDiv: m[i.dst] = m[i.b] != 0.0 ? m[i.a] / m[i.b] : m[i.c]; break;
        case Op::Arctan2: m[i.dst] = std::atan2(m[i.a], m[i.b]); break;
        case Op::Lookup: m[i.dst] = tables[i.b].evaluate(m[i.a]); break;
        case Op::TimeInput: m[i.dst] = timeInput(Builtin(i.c), m + i.a, i.b, m); break;
        case Op::History: m[i.dst] = history(state, i.b, m[i.a], m[i.c]); break;
        case Op::Random: m[i.dst] = randomDraw(i.c, m + i.a, i.b, m, state); break;
        }
    }
}

} // namespace meadows

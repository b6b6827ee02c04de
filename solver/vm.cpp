// The interpreter for compiled equations. One switch over a flat instruction array.
#include "program.h"
#include "builtins.h"

#include <cmath>
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

double timeInput(Builtin f, const double *args, std::uint32_t count, double time, double dt)
{
    // Half a step of tolerance, so that a step time on the grid is hit despite rounding.
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
    case Builtin::Pulse: { // PULSE(magnitude [, first [, interval]]): magnitude/DT for one step
        const double first = count > 1 ? args[1] : 0.0;
        const double interval = count > 2 ? args[2] : 0.0;
        if (time + eps < first)
            return 0.0;
        double since = time - first;
        if (interval > 0)
            since = std::fmod(since + eps, interval) - eps;
        return std::fabs(since) < dt / 2 ? args[0] / dt : 0.0;
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

} // namespace

void CompiledModel::execute(const Program &program, double *m) const
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
        case Op::TimeInput: m[i.dst] = timeInput(Builtin(i.c), m + i.a, i.b, m[TimeSlot], m[DtSlot]); break;
        }
    }
}

} // namespace meadows

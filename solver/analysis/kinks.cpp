#include "kinks.h"

#include <algorithm>

namespace meadows {

namespace {

bool isCorner(Op op)
{
    switch (op) {
    case Op::Min2: case Op::Max2: case Op::Select:
    case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: case Op::Eq: case Op::Ne:
        return true;
    default:
        return false;
    }
}

// Which side each corner instruction takes at these stocks. The rates program is run one
// instruction at a time through the VM itself, so each corner's operands are read as
// they are when it executes (temporaries are reused later in the program).
std::vector<int> sidesAt(const RateFunction &f, const Eigen::VectorXd &stocks, const std::vector<std::size_t> &corners)
{
    const CompiledModel &model = f.model();
    std::vector<double> memory = f.initialMemory();
    for (std::size_t s = 0; s < model.stockSlots.size(); ++s)
        memory[model.stockSlots[s]] = stocks[Eigen::Index(s)];
    memory[TimeSlot] = memory[InputTimeSlot] = f.time();
    RunState state;
    state.series.resize(model.seriesSlots.size());
    Program one;
    one.code = {Instr{Op::End, 0, 0, 0, 0}, Instr{Op::End, 0, 0, 0, 0}};
    std::vector<int> sides;
    sides.reserve(corners.size());
    std::size_t next = 0;
    const std::vector<Instr> &code = model.rates.code;
    for (std::size_t k = 0; k < code.size() && next < corners.size(); ++k) {
        const Instr &i = code[k];
        if (k == corners[next]) {
            const double a = memory[i.a];
            const double b = memory[i.b];
            switch (i.op) {
            case Op::Min2: case Op::Max2: case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge:
                sides.push_back(a < b ? -1 : (a > b ? 1 : 0));
                break;
            case Op::Select:
                sides.push_back(a != 0.0 ? 1 : -1);
                break;
            default: // Eq, Ne
                sides.push_back(a == b ? 0 : 1);
                break;
            }
            ++next;
        }
        one.code[0] = i;
        model.execute(one, memory.data(), state);
    }
    return sides;
}

// The variable whose equation instruction k belongs to: equations are compiled one after
// another, each ending in the instruction that writes the variable's slot.
int ownerOf(const std::vector<Instr> &code, std::size_t k, std::size_t variables)
{
    for (; k < code.size(); ++k) {
        const std::uint32_t d = code[k].dst;
        if (code[k].op != Op::End && d >= FirstVarSlot && d < FirstVarSlot + variables)
            return int(d - FirstVarSlot);
    }
    return -1;
}

QString functionName(Op op)
{
    switch (op) {
    case Op::Min2: return QStringLiteral("MIN");
    case Op::Max2: return QStringLiteral("MAX");
    default: return QStringLiteral("IF");
    }
}

} // namespace

std::vector<Kink> kinksAt(RateFunction &f, const FlatModel &flat, const Eigen::VectorXd &stocks)
{
    const std::vector<Instr> &code = f.model().rates.code;
    std::vector<std::size_t> corners;
    for (std::size_t k = 0; k < code.size(); ++k) {
        if (isCorner(code[k].op))
            corners.push_back(k);
    }
    std::vector<Kink> kinks;
    if (corners.empty())
        return kinks;
    const std::vector<int> here = sidesAt(f, stocks, corners);
    std::vector<char> flips(corners.size(), 0);
    Eigen::VectorXd x = stocks;
    for (Eigen::Index s = 0; s < stocks.size(); ++s) {
        for (const double sign : {1.0, -1.0}) {
            x[s] = stocks[s] + sign * RateFunction::differenceStep(stocks[s]);
            const std::vector<int> there = sidesAt(f, x, corners);
            for (std::size_t c = 0; c < corners.size(); ++c)
                flips[c] = flips[c] || there[c] != here[c];
        }
        x[s] = stocks[s];
    }
    for (std::size_t c = 0; c < corners.size(); ++c) {
        if (!flips[c])
            continue;
        const int owner = ownerOf(code, corners[c], flat.vars.size());
        if (owner < 0)
            continue;
        const FlatVar &v = flat.vars[std::size_t(owner)];
        Kink kink;
        kink.function = functionName(code[corners[c]].op);
        kink.variable = v.hidden ? QStringLiteral("(inside a builtin)") : v.name;
        kink.where = {Severity::Warning, v.source.fileName(),
                      v.source.isValid() ? v.source.positionOfDecodedOffset(0) : SourcePos{}, {}};
        const bool seen = std::any_of(kinks.begin(), kinks.end(), [&](const Kink &k) {
            return k.function == kink.function && k.variable == kink.variable;
        });
        if (!seen)
            kinks.push_back(kink);
    }
    return kinks;
}

} // namespace meadows

#include "builtins.h"
#include "node.h"

#include <QStringList>
#include <iterator>

namespace meadows {

namespace {
const BuiltinInfo kBuiltins[] = {
    {"abs", Builtin::Abs, 1, 1, false},
    {"exp", Builtin::Exp, 1, 1, false},
    {"ln", Builtin::Ln, 1, 1, false},
    {"log10", Builtin::Log10, 1, 1, false},
    {"sqrt", Builtin::Sqrt, 1, 1, false},
    {"sin", Builtin::Sin, 1, 1, false},
    {"cos", Builtin::Cos, 1, 1, false},
    {"tan", Builtin::Tan, 1, 1, false},
    {"arcsin", Builtin::Arcsin, 1, 1, false},
    {"arccos", Builtin::Arccos, 1, 1, false},
    {"arctan", Builtin::Arctan, 1, 1, false},
    {"int", Builtin::Int, 1, 1, false},
    {"round", Builtin::Round, 1, 1, false},
    {"pow", Builtin::Pow, 2, 2, false},
    {"power", Builtin::Pow, 2, 2, false},
    {"mod", Builtin::Mod, 2, 2, false},
    {"modulo", Builtin::Mod, 2, 2, false},
    {"safediv", Builtin::SafeDiv2, 2, 3, false},
    {"xidz", Builtin::Xidz, 3, 3, false},
    {"zidz", Builtin::Zidz, 2, 2, false},
    {"min", Builtin::Min, 1, -1, false},
    {"max", Builtin::Max, 1, -1, false},
    {"sum", Builtin::Sum, 1, -1, false},
    {"mean", Builtin::Mean, 1, -1, false},
    {"size", Builtin::Size, 1, -1, false},
    {"step", Builtin::Step, 2, 2, true},
    {"ramp", Builtin::Ramp, 2, 3, true},
    {"pulse", Builtin::Pulse, 1, 3, true},
    {"pulse_train", Builtin::PulseTrain, 4, 4, true},
    {"random", Builtin::RandomUniform, 2, 3, true},
    {"uniform", Builtin::RandomUniform, 2, 3, true},
    {"random_uniform", Builtin::RandomUniform, 2, 3, true},
    {"normal", Builtin::RandomNormal, 2, 3, true},
    {"arctan2", Builtin::Arctan2, 2, 2, false},
};
} // namespace

const BuiltinInfo *findBuiltin(const QString &canonical)
{
    for (const BuiltinInfo &b : kBuiltins) {
        if (canonical == QLatin1String(b.name))
            return &b;
    }
    return nullptr;
}

const BuiltinInfo &builtinInfo(Builtin id)
{
    for (const BuiltinInfo &b : kBuiltins) {
        if (b.id == id)
            return b;
    }
    static const BuiltinInfo vensimPulse{"pulse", Builtin::VensimPulse, 2, 2, true};
    static const BuiltinInfo internal{"internal", Builtin::Abs, 0, -1, false};
    return id == Builtin::VensimPulse ? vensimPulse : internal;
}

QStringList builtinNames()
{
    QStringList names;
    for (const BuiltinInfo &b : kBuiltins)
        names << QString::fromLatin1(b.name).toUpper();
    names << QStringLiteral("IF") << QStringLiteral("THEN") << QStringLiteral("ELSE") << QStringLiteral("AND")
          << QStringLiteral("OR") << QStringLiteral("NOT") << QStringLiteral("TIME") << QStringLiteral("DT")
          << QStringLiteral("STARTTIME") << QStringLiteral("STOPTIME") << QStringLiteral("PI")
          << QStringLiteral("LOOKUP") << QStringLiteral("SMTH1") << QStringLiteral("SMTH3") << QStringLiteral("SMTHN")
          << QStringLiteral("DELAY1") << QStringLiteral("DELAY3") << QStringLiteral("DELAYN") << QStringLiteral("TREND")
          << QStringLiteral("INIT") << QStringLiteral("FORCST") << QStringLiteral("DELAY")
          << QStringLiteral("PREVIOUS") << QStringLiteral("HISTORY");
    return names;
}

bool readsTime(const Node &n)
{
    switch (n.kind) {
    case Node::Kind::Time:
    case Node::Kind::History:
        return true;
    case Node::Kind::Call:
        if (builtinInfo(n.builtin).readsTime)
            return true;
        break;
    default:
        break;
    }
    for (const Node &a : n.args) {
        if (readsTime(a))
            return true;
    }
    return false;
}

} // namespace meadows

#pragma once
// The builtin functions of the XMILE expression language that compile to one
// instruction. Stateful builtins (SMTH, DELAY, TREND...) are not here: the compiler
// rewrites them into hidden stocks and flows.
#include <QString>
#include <optional>

namespace meadows {

enum class Builtin {
    // one argument
    Abs, Exp, Ln, Log10, Sqrt, Sin, Cos, Tan, Arcsin, Arccos, Arctan, Int, Round,
    // two arguments
    Pow, Mod, Min2, Max2, SafeDiv2, Arctan2,
    // three arguments
    SafeDiv3, Xidz, Zidz,
    // any number of arguments (arrays arrive expanded)
    Min, Max, Sum, Mean, Size,
    // time inputs
    Step, Ramp, Pulse, PulseTrain, VensimPulse,
    // random numbers, the same for a given seed, call and step
    RandomUniform, RandomNormal,
};

struct BuiltinInfo {
    const char *name;
    Builtin id;
    int minArgs;
    int maxArgs; // -1: any
    bool readsTime;
};

// Looks a function up by canonical name ("min", "safediv", "pulse_train"...).
// Returns nullptr for names that are not plain builtins.
const BuiltinInfo *findBuiltin(const QString &canonical);
const BuiltinInfo &builtinInfo(Builtin b);

// Names of every function the language knows, for "did you mean" and autocompletion.
QStringList builtinNames();

} // namespace meadows

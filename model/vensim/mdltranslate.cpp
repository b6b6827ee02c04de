#include "mdltranslate.h"

#include "mdlarrayfunctions.h"
#include "mdldatareading.h"
#include "mdltimevalue.h"

#include "model/names.h"
#include "model/xmilewriter.h"

#include <algorithm>

namespace meadows::vensim {

namespace {

QString key(const QString &name)
{
    return name.simplified().toUpper().replace(u'_', u' ');
}

QString args(const Expr &e, TranslateContext &c, std::initializer_list<int> order)
{
    QStringList out;
    for (int i : order)
        if (i < int(e.args.size()))
            out << translateMarked(e.args[i], c);
    return out.join(QLatin1String(", "));
}

QString allArgs(const Expr &e, TranslateContext &c)
{
    QStringList out;
    for (const Expr &a : e.args)
        out << translateMarked(a, c);
    return out.join(QLatin1String(", "));
}

QString call(const QString &f, const QString &argText)
{
    return QStringLiteral("%1(%2)").arg(f, argText);
}

// Vensim's INTEGER truncates toward zero; XMILE's INT floors.
QString truncated(const QString &x)
{
    return QStringLiteral("(IF (%1) < 0 THEN -INT(-(%1)) ELSE INT(%1))").arg(x);
}

// A delay as Vensim's fixed-step delays take it: a whole number of steps, at least one.
QString wholeSteps(const QString &delay)
{
    return QStringLiteral("MAX(1, ROUND((%1) / DT)) * DT").arg(delay);
}

Translation unmarked(const QString &withMarks);

// "TIME STEP$" inside a macro is the model's TIME STEP: Vensim's way out of a macro's own
// names. The simulation's own (Time, TIME STEP, INITIAL TIME, FINAL TIME) are the same
// everywhere. Another "name$" is left as written: outside a macro it is an ordinary name
// ("DOLLAR SIGN$ = 1"), and inside one the model's variable is not reachable, so the solver
// reports it as unknown.
QString modelReference(const Expr &e)
{
    if (!e.text.endsWith(u'$'))
        return e.text;
    const QString name = e.text.chopped(1).trimmed();
    static const QStringList simulation = {QStringLiteral("TIME"), QStringLiteral("TIME STEP"), QStringLiteral("INITIAL TIME"),
                                           QStringLiteral("FINAL TIME")};
    return simulation.contains(key(name)) ? name : e.text;
}

// RANDOM PINK NOISE(mean, std deviation, correlation time, seed): Ed Anderson's pink noise,
// as Vensim's reference describes it: white noise (a normal draw truncated at 6 standard
// deviations) smoothed to first order over the correlation time tau, scaled by
// sqrt((2 - DT/tau) tau / DT) so that with Euler's method the output keeps the standard
// deviation asked for whatever DT and tau are (the stationary variance of
// y' = (1 - a) y + a k sd w, a = DT/tau, is a k^2 sd^2 / (2 - a) = sd^2), and starting from
// a draw of the same distribution.
QString pinkNoise(const Expr &e, TranslateContext &c)
{
    const QString mean = QStringLiteral("(%1)").arg(translateMarked(e.args[0], c));
    const QString deviation = QStringLiteral("(%1)").arg(translateMarked(e.args[1], c));
    const QString tau = QStringLiteral("(%1)").arg(translateMarked(e.args[2], c));
    const QString seed = translateMarked(e.args[3], c);
    const QString white = QStringLiteral("RANDOM_NORMAL(-6, 6, 0, 1, %1)").arg(seed);
    return QStringLiteral("SMTH1(%1 + %2 * SQRT((2 - DT / %3) * %3 / DT) * %4, %3, %1 + %2 * %4)")
        .arg(mean, deviation, tau, white);
}

// How many arguments Vensim's reference gives the functions whose translation passes them on
// as they are written, where the solver's function of that meaning would take others.
std::optional<std::pair<int, int>> vensimArity(const QString &f)
{
    static const QHash<QString, std::pair<int, int>> arities = [] {
        QHash<QString, std::pair<int, int>> a;
        for (const char *one : {"ABS", "EXP", "LN", "SQRT", "SIN", "COS", "TAN", "ARCSIN", "ARCCOS", "ARCTAN", "INITIAL",
                                "VMIN", "VMAX", "SUM", "PROD"})
            a.insert(QLatin1String(one), {1, 1});
        for (const char *two : {"MIN", "MAX", "ZIDZ", "POWER", "STEP", "PULSE", "SMOOTH", "SMOOTH3", "DELAY1", "DELAY3",
                                "LOOKUP FORWARD", "LOOKUP BACKWARD", "LOOKUP EXTRAPOLATE", "LOOKUP INVERT"})
            a.insert(QLatin1String(two), {2, 2});
        for (const char *three : {"XIDZ", "SMOOTHI", "SMOOTH3I", "DELAY1I", "DELAY3I", "TREND", "FORECAST",
                                  "RANDOM UNIFORM", "LOOKUP AREA", "RAMP"})
            a.insert(QLatin1String(three), {3, 3});
        a.insert(QStringLiteral("PULSE TRAIN"), {4, 4});
        return a;
    }();
    const auto it = arities.constFind(f);
    return it == arities.constEnd() ? std::nullopt : std::optional<std::pair<int, int>>(*it);
}

void noteMacroOutputs(const Expr &e, const QString &argText, TranslateContext &c)
{
    const auto outputs = c.macros.constFind(canonicalName(e.text));
    if (outputs == c.macros.cend())
        return; // said when the call was read (translateCall)
    for (std::size_t k = 0; k < e.outputs.size(); ++k) {
        if (k >= std::size_t(outputs->size())) {
            c.warn(e.outputs[k].offset, QStringLiteral("macro %1 has %2 extra output(s); '%3' is not set")
                                            .arg(e.text).arg(outputs->size()).arg(e.outputs[k].text));
            continue;
        }
        const QString equation = call(equationName(macroOutputName(e.text, outputs->at(qsizetype(k)))), argText);
        c.macroOutputs.push_back({e.outputs[k].text, unmarked(equation).text, e.outputs[k].offset});
    }
}

QString translateCall(const Expr &e, TranslateContext &c)
{
    if (!e.outputs.empty() && !c.macros.contains(canonicalName(e.text)) && key(e.text) != QLatin1String("DELAYP"))
        c.warn(e.outputs.front().offset, QStringLiteral("only a macro's call names outputs after ':'; "
                                                        "%1 is not a macro, so they are not set").arg(e.text));
    if (!e.subscripts.empty()) // one element of a subscripted lookup: a table of its own
        return call(equationName(elementTableName(e.text, e.subscripts)), allArgs(e, c));
    if (c.macros.contains(canonicalName(e.text))) {
        // The file's own macro, even where Vensim has a function of that name (a model that
        // defines ROUND(x, interval) means its macro, not a builtin of one argument).
        const QString argText = allArgs(e, c);
        if (!e.outputs.empty())
            noteMacroOutputs(e, argText, c);
        return call(variableName(e.text), argText);
    }
    const QString f = key(e.text);
    const int n = int(e.args.size());
    // A call with the wrong number of arguments is an error where it is read, as Vensim's own
    // syntax check makes it, named as the file writes it: the solver would name the function
    // it is translated to (SMTH1 for SMOOTH), or take it in XMILE's meaning (PULSE(1) is an
    // XMILE pulse, DELAY3I(x, t) an XMILE DELAY3). Said once: the model is not read.
    bool wrongArity = false;
    const auto arity = [&](int lo, int hi) {
        if (n < lo || n > hi) {
            wrongArity = true;
            c.error(e.offset, QStringLiteral("%1 takes %2 argument(s), not %3").arg(e.text,
                    lo == hi ? QString::number(lo) : QStringLiteral("%1 to %2").arg(lo).arg(hi)).arg(n));
            return false;
        }
        return true;
    };
    if (const auto expected = vensimArity(f); expected && !arity(expected->first, expected->second))
        return call(variableName(e.text), allArgs(e, c));
    static const QHash<QString, QString> same = {
        {QStringLiteral("ABS"), QStringLiteral("ABS")}, {QStringLiteral("EXP"), QStringLiteral("EXP")},
        {QStringLiteral("LN"), QStringLiteral("LN")}, {QStringLiteral("SQRT"), QStringLiteral("SQRT")},
        {QStringLiteral("SIN"), QStringLiteral("SIN")}, {QStringLiteral("COS"), QStringLiteral("COS")},
        {QStringLiteral("TAN"), QStringLiteral("TAN")}, {QStringLiteral("ARCSIN"), QStringLiteral("ARCSIN")},
        {QStringLiteral("ARCCOS"), QStringLiteral("ARCCOS")}, {QStringLiteral("ARCTAN"), QStringLiteral("ARCTAN")},
        {QStringLiteral("MIN"), QStringLiteral("MIN")}, {QStringLiteral("MAX"), QStringLiteral("MAX")},
        {QStringLiteral("VMIN"), QStringLiteral("MIN")}, {QStringLiteral("VMAX"), QStringLiteral("MAX")},
        {QStringLiteral("SUM"), QStringLiteral("SUM")},
        {QStringLiteral("XIDZ"), QStringLiteral("XIDZ")}, {QStringLiteral("ZIDZ"), QStringLiteral("ZIDZ")},
        {QStringLiteral("POWER"), QStringLiteral("POWER")},
        {QStringLiteral("LOOKUP FORWARD"), QStringLiteral("LOOKUP_FORWARD")},
        {QStringLiteral("LOOKUP BACKWARD"), QStringLiteral("LOOKUP_BACKWARD")},
        {QStringLiteral("LOOKUP EXTRAPOLATE"), QStringLiteral("LOOKUP_EXTRAPOLATE")},
        {QStringLiteral("LOOKUP INVERT"), QStringLiteral("LOOKUP_INVERT")},
        {QStringLiteral("LOOKUP SLOPE"), QStringLiteral("LOOKUP_SLOPE")},
        {QStringLiteral("STEP"), QStringLiteral("STEP")}, {QStringLiteral("RAMP"), QStringLiteral("RAMP")},
        {QStringLiteral("PULSE"), QStringLiteral("PULSE")}, {QStringLiteral("PULSE TRAIN"), QStringLiteral("PULSE_TRAIN")},
        {QStringLiteral("SMOOTH"), QStringLiteral("SMTH1")}, {QStringLiteral("SMOOTHI"), QStringLiteral("SMTH1")},
        {QStringLiteral("SMOOTH3"), QStringLiteral("SMTH3")}, {QStringLiteral("SMOOTH3I"), QStringLiteral("SMTH3")},
        {QStringLiteral("DELAY1"), QStringLiteral("DELAY1")}, {QStringLiteral("DELAY1I"), QStringLiteral("DELAY1")},
        {QStringLiteral("DELAY3"), QStringLiteral("DELAY3")}, {QStringLiteral("DELAY3I"), QStringLiteral("DELAY3")},
        {QStringLiteral("TREND"), QStringLiteral("TREND")},
        {QStringLiteral("FORECAST"), QStringLiteral("FORCST")}, {QStringLiteral("INITIAL"), QStringLiteral("INIT")},
        {QStringLiteral("RANDOM UNIFORM"), QStringLiteral("RANDOM_UNIFORM")},
        {QStringLiteral("RANDOM NORMAL"), QStringLiteral("RANDOM_NORMAL")},
        {QStringLiteral("RANDOM EXPONENTIAL"), QStringLiteral("RANDOM_EXPONENTIAL")},
        {QStringLiteral("RANDOM BETA"), QStringLiteral("RANDOM_BETA")},
        {QStringLiteral("RANDOM POISSON"), QStringLiteral("RANDOM_POISSON")},
        {QStringLiteral("RANDOM BINOMIAL"), QStringLiteral("RANDOM_BINOMIAL")},
        {QStringLiteral("RANDOM NEGATIVE BINOMIAL"), QStringLiteral("RANDOM_NEGATIVE_BINOMIAL")},
        {QStringLiteral("RANDOM TRIANGULAR"), QStringLiteral("RANDOM_TRIANGULAR")},
        {QStringLiteral("RANDOM WEIBULL"), QStringLiteral("RANDOM_WEIBULL")},
        {QStringLiteral("RANDOM LOOKUP"), QStringLiteral("RANDOM_LOOKUP")},
        {QStringLiteral("LOOKUP AREA"), QStringLiteral("LOOKUP_AREA")},
        {QStringLiteral("VECTOR SORT ORDER"), QStringLiteral("VECTOR_SORT_ORDER")},
        {QStringLiteral("VECTOR RANK"), QStringLiteral("VECTOR_RANK")},
        {QStringLiteral("VECTOR ELM MAP"), QStringLiteral("VECTOR_ELM_MAP")},
        {QStringLiteral("VECTOR REORDER"), QStringLiteral("VECTOR_REORDER")},
        {QStringLiteral("VECTOR LOOKUP"), QStringLiteral("VECTOR_LOOKUP")},
        {QStringLiteral("DEMAND AT PRICE"), QStringLiteral("DEMAND_AT_PRICE")},
        {QStringLiteral("SUPPLY AT PRICE"), QStringLiteral("SUPPLY_AT_PRICE")},
        {QStringLiteral("FIND MARKET PRICE"), QStringLiteral("FIND_MARKET_PRICE")},
        {QStringLiteral("INVERT MATRIX"), QStringLiteral("INVERT_MATRIX")},
        {QStringLiteral("GAMMA LN"), QStringLiteral("GAMMA_LN")},
    };
    if ((f == QLatin1String("SUM") || f == QLatin1String("PROD") || f == QLatin1String("VMIN") || f == QLatin1String("VMAX"))
        && n == 1) {
        if (std::optional<QString> spelled = spelledReduction(f, e.args[0], c))
            return *spelled;
    }
    if (f == QLatin1String("VECTOR SELECT")) {
        if (std::optional<QString> selected = vectorSelect(e, c))
            return *selected;
        return call(QStringLiteral("VECTOR_SELECT"), allArgs(e, c));
    }
    if (f == QLatin1String("GET TIME VALUE") && arity(3, 3))
        return translateTimeValue(e, c);
    if (f == QLatin1String("MESSAGE") && arity(2, 2)) {
        // Vensim's reference: MESSAGE('msg', display) "returns 0 if display is less than or
        // equal to 0, and 1 otherwise"; the message it shows then is not shown.
        c.warn(e.offset, QStringLiteral("MESSAGE's message is not shown; the call's value is (1 where it would show, else 0)"));
        return QStringLiteral("(IF (%1) > 0 THEN 1 ELSE 0)").arg(translateMarked(e.args[1], c));
    }
    if (f == QLatin1String("ALLOCATE AVAILABLE") || f == QLatin1String("ALLOCATE BY PRIORITY")) {
        // The solver's own functions of these names (solver/flatten/allocation.cpp), with
        // Vensim's arguments and subscripts as written.
        f == QLatin1String("ALLOCATE AVAILABLE") ? arity(3, 3) : arity(5, 5);
        return call(variableName(e.text), allArgs(e, c));
    }
    if (f == QLatin1String("GET DATA BETWEEN TIMES")) { // what mdldatareading.cpp could not replace
        c.warn(e.offset, QStringLiteral("GET DATA BETWEEN TIMES is supported on a data variable read from a file (GET XLS "
                                        "DATA or GET DIRECT DATA), with a mode of -1, 0 or 1 written as a number, at a "
                                        "time that does not itself call GET DATA BETWEEN TIMES"));
        return call(QStringLiteral("GET_DATA_BETWEEN_TIMES"), allArgs(e, c));
    }
    if (const int points = dataPointsArity(f)) { // what mdldatareading.cpp could not replace
        if (arity(points, points))
            c.warn(e.offset, QStringLiteral("%1 is supported on a data variable read from a file (GET XLS DATA or GET "
                                            "DIRECT DATA)").arg(f));
        return call(variableName(e.text), allArgs(e, c));
    }
    if ((f == QLatin1String("NPV") || f == QLatin1String("NPVE")) && arity(4, 4)) // (stream, discount rate, initial value, factor)
        return call(f, allArgs(e, c));
    if (f == QLatin1String("PROD")) {
        if (std::none_of(e.args.begin(), e.args.end(), [](const Expr &a) { return marksRange(a); }))
            c.warn(e.offset, QStringLiteral("PROD needs its range marked with '!'"));
        return call(QStringLiteral("PROD"), allArgs(e, c));
    }
    if (f == QLatin1String("POINTS STDV")) // what mdldatareading.cpp wrote for GET DATA STDV
        c.warn(e.offset, QStringLiteral("GET DATA STDV divides by the number of points, n, as STDDEV does: Vensim's "
                                        "reference does not say whether it divides by n or by n - 1"));
    // LOOKUP SLOPE gives :NA: beyond the points with m = -1 and where two points share x.
    const QString slopeNone = f == QLatin1String("LOOKUP SLOPE") && arity(3, 3)
                                  ? QStringLiteral(", ") + formatNumber(kNotAvailable) : QString();
    // LOOKUP FORWARD(tbl[A1], x) and the like: one element of a subscripted lookup is a table
    // of its own, as the call tbl[A1](x) reads it (SDEverywhere's directlookups model).
    if (readsTableFirst(e) && !e.args[0].subscripts.empty()
        && std::none_of(e.args[0].subscripts.begin(), e.args[0].subscripts.end(), [&c](const Subscript &s) {
               return c.dimensions.contains(canonicalName(s.name));
           })) {
        QStringList out{equationName(elementTableName(e.args[0].text, e.args[0].subscripts))};
        for (int i = 1; i < n; ++i)
            out << translateMarked(e.args[i], c);
        return call(writesDataPoints(f) ? variableName(e.text) : same.value(f), out.join(QLatin1String(", ")) + slopeNone);
    }
    if (writesDataPoints(f)) // the solver's own name, written with spaces (POINTS MIN)
        return call(variableName(e.text), allArgs(e, c));
    if (const auto it = same.constFind(f); it != same.constEnd())
        return call(*it, allArgs(e, c) + slopeNone);
    if (f == QLatin1String("IF THEN ELSE") && arity(3, 3)) {
        const QString condition = translateMarked(e.args[0], c);
        const QString then = translateMarked(e.args[1], c);
        return QStringLiteral("(IF %1 THEN %2 ELSE %3)").arg(condition, then, translateMarked(e.args[2], c));
    }
    if (f == QLatin1String("INTEGER") && arity(1, 1))
        return truncated(translateMarked(e.args[0], c));
    if (f == QLatin1String("QUANTUM") && arity(2, 2)) {
        // q * INTEGER(x / q); a quantum of zero or less leaves x as it is.
        const QString x = translateMarked(e.args[0], c), q = translateMarked(e.args[1], c);
        return QStringLiteral("(IF (%2) <= 0 THEN %1 ELSE (%2) * %3)").arg(x, q, truncated(QStringLiteral("(%1) / (%2)").arg(x, q)));
    }
    if (f == QLatin1String("MODULO") && arity(2, 2)) {
        // Vensim's remainder takes the sign of the dividend: MODULO(-7, 3) = -1.
        const QString x = translateMarked(e.args[0], c), y = translateMarked(e.args[1], c);
        return QStringLiteral("((%1) - (%2) * %3)").arg(x, y, truncated(QStringLiteral("(%1) / (%2)").arg(x, y)));
    }
    if (f == QLatin1String("DELAY FIXED") && arity(3, 3)) {
        // Vensim fixes the delay at the start, as a whole number of steps (at least one), and
        // the initial value too: DELAY FIXED(shipping, 20, shipping) gives shipping's value at
        // the start until 20 has passed, not its value at the time (SDEverywhere's delayfixed
        // model, run in Vensim).
        return QStringLiteral("DELAY_FIXED(%1, %2, %3)")
            .arg(translateMarked(e.args[0], c), wholeSteps(QStringLiteral("INIT(%1)").arg(translateMarked(e.args[1], c))),
                 translateMarked(e.args[2], c));
    }
    if (f == QLatin1String("DELAY INFORMATION") && arity(3, 3)) {
        // As DELAY MATERIAL counts it (mdllevels.cpp), each input is due a whole number of
        // steps after it entered (at least one), as many as the delay time then asked for.
        return QStringLiteral("DELAY_INFORMATION(%1, %2, %3)")
            .arg(translateMarked(e.args[0], c), wholeSteps(translateMarked(e.args[1], c)), translateMarked(e.args[2], c));
    }
    if (f == QLatin1String("DELAY CONVEYOR") && arity(6, 6)) {
        // The solver's belt that moves as a whole (solver/delayconveyor.h), whose step rule is
        // Meadows' reading of Vensim's reference: said where it is used.
        c.warn(e.offset, QStringLiteral("DELAY CONVEYOR: Vensim's reference gives no step rule; Meadows moves the whole belt "
                                        "DT / ctime each step, releases what passes the exit (in part where it straddles "
                                        "it), then leaks leak * DT of what stays, this step's input included; the initial "
                                        "material leaves as the profile's area over each step of initctime"));
        return call(QStringLiteral("DELAY_CONVEYOR"), allArgs(e, c));
    }
    if (f == QLatin1String("QUEUE FIFO") && arity(5, 5)) {
        // A level that keeps when each part came in (solver/agedqueue.h); the layout of its
        // initial contents is Meadows' reading of the help's one sentence on it (said unless
        // it starts empty).
        if (!(e.args[3].kind == Expr::Kind::Number && e.args[3].number == 0))
            c.warn(e.offset, QStringLiteral("QUEUE FIFO: the initial contents are laid from one step old to the age range, "
                                            "each step's share the profile's area over that step (Meadows' reading of "
                                            "Vensim's help)"));
        return call(QStringLiteral("QUEUE_FIFO"), allArgs(e, c));
    }
    if ((f == QLatin1String("QUEUE AGE AVERAGE") && arity(1, 2)) || (f == QLatin1String("QUEUE AGE IN RANGE") && arity(3, 3))
        || (f == QLatin1String("QUEUE AGE OLDEST") && arity(1, 1)))
        return call(equationName(f), allArgs(e, c));
    if (f == QLatin1String("LOG") && arity(2, 2))
        return QStringLiteral("(LN(%1) / LN(%2))").arg(translateMarked(e.args[0], c), translateMarked(e.args[1], c));
    if ((f == QLatin1String("SINH") || f == QLatin1String("COSH") || f == QLatin1String("TANH")) && arity(1, 1)) {
        const QString x = translateMarked(e.args[0], c);
        const QString plus = QStringLiteral("(EXP(%1) + EXP(-(%1)))").arg(x);
        const QString minus = QStringLiteral("(EXP(%1) - EXP(-(%1)))").arg(x);
        if (f == QLatin1String("SINH"))
            return QStringLiteral("(%1 / 2)").arg(minus);
        if (f == QLatin1String("COSH"))
            return QStringLiteral("(%1 / 2)").arg(plus);
        return QStringLiteral("(%1 / %2)").arg(minus, plus);
    }
    if (f == QLatin1String("SMOOTH N") && arity(4, 4)) // (input, time, initial, order)
        return call(QStringLiteral("SMTHN"), args(e, c, {0, 1, 3, 2}));
    if (f == QLatin1String("DELAY N") && arity(4, 4))
        return call(QStringLiteral("DELAYN"), args(e, c, {0, 1, 3, 2}));
    if (f == QLatin1String("TIME BASE") && arity(2, 2)) // "the same as (START + Time * SLOPE)"
        return QStringLiteral("(%1 + TIME * (%2))").arg(translateMarked(e.args[0], c), translateMarked(e.args[1], c));
    if (f == QLatin1String("RANDOM 0 1") && arity(0, 0)) // obsolete: "the same as RANDOM UNIFORM(0, 1, 0)"
        return QStringLiteral("RANDOM_UNIFORM(0, 1, 0)");
    if (f == QLatin1String("RANDOM GAMMA") && arity(6, 6)) {
        // (m, x, order, h, r, s): Vensim takes an order below 1 as 1; the solver's gamma takes
        // any positive shape, as Stella's GAMMA needs.
        QStringList a;
        for (const Expr &arg : e.args)
            a << translateMarked(arg, c);
        a[2] = QStringLiteral("MAX(%1, 1)").arg(a[2]);
        return call(QStringLiteral("RANDOM_GAMMA"), a.join(QStringLiteral(", ")));
    }
    if (f == QLatin1String("RANDOM PINK NOISE") && arity(4, 4))
        return pinkNoise(e, c);
    if (f == QLatin1String("GAME") && arity(1, 1))
        return translateMarked(e.args[0], c);
    if (f == QLatin1String("SAMPLE IF TRUE") && arity(3, 3)) {
        // The input while the condition holds; otherwise the value it had a step before
        // (the initial value at the start). "PEAK = SAMPLE IF TRUE(x > PEAK, x, x)" reads
        // PEAK as held so far.
        const QString initial = translateMarked(e.args[2], c);
        const std::optional<QString> outer = std::exchange(c.sampledFrom, initial);
        const QString condition = translateMarked(e.args[0], c), input = translateMarked(e.args[1], c);
        c.sampledFrom = outer;
        return QStringLiteral("(IF %1 THEN %2 ELSE PREVIOUS(%3, %4))").arg(condition, input, c.self, initial);
    }
    if (f == QLatin1String("ELMCOUNT") && arity(1, 1)) {
        const Expr &d = e.args[0];
        const auto it = d.kind == Expr::Kind::Name ? c.dimensions.constFind(canonicalName(d.text)) : c.dimensions.constEnd();
        if (it != c.dimensions.constEnd())
            return formatNumber(double(it->size()));
        c.warn(d.offset, QStringLiteral("ELMCOUNT needs the name of a subscript range"));
        return QStringLiteral("ELMCOUNT(%1)").arg(translateMarked(d, c));
    }
    if (f == QLatin1String("LOOKUP") || f == QLatin1String("WITH LOOKUP") || f == QLatin1String("INTEG")
        || f == QLatin1String("ACTIVE INITIAL") || f == QLatin1String("DELAY MATERIAL") || f == QLatin1String("DELAYP")
        || f == QLatin1String("DEPRECIATE STRAIGHTLINE") || f == QLatin1String("DEPRECIATE BY SCHEDULE")
        || f == QLatin1String("SHIFT IF TRUE") || f == QLatin1String("DELAY BATCH") || f.startsWith(QLatin1String("GET XLS "))
        || f.startsWith(QLatin1String("GET DIRECT "))) { // the GET functions are read in mdlgetdata.cpp
        c.warn(e.offset, QStringLiteral("%1 must be the whole equation, not part of an expression").arg(e.text));
        return call(equationName(e.text), allArgs(e, c));
    }
    if (!wrongArity && !c.macros.contains(canonicalName(e.text)) && !f.isEmpty() && f == f.toUpper() && e.text == e.text.toUpper()
        && f.contains(u' ')) {
        // Upper-case words with a space are Vensim's builtins; a lookup's name is not.
        c.warn(e.offset, QStringLiteral("the Vensim function %1 is not supported").arg(e.text));
    }
    // A lookup table called by name, a macro, or a function the solver knows by this name.
    const QString argText = allArgs(e, c);
    if (!e.outputs.empty())
        noteMacroOutputs(e, argText, c);
    return call(variableName(e.text), argText);
}

} // namespace

bool readsTableFirst(const Expr &call)
{
    if (call.kind != Expr::Kind::Call || call.args.empty() || call.args[0].kind != Expr::Kind::Name)
        return false;
    static const QStringList functions = {QStringLiteral("LOOKUP FORWARD"), QStringLiteral("LOOKUP BACKWARD"),
                                          QStringLiteral("LOOKUP EXTRAPOLATE"), QStringLiteral("LOOKUP INVERT"),
                                          QStringLiteral("LOOKUP AREA"), QStringLiteral("LOOKUP SLOPE"),
                                          QStringLiteral("RANDOM LOOKUP")};
    return functions.contains(key(call.text)) || writesDataPoints(key(call.text));
}

QString elementTableName(const QString &name, const std::vector<Subscript> &subscripts)
{
    QStringList parts;
    for (const Subscript &s : subscripts)
        parts << s.name.simplified();
    return name.simplified() + QLatin1Char('[') + parts.join(u',') + QLatin1Char(']');
}

QString variableName(const QString &vensimName)
{
    const QString k = key(vensimName);
    if (k == QLatin1String("TIME STEP"))
        return QStringLiteral("DT");
    if (k == QLatin1String("INITIAL TIME"))
        return QStringLiteral("STARTTIME");
    if (k == QLatin1String("FINAL TIME"))
        return QStringLiteral("STOPTIME");
    if (k == QLatin1String("TIME"))
        return QStringLiteral("TIME");
    return equationName(vensimName);
}

// A name or a call is preceded by a mark holding its offset in the file: kMark, the offset
// in decimal, kMarkEnd. Private-use characters, which no name in a .mdl holds; translate()
// takes the marks out and keeps the offsets. Marking the parts while the text is built
// keeps every translator of a function simple: it composes its arguments' text as before.
constexpr char16_t kMark = 0xE000, kMarkEnd = 0xE001;

QString marked(qsizetype offset, const QString &text)
{
    return QChar(kMark) + QString::number(offset) + QChar(kMarkEnd) + text;
}

namespace {
// The operators that group from the left and share a level with others in XMILE as in
// Vensim: + with -, * with /, and AND and OR each alone; -1 for the rest (comparisons, ^).
int leftChainLevel(const QString &op)
{
    if (op == QLatin1String("+") || op == QLatin1String("-"))
        return 0;
    if (op == QLatin1String("*") || op == QLatin1String("/"))
        return 1;
    if (op == QLatin1String("AND"))
        return 2;
    if (op == QLatin1String("OR"))
        return 3;
    return -1;
}
} // namespace

QString translateMarked(const Expr &e, TranslateContext &c)
{
    switch (e.kind) {
    case Expr::Kind::Number: // marked too, so that an error about an argument points at it
        return marked(e.offset, formatNumber(e.number));
    case Expr::Kind::NotAvailable:
        return QStringLiteral("(%1)").arg(formatNumber(kNotAvailable));
    case Expr::Kind::Name: {
        QString s = variableName(modelReference(e));
        if (!e.subscripts.empty()) {
            QStringList subs;
            // A range marked '!' that no array function wrote out (too many elements): all
            // its elements, as XMILE's '*:' says, not the equation's own element.
            for (const Subscript &sub : e.subscripts)
                subs << (sub.bang ? QStringLiteral("*:") : QString()) + equationName(sub.name);
            s += QLatin1Char('[') + subs.join(QLatin1String(", ")) + QLatin1Char(']');
        }
        if (c.sampledFrom && canonicalName(variableName(modelReference(e))) == canonicalName(c.self))
            s = QStringLiteral("PREVIOUS(%1, %2)").arg(s, *c.sampledFrom);
        return marked(e.offset, s);
    }
    case Expr::Kind::Unary:
        if (e.text == QLatin1String("NOT"))
            return marked(e.offset, QStringLiteral("(NOT %1)").arg(translateMarked(e.args[0], c)));
        return marked(e.offset, QStringLiteral("(-%1)").arg(translateMarked(e.args[0], c)));
    case Expr::Kind::Binary: {
        // Left before right (the order of a call's arguments is unspecified): warnings, and
        // which of two calls sets a macro output they share, follow the text.
        QString left = translateMarked(e.args[0], c);
        const QString right = translateMarked(e.args[1], c);
        // a + b + c is ((a + b) + c): the left operand's parentheses go when it is a chain of
        // the same left-associative level, or a long chain would nest as deep as it is long
        // (the solver refuses equations nested more than 256 deep).
        if (e.args[0].kind == Expr::Kind::Binary && leftChainLevel(e.args[0].text) >= 0
            && leftChainLevel(e.args[0].text) == leftChainLevel(e.text))
            left = left.mid(1, left.size() - 2);
        return QStringLiteral("(%1 %2 %3)").arg(left, e.text, right);
    }
    case Expr::Kind::Call:
        return marked(e.offset, translateCall(e, c));
    case Expr::Kind::Lookup:
        c.warn(e.offset, QStringLiteral("a lookup table can only stand as a WITH LOOKUP argument or as a lookup's definition"));
        return QStringLiteral("0");
    case Expr::Kind::NumberList:
        c.warn(e.offset, QStringLiteral("a list of values can only define a subscripted constant"));
        return QStringLiteral("0");
    }
    return {};
}

QString macroOutputName(const QString &macro, const QString &output)
{
    return macro.simplified() + QStringLiteral(" output ") + output.simplified();
}

Translation translate(const Expr &e, TranslateContext &c)
{
    return unmarked(translateMarked(e, c));
}

namespace {
Translation unmarked(const QString &withMarks)
{
    Translation out;
    out.text.reserve(withMarks.size());
    auto offsets = std::make_shared<RewrittenOffsets>();
    for (qsizetype i = 0; i < withMarks.size(); ++i) {
        if (withMarks[i] != QChar(kMark)) {
            out.text += withMarks[i];
            continue;
        }
        const qsizetype end = withMarks.indexOf(QChar(kMarkEnd), i + 1);
        bool ok = false;
        const qsizetype fileOffset = end < 0 ? -1 : withMarks.mid(i + 1, end - i - 1).toLongLong(&ok);
        if (!ok) { // not one of ours: kept as it is
            out.text += withMarks[i];
            continue;
        }
        // Where a call's text starts with its argument's (a function Meadows writes as its
        // argument), the innermost part is what an error there is about.
        if (!offsets->empty() && offsets->back().first == out.text.size())
            offsets->back().second = fileOffset;
        else
            offsets->push_back({out.text.size(), fileOffset});
        i = end;
    }
    out.offsets = std::move(offsets);
    return out;
}

} // namespace

} // namespace meadows::vensim

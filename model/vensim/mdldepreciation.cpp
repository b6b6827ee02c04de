#include "mdldepreciation.h"

namespace meadows::vensim {

namespace {

// Fiscal periods of length `fisc`, one of them starting at `origin` (at or before INITIAL
// TIME), and the stream's accumulation S ("invested") read at their starts. HISTORY gives
// the recorded steps, and interpolates between two, so a period's start is read at the step
// at or after it.
struct FiscalPeriods {
    const Rewrite &r;
    Expr fisc, origin;
    Expr time = nameAt(QStringLiteral("Time"), r.at), start = nameAt(QStringLiteral("INITIAL TIME"), r.at);
    Expr dt = nameAt(QStringLiteral("TIME STEP"), r.at);

    // The start of the current period (a hair added against rounding down).
    Expr current() const
    {
        return binaryOf("+", origin, binaryOf("*", r.callOf("INTEGER", {binaryOf("+", binaryOf("/", binaryOf("-", time, origin), fisc),
                                                                                r.number(1e-9))}), fisc));
    }
    // A start between two steps (a fiscal period that is no whole number of steps) moved to
    // the step after it, so S is read at a step, never between two.
    Expr onStep(const Expr &t) const
    {
        return binaryOf("+", start, binaryOf("*", r.callOf("INTEGER", {binaryOf("+", binaryOf("/", binaryOf("-", t, start), dt),
                                                                              r.number(1 - 1e-9))}), dt));
    }
    // What was paid before `t` (a period's start): S at the step at or after it; the stock
    // itself when that is now, else its recorded value (0 before the start).
    Expr paidBefore(const Expr &t, const Expr &invested) const
    {
        const Expr b = onStep(t);
        return r.ifThen(binaryOf("<", binaryOf("-", time, b), binaryOf("/", dt, r.number(2))), invested,
                        r.callOf("HISTORY", {invested, b}));
    }
    // The start of the period `k` periods before the current one.
    Expr periodsBack(const Expr &k) const { return binaryOf("-", current(), binaryOf("*", k, fisc)); }
};

} // namespace

// Vensim's reference: DEPRECIATE STRAIGHTLINE(str, dtime, fisc, init) depreciates the
// investment stream str over dtime, "lumping all payments made within the fiscal period
// specified by fisc together"; an investment returns 1/n of itself (n = dtime / fisc,
// adjusted to a whole number) "in the first fiscal period and each that follows", the
// current period's through "the current value of str"; init stands for str "over the
// previous dtime". So, with the fiscal periods counted from INITIAL TIME and L(q) the
// stream paid in period q, in period p:
//     y = (str + (L(p-n+1) + ... + L(p-1)) / fisc) / n
// The sum is read from the stream accumulated beyond init, S = INTEG(str - init, 0) (0
// before the start, as init fills those periods), at the starts of periods p and p-n+1:
// S(b) - S(b - (n-1) fisc) + init (n-1) fisc. dtime, fisc and init are read once, at the
// start.
void depreciateStraightline(Rewrite &r)
{
    const std::vector<Expr> &args = r.call.rhs->args;
    const Expr fisc = r.initial(args[2]), init = r.initial(args[3]);
    const Expr n = r.callOf("MAX", {r.number(1), r.callOf("INTEGER", {binaryOf("+", binaryOf("/", r.initial(args[1]), fisc),
                                                                          r.number(0.5))})});
    r.add(QStringLiteral("stream"), args[0], true);
    const Expr stream = r.name(QStringLiteral("stream")), invested = r.name(QStringLiteral("invested"));
    r.add(QStringLiteral("invested"), r.callOf("INTEG", {binaryOf("-", stream, init), r.number(0)}), false);
    const FiscalPeriods periods{r, fisc, nameAt(QStringLiteral("INITIAL TIME"), r.at)};
    const Expr earlier = binaryOf("-", n, r.number(1));
    const Expr paid = binaryOf("+", binaryOf("/", binaryOf("-", periods.paidBefore(periods.current(), invested),
                                                           periods.paidBefore(periods.periodsBack(earlier), invested)),
                                             fisc),
                               binaryOf("*", init, earlier));
    r.call.rhs = binaryOf("/", binaryOf("+", stream, paid), n);
}

// Vensim's reference: DEPRECIATE BY SCHEDULE(str, sch, init, dtime, fs) depreciates str
// "against the schedule specified by sch which is an array of depreciation fractions or
// percents", over dtime, "the fiscal period for depreciation determined by the ratio of
// dtime to the number of elements of sch"; sch is written with the first element of its
// last range; init, "the initial amount of depreciation", is an array as long as sch, or a
// scalar variable where there is none; fs sets "when there is a changeover from one fiscal
// period to the next", "normally [...] Time (or equivalently INITIAL TIME)": with fs = 12
// in a weekly model of annual periods, weeks 0-11 are one fiscal year and the next starts
// at week 12. So the periods start at fs + j fisc (fs read once, at the start), and, as
// STRAIGHTLINE does (which this is with every fraction equal), in period p:
//     y = f0 str + (f1 L(p-1) + ... + f(n-1) L(p-n+1)) / fisc + init[p - p0]
// with f the schedule scaled to add to 1, L(q) the stream paid in period q (read from
// S = INTEG(str, 0) at the periods' starts) and init's term only in the n periods from the
// first, p0. The reference leaves open what init's elements stand for and that the schedule
// is what is scaled ("the depreciation fraction specified by init will be scaled so that
// they add to 1"): the call says which reading Meadows takes.
void depreciateBySchedule(Rewrite &r, const QStringList &schedule, const std::optional<QStringList> &initial, Reporter &report)
{
    report.warning(r.at, QStringLiteral("DEPRECIATE BY SCHEDULE: Vensim's reference leaves its reading open; Meadows "
                                        "scales the schedule to add to 1, returns its first fraction of str's current "
                                        "value, and takes init as the depreciation per time unit in the first fiscal "
                                        "periods, from investment made before the start"));
    const std::vector<Expr> &args = r.call.rhs->args;
    const qsizetype n = schedule.size();
    std::vector<Expr> fractions;
    for (const QString &element : schedule)
        fractions.push_back(r.initial(elementOf(args[1], element)));
    const Expr total = sumOf(fractions, r.at);
    const Expr fisc = binaryOf("/", r.initial(args[3]), r.number(double(n))), fs = r.initial(args[4]);
    const Expr start = nameAt(QStringLiteral("INITIAL TIME"), r.at);
    // A period start at or before INITIAL TIME: fs moved back whole periods.
    const Expr periodsToStart = r.callOf("INTEGER", {binaryOf("/", r.callOf("ABS", {binaryOf("-", fs, start)}), fisc)});
    const Expr origin = binaryOf("-", fs, binaryOf("*", fisc, binaryOf("+", periodsToStart, r.number(1))));
    const FiscalPeriods periods{r, fisc, origin};
    r.add(QStringLiteral("stream"), args[0], true);
    const Expr stream = r.name(QStringLiteral("stream")), invested = r.name(QStringLiteral("invested"));
    r.add(QStringLiteral("invested"), r.callOf("INTEG", {stream, r.number(0)}), false);
    std::vector<Expr> terms{binaryOf("*", fractions[0], stream)};
    for (qsizetype k = 1; k < n; ++k) {
        const Expr paid = binaryOf("-", periods.paidBefore(periods.periodsBack(r.number(double(k - 1))), invested),
                                   periods.paidBefore(periods.periodsBack(r.number(double(k))), invested));
        terms.push_back(binaryOf("/", binaryOf("*", fractions[std::size_t(k)], paid), fisc));
    }
    // The periods since the first (the one INITIAL TIME is in), and init's term for them.
    const Expr first = FiscalPeriods{r, fisc, origin, start}.current(); // the current period at INITIAL TIME
    const Expr since = r.callOf("INTEGER", {binaryOf("+", binaryOf("/", binaryOf("-", periods.current(), first), fisc),
                                                     r.number(0.5))});
    std::vector<Expr> initTerms;
    for (qsizetype k = 0; k < n; ++k)
        initTerms.push_back(r.ifThen(binaryOf("=", since, r.number(double(k))),
                                     r.initial(initial ? elementOf(args[2], initial->at(k)) : args[2]), r.number(0)));
    r.call.rhs = binaryOf("+", binaryOf("/", sumOf(std::move(terms), r.at), total), sumOf(std::move(initTerms), r.at));
}

} // namespace meadows::vensim

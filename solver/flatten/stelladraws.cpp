// Stella's random builtins, lowered to the solver's draws (solver/random.h): each call site
// draws its own stream, the same for a given seed, site and step.
//
// What isee's help documents (v1 to v3, "Statistical builtins"; the XMILE 1.0 specification,
// "Statistical Functions"):
// - every builtin draws anew each DT; a seed makes its numbers the same from run to run;
// - since Stella Architect 2, every one but RANDOM takes four optional arguments after its
//   own: <seed>, <min> and <max>, "the minimum [maximum] acceptable value ... useful when you
//   want to truncate a distribution" (left out, or NAN, for none), and <sample>, how long a
//   value is held. Truncation is drawn here as the distribution conditioned on [min, max],
//   what redrawing until a value is acceptable converges to (random.cpp draws so). Holding a
//   value for <sample> is not supported: a call that gives one is an error at it.
// - BETA(alpha, beta): the beta distribution's two shape parameters, on [0, 1];
// - BINOMIAL(trials, p): the successes in that many trials; "numbers outside the range [of p]
//   are set to 1";
// - LOGNORMAL(mean, sd): XMILE's example, "LOGNORMAL(10, 1) samples from a lognormal
//   distribution with mean 10 and standard deviation 1", so the distribution's own mean and
//   standard deviation, not its logarithm's;
// - GAMMA: "random numbers conforming to a gamma distribution with specified shape and
//   scale" (a copy of the help of Stella 10), so a scale, not a rate.
// WEIBULL(shape, scale) and NEGBINOMIAL(successes, p) are read as Stella itself saves them
// (Stella Architect 1.9.2 model files in transentis/bptk_py's tests); TRIANGULAR(lower, mode,
// upper), LOGISTIC(mean, scale), PARETO(shape, scale), GEOMETRIC(p) and MONTECARLO(probability)
// as BPTK, an open XMILE compiler, reads them. Where isee says nothing of what the numbers
// mean, the reading chosen is said at the call (LOGNORMAL, NEGBINOMIAL, GEOMETRIC, PARETO).
#include "flattener.h"

#include <cmath>
#include <functional>
#include <limits>

namespace meadows::flattening {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The builtins, with how many arguments of their own each takes before the optional ones.
struct Distribution {
    const char *name;
    int own;
};
constexpr Distribution kDistributions[] = {
    {"normal", 2},   {"lognormal", 2},  {"exprnd", 1},   {"poisson", 1},   {"gamma", 2},
    {"weibull", 2},  {"beta", 2},       {"binomial", 2}, {"negbinomial", 2}, {"geometric", 1},
    {"triangular", 3}, {"pareto", 2},   {"logistic", 2}, {"montecarlo", 1},
};

Node num(double v)
{
    return Node::constant(v);
}

Node op(BinaryOp o, Node a, Node b)
{
    return Node::binary(o, std::move(a), std::move(b));
}

Node fn(Builtin b, std::vector<Node> args)
{
    return Node::call(b, std::move(args));
}

} // namespace

std::optional<Node> Flattener::stellaDraw(Context &c, const Expr &e)
{
    const Distribution *d = nullptr;
    for (const Distribution &candidate : kDistributions) {
        if (e.name == QLatin1String(candidate.name))
            d = &candidate;
    }
    if (!d)
        return std::nullopt;
    const int own = d->own;
    const auto given = [&](int i) { return int(e.args.size()) > i; };
    std::vector<Node> p;
    for (int i = 0; i < own; ++i)
        p.push_back(expr(c, e.args[std::size_t(i)]));
    if (given(own + 3)) {
        // None (NAN), or one DT or less, is drawing every DT, as Meadows does.
        const std::optional<double> sample = constantValue(expr(c, e.args[std::size_t(own + 3)]));
        const bool everyDt = sample && (std::isnan(*sample) || (!m_out.specs.varying.any() && *sample <= m_out.specs.dt));
        if (!everyDt)
            fail(e.args[std::size_t(own + 3)],
                 QStringLiteral("%1's sample interval (how long a drawn value is held) is not supported: Meadows draws "
                                "anew every DT")
                     .arg(calledAs(e)));
    }
    // An optional argument, `none` when left out or NAN (a NaN is the one value not equal to
    // itself): a seed of 0 follows the run's seed (a NAN or blank seed draws differently in each
    // run, as in Stella), and min and max are no bounds.
    const auto optional = [&](int i, double none) {
        if (!given(i))
            return num(none);
        const Node v = expr(c, e.args[std::size_t(i)]);
        return Node::ifThenElse(op(BinaryOp::Equal, v, v), v, num(none));
    };
    const Node seed = optional(own, 0);
    const Node lo = optional(own + 1, -kInf), hi = optional(own + 2, kInf);
    const bool truncated = given(own + 1);
    const auto draw = [&](Builtin b, std::vector<Node> args) {
        args.push_back(seed);
        Node n = fn(b, std::move(args));
        n.index = m_out.randomCalls++;
        return n;
    };
    // A number drawn uniformly from [from, to) and kept off `from` itself by half of the
    // draw's resolution (2^-54), as random.cpp's inverted distributions are, so that no
    // quantile is asked for at 0.
    const auto uniform = [&](const Node &from, const Node &to) {
        const Node u = op(BinaryOp::Add, draw(Builtin::RandomUniform, {num(0), num(1)}), num(0x1.0p-54));
        return op(BinaryOp::Add, from, op(BinaryOp::Multiply, op(BinaryOp::Subtract, to, from), u));
    };
    // A value drawn by inverting a distribution function F from q, uniform between F(min) and
    // F(max), as random.cpp draws: `xOf` the inverse of F at q. Rounding far in a tail can put
    // it past a bound (or at Inf): held to them. Where F is the same at both bounds the range
    // holds none of the distribution (in doubles): the bound nearer to it, min when F is 1.
    const auto inverted = [&](const Node &cdfLo, const Node &cdfHi, const std::function<Node(const Node &)> &xOf) {
        const Node q = uniform(cdfLo, cdfHi);
        const Node held = fn(Builtin::Max2, {lo, fn(Builtin::Min2, {hi, xOf(q)})});
        return Node::ifThenElse(op(BinaryOp::Greater, cdfHi, cdfLo), held, Node::ifThenElse(op(BinaryOp::GreaterEqual, cdfLo, num(1)), lo, hi));
    };
    const QString &f = e.name;
    if (f == QLatin1String("normal")) {
        if (!truncated) // as XMILE writes it, drawn as before Stella's further arguments
            return draw(Builtin::RandomNormal, {p[0], p[1]});
        return draw(Builtin::VensimRandomNormal, {lo, hi, p[0], p[1]});
    }
    if (f == QLatin1String("lognormal")) {
        // X = exp(Y), Y normal with s2 = ln(1 + sd^2 / mean^2) and mean ln(mean) - s2 / 2,
        // so that X has the mean and standard deviation asked; X within [min, max] is Y
        // within [ln min, ln max] (a bound below 0 is none).
        warnOnce(c, e, QStringLiteral("LOGNORMAL's mean and standard deviation are read as the distribution's own, as "
                                      "XMILE's example has it, not its logarithm's (isee's help does not settle which)"));
        const Node &m = p[0], &sd = p[1];
        const Node s2 = fn(Builtin::Ln, {op(BinaryOp::Add, num(1), op(BinaryOp::Divide, op(BinaryOp::Multiply, sd, sd),
                                                                        op(BinaryOp::Multiply, m, m)))});
        const Node mu = op(BinaryOp::Subtract, fn(Builtin::Ln, {m}), op(BinaryOp::Divide, s2, num(2)));
        const Node logLo = fn(Builtin::Ln, {fn(Builtin::Max2, {lo, num(0)})});
        const Node logHi = fn(Builtin::Ln, {fn(Builtin::Max2, {hi, num(0)})});
        const Node x = fn(Builtin::Exp, {draw(Builtin::VensimRandomNormal, {logLo, logHi, mu, fn(Builtin::Sqrt, {s2})})});
        return Node::ifThenElse(op(BinaryOp::GreaterEqual, sd, num(0)), x, num(kNaN));
    }
    // A negative mean or scale draws nothing of these distributions: NaN, which the run reports.
    const auto unlessNegative = [&](const Node &scale, Node x) {
        return Node::ifThenElse(op(BinaryOp::GreaterEqual, scale, num(0)), std::move(x), num(kNaN));
    };
    if (f == QLatin1String("exprnd")) // mean lambda: the standard exponential stretched by it
        return unlessNegative(p[0], draw(Builtin::RandomExponential, {lo, hi, num(0), p[0]}));
    if (f == QLatin1String("poisson"))
        return draw(Builtin::RandomPoisson, {lo, hi, p[0], num(0), num(1)});
    if (f == QLatin1String("gamma")) // shape, and the scale stretching the standard gamma
        return unlessNegative(p[1], draw(Builtin::RandomGamma, {lo, hi, p[0], num(0), p[1]}));
    if (f == QLatin1String("weibull")) {
        // F(x) = 1 - exp(-(x / scale)^shape). The solver's Weibull is Vensim's, scaled to a
        // mean of 1 (scale 1 / Gamma(1 + 1/shape)), so it is stretched by scale * Gamma(1 + 1/shape).
        const Node gamma = fn(Builtin::Exp, {fn(Builtin::GammaLn, {op(BinaryOp::Add, num(1), op(BinaryOp::Divide, num(1), p[0]))})});
        return unlessNegative(p[1], draw(Builtin::RandomWeibull, {lo, hi, p[0], num(0), op(BinaryOp::Multiply, p[1], gamma)}));
    }
    if (f == QLatin1String("beta"))
        return draw(Builtin::RandomBeta, {lo, hi, p[0], p[1], num(0), num(1)});
    if (f == QLatin1String("binomial")) {
        const Node outside = op(BinaryOp::Or, op(BinaryOp::Less, p[1], num(0)), op(BinaryOp::Greater, p[1], num(1)));
        return draw(Builtin::RandomBinomial, {lo, hi, Node::ifThenElse(outside, num(1), p[1]), p[0], num(0), num(1)});
    }
    if (f == QLatin1String("negbinomial")) {
        warnOnce(c, e, QStringLiteral("NEGBINOMIAL is read as the failures before the given number of successes (isee's "
                                      "help does not say whether it counts failures or trials)"));
        // The solver's counts the trials, the successes among them: shifted back by them.
        const Node successes = fn(Builtin::Int, {p[0]}); // whole, as the solver's count is
        return draw(Builtin::RandomNegativeBinomial, {lo, hi, p[1], successes, op(BinaryOp::Subtract, num(0), successes), num(1)});
    }
    if (f == QLatin1String("geometric")) {
        warnOnce(c, e, QStringLiteral("GEOMETRIC is read as the trials up to and including the first success, 1 or more "
                                      "(isee's help does not say whether it counts trials or failures)"));
        return draw(Builtin::RandomNegativeBinomial, {lo, hi, p[0], num(1), num(0), num(1)});
    }
    if (f == QLatin1String("triangular"))
        return draw(Builtin::RandomTriangular, {lo, hi, p[0], p[1], p[2]});
    if (f == QLatin1String("pareto")) {
        warnOnce(c, e, QStringLiteral("PARETO is read as the classical Pareto distribution, F(x) = 1 - (scale / x)^shape "
                                      "from x = scale (isee's help does not give its formula)"));
        // Inverted: x = scale * (1 - q)^(-1/shape), q uniform between F(min) and F(max);
        // NaN for a shape or scale that is not positive.
        const Node &shape = p[0], &scale = p[1];
        const auto cdf = [&](const Node &x) {
            return op(BinaryOp::Subtract, num(1),
                      op(BinaryOp::Power, op(BinaryOp::Divide, scale, fn(Builtin::Max2, {x, scale})), shape));
        };
        const Node x = inverted(cdf(lo), cdf(hi), [&](const Node &q) {
            return op(BinaryOp::Multiply, scale, op(BinaryOp::Power, op(BinaryOp::Subtract, num(1), q), op(BinaryOp::Divide, num(-1), shape)));
        });
        const Node valid = op(BinaryOp::And, op(BinaryOp::Greater, shape, num(0)), op(BinaryOp::Greater, scale, num(0)));
        return Node::ifThenElse(valid, x, num(kNaN));
    }
    if (f == QLatin1String("logistic")) {
        // Inverted: x = mean + scale * ln(q / (1 - q)), q uniform between F(min) and F(max),
        // F(x) = 1 / (1 + exp(-(x - mean) / scale)); NaN for a scale that is not positive.
        const Node &mean = p[0], &scale = p[1];
        const auto cdf = [&](const Node &x) {
            const Node z = op(BinaryOp::Divide, op(BinaryOp::Subtract, mean, x), scale);
            return op(BinaryOp::Divide, num(1), op(BinaryOp::Add, num(1), fn(Builtin::Exp, {z})));
        };
        const Node x = inverted(cdf(lo), cdf(hi), [&](const Node &q) {
            return op(BinaryOp::Add, mean,
                      op(BinaryOp::Multiply, scale, fn(Builtin::Ln, {op(BinaryOp::Divide, q, op(BinaryOp::Subtract, num(1), q))})));
        });
        return Node::ifThenElse(op(BinaryOp::Greater, scale, num(0)), x, num(kNaN));
    }
    // MONTECARLO(probability): 1 with a chance of probability * DT / 100 in each DT, else 0,
    // the probability a percentage per unit of time (BPTK's reading; isee's paragraph on it
    // is not in the stored help). A probability * DT of 100 or more is always 1, of 0 or less
    // never.
    const Node chance = op(BinaryOp::Multiply, p[0], Node::of(Node::Kind::TimeStep));
    const Node u = draw(Builtin::RandomUniform, {num(0), num(100)});
    return Node::ifThenElse(op(BinaryOp::Less, u, chance), num(1), num(0));
}

} // namespace meadows::flattening

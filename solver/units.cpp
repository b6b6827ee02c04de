#include "units.h"

#include "builtins.h"
#include "parser.h"

#include "model/names.h"

#include <QHash>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <functional>

namespace meadows {

// ---- unit algebra -----------------------------------------------------------------------

UnitPowers UnitPowers::operator*(const UnitPowers &other) const
{
    UnitPowers out = *this;
    for (const auto &[name, p] : other.powers) {
        const int sum = out.powers[name] + p;
        if (sum == 0)
            out.powers.erase(name);
        else
            out.powers[name] = sum;
    }
    return out;
}

UnitPowers UnitPowers::operator/(const UnitPowers &other) const
{
    return *this * other.power(-1);
}

UnitPowers UnitPowers::power(int exponent) const
{
    UnitPowers out;
    if (exponent == 0)
        return out;
    for (const auto &[name, p] : powers)
        out.powers[name] = p * exponent;
    return out;
}

std::optional<UnitPowers> UnitPowers::root(int n) const
{
    UnitPowers out;
    for (const auto &[name, p] : powers) {
        if (p % n != 0)
            return std::nullopt;
        out.powers[name] = p / n;
    }
    return out;
}

QString UnitPowers::toString() const
{
    if (powers.empty())
        return QStringLiteral("dimensionless");
    QStringList above, below;
    for (const auto &[name, p] : powers) {
        const int magnitude = std::abs(p);
        const QString term = magnitude == 1 ? name : QStringLiteral("%1^%2").arg(name).arg(magnitude);
        (p > 0 ? above : below) << term;
    }
    QString s = above.isEmpty() ? QStringLiteral("1") : above.join(QLatin1Char('*'));
    if (!below.isEmpty())
        s += QLatin1Char('/') + (below.size() > 1 ? QLatin1Char('(') + below.join(QLatin1Char('*')) + QLatin1Char(')') : below.first());
    return s;
}

// ---- parsing unit expressions ---------------------------------------------------------------

namespace {

// Spellings every modeller uses without declaring them.
const QHash<QString, QString> &commonAliases()
{
    static const QHash<QString, QString> aliases{
        {QStringLiteral("seconds"), QStringLiteral("second")}, {QStringLiteral("minutes"), QStringLiteral("minute")},
        {QStringLiteral("hours"), QStringLiteral("hour")},     {QStringLiteral("days"), QStringLiteral("day")},
        {QStringLiteral("weeks"), QStringLiteral("week")},     {QStringLiteral("months"), QStringLiteral("month")},
        {QStringLiteral("years"), QStringLiteral("year")},     {QStringLiteral("people"), QStringLiteral("person")},
        {QStringLiteral("persons"), QStringLiteral("person")}, {QStringLiteral("units"), QStringLiteral("unit")},
    };
    return aliases;
}

bool isDimensionlessWord(const QString &key)
{
    return key == QLatin1String("dmnl") || key == QLatin1String("dimensionless") || key == QLatin1String("unitless")
           || key == QLatin1String("fraction") || key == QLatin1String("1");
}

constexpr int kMaxUnitNesting = 256;

class UnitParser {
public:
    using Resolver = std::function<std::optional<UnitPowers>(const QString &, QString *)>;
    // `nesting` counts open parentheses across a unit and the definitions it expands
    // into, so that the bound holds for the whole recursion, not for each text alone.
    UnitParser(const QString &text, const Resolver &resolve, int &nesting)
        : m_s(text), m_nesting(nesting), m_resolve(resolve)
    {
    }

    std::optional<UnitPowers> parse(QString *error)
    {
        skipSpace();
        if (m_i >= m_s.size())
            return UnitPowers{};
        std::optional<UnitPowers> u = product();
        skipSpace();
        if (u && m_i < m_s.size())
            m_error = QStringLiteral("unexpected '%1'").arg(m_s[m_i]);
        if (!m_error.isEmpty()) {
            if (error)
                *error = m_error;
            return std::nullopt;
        }
        return u;
    }

private:
    void skipSpace()
    {
        while (m_i < m_s.size() && m_s[m_i].isSpace())
            ++m_i;
    }

    std::optional<UnitPowers> product()
    {
        std::optional<UnitPowers> u = factor();
        for (;;) {
            skipSpace();
            if (!u || m_i >= m_s.size() || (m_s[m_i] != u'*' && m_s[m_i] != u'/'))
                return u;
            const bool divide = m_s[m_i] == u'/';
            ++m_i;
            const std::optional<UnitPowers> rhs = factor();
            if (!rhs)
                return std::nullopt;
            u = divide ? *u / *rhs : *u * *rhs;
        }
    }

    std::optional<UnitPowers> factor()
    {
        std::optional<UnitPowers> base = atom();
        skipSpace();
        if (base && m_i < m_s.size() && m_s[m_i] == u'^') {
            ++m_i;
            skipSpace();
            const bool paren = m_i < m_s.size() && m_s[m_i] == u'(';
            if (paren)
                ++m_i;
            const qsizetype start = m_i;
            if (m_i < m_s.size() && (m_s[m_i] == u'-' || m_s[m_i] == u'+'))
                ++m_i;
            while (m_i < m_s.size() && m_s[m_i].isDigit())
                ++m_i;
            bool ok = false;
            const int exponent = m_s.mid(start, m_i - start).toInt(&ok);
            if (paren) {
                skipSpace();
                if (m_i < m_s.size() && m_s[m_i] == u')')
                    ++m_i;
                else
                    ok = false;
            }
            if (!ok) {
                m_error = QStringLiteral("an exponent must be a whole number");
                return std::nullopt;
            }
            base = base->power(exponent);
        }
        return base;
    }

    std::optional<UnitPowers> atom()
    {
        skipSpace();
        if (m_i >= m_s.size()) {
            m_error = QStringLiteral("a unit is missing at the end");
            return std::nullopt;
        }
        if (m_s[m_i] == u'(') {
            // Parentheses recurse: bound them as the equation parser bounds its nesting.
            if (m_nesting >= kMaxUnitNesting) {
                m_error = QStringLiteral("parentheses nest more than %1 levels deep").arg(kMaxUnitNesting);
                return std::nullopt;
            }
            ++m_i;
            ++m_nesting;
            std::optional<UnitPowers> inner = product();
            --m_nesting;
            if (!inner)
                return std::nullopt;
            skipSpace();
            if (m_i >= m_s.size() || m_s[m_i] != u')') {
                m_error = QStringLiteral("'(' is never closed");
                return std::nullopt;
            }
            ++m_i;
            return inner;
        }
        // A name runs to the next operator: unit names may hold spaces ("Degrees Fahrenheit").
        const qsizetype start = m_i;
        while (m_i < m_s.size() && !QStringLiteral("*/^()").contains(m_s[m_i]))
            ++m_i;
        const QString name = m_s.mid(start, m_i - start).trimmed();
        if (name.isEmpty()) {
            m_error = QStringLiteral("a unit is missing before '%1'").arg(m_i < m_s.size() ? m_s[m_i] : QChar(u' '));
            return std::nullopt;
        }
        QString why;
        std::optional<UnitPowers> u = m_resolve(name, &why);
        if (!u)
            m_error = why;
        return u;
    }

    const QString &m_s;
    qsizetype m_i = 0;
    QString m_error;
    int &m_nesting;
    const Resolver &m_resolve;
};

} // namespace

UnitContext::UnitContext(const Project &project)
{
    for (const Unit &u : project.units) {
        const QString key = canonicalName(u.name);
        if (!u.equation.trimmed().isEmpty() && canonicalName(u.equation) != key)
            m_definitions[key] = u.equation;
        for (const QString &alias : u.aliases)
            m_aliases[canonicalName(alias)] = key;
    }
    if (!project.simSpecs.timeUnits.trimmed().isEmpty())
        m_time = parse(project.simSpecs.timeUnits);
}

QString UnitContext::baseName(const QString &name) const
{
    QString key = canonicalName(name);
    if (auto it = m_aliases.find(key); it != m_aliases.end())
        return it->second;
    if (auto it = commonAliases().constFind(key); it != commonAliases().constEnd())
        key = *it;
    return key;
}

std::optional<UnitPowers> UnitContext::parse(const QString &text, QString *error) const
{
    const UnitParser::Resolver resolve = [this](const QString &name, QString *why) -> std::optional<UnitPowers> {
        const QString key = baseName(name);
        if (isDimensionlessWord(key))
            return UnitPowers{};
        bool isNumber = false;
        name.toDouble(&isNumber);
        if (isNumber)
            return UnitPowers{}; // "1/Month": scale factors carry no dimension
        if (auto it = m_definitions.find(key); it != m_definitions.end()) {
            if (m_expanding > 16) {
                *why = QStringLiteral("the unit '%1' is defined in terms of itself").arg(name);
                return std::nullopt;
            }
            ++m_expanding;
            QString inner;
            const std::optional<UnitPowers> u = parse(it->second, &inner);
            --m_expanding;
            // A definition that is itself garbled says so, rather than blaming a cycle.
            if (!u)
                *why = inner.startsWith(QLatin1String("the unit '"))
                           ? inner
                           : QStringLiteral("the unit '%1' is defined as '%2', which does not parse: %3")
                                 .arg(name, it->second, inner);
            return u;
        }
        UnitPowers u;
        u.powers[key] = 1;
        return u;
    };
    return UnitParser(text, resolve, m_nesting).parse(error);
}

// ---- checking equations -------------------------------------------------------------------

namespace {

// What an expression's units are known to be. A plain number may stand for any unit
// (modellers rarely give constants units), so it never causes a warning by itself, and
// a product or quotient with one in it is left unchecked.
struct Inferred {
    std::optional<UnitPowers> unit; // nullopt: unknown
    bool flexible = false;          // a bare number

    static Inferred unknown() { return {}; }
    static Inferred of(UnitPowers u) { return {std::move(u), false}; }
    bool known() const { return unit && !flexible; }
};

class Checker {
public:
    Checker(const Project &p, std::vector<Diagnostic> &out) : m_project(p), m_units(p), m_out(out) {}

    void run()
    {
        for (const Model &m : m_project.models)
            checkModel(m);
    }

private:
    void warn(const SourceRef &ref, int offset, const QString &message)
    {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.file = ref.isValid() ? ref.fileName() : m_project.fileName;
        d.pos = ref.isValid() ? ref.positionOfDecodedOffset(offset) : SourcePos{};
        d.message = QStringLiteral("units: %1").arg(message);
        m_out.push_back(d);
    }

    void warnAt(const Variable &v, const QString &message)
    {
        warn(v.elementSource.isValid() ? v.elementSource : v.equationSource, 0, message);
    }

    std::optional<UnitPowers> declared(const Variable &v)
    {
        if (v.units.trimmed().isEmpty())
            return std::nullopt;
        QString error;
        std::optional<UnitPowers> u = m_units.parse(v.units, &error);
        if (!u)
            warnAt(v, QStringLiteral("cannot read the units of '%1' (\"%2\"): %3").arg(displayName(v.name), v.units, error));
        return u;
    }

    void checkModel(const Model &m)
    {
        m_declared.clear();
        for (const Variable &v : m.variables) {
            if (v.kind != VariableKind::Module)
                m_declared.insert(canonicalName(v.name), declared(v));
        }
        for (const Variable &v : m.variables) {
            if (v.kind == VariableKind::Module)
                continue;
            const std::optional<UnitPowers> own = m_declared.value(canonicalName(v.name));
            checkEquation(v, v.equation, v.equationSource, own);
            for (const ArrayElement &e : v.elements)
                checkEquation(v, e.equation, e.equationSource, own);
            if (v.kind == VariableKind::Stock && own && m_units.timeUnit())
                checkStockFlows(m, v, *own);
        }
    }

    void checkEquation(const Variable &v, const QString &text, const SourceRef &ref, const std::optional<UnitPowers> &own)
    {
        const ParseResult parsed = parseEquation(text);
        if (!parsed.expr)
            return; // parse errors are reported by the compiler
        m_ref = &ref;
        const Inferred got = infer(*parsed.expr);
        // A graphical function's equation is its input, which it maps into the declared
        // units: the input is checked within itself above but not against the output
        // (an element's own table too, which may read the variable's equation: XMILE 4.5.3).
        if (v.gf || std::any_of(v.elements.begin(), v.elements.end(), [](const ArrayElement &e) { return e.gf.has_value(); }))
            return;
        if (own && got.known() && *got.unit != *own)
            warn(ref, 0, QStringLiteral("'%1' is declared in %2 but its equation gives %3")
                             .arg(displayName(v.name), own->toString(), got.unit->toString()));
    }

    void checkStockFlows(const Model &m, const Variable &stock, const UnitPowers &stockUnit)
    {
        const UnitPowers expected = stockUnit / *m_units.timeUnit();
        for (const QStringList *flows : {&stock.inflows, &stock.outflows}) {
            for (const QString &name : *flows) {
                const Variable *f = m.findVariable(name);
                const std::optional<UnitPowers> fu = f ? m_declared.value(canonicalName(f->name)) : std::nullopt;
                if (fu && *fu != expected)
                    warnAt(*f, QStringLiteral("flow '%1' is in %2 but stock '%3' needs %4 (%5 per %6)")
                                   .arg(displayName(f->name), fu->toString(), displayName(stock.name), expected.toString(),
                                        stockUnit.toString(), m_units.timeUnit()->toString()));
            }
        }
    }

    // Operands that must agree (+, -, comparisons, MIN, MAX, IF branches).
    Inferred agree(const std::vector<const Expr *> &operands, const char *what)
    {
        Inferred result;
        result.flexible = true;
        result.unit = UnitPowers{};
        bool unknown = false;
        for (const Expr *e : operands) {
            const Inferred i = infer(*e);
            if (!i.unit) {
                unknown = true;
                continue;
            }
            if (i.flexible)
                continue;
            if (result.flexible) {
                result = i;
            } else if (*i.unit != *result.unit) {
                warn(*m_ref, e->offset, QStringLiteral("%1 mixes %2 and %3").arg(QLatin1String(what), result.unit->toString(), i.unit->toString()));
                return Inferred::unknown();
            }
        }
        if (unknown && result.flexible)
            return Inferred::unknown();
        return result;
    }

    Inferred infer(const Expr &e)
    {
        switch (e.kind) {
        case Expr::Kind::Number:
            return {UnitPowers{}, true};
        case Expr::Kind::Star:
        case Expr::Kind::Range:
        case Expr::Kind::Position:
            return Inferred::unknown();
        case Expr::Kind::Name: {
            if (e.name == QLatin1String("time") || e.name == QLatin1String("dt") || e.name == QLatin1String("starttime")
                || e.name == QLatin1String("stoptime") || e.name == QLatin1String("time_step"))
                return m_units.timeUnit() ? Inferred::of(*m_units.timeUnit()) : Inferred::unknown();
            if (e.name == QLatin1String("pi"))
                return {UnitPowers{}, true};
            const auto it = m_declared.constFind(e.name);
            if (it == m_declared.constEnd() || !*it)
                return Inferred::unknown();
            return Inferred::of(**it);
        }
        case Expr::Kind::Unary:
            if (e.unaryOp == UnaryOp::Not)
                return {UnitPowers{}, true};
            return infer(e.args[0]);
        case Expr::Kind::If:
            infer(e.args[0]);
            return agree({&e.args[1], &e.args[2]}, "IF's two branches");
        case Expr::Kind::Binary:
            return binary(e);
        case Expr::Kind::Call:
            return call(e);
        }
        return Inferred::unknown();
    }

    Inferred binary(const Expr &e)
    {
        switch (e.binaryOp) {
        case BinaryOp::Add:
        case BinaryOp::Subtract:
            return agree({&e.args[0], &e.args[1]}, e.binaryOp == BinaryOp::Add ? "a sum" : "a difference");
        case BinaryOp::Equal: case BinaryOp::NotEqual: case BinaryOp::Less: case BinaryOp::LessEqual:
        case BinaryOp::Greater: case BinaryOp::GreaterEqual:
            agree({&e.args[0], &e.args[1]}, "a comparison");
            return {UnitPowers{}, true};
        case BinaryOp::And:
        case BinaryOp::Or:
            infer(e.args[0]);
            infer(e.args[1]);
            return {UnitPowers{}, true};
        case BinaryOp::Multiply:
        case BinaryOp::Divide: {
            const Inferred a = infer(e.args[0]);
            const Inferred b = infer(e.args[1]);
            if (!a.unit || !b.unit)
                return Inferred::unknown();
            if (a.flexible && b.flexible)
                return {UnitPowers{}, true};
            if (a.flexible || b.flexible)
                return Inferred::unknown();
            return Inferred::of(e.binaryOp == BinaryOp::Multiply ? *a.unit * *b.unit : *a.unit / *b.unit);
        }
        case BinaryOp::Modulo:
            return agree({&e.args[0], &e.args[1]}, "MOD");
        case BinaryOp::Power: {
            const Inferred base = infer(e.args[0]);
            infer(e.args[1]);
            if (!base.known())
                return base.flexible ? Inferred{UnitPowers{}, true} : Inferred::unknown();
            if (base.unit->isDimensionless())
                return base;
            if (e.args[1].kind == Expr::Kind::Number && e.args[1].value == std::floor(e.args[1].value))
                return Inferred::of(base.unit->power(int(e.args[1].value)));
            warn(*m_ref, e.args[1].offset, QStringLiteral("%1 is raised to a power that is not a constant whole number")
                                                .arg(base.unit->toString()));
            return Inferred::unknown();
        }
        }
        return Inferred::unknown();
    }

    Inferred call(const Expr &e)
    {
        const auto first = [&]() { return e.args.empty() ? Inferred::unknown() : infer(e.args[0]); };
        const auto inferAll = [&](std::size_t from) {
            for (std::size_t i = from; i < e.args.size(); ++i)
                infer(e.args[i]);
        };
        const BuiltinInfo *b = findBuiltin(e.name);
        switch (b ? b->units : UnitsRule::Unchecked) {
        case UnitsRule::DimensionlessArgument: {
            const Inferred a = first();
            if (a.known() && !a.unit->isDimensionless())
                warn(*m_ref, e.args[0].offset, QStringLiteral("%1 needs a dimensionless argument, not %2")
                                                   .arg(e.spelling.toUpper(), a.unit->toString()));
            return {UnitPowers{}, true};
        }
        case UnitsRule::SameAsFirst:
            inferAll(1);
            return first();
        case UnitsRule::ArgumentsAgree: {
            std::vector<const Expr *> args;
            for (const Expr &a : e.args)
                args.push_back(&a);
            return agree(args, "the arguments of MIN/MAX/MEAN/SUM");
        }
        case UnitsRule::SquareRoot: {
            const Inferred a = first();
            if (!a.known())
                return a;
            if (const auto r = a.unit->root(2))
                return Inferred::of(*r);
            warn(*m_ref, e.args[0].offset, QStringLiteral("SQRT of %1 has no whole-power units").arg(a.unit->toString()));
            return Inferred::unknown();
        }
        case UnitsRule::Quotient:
            if (e.args.size() >= 2) {
                Expr quotient;
                quotient.kind = Expr::Kind::Binary;
                quotient.binaryOp = BinaryOp::Divide;
                quotient.args = {e.args[0], e.args[1]};
                return binary(quotient);
            }
            break;
        case UnitsRule::TableUnits:
            if (!e.args.empty() && e.args[0].kind == Expr::Kind::Name) {
                // LOOKUP(table, x) (LOOKUPMEAN(table, to, from)) gives the table variable's
                // declared units, whatever x is in.
                for (std::size_t i = 1; i < e.args.size(); ++i)
                    infer(e.args[i]);
                const auto it = m_declared.constFind(e.args[0].name);
                return it != m_declared.constEnd() && *it ? Inferred::of(**it) : Inferred::unknown();
            }
            break;
        case UnitsRule::PerTimeUnit:
            if (m_units.timeUnit()) {
                inferAll(0);
                return Inferred::of(UnitPowers{} / *m_units.timeUnit());
            }
            break;
        case UnitsRule::TimesTimeUnit: {
            const Inferred a = first();
            inferAll(1);
            if (a.known() && m_units.timeUnit())
                return Inferred::of(*a.unit * *m_units.timeUnit());
            return Inferred::unknown();
        }
        case UnitsRule::Dimensionless:
            inferAll(0);
            return Inferred::of(UnitPowers{});
        case UnitsRule::Unchecked:
            break;
        }
        inferAll(0);
        return Inferred::unknown();
    }

    const Project &m_project;
    UnitContext m_units;
    std::vector<Diagnostic> &m_out;
    QHash<QString, std::optional<UnitPowers>> m_declared;
    const SourceRef *m_ref = nullptr;
};

} // namespace

std::vector<Diagnostic> checkUnits(const Project &project)
{
    std::vector<Diagnostic> out;
    Checker(project, out).run();
    return out;
}

} // namespace meadows

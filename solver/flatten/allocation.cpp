// Vensim's allocations: ALLOCATE AVAILABLE(request, pp, avail) and ALLOCATE BY PRIORITY(request,
// priority, size, width, supply). The request's last subscript names the dimension allocated
// over, and each element's value depends on every element of it: a call lowers, for the
// element being computed, to one AllocateAvailable instruction that carries the whole
// allocation's inputs (laid out as solver/allocation.h says). The request and the profiles
// are read once per element of that dimension, the other subscripts as the equation's
// element binds them, so a request or profile with more (or fewer) dimensions than the
// variable defined works as the file writes it.
#include "flattener.h"

#include "solver/allocation.h"

namespace meadows::flattening {

// The dimension named by the subscript `fromEnd` places from the end of a subscripted
// argument (1: the last one).
int Flattener::allocatedDimension(const Expr &call, const Expr &argument, int fromEnd) const
{
    if (argument.kind != Expr::Kind::Name || !argument.subscripted || int(argument.args.size()) < fromEnd)
        fail(argument, QStringLiteral("%1 needs a variable subscripted by the dimension allocated over here%2")
                           .arg(calledAs(call), fromEnd == 2 ? QStringLiteral(", second last, with the profile's first element "
                                                                                "(ptype) last")
                                                              : QString()));
    const Expr &sub = argument.args[argument.args.size() - std::size_t(fromEnd)];
    const int dim = sub.kind == Expr::Kind::Name && !sub.subscripted ? dimensionIndex(sub.name) : -1;
    if (dim < 0)
        fail(sub, QStringLiteral("%1 allocates over the dimension named by the request's last subscript; '%2' is not a "
                                 "dimension").arg(calledAs(call), sub.spelling.isEmpty() ? toString(sub) : sub.spelling));
    return dim;
}

// A priority profile as written, pp[..., first] (its first value, ptype, named): the four
// references to its values (ptype, ppriority, pwidth, pextra), its last subscript each
// value's 1-based position in the profile's dimension.
std::vector<Expr> Flattener::profileValues(Context &c, const Expr &call, const Expr &pp)
{
    const Symbol *s = pp.kind == Expr::Kind::Name ? lookupQualified(*c.scope, pp.name) : nullptr;
    if (!s || s->type != Symbol::Type::Variable || s->dims.empty() || s->dims.size() != pp.args.size())
        fail(pp, QStringLiteral("%1's priority profile must be a variable with one subscript per dimension").arg(calledAs(call)));
    const int profileDim = s->dims.back();
    const Expr &first = pp.args.back();
    const std::vector<int> at = subscriptChoice(c, profileDim, first);
    const int size = int(m_dims[profileDim].elements.size());
    if (at.size() != 1)
        fail(first, QStringLiteral("the priority profile's last subscript must be one element of '%1', its first value "
                                   "(ptype)").arg(m_dims[profileDim].name));
    if (at[0] + int(kProfileSize) > size)
        fail(first, QStringLiteral("a priority profile is %1 values (ptype, ppriority, pwidth, pextra) from '%2' on, "
                                   "but '%3' has only %4 from there")
                        .arg(kProfileSize).arg(first.spelling, m_dims[profileDim].name).arg(size - at[0]));
    std::vector<Expr> parts;
    for (int k = 0; k < int(kProfileSize); ++k) {
        Expr part = pp;
        part.args.back() = Expr::number(at[0] + k + 1, first.offset); // the 1-based position in the profile
        part.args.back().length = first.length;
        parts.push_back(std::move(part));
    }
    return parts;
}

// Vensim's market (solver/allocation.h). DEMAND AT PRICE(q, pp[..., ptype], price) and SUPPLY AT
// PRICE are computed element by element, q and pp as the equation's element binds them.
// FIND MARKET PRICE(dq[d1], dp[d1, ptype], sq[s1], sp[s1, ptype]) reads whole vectors: the
// reference passes each "with the first element in the Subscript Range rather than the name
// of the Subscript Range", and the demanders (suppliers) are the quantity's last dimension,
// which the profile has second last.
Node Flattener::market(Context &c, const Expr &e, Builtin id)
{
    // A profile of constants is checked before the run, as an allocation's is.
    const auto check = [&](const std::vector<Node> &profile, const Expr &written, const QString &whose) {
        const Node &type = profile[profile.size() - kProfileSize], &width = profile[profile.size() - kProfileSize + 2];
        m_profileChecks.push_back({type, width, calledAs(e), whose, m_equationRef ? *m_equationRef : SourceRef{},
                                   written.offset, written.length, m_equationVariable});
    };
    if (id != Builtin::FindMarketPrice) {
        std::vector<Node> args{expr(c, e.args[0]), expr(c, e.args[2])};
        for (const Expr &part : profileValues(c, e, e.args[1]))
            args.push_back(expr(c, part));
        check(args, e.args[1], e.args[1].spelling.isEmpty() ? toString(e.args[1]) : e.args[1].spelling);
        return Node::call(id, std::move(args));
    }
    std::vector<Node> args{Node::constant(0)};
    for (int side = 0; side < 2; ++side) {
        const Expr &quantity = e.args[std::size_t(2 * side)], &profile = e.args[std::size_t(2 * side + 1)];
        const Symbol &s = vectorVariable(c, e, quantity);
        if (s.dims.empty() || !quantity.subscripted || quantity.args.empty())
            fail(quantity, QStringLiteral("%1 needs the %2' quantities with their first element named (q[%3])")
                               .arg(calledAs(e), side == 0 ? QStringLiteral("demanders") : QStringLiteral("suppliers"),
                                    side == 0 ? QStringLiteral("d1") : QStringLiteral("s1")));
        const int dim = s.dims.back();
        const std::vector<int> first = subscriptChoice(c, dim, quantity.args.back());
        if (first.size() != 1 || first[0] != 0)
            fail(quantity.args.back(), QStringLiteral("%1 reads the whole of '%2': name its first element, %3")
                                           .arg(calledAs(e), m_dims[dim].name, m_dims[dim].elements.front()));
        if (profile.kind != Expr::Kind::Name || profile.args.size() < 2)
            fail(profile, QStringLiteral("%1's profiles need the same first element second last, then ptype").arg(calledAs(e)));
        const std::vector<Expr> parts = profileValues(c, e, profile);
        const int n = int(m_dims[dim].elements.size());
        readArrays(e, std::size_t(n) * (1 + kProfileSize));
        std::vector<Node> profiles;
        for (int j = 0; j < n; ++j) {
            // Element j of the quantity's last dimension, and of the profile's second last.
            Expr q = quantity;
            q.args.back() = Expr::number(j + 1, quantity.args.back().offset);
            args.push_back(expr(c, q));
            for (Expr part : parts) {
                Expr &who = part.args[part.args.size() - 2];
                who = Expr::number(j + 1, who.offset);
                profiles.push_back(expr(c, part));
            }
            check(profiles, profile, m_dims[dim].elements[j]);
        }
        for (Node &p : profiles)
            args.push_back(std::move(p));
        if (side == 0)
            args[0] = Node::constant(double(n));
    }
    return Node::call(id, std::move(args));
}

Node Flattener::allocation(Context &c, const Expr &e)
{
    const bool byPriority = e.name == QLatin1String("allocate_by_priority");
    const Expr &request = e.args[0];
    const int dim = allocatedDimension(e, request, 1);
    const std::optional<int> self = mappedElement(c.element, dim);
    if (!self)
        fail(e, QStringLiteral("%1 gives one value per element of '%2', the request's last subscript: the variable it "
                               "defines must range over '%2' too").arg(calledAs(e), m_dims[dim].name));
    const int n = int(m_dims[dim].elements.size());
    readArrays(e, std::size_t(n) * std::size_t(1 + kProfileSize) + 2);
    const auto sameDimension = [&](const Expr &argument, int fromEnd) {
        if (allocatedDimension(e, argument, fromEnd) != dim)
            fail(argument.args[argument.args.size() - std::size_t(fromEnd)],
                 QStringLiteral("%1 needs '%2' here, the dimension the request is allocated over").arg(calledAs(e), m_dims[dim].name));
    };

    // ALLOCATE AVAILABLE's profile: pp[..., dim, first] names its first value; the other three
    // follow it in the profile's last dimension (Vensim's ptype, ppriority, pwidth, pextra).
    std::vector<Expr> profileParts;
    Node width;
    if (!byPriority) {
        sameDimension(e.args[1], 2);
        profileParts = profileValues(c, e, e.args[1]);
    } else {
        sameDimension(e.args[1], 1);
        const std::optional<double> size = constantValue(expr(c, e.args[2]));
        if (!size || *size != n)
            fail(e.args[2], QStringLiteral("ALLOCATE BY PRIORITY's size must be the number of elements of '%1', %2")
                                .arg(m_dims[dim].name).arg(n));
        width = shared(QStringLiteral("allocation width"), expr(c, e.args[3]));
        m_profileChecks.push_back({Node::constant(double(PriorityCurve::Rectangular)), width, calledAs(e), {},
                                   m_equationRef ? *m_equationRef : SourceRef{}, e.args[3].offset, e.args[3].length,
                                   m_equationVariable});
    }

    std::vector<Node> args{Node::constant(*self), shared(QStringLiteral("allocation"), expr(c, e.args.back()))};
    std::vector<Node> profiles;
    for (int j = 0; j < n; ++j) {
        // The requester's own element first, so that it wins over the equation's binding.
        Context requester = c;
        requester.element.at.insert(requester.element.at.begin(), {dim, j});
        args.push_back(expr(requester, request));
        if (byPriority) {
            profiles.push_back(Node::constant(double(PriorityCurve::Rectangular)));
            profiles.push_back(expr(requester, e.args[1]));
            profiles.push_back(width);
            profiles.push_back(Node::constant(0));
            continue;
        }
        for (const Expr &part : profileParts)
            profiles.push_back(expr(requester, part));
        // A profile of constants is checked once every equation is lowered (each pair of
        // variables once: every element computed reads the same ones); one computed while
        // the model runs gives NaN, which the run reports.
        const Node &type = profiles[profiles.size() - kProfileSize], &width = profiles[profiles.size() - kProfileSize + 2];
        const bool variables = type.kind == Node::Kind::Var && width.kind == Node::Kind::Var;
        if (!variables || !m_profilesChecked.contains({type.index, width.index})) {
            if (variables)
                m_profilesChecked.insert({type.index, width.index});
            m_profileChecks.push_back({type, width, calledAs(e), m_dims[dim].elements[j],
                                       m_equationRef ? *m_equationRef : SourceRef{}, e.args[1].offset, e.args[1].length,
                                       m_equationVariable});
        }
    }
    for (Node &p : profiles)
        args.push_back(std::move(p));
    return Node::call(Builtin::AllocateAvailable, std::move(args));
}

// A priority profile's type and width are checked before the run when they are fixed numbers,
// which models often reach through a chain of auxiliaries (ptype = 3, profile[p, ptype] = ptype).
constexpr int kSettledDepth = 16;

void Flattener::checkProfiles()
{
    QSet<QString> said; // each element of an equation over the dimension checks every profile
    for (const ProfileCheck &check : m_profileChecks) {
        const std::optional<double> type = constantValue(check.type, kSettledDepth);
        if (!type)
            continue;
        const std::optional<double> width = constantValue(check.width, kSettledDepth);
        const QString problem = priorityProfileProblem(*type, width ? *width : 1.0);
        if (problem.isEmpty())
            continue;
        const QString message = check.requester.isEmpty()
            ? QStringLiteral("in '%1': %2's width must be greater than 0, not %3").arg(check.variable, check.function).arg(*width)
            : QStringLiteral("in '%1': %2, for '%3': %4").arg(check.variable, check.function, check.requester, problem);
        if (!said.contains(message)) {
            said.insert(message);
            error(check.ref, check.offset, check.length, check.variable, message);
        }
    }
    m_profileChecks.clear();
}

} // namespace meadows::flattening

#include "zerodivisors.h"

#include "parser.h"

#include "model/names.h"

#include <QHash>

namespace meadows {

namespace {

class Finder {
public:
    Finder(const Model &model, std::vector<Diagnostic> &out) : m_out(out)
    {
        for (const Variable &v : model.variables) {
            const std::optional<double> value = numberValue(v.equation);
            if (value && *value == 0 && v.dimensions.isEmpty())
                m_zeros.insert(canonicalName(v.name), displayName(v.name));
        }
    }

    void check(const Variable &v)
    {
        const ParseResult parsed = parseEquation(v.equation);
        if (parsed.expr)
            walk(*parsed.expr, v);
    }

private:
    void walk(const Expr &e, const Variable &v)
    {
        // The tree is as deep as the parser allowed; a stack of pending nodes keeps this
        // walk off the call stack all the same.
        std::vector<const Expr *> pending{&e};
        while (!pending.empty()) {
            const Expr *n = pending.back();
            pending.pop_back();
            if (n->kind == Expr::Kind::Binary && (n->binaryOp == BinaryOp::Divide || n->binaryOp == BinaryOp::Modulo))
                checkDivisor(n->args[1], v);
            for (const Expr &a : n->args)
                pending.push_back(&a);
        }
    }

    void checkDivisor(const Expr &divisor, const Variable &v)
    {
        QString what;
        if (const std::optional<double> value = numberValue(divisor); value && *value == 0)
            what = QStringLiteral("a division by 0");
        else if (divisor.kind == Expr::Kind::Name && !divisor.subscripted && m_zeros.contains(divisor.name))
            what = QStringLiteral("a division by '%1', which is the constant 0,").arg(m_zeros.value(divisor.name));
        if (what.isEmpty())
            return;
        Diagnostic d;
        d.severity = Severity::Warning;
        d.file = v.equationSource.isValid() ? v.equationSource.fileName() : QString();
        d.pos = v.equationSource.positionOfDecodedOffset(divisor.offset);
        d.message = QStringLiteral("in '%1': %2 gives Inf or NaN at every step").arg(displayName(v.name), what);
        m_out.push_back(d);
    }

    QHash<QString, QString> m_zeros; // canonical name -> display name
    std::vector<Diagnostic> &m_out;
};

} // namespace

std::vector<Diagnostic> findConstantZeroDivisors(const Project &project)
{
    std::vector<Diagnostic> out;
    for (const Model &model : project.models) {
        Finder finder(model, out);
        for (const Variable &v : model.variables)
            finder.check(v);
    }
    for (Diagnostic &d : out) {
        if (d.file.isEmpty())
            d.file = project.fileName;
    }
    return out;
}

} // namespace meadows

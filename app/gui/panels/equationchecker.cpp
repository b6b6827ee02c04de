#include "equationchecker.h"

#include "document.h"
#include "model/names.h"
#include "solver/compiler.h"
#include "solver/parser.h"

#include <QRegularExpression>


namespace meadows {

QString missingEquationOf(const Diagnostic &diagnostic)
{
    // The compiler's words (solver/flatten): "'X' has no equation", "... for element E".
    static const QRegularExpression missing(QStringLiteral("^'([^']+)' has no equation( for element .*)?$"));
    const auto match = missing.match(diagnostic.message);
    return match.hasMatch() ? match.captured(1) : QString();
}

std::vector<EquationProblem> checkEquation(const Document &document, const QString &variableName, const QString &equation)
{
    const Variable *original = document.variable(variableName);
    if (!original)
        return {};
    // Messages name the variable as its definition spells it, as `meadows check` does.
    const QString shown = displayName(original->name);
    const ParseResult parsed = parseEquation(equation);
    if (parsed.error) {
        // Underline the character the parser stopped at (or the last one at the end).
        const int at = std::min<int>(parsed.error->offset, std::max<int>(0, int(equation.size()) - 1));
        return {{at, 1, QStringLiteral("in '%1': %2").arg(shown, parsed.error->message)}};
    }
    Project copy = document.project();
    Model &model = copy.mainModel();
    Variable *v = model.findVariable(variableName);
    if (!v)
        return {};
    v->equation = equation;
    v->equationSource = {};
    const CompileResult compiled = compileProject(copy);
    std::vector<EquationProblem> problems;
    for (const Diagnostic &d : compiled.diagnostics) {
        if (d.severity != Severity::Error || canonicalName(d.variable) != canonicalName(shown))
            continue;
        // The diagnostic says where in the equation the problem is; a problem with the
        // variable as a whole underlines nothing in particular.
        if (d.equationOffset >= 0)
            problems.push_back({d.equationOffset, d.equationLength, d.message});
        else
            problems.push_back({0, 0, d.message});
    }
    return problems;
}

} // namespace meadows

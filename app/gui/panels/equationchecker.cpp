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

// The span of the name a message quotes ('foo'), found in the equation, else all of it.
static EquationProblem locate(const QString &equation, const QString &variable, const QString &message)
{
    static const QRegularExpression quoted(QStringLiteral("'([^']+)'"));
    auto it = quoted.globalMatch(message);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (canonicalName(name) == canonicalName(variable))
            continue;
        for (const QString &spelling : {name, equationName(name)}) {
            const int at = int(equation.indexOf(spelling, 0, Qt::CaseInsensitive));
            if (at >= 0)
                return {at, int(spelling.size()), message};
        }
    }
    return {0, 0, message};
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
    const QString quotedName = QStringLiteral("'%1'").arg(shown);
    for (const Diagnostic &d : compiled.diagnostics) {
        if (d.severity != Severity::Error || !d.message.contains(quotedName))
            continue;
        problems.push_back(locate(equation, variableName, d.message));
    }
    return problems;
}

} // namespace meadows

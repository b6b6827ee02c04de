#pragma once
// Checks an equation as it is typed, with the same words `meadows check` uses: first the
// syntax (with the exact offset), then the whole model compiled with the new equation in
// place (unknown names, wrong argument counts...).
#include <QString>
#include <vector>

namespace meadows {

class Document;
struct Diagnostic;

// The variable a diagnostic says still needs an equation ("'X' has no equation"), or empty
// when it says something else. A new variable is work to do, not an error: the editor marks
// it quietly instead of in red.
QString missingEquationOf(const Diagnostic &diagnostic);

struct EquationProblem {
    int offset = 0; // into the equation text
    int length = 0; // 0: to the end
    QString message;
};

std::vector<EquationProblem> checkEquation(const Document &document, const QString &variableName, const QString &equation);

} // namespace meadows

#pragma once
// Checks an equation as it is typed, with the same words `meadows check` uses: first the
// syntax (with the exact offset), then the whole model compiled with the new equation in
// place (unknown names, wrong argument counts...).
#include <QString>
#include <vector>

namespace meadows {

class Document;

struct EquationProblem {
    int offset = 0; // into the equation text
    int length = 0; // 0: to the end
    QString message;
};

std::vector<EquationProblem> checkEquation(const Document &document, const QString &variableName, const QString &equation);

} // namespace meadows

#pragma once
// The names an equation refers to, and renaming one of them in place. Works on the text
// (not the parsed tree) so that comments, spacing and the author's spelling of every
// other name survive a rename untouched. QtCore only.
#include <QString>
#include <QStringList>

namespace meadows {

// Every variable name the equation's text mentions (as written, quotes removed), in order
// and with repeats, without function names (a name directly followed by '('). Initial
// values count: this is about the text. For the causal inputs of a variable, see
// causalInputs (solver/analysis/polarity.h).
QStringList namesInEquationText(const QString &equation);

// The equation with every reference to oldName (compared canonically, also as the
// module part of "oldName.member") replaced by newName spelled for equations.
QString renameReferences(const QString &equation, const QString &oldName, const QString &newName);

} // namespace meadows

#pragma once
// The names an equation refers to, and renaming one of them in place. Works on the text
// (not the parsed tree) so that comments, spacing and the author's spelling of every
// other name survive a rename untouched. QtCore only.
#include <QString>
#include <QStringList>

namespace meadows {

// Every variable name the equation mentions (as written, quotes removed), in order,
// without function names (a name directly followed by '(').
QStringList namesInEquationText(const QString &equation);

// The equation with every reference to oldName (compared canonically, also as the
// module part of "oldName.member") replaced by newName spelled for equations.
QString renameReferences(const QString &equation, const QString &oldName, const QString &newName);

} // namespace meadows

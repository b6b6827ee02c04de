#pragma once
// Places a new stock, auxiliary, or causal-loop-diagram variable (a name without a shape).
#include "additems.h"

#include <QPointF>

namespace meadows {

enum class NewVariableKind { Stock, Aux, CldVariable, Module };

class AddVariableCommand : public AddItemsCommand {
public:
    AddVariableCommand(Document *document, NewVariableKind kind, QPointF centre, const QString &name = {});
    QString name() const { return m_variables.front().name; }
    int uid() const { return *m_elements.front().uid; }
};

// Marks a diagram aux as a causal-loop variable, drawn as its name only. Kept as an
// attribute so a round trip through Meadows remembers it; other tools ignore it.
bool isCldVariable(const ViewElement &element);

// Places a text annotation with its top-left corner at a point.
class AddTextCommand : public AddItemsCommand {
public:
    AddTextCommand(Document *document, QPointF topLeft, const QString &text);
    int uid() const { return *m_elements.front().uid; }
};

} // namespace meadows

#include "modelchanges.h"

#include "document.h"

namespace meadows {

void ModelChanges::apply(Document &document, bool forward) const
{
    // Renames change names, so find each variable by the name it has now.
    for (const VariableChange &c : variables) {
        const Variable &from = forward ? c.before : c.after;
        const Variable &to = forward ? c.after : c.before;
        document.replaceVariable(document.variableIndex(from.name), to);
    }
    for (const ElementChange &c : elements)
        document.replaceElement(forward ? c.after : c.before);
}

void ModelChanges::setElement(const ViewElement &before, const ViewElement &after)
{
    for (ElementChange &c : elements) {
        if (c.after.uid == after.uid) {
            c.after = after;
            return;
        }
    }
    elements.push_back({before, after});
}

const ViewElement *ModelChanges::afterOf(int uid) const
{
    for (const ElementChange &c : elements)
        if (c.after.uid == uid)
            return &c.after;
    return nullptr;
}

void ModelChanges::mergeLater(const ModelChanges &later)
{
    for (const ElementChange &c : later.elements)
        setElement(c.before, c.after);
}

} // namespace meadows

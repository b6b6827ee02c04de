#pragma once
// Before/after pairs of variables and view elements: what most commands need to remember
// to undo and redo an edit that changes things in place.
#include "model/project.h"

#include <vector>

namespace meadows {

class Document;

struct VariableChange {
    Variable before, after; // found by before's name on redo, after's name on undo
};

struct ElementChange {
    ViewElement before, after; // same uid
};

struct ModelChanges {
    std::vector<VariableChange> variables;
    std::vector<ElementChange> elements;

    bool isEmpty() const { return variables.empty() && elements.empty(); }
    void apply(Document &document, bool forward) const;
    // Records an element's change, keeping the earliest "before" when it is already there.
    void setElement(const ViewElement &before, const ViewElement &after);
    const ViewElement *afterOf(int uid) const;
    // Takes `later`'s afters over this one's (for merging drags).
    void mergeLater(const ModelChanges &later);
};

} // namespace meadows

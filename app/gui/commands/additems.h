#pragma once
// Adds variables and diagram elements in one step (and links flows into stocks). The
// commands that place things (stock, flow, aux, connector, paste) are built on it.
#include "modelchanges.h"

#include <QUndoCommand>

namespace meadows {

class AddItemsCommand : public QUndoCommand {
public:
    AddItemsCommand(Document *document, const QString &text);

    void redo() override;
    void undo() override;

    std::vector<Variable> &variables() { return m_variables; }
    std::vector<ViewElement> &elements() { return m_elements; }
    ModelChanges &changes() { return m_changes; }

protected:
    Document *m_document;
    std::vector<Variable> m_variables; // appended to the model
    std::vector<ViewElement> m_elements; // appended to the diagram
    ModelChanges m_changes;               // edits of what was there (a stock's inflows)
};

} // namespace meadows

#pragma once
// Deletes diagram elements and the variables they draw, with everything that cannot stand
// without them (connectors to them, their aliases, their place in a stock's flow list).
// Undo puts all of it back where it was.
#include "modelchanges.h"

#include <QUndoCommand>

namespace meadows {

class DeleteVariablesCommand : public QUndoCommand {
public:
    DeleteVariablesCommand(Document *document, const QList<int> &uids);

    void redo() override;
    void undo() override;
    bool isEmpty() const { return m_elements.empty() && m_variables.empty(); }

private:
    Document *m_document;
    std::vector<std::pair<int, Variable>> m_variables;   // index in the model, ascending
    std::vector<std::pair<int, ViewElement>> m_elements; // index in the diagram, ascending
    ModelChanges m_changes;                               // stocks losing a flow
};

} // namespace meadows

#pragma once
// Renames a variable everywhere it is named: its definition, every equation that uses it,
// the stocks that list it as a flow, its diagram element, connectors, and aliases.
#include "modelchanges.h"

#include <QUndoCommand>

namespace meadows {

class RenameVariableCommand : public QUndoCommand {
public:
    RenameVariableCommand(Document *document, const QString &oldName, const QString &newName);

    void redo() override;
    void undo() override;

    // Why a rename cannot be done (empty name, name taken), or an empty string.
    static QString problem(const Document &document, const QString &oldName, const QString &newName);

private:
    Document *m_document;
    ModelChanges m_changes;
};

} // namespace meadows

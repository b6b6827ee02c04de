#pragma once
// Array dimensions: defines a new dimension for the file (<dimensions>) and/or sets which
// dimensions a variable is arrayed over, with one equation for every element (apply-to-all).
#include "modelchanges.h"

#include <QUndoCommand>

namespace meadows {

class SetDimensionsCommand : public QUndoCommand {
public:
    // Sets `variable`'s dimensions (empty: a single value again).
    SetDimensionsCommand(Document *document, const QString &variable, const QStringList &dimensions);
    // Adds a dimension to the file.
    SetDimensionsCommand(Document *document, const Dimension &added);

    void redo() override;
    void undo() override;

private:
    Document *m_document;
    std::vector<Dimension> m_before, m_after;
    ModelChanges m_changes;
};

} // namespace meadows

#pragma once
// Changes the simulation settings (start, stop, DT, save step, method): part of the model,
// so an edit that can be undone.
#include "model/project.h"

#include <QUndoCommand>

namespace meadows {

class Document;

class ChangeSimSpecsCommand : public QUndoCommand {
public:
    ChangeSimSpecsCommand(Document *document, SimSpecs after);
    void redo() override;
    void undo() override;

private:
    Document *m_document;
    SimSpecs m_before, m_after;
};

} // namespace meadows

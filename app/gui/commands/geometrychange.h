#pragma once
// Base for edits that only move or reshape diagram elements. Consecutive steps of one
// mouse drag share a drag id and merge into one undo step.
#include "modelchanges.h"

#include <QUndoCommand>

namespace meadows {

class GeometryChangeCommand : public QUndoCommand {
public:
    GeometryChangeCommand(Document *document, int dragId, const QString &text);

    void redo() override;
    void undo() override;
    int id() const override { return 0x6e0; }
    bool mergeWith(const QUndoCommand *other) override;
    bool isEmpty() const { return m_changes.isEmpty(); }

protected:
    // The element as this command leaves it so far (for building up several changes).
    ViewElement current(int uid) const;
    void change(const ViewElement &after);

    Document *m_document;
    int m_dragId; // 0: never merges
    ModelChanges m_changes;
};

// A new id for each drag gesture.
int nextDragId();

} // namespace meadows

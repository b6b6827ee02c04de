#include "geometrychange.h"

#include "document.h"

namespace meadows {

int nextDragId()
{
    static int id = 0;
    return ++id;
}

GeometryChangeCommand::GeometryChangeCommand(Document *document, int dragId, const QString &text)
    : QUndoCommand(text), m_document(document), m_dragId(dragId)
{
}

void GeometryChangeCommand::redo()
{
    m_changes.apply(*m_document, true);
}

void GeometryChangeCommand::undo()
{
    m_changes.apply(*m_document, false);
}

bool GeometryChangeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const GeometryChangeCommand *>(other);
    if (!o || m_dragId == 0 || o->m_dragId != m_dragId)
        return false;
    m_changes.mergeLater(o->m_changes);
    return true;
}

ViewElement GeometryChangeCommand::current(int uid) const
{
    if (const ViewElement *e = m_changes.afterOf(uid))
        return *e;
    const ViewElement *e = m_document->element(uid);
    return e ? *e : ViewElement{};
}

void GeometryChangeCommand::change(const ViewElement &after)
{
    const ViewElement *before = m_document->element(*after.uid);
    if (before)
        m_changes.setElement(*before, after);
}

} // namespace meadows

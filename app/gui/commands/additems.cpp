#include "additems.h"

#include "document.h"

namespace meadows {

AddItemsCommand::AddItemsCommand(Document *document, const QString &text) : QUndoCommand(text), m_document(document)
{
}

void AddItemsCommand::redo()
{
    for (const Variable &v : m_variables)
        m_document->insertVariable(int(m_document->model().variables.size()), v);
    for (const ViewElement &e : m_elements)
        m_document->insertElement(int(m_document->view().elements.size()), e);
    m_changes.apply(*m_document, true);
}

void AddItemsCommand::undo()
{
    m_changes.apply(*m_document, false);
    for (auto e = m_elements.rbegin(); e != m_elements.rend(); ++e)
        m_document->removeElement(*e->uid);
    for (auto v = m_variables.rbegin(); v != m_variables.rend(); ++v)
        m_document->removeVariable(m_document->variableIndex(v->name));
}

} // namespace meadows

#include "changesimspecs.h"

#include "document.h"

namespace meadows {

ChangeSimSpecsCommand::ChangeSimSpecsCommand(Document *document, SimSpecs after)
    : m_document(document), m_before(document->project().simSpecs), m_after(std::move(after))
{
    setText(QObject::tr("Change simulation settings"));
}

void ChangeSimSpecsCommand::redo()
{
    m_document->setSimSpecs(m_after);
}

void ChangeSimSpecsCommand::undo()
{
    m_document->setSimSpecs(m_before);
}

} // namespace meadows

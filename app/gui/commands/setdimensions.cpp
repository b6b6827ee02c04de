#include "setdimensions.h"

#include "document.h"
#include "model/names.h"

#include <QCoreApplication>

namespace meadows {

SetDimensionsCommand::SetDimensionsCommand(Document *document, const QString &variable, const QStringList &dimensions)
    : m_document(document), m_before(document->project().dimensions), m_after(m_before)
{
    const Variable *v = document->variable(variable);
    if (!v)
        return;
    Variable after = *v;
    after.dimensions = dimensions;
    // Per-element equations belong to the old shape; the equation now applies to all.
    if (after.dimensions != v->dimensions)
        after.elements.clear();
    if (after.equation.isEmpty() && !v->elements.empty() && after.elements.empty())
        after.equation = v->elements.front().equation;
    m_changes.variables.push_back({*v, after});
    setText(dimensions.isEmpty()
                ? QCoreApplication::translate("SetDimensionsCommand", "Make %1 a single value").arg(displayName(v->name))
                : QCoreApplication::translate("SetDimensionsCommand", "Array %1 by %2")
                      .arg(displayName(v->name), dimensions.join(QStringLiteral(" × "))));
}

SetDimensionsCommand::SetDimensionsCommand(Document *document, const Dimension &added)
    : m_document(document), m_before(document->project().dimensions), m_after(m_before)
{
    m_after.push_back(added);
    setText(QCoreApplication::translate("SetDimensionsCommand", "Define dimension %1").arg(added.name));
}

void SetDimensionsCommand::redo()
{
    m_document->setDimensions(m_after);
    m_changes.apply(*m_document, true);
}

void SetDimensionsCommand::undo()
{
    m_changes.apply(*m_document, false);
    m_document->setDimensions(m_before);
}

} // namespace meadows

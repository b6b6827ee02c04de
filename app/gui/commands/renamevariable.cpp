#include "renamevariable.h"

#include "diagram/labelgeometry.h"
#include "document.h"
#include "model/names.h"
#include "solver/references.h"

#include <QCoreApplication>

namespace meadows {

QString RenameVariableCommand::problem(const Document &document, const QString &oldName, const QString &newName)
{
    const QString trimmed = nameFromDisplay(newName.trimmed());
    if (trimmed.isEmpty())
        return QCoreApplication::translate("RenameVariableCommand", "A name cannot be empty.");
    if (trimmed.contains(u'"') || trimmed.contains(u'.'))
        return QCoreApplication::translate("RenameVariableCommand", "A name cannot contain quotes or dots.");
    if (canonicalName(trimmed) != canonicalName(oldName) && document.variableIndex(trimmed) >= 0)
        return QCoreApplication::translate("RenameVariableCommand", "There is already a variable named %1.").arg(displayName(trimmed));
    return QString();
}

RenameVariableCommand::RenameVariableCommand(Document *document, const QString &oldName, const QString &newName)
    // Names shortened as the diagram shortens them: the Edit menu and the Undo button show this text.
    : QUndoCommand(QCoreApplication::translate("RenameVariableCommand", "Rename %1 to %2")
                       .arg(diagram::shortenedLabel(displayName(oldName)),
                            diagram::shortenedLabel(displayName(nameFromDisplay(newName.trimmed())))))
    , m_document(document)
{
    const QString name = nameFromDisplay(newName.trimmed()); // typed as shown: a backslash is one
    const QString key = canonicalName(oldName);
    const auto renameIn = [&](QString &equation) { equation = renameReferences(equation, oldName, name); };

    for (const Variable &v : document->model().variables) {
        Variable after = v;
        if (canonicalName(v.name) == key)
            after.name = name;
        renameIn(after.equation);
        renameIn(after.initEquation);
        for (ArrayElement &a : after.elements)
            renameIn(a.equation);
        for (QStringList *list : {&after.inflows, &after.outflows})
            for (QString &f : *list)
                if (canonicalName(f) == key)
                    f = equationName(name);
        if (!(after == v))
            m_changes.variables.push_back({v, after});
    }
    using T = ViewElement::Type;
    for (const ViewElement &e : document->view().elements) {
        if (!e.uid)
            continue;
        ViewElement after = e;
        // The name's width from Vensim's sketch was the old name's: Vensim sizes the box to the new.
        if (e.type != T::Connector && e.type != T::Alias && canonicalName(e.name) == key) {
            after.name = name;
            setLabelWrapWidth(after, std::nullopt);
        }
        if (e.type == T::Alias && canonicalName(e.aliasOf) == key) {
            after.aliasOf = name;
            setLabelWrapWidth(after, std::nullopt);
        }
        if (e.type == T::Connector) {
            if (canonicalName(e.from.name) == key)
                after.from.name = name;
            if (canonicalName(e.to.name) == key)
                after.to.name = name;
        }
        if (!(after == e))
            m_changes.elements.push_back({e, after});
    }
}

void RenameVariableCommand::redo()
{
    m_changes.apply(*m_document, true);
}

void RenameVariableCommand::undo()
{
    m_changes.apply(*m_document, false);
}

} // namespace meadows

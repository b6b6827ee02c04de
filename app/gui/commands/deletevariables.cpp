#include "deletevariables.h"

#include "document.h"
#include "model/names.h"

#include <QCoreApplication>
#include <QSet>

namespace meadows {

using T = ViewElement::Type;

DeleteVariablesCommand::DeleteVariablesCommand(Document *document, const QList<int> &uids) : m_document(document)
{
    const QSet<int> chosen(uids.begin(), uids.end());
    QSet<QString> names;    // canonical names of the variables going away
    QSet<int> aliases;
    for (int uid : uids) {
        const ViewElement *e = document->element(uid);
        if (!e)
            continue;
        if (e->type == T::Stock || e->type == T::Flow || e->type == T::Aux || e->type == T::Module)
            names.insert(canonicalName(e->name));
        else if (e->type == T::Alias)
            aliases.insert(uid);
    }
    const auto &elements = document->view().elements;
    for (const ViewElement &e : elements)
        if (e.type == T::Alias && e.uid && names.contains(canonicalName(e.aliasOf)))
            aliases.insert(*e.uid);
    const auto endGoes = [&](const ConnectorEnd &end) {
        return end.aliasUid ? aliases.contains(*end.aliasUid) : names.contains(canonicalName(end.name));
    };
    for (int i = 0; i < int(elements.size()); ++i) {
        const ViewElement &e = elements[i];
        if (!e.uid)
            continue;
        const bool named = e.type == T::Stock || e.type == T::Flow || e.type == T::Aux || e.type == T::Module;
        const bool goes = chosen.contains(*e.uid) || (named && names.contains(canonicalName(e.name)))
                          || (e.type == T::Alias && aliases.contains(*e.uid))
                          || (e.type == T::Connector && (endGoes(e.from) || endGoes(e.to)));
        if (goes)
            m_elements.emplace_back(i, e);
    }
    const auto &vars = document->model().variables;
    for (int i = 0; i < int(vars.size()); ++i) {
        const Variable &v = vars[i];
        if (names.contains(canonicalName(v.name))) {
            m_variables.emplace_back(i, v);
            continue;
        }
        if (v.kind != VariableKind::Stock)
            continue;
        Variable after = v;
        const auto gone = [&](const QString &f) { return names.contains(canonicalName(f)); };
        after.inflows.removeIf(gone);
        after.outflows.removeIf(gone);
        if (!(after == v))
            m_changes.variables.push_back({v, after});
    }
    if (m_variables.size() == 1)
        setText(QCoreApplication::translate("DeleteVariablesCommand", "Delete %1").arg(displayName(m_variables.front().second.name)));
    else
        setText(QCoreApplication::translate("DeleteVariablesCommand", "Delete %n element(s)", nullptr, int(m_elements.size())));
}

void DeleteVariablesCommand::redo()
{
    m_changes.apply(*m_document, true);
    for (auto it = m_elements.rbegin(); it != m_elements.rend(); ++it)
        m_document->removeElement(*it->second.uid);
    for (auto it = m_variables.rbegin(); it != m_variables.rend(); ++it)
        m_document->removeVariable(it->first);
}

void DeleteVariablesCommand::undo()
{
    for (const auto &[index, v] : m_variables)
        m_document->insertVariable(index, v);
    for (const auto &[index, e] : m_elements)
        m_document->insertElement(index, e);
    m_changes.apply(*m_document, false);
}

} // namespace meadows

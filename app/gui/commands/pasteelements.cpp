#include "pasteelements.h"

#include "document.h"
#include "model/names.h"
#include "solver/references.h"

#include <QCoreApplication>
#include <QSet>

namespace meadows {

using T = ViewElement::Type;

PasteElementsCommand::PasteElementsCommand(Document *document, const Model &source, const View &view, QPointF offset)
    : AddItemsCommand(document, QCoreApplication::translate("PasteElementsCommand", "Paste"))
{
    // New names: free ones stay, taken ones get the next free number.
    QHash<QString, QString> newName; // canonical old -> new
    QSet<QString> taken;
    for (const Variable &v : source.variables) {
        QString name = v.name;
        for (int n = 2; document->variableIndex(name) >= 0 || taken.contains(canonicalName(name)); ++n)
            name = QStringLiteral("%1 %2").arg(displayName(v.name)).arg(n);
        taken.insert(canonicalName(name));
        newName.insert(canonicalName(v.name), name);
    }
    const auto renamed = [&](const QString &name) { return newName.value(canonicalName(name), name); };
    // Rename in two steps through placeholders, so "a" -> "b" and "b" -> "b 2" cannot chain.
    const auto rewrite = [&](QString equation) {
        int i = 0;
        QList<QPair<QString, QString>> placeholders;
        for (auto it = newName.begin(); it != newName.end(); ++it) {
            const QString placeholder = QStringLiteral("meadows_paste_placeholder_%1").arg(i++);
            equation = renameReferences(equation, it.key(), placeholder);
            placeholders.append({placeholder, it.value()});
        }
        for (const auto &[placeholder, name] : placeholders)
            equation = renameReferences(equation, placeholder, name);
        return equation;
    };
    for (const Variable &v : source.variables) {
        Variable copy = v;
        copy.name = renamed(v.name);
        copy.equation = rewrite(v.equation);
        copy.initEquation = rewrite(v.initEquation);
        for (ArrayElement &a : copy.elements)
            a.equation = rewrite(a.equation);
        for (QStringList *flows : {&copy.inflows, &copy.outflows}) {
            QStringList kept;
            for (const QString &f : *flows)
                if (newName.contains(canonicalName(f)))
                    kept << equationName(renamed(f));
            *flows = kept;
        }
        m_variables.push_back(copy);
    }

    QHash<int, int> newUid;
    for (const ViewElement &e : view.elements)
        if (e.uid && e.type != T::Other && !newUid.contains(*e.uid))
            newUid.insert(*e.uid, document->newUid());
    const auto remapEnd = [&](ConnectorEnd end) {
        if (end.aliasUid)
            end.aliasUid = newUid.value(*end.aliasUid, *end.aliasUid);
        else
            end.name = renamed(end.name);
        return end;
    };
    for (const ViewElement &e : view.elements) {
        if (e.type == T::Other)
            continue;
        ViewElement copy = e;
        copy.uid = e.uid ? newUid.value(*e.uid) : document->newUid();
        if (e.type == T::Connector) {
            copy.from = remapEnd(e.from);
            copy.to = remapEnd(e.to);
        } else if (e.type == T::Alias) {
            copy.aliasOf = renamed(e.aliasOf);
        } else if (!e.name.isEmpty()) {
            copy.name = renamed(e.name);
        }
        if (copy.x)
            *copy.x += offset.x();
        if (copy.y)
            *copy.y += offset.y();
        for (ViewPoint &p : copy.points) {
            p.x += offset.x();
            p.y += offset.y();
        }
        m_elements.push_back(copy);
    }
}

QList<int> PasteElementsCommand::addedUids() const
{
    QList<int> uids;
    for (const ViewElement &e : m_elements)
        uids << *e.uid;
    return uids;
}

} // namespace meadows

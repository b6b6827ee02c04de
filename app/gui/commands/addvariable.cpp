#include "addvariable.h"

#include "document.h"

#include <QCoreApplication>

namespace meadows {

// XMILE 1.0 has no causal-loop-diagram variable (its variables are stocks, flows, auxes and
// modules), and no standard or isee/Simlin attribute marking an aux as a CLD-only name was
// found. So the mark is Meadows' own attribute; other tools read the variable as a plain aux.
static const QString kCldAttribute = QStringLiteral("meadows_cld");

bool isCldVariable(const ViewElement &element)
{
    const QString *value = findAttribute(element.extras.attributes, kCldAttribute);
    return value && *value == QLatin1String("true");
}

static QString baseName(NewVariableKind kind)
{
    switch (kind) {
    case NewVariableKind::Stock: return QCoreApplication::translate("AddVariableCommand", "Stock");
    case NewVariableKind::Aux: return QCoreApplication::translate("AddVariableCommand", "Variable");
    case NewVariableKind::CldVariable: return QCoreApplication::translate("AddVariableCommand", "Factor");
    case NewVariableKind::Module: return QCoreApplication::translate("AddVariableCommand", "Module");
    }
    return {};
}

AddVariableCommand::AddVariableCommand(Document *document, NewVariableKind kind, QPointF centre, const QString &name)
    : AddItemsCommand(document, QString())
{
    Variable v;
    v.name = name.isEmpty() ? document->uniqueName(baseName(kind)) : name;
    ViewElement e;
    e.uid = document->newUid();
    e.name = v.name;
    e.x = centre.x();
    e.y = centre.y();
    switch (kind) {
    case NewVariableKind::Stock:
        v.kind = VariableKind::Stock;
        v.equation = QStringLiteral("0");
        e.type = ViewElement::Type::Stock;
        break;
    case NewVariableKind::Aux:
    case NewVariableKind::CldVariable:
        v.kind = VariableKind::Aux;
        e.type = ViewElement::Type::Aux;
        if (kind == NewVariableKind::CldVariable)
            e.extras.attributes.push_back({kCldAttribute, QStringLiteral("true")});
        break;
    case NewVariableKind::Module:
        v.kind = VariableKind::Module;
        e.type = ViewElement::Type::Module;
        break;
    }
    m_variables.push_back(v);
    m_elements.push_back(e);
    setText(QCoreApplication::translate("AddVariableCommand", "Add %1").arg(v.name));
}

AddTextCommand::AddTextCommand(Document *document, QPointF topLeft, const QString &text)
    : AddItemsCommand(document, QCoreApplication::translate("AddTextCommand", "Add text"))
{
    ViewElement e;
    e.type = ViewElement::Type::TextBox;
    e.uid = document->newUid();
    e.x = topLeft.x();
    e.y = topLeft.y();
    e.width = 160;
    e.text = text;
    m_elements.push_back(e);
}

} // namespace meadows

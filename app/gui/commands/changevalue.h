#pragma once
// Sets one property of a variable (equation, units, documentation, non-negative...).
// One template instead of a class per property; the member pointer names the property.
#include "document.h"

#include <QUndoCommand>
#include <type_traits>

namespace meadows {

template<typename Value>
class ChangeVariableValue : public QUndoCommand {
public:
    ChangeVariableValue(Document *document, const QString &variableName, Value Variable::*member, Value value, const QString &text)
        : QUndoCommand(text), m_document(document), m_name(variableName), m_member(member), m_after(std::move(value))
    {
        if (const Variable *v = document->variable(variableName))
            m_before = v->*member;
    }

    void redo() override { set(m_after); }
    void undo() override { set(m_before); }

private:
    void set(const Value &value)
    {
        const int index = m_document->variableIndex(m_name);
        if (index < 0)
            return;
        Variable v = m_document->model().variables[index];
        v.*m_member = value;
        // Where a rewritten equation came from in the file no longer applies.
        if constexpr (std::is_same_v<Value, QString>)
            if (m_member == &Variable::equation)
                v.equationSource = {};
        m_document->replaceVariable(index, v);
    }

    Document *m_document;
    QString m_name;
    Value Variable::*m_member;
    Value m_before{};
    Value m_after;
};

} // namespace meadows

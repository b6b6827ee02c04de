#pragma once
// Sets one property of a variable (equation, units, documentation, non-negative...).
// One template instead of a class per property; the member pointer names the property.
// Commands with the same non-zero gesture id (the steps of one slider drag) merge into one
// undo step that goes back to the value before the gesture.
#include "document.h"

#include <QUndoCommand>
#include <type_traits>

namespace meadows {

template<typename Value>
class ChangeVariableValueCommand : public QUndoCommand {
public:
    ChangeVariableValueCommand(Document *document, const QString &variableName, Value Variable::*member, Value value, const QString &text,
                               int gestureId = 0)
        : QUndoCommand(text), m_document(document), m_name(variableName), m_member(member), m_after(std::move(value)), m_gesture(gestureId)
    {
        if (const Variable *v = document->variable(variableName))
            m_before = v->*member;
    }

    void redo() override { set(m_after); }
    void undo() override { set(m_before); }
    // One id for every gesture-carrying change; mergeWith tells gestures apart.
    int id() const override { return m_gesture ? 0x6d76 : -1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const ChangeVariableValueCommand *>(other);
        if (!next || next->m_gesture != m_gesture || next->m_member != m_member || next->m_name != m_name)
            return false;
        m_after = next->m_after;
        setText(next->text()); // "Set x to" the value the gesture ended on
        return true;
    }

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
    int m_gesture; // 0: never merges
};

} // namespace meadows

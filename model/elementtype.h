#pragma once
// Which diagram element shows a variable: one mapping for layout, the editor's scene and the
// Vensim sketch reader.
#include "project.h"

namespace meadows {

inline ViewElement::Type elementTypeOf(VariableKind kind)
{
    switch (kind) {
    case VariableKind::Stock: return ViewElement::Type::Stock;
    case VariableKind::Flow: return ViewElement::Type::Flow;
    case VariableKind::Module: return ViewElement::Type::Module;
    case VariableKind::Aux: break;
    }
    return ViewElement::Type::Aux;
}

} // namespace meadows

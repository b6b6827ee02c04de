#pragma once
// The live workspace names variables as results show them (displayName): "x \ y" for the
// name a file writes "x \\ y" (model/names.h). These find the model's variable again.
#include "model/names.h"
#include "model/project.h"
#include "solver/flatmodel.h"

namespace meadows {

// The variable named so in the file, or shown so; nullptr when there is none.
inline const Variable *variableShownAs(const Model &model, const QString &name)
{
    if (const Variable *v = model.findVariable(name))
        return v;
    const QString key = variableKey(name);
    for (const Variable &v : model.variables)
        if (variableKey(displayName(v.name)) == key)
            return &v;
    return nullptr;
}

// The key of a variable's shown name, from its name in the file.
inline QString shownKey(const QString &fileName)
{
    return variableKey(displayName(fileName));
}

} // namespace meadows

#pragma once
// The left-hand side of one of Vensim's equations: "name[subs] :EXCEPT: [..] op", with the
// data keywords before the operator and the right-hand side parsed after it.
#include "mdldefinition.h"

#include <QStringList>
#include <optional>

namespace meadows::vensim {

// The definition a record holds; none, with the error said, when it is malformed, and none
// for a Reality Check (":THE CONDITION:", ":TEST INPUT:"), which a simulation does not use:
// said as left out, and its name added to `realityChecks` when given.
std::optional<Definition> parseLeftSide(const QString &text, const Record &r, Reporter &report,
                                        QStringList *realityChecks = nullptr);

} // namespace meadows::vensim

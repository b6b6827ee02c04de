#pragma once
// XMILE identifiers: how names compare and how they are shown.
#include <QString>
#include <QStringView>

namespace meadows {

// The key two spellings of one name share: case-folded, quotes removed, and runs of
// spaces, underscores and Stella's escaped line breaks ("\n") folded to one '_'.
// "Heat Loss to Room", "heat_loss_to_room" and "\"Heat  Loss\\nto Room\"" all agree.
QString canonicalName(QStringView name);

// The name as a person reads it: Stella's "\n" line breaks become spaces, whitespace
// runs collapse, surrounding quotes go. Underscores are kept as the author wrote them.
QString displayName(QStringView name);

// The spelling to use inside an equation: spaces become underscores; a name that still
// is not a plain identifier is quoted.
QString equationName(QStringView name);

} // namespace meadows

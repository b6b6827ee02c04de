#pragma once
// XMILE identifiers: how names compare and how they are shown.
#include <QString>
#include <QStringList>
#include <QStringView>

namespace meadows {

// A name holds two escapes, as XMILE writes them: "\n", Stella's line break, and "\\", a
// backslash.

// The key two spellings of one name share: case-folded, quotes removed (an equation's \" too),
// runs of spaces, underscores and Stella's escaped line breaks ("\n") folded to one '_', and
// an escaped backslash kept escaped, so that a key is its own key.
// "Heat Loss to Room", "heat_loss_to_room" and "\"Heat  Loss\\nto Room\"" all agree.
QString canonicalName(QStringView name);

// The name's escapes read: "\\" a backslash, "\n" `lineBreak` (a diagram's label breaks there).
QString unescapedName(QStringView name, QChar lineBreak);

// The name as a person reads it: Stella's "\n" line breaks become spaces, "\\" a backslash,
// whitespace runs collapse, surrounding quotes go. Underscores are kept as the author wrote them.
QString displayName(QStringView name);

// The name for what a person typed where names are shown (displayName's inverse): a
// backslash is a backslash, written "\\\\", and a line break is written "\\n".
QString nameFromDisplay(QStringView shown);

// The spelling to use inside an equation: spaces become underscores; a name that still
// is not a plain identifier, or is a word of the language (IF, AND, MOD...), is quoted,
// a quote in it written \".
QString equationName(QStringView name);

// The name a quoted name of an equation stands for (without its quotes): equationName's
// inverse, \" a quote, the name's own escapes kept.
QString nameFromQuoted(QStringView quoted);

// The candidate nearest to `name` (a canonical name) for a "did you mean", or empty when
// none is close: at most a third of the name's letters (two for short names) differ.
QString closest(const QString &name, const QStringList &candidates);

} // namespace meadows

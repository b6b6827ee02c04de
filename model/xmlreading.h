#pragma once
// Where Qt's XML reader says too little: what to say of a control character, and where
// content after the root element starts.
#include <QString>

namespace meadows {

// Qt's message for a control character in XML is "Unexpected ''". Returns what to say
// instead, with *at its offset, for the first one in text (tab, newline and return are
// fine); or an empty string.
QString controlCharacterProblem(const QString &text, qsizetype *at);

// Where content starts in `text` from `from` on, past white space, comments and processing
// instructions (which may follow the root element); `from` when there is none.
qsizetype firstContentFrom(const QString &text, qsizetype from);

} // namespace meadows

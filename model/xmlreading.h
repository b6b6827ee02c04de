#pragma once
// Qt's message for a control character in XML is "Unexpected ''". Returns what to say
// instead, with *at its offset, for the first one in text (tab, newline and return are
// fine); or an empty string.
#include <QString>

namespace meadows {

QString controlCharacterProblem(const QString &text, qsizetype *at);

} // namespace meadows

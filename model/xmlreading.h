#pragma once
// Small pieces of reading XMILE's XML that the reader would otherwise repeat.
#include <QString>

class QXmlStreamReader;

namespace meadows {

// XMILE's own elements may carry a prefix bound to the XMILE namespace; vendor elements
// (isee:, simlin:) keep theirs and so never match a known name.
QString elementName(const QXmlStreamReader &reader);

// Qt drops a reference to an external entity without a trace: an <eqn> using one would
// silently lose its text, so a document type that declares one stops the reader.
void refuseExternalEntities(QXmlStreamReader &reader);

// Qt's message for a control character in XML is "Unexpected ''". Returns what to say
// instead, with *at its offset, for the first one (tab, newline and return are fine); or
// an empty string.
QString controlCharacterProblem(const QString &text, qsizetype *at);

} // namespace meadows

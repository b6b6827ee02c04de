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

} // namespace meadows

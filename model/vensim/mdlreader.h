#pragma once
// Reads Vensim's .mdl text into the same Project the XMILE reader makes, so running,
// checking, loop analysis, export and the editor work on it unchanged. Equations are
// written in XMILE syntax with Vensim's meaning kept; what Meadows cannot express is a
// warning or an error at its line and column, never skipped silently.
#include "model/xmilereader.h"

namespace meadows {

bool isVensimFile(const QString &path);
XmileReadResult readVensim(const QByteArray &data, const QString &fileName);
XmileReadResult readVensimFile(const QString &path);

} // namespace meadows

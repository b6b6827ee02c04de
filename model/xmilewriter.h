#pragma once
// Writes a project as XMILE, putting back everything the reader kept but did not
// understand. Saving to a file goes through QSaveFile, so a failed save leaves the old
// file whole.
#include "project.h"

#include <QByteArray>

namespace meadows {

QByteArray writeXmile(const Project &project);
// Returns an empty string on success, else what went wrong.
QString saveXmileFile(const Project &project, const QString &path);

// Shortest text that reads back as the same double.
QString formatNumber(double value);

} // namespace meadows

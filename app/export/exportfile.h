#pragma once
// Every exported file is written whole or not at all (QSaveFile), so a reader never
// finds half a picture or half a page.
#include <QByteArray>
#include <QString>

namespace meadows {

// Empty on success, else "cannot write PATH: why".
QString writeExportFile(const QString &path, const QByteArray &bytes);

} // namespace meadows

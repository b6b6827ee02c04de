#pragma once
// A file name a model gives (a data file, a module's resource) that holds a NUL character
// names no file: the system reads the name only up to it, and Qt then just prints "Broken
// filename passed to function" on standard error. Said as a problem instead.
#include <QString>

namespace meadows {

// What is wrong with the name, or an empty string; the name shown with '?' for the NUL.
inline QString nulCharacterProblem(const QString &name)
{
    if (!name.contains(QChar(u'\0')))
        return {};
    QString shown = name;
    shown.replace(QChar(u'\0'), QLatin1Char('?'));
    return QStringLiteral("the file name '%1' holds a NUL character").arg(shown);
}

} // namespace meadows

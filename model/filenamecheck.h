#pragma once
// A file name a model gives (a data file, a module's resource) that holds a NUL character
// names no file: the system reads the name only up to it, and Qt then just prints "Broken
// filename passed to function" on standard error. Said as a problem instead.
#include <QString>

namespace meadows {

// The name as a message can show it: '?' for each NUL.
inline QString shownFileName(QString name)
{
    return name.replace(QChar(u'\0'), QLatin1Char('?'));
}

// What is wrong with the name, or an empty string.
inline QString nulCharacterProblem(const QString &name)
{
    if (!name.contains(QChar(u'\0')))
        return {};
    return QStringLiteral("the file name '%1' holds a NUL character").arg(shownFileName(name));
}

} // namespace meadows

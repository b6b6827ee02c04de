#pragma once
// Reading what a test wrote.
#include <QByteArray>
#include <QFile>
#include <QString>

namespace meadows::testing {

// The whole file, or nothing when it cannot be read.
inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace meadows::testing

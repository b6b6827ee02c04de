#include "inputfiles.h"

#include <QMutex>
#include <QMutexLocker>

namespace meadows {

namespace {

// The editor reads models on worker threads as well as the main one.
QMutex g_lock;

QStringList &noted()
{
    static QStringList files;
    return files;
}

} // namespace

void noteInputFile(const QString &path)
{
    if (path.isEmpty())
        return;
    const QMutexLocker locker(&g_lock);
    if (!noted().contains(path))
        noted().append(path);
}

QStringList inputFilesRead()
{
    const QMutexLocker locker(&g_lock);
    return noted();
}

} // namespace meadows

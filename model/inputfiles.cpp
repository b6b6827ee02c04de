#include "inputfiles.h"

#include <QFile>
#include <QFileInfo>
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

std::optional<QByteArray> readRegularFile(const QString &path, QString *problem)
{
    const QFileInfo info(path);
    if (!info.exists())
        *problem = QStringLiteral("no such file");
    else if (!info.isFile())
        *problem = QStringLiteral("not a file");
    else if (info.size() > kLargestInputFile)
        *problem = QStringLiteral("the file is %1 MB; a model reads files up to %2 MB").arg(info.size() >> 20).arg(kLargestInputFile >> 20);
    if (!problem->isEmpty())
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot open: %1").arg(file.errorString());
        return std::nullopt;
    }
    return file.read(kLargestInputFile + 1);
}

} // namespace meadows

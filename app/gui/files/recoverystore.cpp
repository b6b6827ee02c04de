#include "recoverystore.h"

#include "model/outputfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

namespace meadows {

RecoveryStore::RecoveryStore(const QString &folder) : m_folder(folder)
{
    if (m_folder.isEmpty())
        m_folder = qEnvironmentVariable("MEADOWS_RECOVERY_DIR");
    if (m_folder.isEmpty())
        m_folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
    QDir().mkpath(m_folder);
    m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_lock = std::make_unique<QLockFile>(path(m_id, ".lock"));
    m_lock->setStaleLockTime(0); // only a dead owner makes a lock stale, never its age
    m_lock->tryLock(0);
}

RecoveryStore::~RecoveryStore()
{
    m_lock->unlock();
}

QString RecoveryStore::path(const QString &id, const char *suffix) const
{
    return m_folder + QLatin1Char('/') + id + QLatin1String(suffix);
}

QString RecoveryStore::write(const QByteArray &xmile, const QString &originalPath)
{
    if (QString error = writeOutputFile(path(m_id, ".xmile"), xmile, Durability::SyncToDisk); !error.isEmpty())
        return error;
    QJsonObject note{{QStringLiteral("original"), originalPath},
                     {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    return writeOutputFile(path(m_id, ".json"), QJsonDocument(note).toJson(), Durability::SyncToDisk);
}

void RecoveryStore::discard()
{
    QFile::remove(path(m_id, ".xmile"));
    QFile::remove(path(m_id, ".json"));
}

std::vector<RecoverableSession> RecoveryStore::orphans() const
{
    std::vector<RecoverableSession> out;
    const QDir dir(m_folder);
    for (const QString &file : dir.entryList({QStringLiteral("*.xmile")}, QDir::Files, QDir::Time)) {
        const QString id = file.chopped(6);
        if (id == m_id)
            continue;
        QLockFile lock(path(id, ".lock"));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // its editor is still running
        lock.unlock();
        RecoverableSession s;
        s.id = id;
        s.modelPath = path(id, ".xmile");
        QFile info(path(id, ".json"));
        if (info.open(QIODevice::ReadOnly)) {
            const QJsonObject note = QJsonDocument::fromJson(info.readAll()).object();
            s.originalPath = note.value(QStringLiteral("original")).toString();
            s.savedAt = QDateTime::fromString(note.value(QStringLiteral("saved")).toString(), Qt::ISODate);
        }
        out.push_back(s);
    }
    return out;
}

void RecoveryStore::remove(const RecoverableSession &session) const
{
    QFile::remove(path(session.id, ".xmile"));
    QFile::remove(path(session.id, ".json"));
    QFile::remove(path(session.id, ".lock"));
}

} // namespace meadows

#pragma once
// Autosave and crash recovery. Each running editor owns a session in the recovery folder:
// a copy of its unsaved work (rewritten every autosave), a note of the file it belongs
// to, and a lock held while the editor runs. A session whose lock is free after its
// editor is gone (crash, kill) is offered back at the next start.
#include <QDateTime>
#include <QString>
#include <memory>
#include <vector>

class QLockFile;

namespace meadows {


struct RecoverableSession {
    QString id;
    QString modelPath;    // the saved copy of the work
    QString originalPath; // the file it was opened from; empty for an untitled model
    QDateTime savedAt;
};

class RecoveryStore {
public:
    // folder: empty for the default (the application's data folder, or MEADOWS_RECOVERY_DIR).
    explicit RecoveryStore(const QString &folder = QString());
    ~RecoveryStore();

    QString folder() const { return m_folder; }
    // Writes the work of this session. Returns an empty string on success.
    QString write(const QByteArray &xmile, const QString &originalPath);
    // Removes this session's copy (after a save, or a clean close).
    void discard();
    // Sessions left behind by editors that are no longer running.
    std::vector<RecoverableSession> orphans() const;
    // Forgets a session once it was recovered or declined.
    void remove(const RecoverableSession &session) const;

private:
    QString path(const QString &id, const char *suffix) const;

    QString m_folder;
    QString m_id;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace meadows

#include "autosave.h"

#include "document.h"
#include "model/xmilewriter.h"

#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QUndoStack>

namespace meadows {

Autosave::Autosave(Document *document, QObject *parent) : QObject(parent), m_document(document), m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    bool ok = false;
    const int interval = qEnvironmentVariableIntValue("MEADOWS_AUTOSAVE_MS", &ok);
    setInterval(ok && interval > 0 ? interval : 30000);
}

Autosave::~Autosave()
{
    m_store.discard();
}

void Autosave::setInterval(int milliseconds)
{
    m_timer->start(milliseconds);
}

bool Autosave::saveNow()
{
    if (!m_document->isModified())
        return false;
    const int index = m_document->undoStack()->index();
    if (index == m_savedIndex)
        return false;
    const QString error = m_store.write(writeXmile(m_document->projectForSaving()), m_document->filePath());
    if (!error.isEmpty()) {
        emit statusMessage(tr("Autosave failed: %1").arg(error));
        return false;
    }
    m_savedIndex = index;
    return true;
}

void Autosave::discard()
{
    m_store.discard();
    m_savedIndex = -1;
}

std::vector<RecoverableSession> Autosave::recoverableSessions() const
{
    return m_store.orphans();
}

bool Autosave::recover(const RecoverableSession &session)
{
    const QString error = m_document->load(session.modelPath);
    if (!error.isEmpty()) {
        emit statusMessage(tr("Could not recover: %1").arg(error));
        return false;
    }
    // The work belongs to the file it came from, and is not saved there yet.
    m_document->setFilePath(session.originalPath);
    m_document->markModified();
    m_store.remove(session);
    m_savedIndex = -1;
    saveNow();
    emit recovered();
    emit statusMessage(tr("Recovered unsaved work"));
    return true;
}

void Autosave::offer(QWidget *parent)
{
    const auto sessions = recoverableSessions();
    if (sessions.empty())
        return;
    const RecoverableSession &s = sessions.front();
    const QString what = s.originalPath.isEmpty() ? tr("an untitled model") : QFileInfo(s.originalPath).fileName();
    const auto answer = QMessageBox::question(
        parent, tr("Recover Unsaved Work"),
        tr("Meadows did not close properly. Unsaved work on %1 from %2 can be recovered. Recover it?")
            .arg(what, QLocale().toString(s.savedAt.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        recover(s);
    else
        m_store.remove(s);
}

} // namespace meadows

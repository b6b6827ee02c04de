#pragma once
// Autosave and recovery for one editor window: every interval, unsaved work goes to the
// recovery store; at the next start, work left by an editor that did not close properly is
// offered back. Saving, opening or starting anew discards this session's copy.
#include "recoverystore.h"

#include <QObject>

class QTimer;
class QWidget;

namespace meadows {

class Document;

class Autosave : public QObject {
    Q_OBJECT
public:
    // The interval is 30 s unless MEADOWS_AUTOSAVE_MS says otherwise.
    explicit Autosave(Document *document, QObject *parent = nullptr);
    // Closing normally leaves nothing to recover.
    ~Autosave() override;

    void setInterval(int milliseconds);
    // Writes the work if it changed since the last copy; returns whether it wrote.
    bool saveNow();
    // The work now matches a file (saved, opened, new): nothing to recover.
    void discard();

    std::vector<RecoverableSession> recoverableSessions() const;
    bool recover(const RecoverableSession &session);
    // Asks the user, over parent, whether to recover the first session left behind.
    void offer(QWidget *parent);

signals:
    void statusMessage(const QString &message);
    // A session was loaded into the document.
    void recovered();

private:
    Document *m_document;
    QTimer *m_timer;
    RecoveryStore m_store;
    int m_savedIndex = -1; // the undo index the recovery copy holds
};

} // namespace meadows

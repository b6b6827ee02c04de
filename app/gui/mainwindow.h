#pragma once
// The editor window: the diagram in the middle, a palette of tools, the properties of the
// selected variable and the undo history at the side; files, autosave and recovery.
#include "files/recoverystore.h"

#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QLabel;
class QTimer;
class QUndoView;

namespace meadows {

class Document;
class DiagramScene;
class DiagramView;
class PropertiesPanel;
class LivePanels;
class ProblemMarks;
class RecentFiles;
struct ViewElement;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a model (after asking about unsaved work). Returns false, with a message shown
    // (or, while hidden, only in the status bar), when it cannot be read.
    bool openFile(const QString &path);
    bool saveTo(const QString &path);

    // Quiet: problems go to the status bar only, never a modal dialog (screenshots, scripts).
    void setQuiet(bool quiet) { m_quiet = quiet; }

    Document *document() const { return m_document; }
    DiagramScene *scene() const { return m_scene; }
    LivePanels *live() const { return m_live; }
    DiagramView *view() const { return m_view; }
    PropertiesPanel *properties() const { return m_properties; }
    ProblemMarks *problemMarks() const { return m_problems; }
    QString statusText() const;

    // Autosave and recovery. The interval is 30 s unless MEADOWS_AUTOSAVE_MS says otherwise.
    void setAutosaveInterval(int milliseconds);
    bool autosaveNow();
    std::vector<RecoverableSession> recoverableSessions() const;
    bool recover(const RecoverableSession &session);
    // Asks the user whether to recover work left by an editor that did not close properly.
    void offerRecovery();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createDocks();
    void newModel();
    void open();
    bool save();
    bool saveAs();
    bool maybeSave();
    void updateTitle();
    void showPreferences();
    void showStatus(const QString &message);
    void deleteSelection();
    void selectAll();
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    // Selected elements with a position of their own (not connectors), for align/distribute.
    QList<const ViewElement *> selectedPlacedElements() const;
    void align(Qt::Alignment alignment);
    void distribute(Qt::Orientation orientation);

    Document *m_document = nullptr;
    DiagramScene *m_scene = nullptr;
    DiagramView *m_view = nullptr;
    PropertiesPanel *m_properties = nullptr;
    QUndoView *m_history = nullptr;
    LivePanels *m_live = nullptr;
    ProblemMarks *m_problems = nullptr;
    QLabel *m_problemLabel = nullptr;
    RecentFiles *m_recent = nullptr;
    QActionGroup *m_tools = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QTimer *m_autosaveTimer = nullptr;
    RecoveryStore m_recovery;
    int m_autosavedIndex = -1; // the undo index the recovery copy holds
    int m_pasteCount = 0;
    bool m_quiet = false;
};

} // namespace meadows

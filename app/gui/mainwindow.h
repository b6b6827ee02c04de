#pragma once
// The editor window: the diagram in the middle, a palette of tools, the properties of the
// selected variable and the undo history at the side. It wires the parts together: files,
// autosave (files/autosave.h), the scene and its tools, the panels.
#include "export/exportoptions.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QActionGroup;
class QLabel;
class QUndoView;

namespace meadows {

class Arranger;
class Autosave;
class Document;
class DiagramScene;
class DiagramView;
class PropertiesPanel;
class LivePanels;
class ProblemMarks;
class RecentFiles;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a model (after asking about unsaved work). Returns false, with a message shown
    // (or, while hidden, only in the status bar), when it cannot be read.
    bool openFile(const QString &path);
    bool saveTo(const QString &path);

    // Writes the model in a format, as `meadows export` does (md also writes its pictures
    // beside OUT). Returns false, with a message shown (or in the status bar when quiet).
    bool exportTo(ExportFormat format, const QString &path);
    // Edit → Copy as Image: the selection, or the whole diagram, as PNG and SVG.
    void copyAsImage();

    // Quiet: problems go to the status bar only, never a modal dialog (screenshots, scripts).
    void setQuiet(bool quiet) { m_quiet = quiet; }
    // Brings every panel up to date at once (problems marked, the overview fitted), for a
    // picture taken without waiting for the usual pauses.
    void prepareForPicture();

    Document *document() const { return m_document; }
    DiagramScene *scene() const { return m_scene; }
    LivePanels *live() const { return m_live; }
    DiagramView *view() const { return m_view; }
    PropertiesPanel *properties() const { return m_properties; }
    ProblemMarks *problemMarks() const { return m_problems; }
    QString statusText() const;

    Autosave *autosave() const { return m_autosave; }
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
    void showProblems();
    void deleteSelection();
    void selectAll();
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    void exportAs(ExportFormat format);

    Document *m_document = nullptr;
    DiagramScene *m_scene = nullptr;
    DiagramView *m_view = nullptr;
    PropertiesPanel *m_properties = nullptr;
    QUndoView *m_history = nullptr;
    LivePanels *m_live = nullptr;
    QString m_runProblem; // why the last run did not go ahead, or empty
    ProblemMarks *m_problems = nullptr;
    QLabel *m_problemLabel = nullptr;
    RecentFiles *m_recent = nullptr;
    QActionGroup *m_tools = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_zoomLabel = nullptr;
    Autosave *m_autosave = nullptr;
    std::unique_ptr<Arranger> m_arranger;
    int m_pasteCount = 0;
    bool m_quiet = false;
};

} // namespace meadows

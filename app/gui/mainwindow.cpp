#include "mainwindow.h"

#include "commands/deletevariables.h"
#include "diagramclipboard.h"
#include "export/pictures/diagramrenderer.h"
#include "export/pictures/documentexport.h"
#include "files/autosave.h"
#include "document.h"
#include "files/recentfiles.h"
#include "i18n/preferencesdialog.h"
#include "panels/minimap.h"
#include "panels/propertiespanel.h"
#include "analysis/analysispanel.h"
#include "analysis/bifurcationtab.h"
#include "live/livepanels.h"
#include "live/liveworkspace.h"
#include "scene/arranger.h"
#include "scene/diagramscene.h"
#include "scene/diagramview.h"
#include "scene/elementitem.h"
#include "scene/problemmarks.h"
#include "model/outputfile.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>

namespace meadows {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    m_document = new Document(this);
    m_scene = new DiagramScene(m_document, this);
    m_view = new DiagramView(m_scene, this);
    m_arranger = std::make_unique<Arranger>(m_document, m_scene);
    m_view->setObjectName(QStringLiteral("diagramView"));
    setCentralWidget(m_view);
    setAcceptDrops(true);

    m_status = new QLabel(this);
    statusBar()->addWidget(m_status, 1);
    m_problemLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_problemLabel);
    m_problems = new ProblemMarks(m_document, m_scene, this);
    connect(m_problems, &ProblemMarks::checked, this, &MainWindow::showProblems);
    m_zoomLabel = new QLabel(tr("100 %"), this);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_view, &DiagramView::zoomChanged, this, [this](double z) { m_zoomLabel->setText(tr("%1 %").arg(qRound(z * 100))); });
    connect(m_scene, &DiagramScene::statusMessage, this, &MainWindow::showStatus);
    connect(m_view, &DiagramView::filesDropped, this, [this](const QStringList &paths) {
        if (!paths.isEmpty())
            openFile(paths.first());
    });
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);

    createDocks();
    createActions();

    m_autosave = new Autosave(m_document, this);
    connect(m_autosave, &Autosave::statusMessage, this, &MainWindow::showStatus);
    connect(m_autosave, &Autosave::recovered, m_view, &DiagramView::fitDiagram);
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The scene's items go before the document they show, and tell no one as they go.
    m_scene->disconnect();
    delete m_scene;
}

void MainWindow::createDocks()
{
    m_properties = new PropertiesPanel(m_document, m_scene, this);
    auto *propertiesDock = new QDockWidget(tr("Properties"), this);
    propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    propertiesDock->setWidget(m_properties);
    addDockWidget(Qt::RightDockWidgetArea, propertiesDock);

    m_history = new QUndoView(m_document->undoStack(), this);
    m_history->setEmptyLabel(tr("<opened>"));
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setWidget(m_history);
    addDockWidget(Qt::RightDockWidgetArea, historyDock);

    auto *minimapDock = new QDockWidget(tr("Overview"), this);
    minimapDock->setObjectName(QStringLiteral("minimapDock"));
    minimapDock->setWidget(new Minimap(m_view, this));
    addDockWidget(Qt::RightDockWidgetArea, minimapDock);
    resizeDocks({propertiesDock, historyDock, minimapDock}, {520, 110, 130}, Qt::Vertical);
    resizeDocks({propertiesDock}, {300}, Qt::Horizontal);

    // Live simulation and loops: Results below with the Sliders beside it, Loops left.
    m_live = new LivePanels(this, m_document, m_scene);
    connect(m_live->workspace(), &LiveWorkspace::runProblemChanged, this, [this](const QString &problem) {
        m_runProblem = problem;
        showProblems();
    });
}

// The diagram's problems, the variables still without an equation, and a run that could not
// go ahead: a model whose equations are fine but whose stop comes before its start is not
// "No problems".
void MainWindow::showProblems()
{
    const int count = m_problems->problemCount();
    QString text = count == 0 ? tr("No problems") : tr("%n problem(s): hover the red names", nullptr, count);
    if (!m_runProblem.isEmpty())
        text = (count == 0 ? QString() : text + QStringLiteral(" · ")) + tr("The run cannot go ahead: see Results");
    if (const int missing = m_problems->needsEquationCount())
        text += QStringLiteral(" · ") + tr("%n variable(s) need an equation", nullptr, missing);
    // What reading the file and compiling it warned of (a feature Meadows lacks, a repair)
    // is said, not dropped.
    const QStringList warnings = m_document->readWarnings() + m_problems->warnings();
    if (!warnings.isEmpty())
        text += QStringLiteral(" · ") + tr("%n warning(s): hover here", nullptr, int(warnings.size()));
    constexpr int kShown = 40;
    QStringList shown = warnings.mid(0, kShown);
    if (warnings.size() > kShown)
        shown << tr("... and %n more (meadows check lists them all)", nullptr, int(warnings.size() - kShown));
    m_problemLabel->setToolTip(shown.join(QLatin1Char('\n')));
    m_problemLabel->setText(text);
}

void MainWindow::createActions()
{
    // File
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newModel);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open);
    QMenu *recentMenu = file->addMenu(tr("Open &Recent"));
    m_recent = new RecentFiles(recentMenu, this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openFile);
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    // The platform's Save As keys; Ctrl+Shift+S where it names none (a bare X11 session).
    const QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
    file->addAction(tr("Save &As…"), this, &MainWindow::saveAs)
        ->setShortcuts(saveAsKeys.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)} : saveAsKeys);
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    const std::pair<ExportFormat, const char *> formats[] = {
        {ExportFormat::Svg, QT_TR_NOOP("Diagram as &SVG…")},        {ExportFormat::Png, QT_TR_NOOP("Diagram as &PNG…")},
        {ExportFormat::Pdf, QT_TR_NOOP("Diagram as P&DF…")},        {ExportFormat::Markdown, QT_TR_NOOP("P&ostmortem (Markdown)…")},
        {ExportFormat::Mermaid, QT_TR_NOOP("Causal Links as M&ermaid…")}, {ExportFormat::Dot, QT_TR_NOOP("Causal Links as &Graphviz…")}};
    for (const auto &[format, text] : formats)
        exportMenu->addAction(tr(text), this, [this, format = format]() { exportAs(format); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    // Edit
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    // Both keys people know, whatever the platform's own is (Ctrl+Y on Windows, Ctrl+Shift+Z
    // on most Linux desktops).
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &platform : QKeySequence::keyBindings(QKeySequence::Redo))
        if (!redoKeys.contains(platform))
            redoKeys << platform;
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Cu&t"), QKeySequence::Cut, this, &MainWindow::cutSelection);
    edit->addAction(tr("&Copy"), QKeySequence::Copy, this, &MainWindow::copySelection);
    edit->addAction(tr("Cop&y as Image"), QKeySequence(tr("Ctrl+Shift+C")), this, &MainWindow::copyAsImage);
    edit->addAction(tr("&Paste"), QKeySequence::Paste, this, &MainWindow::paste);
    edit->addAction(tr("Dupl&icate"), QKeySequence(tr("Ctrl+D")), this, &MainWindow::duplicateSelection);
    QAction *del = edit->addAction(tr("&Delete"), this, &MainWindow::deleteSelection);
    del->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    del->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(del); // only while the diagram has focus, not in text fields
    edit->addAction(tr("Select &All"), QKeySequence::SelectAll, this, &MainWindow::selectAll)->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(edit->actions().constLast());
    edit->addSeparator();
    QAction *snap = edit->addAction(tr("S&nap to Grid"));
    snap->setCheckable(true);
    snap->setShortcut(QKeySequence(tr("Ctrl+G")));
    connect(snap, &QAction::toggled, m_scene, &DiagramScene::setSnapToGrid);
    QMenu *arrange = edit->addMenu(tr("Arran&ge"));
    arrange->addAction(tr("Align &Left"), this, [this]() { m_arranger->align(Qt::AlignLeft); });
    arrange->addAction(tr("Align &Centres Vertically"), this, [this]() { m_arranger->align(Qt::AlignHCenter); });
    arrange->addAction(tr("Align &Right"), this, [this]() { m_arranger->align(Qt::AlignRight); });
    arrange->addAction(tr("Align &Top"), this, [this]() { m_arranger->align(Qt::AlignTop); });
    arrange->addAction(tr("Align &Middles Horizontally"), this, [this]() { m_arranger->align(Qt::AlignVCenter); });
    arrange->addAction(tr("Align &Bottom"), this, [this]() { m_arranger->align(Qt::AlignBottom); });
    arrange->addSeparator();
    arrange->addAction(tr("Distribute &Horizontally"), this, [this]() { m_arranger->distribute(Qt::Horizontal); });
    arrange->addAction(tr("Distribute &Vertically"), this, [this]() { m_arranger->distribute(Qt::Vertical); });
    arrange->addSeparator();
    arrange->addAction(tr("T&idy Diagram"), this, [this]() { m_arranger->tidy(); })->setObjectName(QStringLiteral("tidyDiagram"));
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("Pre&ferences…"), this, &MainWindow::showPreferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    // View
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, this, [this]() { m_view->zoomBy(1.25); });
    viewMenu->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this, [this]() { m_view->zoomBy(0.8); });
    viewMenu->addAction(tr("&Actual Size"), QKeySequence(tr("Ctrl+0")), this, [this]() { m_view->setZoom(1); });
    viewMenu->addAction(tr("&Fit Diagram"), QKeySequence(tr("Ctrl+9")), this, [this]() { m_view->fitDiagram(); });
    viewMenu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        viewMenu->addAction(dock->toggleViewAction());

    // The palette: one tool at a time, each with a single-key shortcut.
    QToolBar *palette = addToolBar(tr("Tools"));
    palette->setObjectName(QStringLiteral("toolsBar"));
    palette->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_tools = new QActionGroup(this);
    const struct {
        DiagramScene::Tool tool;
        const char *text;
        const char *key;
        const char *tip;
    } tools[] = {
        {DiagramScene::Tool::Select, QT_TR_NOOP("Select"), "V", QT_TR_NOOP("Select, move and bend (V, Esc)")},
        {DiagramScene::Tool::Stock, QT_TR_NOOP("Stock"), "S", QT_TR_NOOP("Place a stock (S); Shift keeps the tool")},
        {DiagramScene::Tool::Flow, QT_TR_NOOP("Flow"), "F", QT_TR_NOOP("Drag from a stock or empty space to another (F)")},
        {DiagramScene::Tool::Aux, QT_TR_NOOP("Variable"), "A", QT_TR_NOOP("Place an auxiliary or constant (A)")},
        {DiagramScene::Tool::Connector, QT_TR_NOOP("Connector"), "C", QT_TR_NOOP("Drag from a variable to one it informs (C)")},
        {DiagramScene::Tool::CldVariable, QT_TR_NOOP("Loop Variable"), "L", QT_TR_NOOP("Place a causal-loop-diagram variable (L)")},
        {DiagramScene::Tool::Text, QT_TR_NOOP("Text"), "T", QT_TR_NOOP("Place a text annotation (T); double-click text to edit it")},
        {DiagramScene::Tool::Module, QT_TR_NOOP("Module"), "M", QT_TR_NOOP("Place a module, a model used inside this one (M)")},
    };
    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    for (const auto &t : tools) {
        QAction *a = palette->addAction(tr(t.text));
        a->setCheckable(true);
        a->setShortcut(QKeySequence(QLatin1String(t.key)));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(a);
        a->setToolTip(tr(t.tip));
        a->setData(int(t.tool));
        a->setChecked(t.tool == DiagramScene::Tool::Select);
        m_tools->addAction(a);
        toolsMenu->addAction(a);
        const DiagramScene::Tool tool = t.tool;
        connect(a, &QAction::triggered, this, [this, tool]() { m_scene->setTool(tool); });
    }
    connect(m_scene, &DiagramScene::toolChanged, this, [this](DiagramScene::Tool tool) {
        for (QAction *a : m_tools->actions())
            if (a->data().toInt() == int(tool))
                a->setChecked(true);
    });
    palette->addSeparator();
    palette->addAction(undo);
    palette->addAction(redo);
}

// ---- files -----------------------------------------------------------------------------

void MainWindow::newModel()
{
    if (!maybeSave())
        return;
    m_document->resetToEmpty();
    m_autosave->discard();
    m_view->setZoom(1);
    m_view->centerOn(0, 0);
    showStatus(tr("New model"));
}

void MainWindow::open()
{
    const QString dir = m_document->filePath().isEmpty() ? QString() : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Model"), dir,
                                                      tr("Models (*.xmile *.stmx *.itmx *.xml *.mdl *.mmd);;XMILE models (*.xmile *.stmx *.itmx *.xml);;"
                                                         "Vensim models (*.mdl);;"
                                                         "Mermaid flowcharts as causal-loop diagrams (*.mmd);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString &path)
{
    if (isVisible() && !m_quiet && !maybeSave())
        return false;
    const QString error = m_document->load(path);
    if (!error.isEmpty()) {
        showStatus(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), error.section(QLatin1Char('\n'), 0, 0)));
        if (isVisible() && !m_quiet)
            QMessageBox::warning(this, tr("Cannot Open Model"), error);
        return false;
    }
    m_autosave->discard();
    m_recent->add(path);
    // Fit once the window has its size.
    QTimer::singleShot(0, m_view, &DiagramView::fitDiagram);
    m_view->fitDiagram();
    const QStringList warnings = m_scene->geometryWarnings();
    showStatus(warnings.isEmpty() ? tr("Opened %1").arg(QFileInfo(path).fileName())
                                  : tr("Opened %1; %n element(s) could not be drawn as stored", nullptr, int(warnings.size()))
                                        .arg(QFileInfo(path).fileName()));
    showProblems();
    return true;
}

bool MainWindow::saveTo(const QString &path)
{
    // Never over a spreadsheet or another model this one was read from (model/inputfiles.h);
    // the document's own file is its to replace.
    const QString own = m_document->filePath();
    QString error;
    if (own.isEmpty() || QFileInfo(path).canonicalFilePath() != QFileInfo(own).canonicalFilePath())
        error = outputOverwritesInput(path, {});
    if (error.isEmpty())
        error = m_document->save(path);
    if (!error.isEmpty()) {
        showStatus(tr("Not saved: %1").arg(error));
        if (isVisible() && !m_quiet)
            QMessageBox::critical(this, tr("Cannot Save Model"), tr("%1 was not saved: %2").arg(path, error));
        return false;
    }
    m_autosave->discard();
    m_recent->add(path);
    showStatus(tr("Saved %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Model As"), m_document->filePath(), tr("XMILE models (*.xmile *.stmx)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".xmile");
    return saveTo(path);
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved Changes"),
                                             tr("%1 has changes that are not saved. Save them?")
                                                 .arg(m_document->filePath().isEmpty() ? tr("The model") : QFileInfo(m_document->filePath()).fileName()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        openFile(urls.first().toLocalFile());
}

void MainWindow::changeEvent(QEvent *event)
{
    // Follow the system's light or dark palette.
    if (event->type() == QEvent::PaletteChange)
        m_scene->setPalette(palette());
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle()
{
    const QString name = !m_document->filePath().isEmpty()     ? QFileInfo(m_document->filePath()).fileName()
                         : !m_document->importedFrom().isEmpty() ? tr("%1 (imported; Save writes XMILE)").arg(QFileInfo(m_document->importedFrom()).fileName())
                                                                 : tr("Untitled");
    setWindowTitle(tr("%1[*] — Meadows").arg(name));
    setWindowModified(m_document->isModified());
}

void MainWindow::showStatus(const QString &message)
{
    m_status->setText(message);
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::offerRecovery()
{
    m_autosave->offer(this);
}

void MainWindow::prepareForPicture()
{
    m_problems->recheckNow(); // the picture shows the model's problems
    for (Minimap *minimap : findChildren<Minimap *>())
        minimap->refit(); // without waiting for edits to settle
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted && dialog.languageChanged())
        QMessageBox::information(this, tr("Language Changed"),
                                 tr("Meadows will use the new language the next time it starts."));
}

// ---- editing ---------------------------------------------------------------------------

void MainWindow::deleteSelection()
{
    const QList<int> uids = m_scene->selectedUids();
    if (uids.isEmpty())
        return;
    auto *command = new DeleteVariablesCommand(m_document, uids);
    if (command->isEmpty()) {
        delete command;
        return;
    }
    m_document->undoStack()->push(command);
}

void MainWindow::selectAll()
{
    for (QGraphicsItem *item : m_scene->items())
        if (dynamic_cast<ElementItem *>(item))
            item->setSelected(true);
}

void MainWindow::copySelection()
{
    const QList<int> uids = m_scene->selectedUids();
    if (uids.isEmpty())
        return;
    QApplication::clipboard()->setMimeData(DiagramClipboard::mimeData(*m_document, uids));
    m_pasteCount = 0;
}

void MainWindow::copyAsImage()
{
    QApplication::clipboard()->setMimeData(DiagramRenderer(m_scene, m_scene->selectedUids()).mimeData());
    showStatus(m_scene->selectedUids().isEmpty() ? tr("Copied the diagram as an image") : tr("Copied the selection as an image"));
}

void MainWindow::exportAs(ExportFormat format)
{
    const QString suffix = exportFormatSuffix(format);
    const QFileInfo model(m_document->filePath());
    const QString suggested = model.filePath().isEmpty() ? tr("model.%1").arg(suffix)
                                                         : model.dir().filePath(model.completeBaseName() + u'.' + suffix);
    QString path = QFileDialog::getSaveFileName(this, tr("Export"), suggested, tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + suffix;
    exportTo(format, path);
}

bool MainWindow::exportTo(ExportFormat format, const QString &path)
{
    ExportRequest request;
    request.format = format;
    request.output = path;
    request.inputs = {m_document->filePath()}; // exporting onto the open model would destroy it
    // The postmortem charts what the Results panel charts, against the saved run shown dashed.
    request.variables = m_live->workspace()->chosenVariables();
    if (const std::vector<SavedRun> runs = m_live->workspace()->shownRuns(); !runs.empty()) {
        request.baselineRun = runs.front().results;
        request.baselineRunName = runs.front().name;
    }
    // And the bifurcation chart the Analysis panel shows, while it is this model's.
    if (const BifurcationTab *tab = m_live->analysis()->bifurcation(); format == ExportFormat::Markdown) {
        request.continuation = tab->currentContinuation();
        request.bifurcationStock = request.continuation ? tab->chosenStock() : QString();
    }
    const ExportOutcome outcome = exportProject(m_document->project(), m_scene, request);
    if (!outcome.error.isEmpty()) {
        showStatus(tr("Export failed: %1").arg(outcome.error));
        if (!m_quiet)
            QMessageBox::warning(this, tr("Export"), outcome.error);
        return false;
    }
    const QString done = outcome.files.size() > 1 ? tr("Exported %1 and %n more file(s)", nullptr, int(outcome.files.size() - 1)).arg(QFileInfo(path).fileName())
                                                  : tr("Exported %1").arg(QFileInfo(path).fileName());
    // What the export had to change (a PNG drawn smaller than asked) is said with it.
    showStatus(outcome.diagnostics.empty() ? done : tr("%1; %2").arg(done, outcome.diagnostics.front().message));
    return true;
}

void MainWindow::cutSelection()
{
    copySelection();
    deleteSelection();
}

void MainWindow::paste()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QString error;
    const QList<int> added = DiagramClipboard::paste(m_document, mime, QPointF(20, 20) * ++m_pasteCount, &error);
    if (!error.isEmpty())
        showStatus(error);
    else
        m_scene->selectUids(added);
}

void MainWindow::duplicateSelection()
{
    const QList<int> uids = m_scene->selectedUids();
    if (uids.isEmpty())
        return;
    std::unique_ptr<QMimeData> mime(DiagramClipboard::mimeData(*m_document, uids));
    QString error;
    const QList<int> added = DiagramClipboard::paste(m_document, mime.get(), QPointF(20, 20), &error);
    if (!error.isEmpty())
        showStatus(error);
    else
        m_scene->selectUids(added);
}

} // namespace meadows

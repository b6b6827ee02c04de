#include "mainwindow.h"

#include "model/names.h"
#include "model/xmilereader.h"
#include "solver/compiler.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeWidget>

namespace meadows {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    m_variables = new QTreeWidget(this);
    m_variables->setColumnCount(3);
    m_variables->setHeaderLabels({tr("Variable"), tr("Kind"), tr("Equation")});
    m_variables->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_variables->setRootIsDecorated(false);
    setCentralWidget(m_variables);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::open);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    m_status = new QLabel(this);
    statusBar()->addWidget(m_status, 1);
    updateTitle();
}

void MainWindow::open()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open model"), QString(),
                                                      tr("XMILE models (*.xmile *.stmx *.itmx *.xml);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString &path)
{
    XmileReadResult read = readXmileFile(path);
    if (!read.project) {
        QStringList messages;
        for (const Diagnostic &d : read.diagnostics)
            messages << d.format();
        m_status->setText(messages.join(QLatin1Char('\n')));
        if (isVisible())
            QMessageBox::warning(this, tr("Cannot open model"), messages.join(QLatin1Char('\n')));
        return false;
    }
    m_project = std::move(read.project);
    m_path = path;
    m_variables->clear();
    static const char *const kinds[] = {QT_TR_NOOP("Stock"), QT_TR_NOOP("Flow"), QT_TR_NOOP("Auxiliary"), QT_TR_NOOP("Module")};
    for (const Variable &v : m_project->mainModel().variables) {
        auto *item = new QTreeWidgetItem(m_variables);
        item->setText(0, displayName(v.name));
        item->setText(1, tr(kinds[int(v.kind)]));
        item->setText(2, v.equation.simplified());
    }
    const CompileResult compiled = compileProject(*m_project);
    m_status->setText(compiled.model ? tr("%n variable(s), compiles cleanly", nullptr, int(m_project->mainModel().variables.size()))
                                     : tr("The model has errors: %1").arg(compiled.diagnostics.empty() ? QString() : compiled.diagnostics.front().format()));
    updateTitle();
    return true;
}

void MainWindow::updateTitle()
{
    const QString name = m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
    setWindowTitle(tr("%1 — Meadows").arg(name));
}

} // namespace meadows

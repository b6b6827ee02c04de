#pragma once
// The editor's main window. For now it opens a model and lists its variables; the
// diagram editor grows here.
#include "model/project.h"

#include <QMainWindow>
#include <optional>

class QTreeWidget;
class QLabel;

namespace meadows {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    bool openFile(const QString &path);

private:
    void open();
    void updateTitle();

    std::optional<Project> m_project;
    QString m_path;
    QTreeWidget *m_variables = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace meadows

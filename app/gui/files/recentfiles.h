#pragma once
// The list of recently opened models, kept in the settings, shown as a menu.
#include <QObject>
#include <QStringList>

class QMenu;

namespace meadows {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);
    void add(const QString &path);
    QStringList files() const;

signals:
    void openRequested(const QString &path);

private:
    void rebuildMenu();
    QMenu *m_menu;
};

} // namespace meadows

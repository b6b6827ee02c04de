#include "recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace meadows {

static const char *const kKey = "recentFiles";
static constexpr int kMaximum = 10;

RecentFiles::RecentFiles(QMenu *menu, QObject *parent) : QObject(parent), m_menu(menu)
{
    rebuildMenu();
}

QStringList RecentFiles::files() const
{
    return QSettings().value(QLatin1String(kKey)).toStringList();
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaximum)
        list.removeLast();
    QSettings().setValue(QLatin1String(kKey), list);
    rebuildMenu();
}

void RecentFiles::rebuildMenu()
{
    m_menu->clear();
    const QStringList list = files();
    int n = 0;
    for (const QString &path : list) {
        QAction *a = m_menu->addAction(tr("&%1 %2").arg(++n).arg(QDir::toNativeSeparators(path)));
        connect(a, &QAction::triggered, this, [this, path]() { emit openRequested(path); });
    }
    m_menu->setEnabled(!list.isEmpty());
    if (!list.isEmpty()) {
        m_menu->addSeparator();
        m_menu->addAction(tr("Clear List"), this, [this]() {
            QSettings().remove(QLatin1String(kKey));
            rebuildMenu();
        });
    }
}

} // namespace meadows

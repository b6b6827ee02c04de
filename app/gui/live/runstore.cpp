#include "runstore.h"


#include <algorithm>

namespace meadows {

QString RunStore::uniqueName(const QString &wanted) const
{
    const QString base = wanted.trimmed().isEmpty() ? tr("Run") : wanted.trimmed();
    QString name = base;
    for (int n = 2;; ++n) {
        const bool taken = std::any_of(m_runs.begin(), m_runs.end(), [&](const SavedRun &r) { return r.name == name; });
        if (!taken)
            return name;
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    }
}

int RunStore::add(const QString &name, std::shared_ptr<const Results> results, std::vector<std::pair<QString, double>> overrides)
{
    m_runs.push_back({uniqueName(name), std::move(results), std::move(overrides)});
    emit changed();
    return int(m_runs.size()) - 1;
}

void RunStore::remove(int index)
{
    if (index < 0 || index >= int(m_runs.size()))
        return;
    m_runs.erase(m_runs.begin() + index);
    emit changed();
}

void RunStore::rename(int index, const QString &name)
{
    if (index < 0 || index >= int(m_runs.size()) || m_runs[index].name == name)
        return;
    m_runs[index].name = uniqueName(name);
    emit changed();
}

QString RunStore::exportCsv(int index, const QString &path) const
{
    if (index < 0 || index >= int(m_runs.size()) || !m_runs[index].results)
        return tr("There is no such run.");
    return saveCsvFile(*m_runs[index].results, path);
}

} // namespace meadows

#pragma once
// Named runs kept for comparison ("baseline", "retries capped", ...): overlaid on charts,
// compared in a table, exported to CSV.
#include "solver/simulation.h"

#include <QObject>
#include <QString>
#include <memory>
#include <utility>
#include <vector>

namespace meadows {

struct SavedRun {
    QString name;
    std::shared_ptr<const Results> results;
    std::vector<std::pair<QString, double>> overrides; // what differed from the model
};

class RunStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Keeps a run under a name; a name already used is made unique ("baseline 2").
    int add(const QString &name, std::shared_ptr<const Results> results,
            std::vector<std::pair<QString, double>> overrides = {});
    void remove(int index);
    void rename(int index, const QString &name);
    const std::vector<SavedRun> &runs() const { return m_runs; }
    // Writes the run as `meadows run` would; empty string on success, else the error.
    QString exportCsv(int index, const QString &path) const;

signals:
    void changed();

private:
    QString uniqueName(const QString &wanted) const;
    std::vector<SavedRun> m_runs;
};

} // namespace meadows

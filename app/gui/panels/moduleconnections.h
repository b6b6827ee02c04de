#pragma once
// What feeds a module's inputs: one row per input of the model it runs (its variables marked
// access="input", else its auxiliaries), each with a choice among the variables around it.
// Shows a module and reports edits; the panel turns them into an undoable command.
#include "model/project.h"

#include <QTableWidget>

class QComboBox;

namespace meadows {

class ModuleConnectionsEditor : public QTableWidget {
    Q_OBJECT
public:
    explicit ModuleConnectionsEditor(QWidget *parent = nullptr);

    // `outer` is the model the module sits in; `project` holds the module's model. No rows
    // when the module runs no model of the file.
    void setModule(const Project &project, const Model &outer, const Variable &module);
    // The combo box choosing what feeds the input in `row`.
    QComboBox *sourceBox(int row) const;

signals:
    void edited(const std::vector<meadows::ModuleConnection> &connections);

private:
    void collect();

    QString m_module;
    std::vector<ModuleConnection> m_others; // connections that are not to these inputs: kept
    QStringList m_inputs;
    QStringList m_sources;
    bool m_filling = false;
};

} // namespace meadows

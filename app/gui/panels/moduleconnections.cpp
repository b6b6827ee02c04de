#include "moduleconnections.h"

#include "model/names.h"

#include <QComboBox>
#include <QHeaderView>

namespace meadows {

ModuleConnectionsEditor::ModuleConnectionsEditor(QWidget *parent) : QTableWidget(0, 2, parent)
{
    setHorizontalHeaderLabels({tr("Input"), tr("Fed by")});
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setEditTriggers(NoEditTriggers);
    setSelectionMode(NoSelection);
    setMaximumHeight(130);
    setSizeAdjustPolicy(AdjustToContents);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

QComboBox *ModuleConnectionsEditor::sourceBox(int row) const
{
    return qobject_cast<QComboBox *>(cellWidget(row, 1));
}

// Whether a connection's "to" names this module's input: "module.input", or "input" alone.
static bool feeds(const ModuleConnection &c, const QString &module, const QString &input)
{
    const QString to = canonicalName(c.to);
    return to == canonicalName(module + QLatin1Char('.') + input) || to == canonicalName(input);
}

void ModuleConnectionsEditor::setModule(const Project &project, const Model &outer, const Variable &module)
{
    m_filling = true;
    QStringList inputs;
    const Model *inner = module.modelName.isEmpty() ? nullptr : project.findModel(module.modelName);
    if (inner) {
        for (const Variable &v : inner->variables)
            if (v.access == QLatin1String("input"))
                inputs << v.name;
        if (inputs.isEmpty()) // nothing marked: any auxiliary may be fed from outside
            for (const Variable &v : inner->variables)
                if (v.kind == VariableKind::Aux)
                    inputs << v.name;
    }
    QStringList sources;
    for (const Variable &v : outer.variables)
        if (v.kind != VariableKind::Module)
            sources << v.name;
    m_others.clear();
    for (const ModuleConnection &c : module.connections) {
        bool ours = false;
        for (const QString &input : std::as_const(inputs))
            ours |= feeds(c, module.name, input);
        if (!ours)
            m_others.push_back(c);
    }
    // The rows are rebuilt only when they change: this may run inside a combo box's own signal.
    if (inputs != m_inputs || sources != m_sources || module.name != m_module) {
        m_module = module.name;
        m_inputs = inputs;
        m_sources = sources;
        setRowCount(int(m_inputs.size()));
        for (int row = 0; row < m_inputs.size(); ++row) {
            setItem(row, 0, new QTableWidgetItem(displayName(m_inputs[row])));
            auto *box = new QComboBox(this);
            box->addItem(tr("(its own equation)"), QString());
            for (const QString &s : std::as_const(m_sources))
                box->addItem(displayName(s), s);
            connect(box, &QComboBox::activated, this, &ModuleConnectionsEditor::collect);
            setCellWidget(row, 1, box);
        }
    }
    for (int row = 0; row < m_inputs.size(); ++row) {
        QComboBox *box = sourceBox(row);
        int index = 0;
        for (const ModuleConnection &c : module.connections) {
            if (!feeds(c, module.name, m_inputs[row]))
                continue;
            const QString from = c.from.startsWith(u'.') ? c.from.mid(1) : c.from;
            index = -1;
            for (int i = 1; i < box->count() && index < 0; ++i)
                if (canonicalName(box->itemData(i).toString()) == canonicalName(from))
                    index = i;
            if (index < 0) { // fed by something the list does not offer (another module's output)
                box->addItem(displayName(from), from);
                index = box->count() - 1;
            }
        }
        box->setCurrentIndex(index);
    }
    m_filling = false;
}

void ModuleConnectionsEditor::collect()
{
    if (m_filling)
        return;
    std::vector<ModuleConnection> out = m_others;
    for (int row = 0; row < m_inputs.size(); ++row) {
        const QString from = sourceBox(row) ? sourceBox(row)->currentData().toString() : QString();
        if (!from.isEmpty())
            out.push_back({m_module + QLatin1Char('.') + m_inputs[row], from});
    }
    emit edited(out);
}

} // namespace meadows

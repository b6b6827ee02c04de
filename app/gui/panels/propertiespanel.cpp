#include "propertiespanel.h"

#include <algorithm>

#include "commands/bendconnector.h"
#include "commands/changevalue.h"
#include "commands/renamevariable.h"
#include "commands/setdimensions.h"
#include "diagram/labelgeometry.h"
#include "document.h"
#include "equationeditor.h"
#include "graphicalfunctioneditor.h"
#include "moduleconnections.h"
#include "model/names.h"
#include "scene/diagramscene.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace meadows {

PropertiesPanel::PropertiesPanel(Document *document, DiagramScene *scene, QWidget *parent)
    : QWidget(parent), m_document(document), m_scene(scene)
{
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_heading->setFont(bold);
    // A long name wraps, and one of hundreds of characters is shortened: the heading had
    // widened the dock until the diagram beside it was a strip.
    m_heading->setWordWrap(true);
    m_heading->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_heading);
    m_pages = new QStackedWidget(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_pages);
    layout->addWidget(scroll, 1);

    auto *empty = new QLabel(tr("Select a variable to see and edit its equation."), this);
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_pages->addWidget(empty);

    auto *variablePage = new QWidget(this);
    auto *form = new QFormLayout(variablePage);
    form->setContentsMargins(0, 0, 0, 0);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a narrow dock puts fields under their labels
    m_name = new QLineEdit(variablePage);
    m_name->setObjectName(QStringLiteral("nameField"));
    form->addRow(tr("&Name"), m_name);
    m_equation = new EquationEditor(variablePage);
    m_equation->setMinimumHeight(60);
    m_equation->setMaximumHeight(110);
    form->addRow(tr("&Equation"), m_equation);
    m_problem = new QLabel(variablePage);
    m_problem->setObjectName(QStringLiteral("equationProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #d32f2f"));
    form->addRow(QString(), m_problem);
    m_moduleModel = new QComboBox(variablePage);
    m_moduleModel->setObjectName(QStringLiteral("moduleModel"));
    m_moduleModel->setToolTip(tr("The model, among this file's models, that the module runs."));
    form->addRow(tr("&Model"), m_moduleModel);
    m_moduleInputs = new ModuleConnectionsEditor(variablePage);
    m_moduleInputs->setObjectName(QStringLiteral("moduleInputs"));
    form->addRow(tr("Inputs"), m_moduleInputs);
    // Tick the dimensions the variable is arrayed over; its equation applies to every element.
    m_dimensions = new QListWidget(variablePage);
    m_dimensions->setObjectName(QStringLiteral("dimensionList"));
    m_dimensions->setMaximumHeight(80);
    m_dimensions->setToolTip(tr("Tick the dimensions this variable is arrayed over; its equation applies to every element."));
    m_newDimension = new QLineEdit(variablePage);
    m_newDimension->setObjectName(QStringLiteral("newDimension"));
    m_newDimension->setPlaceholderText(tr("New dimension: Region = north, south (or = 3)"));
    auto *dimensionBox = new QWidget(variablePage);
    auto *dimensionLayout = new QVBoxLayout(dimensionBox);
    dimensionLayout->setContentsMargins(0, 0, 0, 0);
    dimensionLayout->addWidget(m_dimensions);
    dimensionLayout->addWidget(m_newDimension);
    dimensionBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    form->addRow(tr("Dimensions"), dimensionBox);
    m_hasGf = new QCheckBox(tr("Graphical function"), variablePage);
    form->addRow(QString(), m_hasGf);
    m_gfEditor = new GraphicalFunctionEditor(variablePage);
    m_gfEditor->setToolTip(tr("The variable's value is this curve, read at the value of its equation."));
    form->addRow(m_gfEditor);
    m_units = new QLineEdit(variablePage);
    form->addRow(tr("&Units"), m_units);
    m_nonNegative = new QCheckBox(tr("Non-negative"), variablePage);
    m_nonNegative->setObjectName(QStringLiteral("nonNegativeBox"));
    form->addRow(QString(), m_nonNegative);
    m_doc = new QPlainTextEdit(variablePage);
    m_doc->setMaximumHeight(90);
    form->addRow(tr("&Documentation"), m_doc);
    m_pages->addWidget(variablePage);

    auto *connectorPage = new QWidget(this);
    auto *connectorForm = new QFormLayout(connectorPage);
    connectorForm->setContentsMargins(0, 0, 0, 0);
    m_polarity = new QComboBox(connectorPage);
    m_polarity->addItem(tr("Not marked"), QString());
    m_polarity->addItem(tr("+ (same direction)"), QStringLiteral("+"));
    m_polarity->addItem(tr("− (opposite direction)"), QStringLiteral("-"));
    connectorForm->addRow(tr("&Polarity"), m_polarity);
    m_delay = new QCheckBox(tr("Delay mark ‖"), connectorPage);
    connectorForm->addRow(QString(), m_delay);
    m_pages->addWidget(connectorPage);

    m_checkTimer = new QTimer(this);
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(200);
    connect(m_checkTimer, &QTimer::timeout, this, &PropertiesPanel::checkNow);
    connect(m_equation, &QPlainTextEdit::textChanged, this, [this]() {
        if (!m_updating)
            m_checkTimer->start();
    });
    connect(m_equation, &EquationEditor::commitRequested, this, &PropertiesPanel::commitEquation);
    connect(m_name, &QLineEdit::editingFinished, this, &PropertiesPanel::commitName);
    connect(m_units, &QLineEdit::editingFinished, this, &PropertiesPanel::commitUnits);
    connect(m_nonNegative, &QCheckBox::toggled, this, &PropertiesPanel::commitNonNegative);
    connect(m_polarity, &QComboBox::currentIndexChanged, this, &PropertiesPanel::commitConnectorMarks);
    connect(m_delay, &QCheckBox::toggled, this, &PropertiesPanel::commitConnectorMarks);
    connect(m_dimensions, &QListWidget::itemChanged, this, &PropertiesPanel::commitDimensions);
    connect(m_newDimension, &QLineEdit::returnPressed, this, &PropertiesPanel::defineDimension);
    connect(m_moduleModel, &QComboBox::activated, this, &PropertiesPanel::commitModuleModel);
    connect(document, &Document::dimensionsChanged, this, &PropertiesPanel::refresh);
    connect(m_moduleInputs, &ModuleConnectionsEditor::edited, this, [this](const std::vector<ModuleConnection> &connections) {
        const Variable *v = m_variable.isEmpty() ? nullptr : m_document->variable(m_variable);
        if (m_updating || !v || v->kind != VariableKind::Module || v->connections == connections)
            return;
        m_document->undoStack()->push(new ChangeVariableValueCommand<std::vector<ModuleConnection>>(
            m_document, v->name, &Variable::connections, connections, tr("Connect the inputs of %1").arg(displayName(v->name))));
    });
    const auto setGf = [this](const std::optional<GraphicalFunction> &gf, const QString &text) {
        const Variable *v = m_variable.isEmpty() ? nullptr : m_document->variable(m_variable);
        if (m_updating || !v || v->gf == gf)
            return;
        m_document->undoStack()->push(new ChangeVariableValueCommand<std::optional<GraphicalFunction>>(m_document, v->name, &Variable::gf, gf, text));
    };
    connect(m_hasGf, &QCheckBox::toggled, this, [this, setGf](bool on) {
        setGf(on ? std::optional<GraphicalFunction>(GraphicalFunctionEditor::defaultFunction()) : std::nullopt,
              on ? tr("Add graphical function") : tr("Remove graphical function"));
    });
    connect(m_gfEditor, &GraphicalFunctionEditor::edited, this, [this, setGf](const GraphicalFunction &gf) {
        setGf(gf, tr("Edit graphical function"));
    });
    m_doc->installEventFilter(this);

    connect(scene, &QGraphicsScene::selectionChanged, this, &PropertiesPanel::followSelection);
    connect(document, &Document::variableChanged, this, [this](const QString &name) {
        if (canonicalName(name) == canonicalName(m_variable))
            refresh();
    });
    connect(document, &Document::variableRenamed, this, [this](const QString &oldName, const QString &newName) {
        if (canonicalName(oldName) == canonicalName(m_variable)) {
            m_variable = newName;
            refresh();
        }
    });
    connect(document, &Document::variableRemoved, this, [this](const QString &name) {
        if (canonicalName(name) == canonicalName(m_variable))
            showVariable(QString());
    });
    connect(document, &Document::elementChanged, this, [this](int uid) {
        if (uid == m_connector)
            refresh();
    });
    connect(document, &Document::projectReset, this, [this]() { showVariable(QString()); });
    showVariable(QString());
}

bool PropertiesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_doc && event->type() == QEvent::FocusOut)
        commitDoc();
    return QWidget::eventFilter(watched, event);
}

void PropertiesPanel::followSelection()
{
    const QList<int> uids = m_scene->selectedUids();
    if (uids.size() != 1) {
        showVariable(QString());
        return;
    }
    const ViewElement *e = m_document->element(uids.front());
    if (!e) {
        showVariable(QString());
    } else if (e->type == ViewElement::Type::Connector) {
        showConnector(uids.front());
    } else if (e->type == ViewElement::Type::Alias) {
        showVariable(e->aliasOf);
    } else {
        showVariable(e->name);
    }
}

void PropertiesPanel::showVariable(const QString &name)
{
    // Leaving a variable applies what was typed for it.
    if (!m_variable.isEmpty() && canonicalName(name) != canonicalName(m_variable))
        commit();
    m_connector = -1;
    const Variable *v = m_document->variable(name);
    m_variable = v ? v->name : QString();
    refresh();
}

void PropertiesPanel::showConnector(int uid)
{
    if (!m_variable.isEmpty())
        commit();
    m_variable.clear();
    m_connector = uid;
    refresh();
}

void PropertiesPanel::refresh()
{
    m_updating = true;
    const Variable *v = m_variable.isEmpty() ? nullptr : m_document->variable(m_variable);
    const ViewElement *connector = m_connector >= 0 ? m_document->element(m_connector) : nullptr;
    if (v) {
        static const char *const kinds[] = {QT_TR_NOOP("Stock"), QT_TR_NOOP("Flow"), QT_TR_NOOP("Variable"), QT_TR_NOOP("Module")};
        m_heading->setText(tr("%1 — %2").arg(diagram::shortenedLabel(displayName(v->name)), tr(kinds[int(v->kind)])));
        m_pages->setCurrentIndex(1);
        if (!m_name->hasFocus())
            m_name->setText(displayName(v->name));
        if (!m_equation->hasFocus() && m_equation->toPlainText() != v->equation) {
            m_equation->setPlainText(v->equation);
            m_checkTimer->start();
        }
        QStringList names;
        for (const Variable &other : m_document->model().variables)
            names << other.name;
        m_equation->setNames(names);
        m_equation->setReadOnly(v->kind == VariableKind::Module);
        if (!m_units->hasFocus())
            m_units->setText(v->units);
        if (!m_doc->hasFocus() && m_doc->toPlainText() != v->doc)
            m_doc->setPlainText(v->doc);
        m_nonNegative->setVisible(v->kind == VariableKind::Stock || v->kind == VariableKind::Flow);
        m_nonNegative->setChecked(v->nonNegative);
        fillDimensions(*v);
        const bool module = v->kind == VariableKind::Module;
        m_moduleModel->setVisible(module);
        if (auto *form = qobject_cast<QFormLayout *>(m_moduleModel->parentWidget()->layout()))
            form->setRowVisible(m_moduleModel, module);
        m_moduleModel->clear();
        m_moduleModel->addItem(tr("(none chosen)"), QString());
        for (size_t i = 1; i < m_document->project().models.size(); ++i)
            m_moduleModel->addItem(m_document->project().models[i].name, m_document->project().models[i].name);
        if (module && !v->modelName.isEmpty() && m_moduleModel->findData(v->modelName) < 0)
            m_moduleModel->addItem(tr("%1 (not in this file)").arg(v->modelName), v->modelName);
        m_moduleModel->setCurrentIndex(std::max(0, m_moduleModel->findData(v->modelName)));
        if (module)
            m_moduleInputs->setModule(m_document->project(), m_document->model(), *v);
        if (auto *form = qobject_cast<QFormLayout *>(m_moduleInputs->parentWidget()->layout()))
            form->setRowVisible(m_moduleInputs, module && m_moduleInputs->rowCount() > 0);
        // A module is not arrayed here: its model's variables are.
        if (auto *form = qobject_cast<QFormLayout *>(m_dimensions->parentWidget()->parentWidget()->layout()))
            form->setRowVisible(m_dimensions->parentWidget(), !module);
        m_hasGf->setVisible(v->kind == VariableKind::Aux || v->kind == VariableKind::Flow);
        m_hasGf->setChecked(v->gf.has_value());
        m_gfEditor->setVisible(v->gf.has_value());
        if (v->gf)
            m_gfEditor->setFunction(*v->gf);
    } else if (connector) {
        m_heading->setText(tr("Connector from %1 to %2")
                               .arg(diagram::shortenedLabel(displayName(connector->from.name)),
                                    diagram::shortenedLabel(displayName(connector->to.name))));
        m_pages->setCurrentIndex(2);
        m_polarity->setCurrentIndex(std::max(0, m_polarity->findData(connector->polarity)));
        m_delay->setChecked(hasDelayMark(*connector));
    } else {
        m_heading->setText(tr("Properties"));
        m_pages->setCurrentIndex(0);
        m_equation->setProblems({});
        m_problem->clear();
    }
    // Only the page shown asks for room, so an empty panel needs no scroll bar.
    for (int i = 0; i < m_pages->count(); ++i) {
        const auto policy = i == m_pages->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        m_pages->widget(i)->setSizePolicy(policy, policy);
    }
    m_pages->adjustSize();
    m_updating = false;
}

void PropertiesPanel::fillDimensions(const Variable &v)
{
    // Rebuilt only when the file's dimensions change: a tick's own signal may be running.
    const auto &dims = m_document->project().dimensions;
    bool same = m_dimensions->count() == int(dims.size());
    for (int i = 0; same && i < m_dimensions->count(); ++i)
        same = m_dimensions->item(i)->data(Qt::UserRole).toString() == dims[i].name;
    if (!same)
        m_dimensions->clear();
    for (int i = 0; i < int(dims.size()); ++i) {
        const Dimension &d = dims[i];
        bool used = false;
        for (const QString &name : v.dimensions)
            used |= canonicalName(name) == canonicalName(d.name);
        if (same) {
            m_dimensions->item(i)->setCheckState(used ? Qt::Checked : Qt::Unchecked);
            continue;
        }
        const QString elements = d.numbered ? tr("1 to %1").arg(d.elements.size()) : d.elements.join(QStringLiteral(", "));
        auto *item = new QListWidgetItem(tr("%1 (%2)").arg(d.name, elements), m_dimensions);
        item->setData(Qt::UserRole, d.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(used ? Qt::Checked : Qt::Unchecked);
    }
    // No list at all while the file defines no dimensions: an empty box would push the
    // fields most variables need (units, non-negative) below the fold.
    m_dimensions->setVisible(m_dimensions->count() > 0);
    if (m_dimensions->count() > 0)
        m_dimensions->setMaximumHeight(std::min(80, m_dimensions->count() * m_dimensions->sizeHintForRow(0) + 2 * m_dimensions->frameWidth()));
}

void PropertiesPanel::commitDimensions(QListWidgetItem *)
{
    const Variable *v = m_variable.isEmpty() ? nullptr : m_document->variable(m_variable);
    if (m_updating || !v)
        return;
    // The file's order of dimensions, kept for the ticked ones (rows first, then columns).
    QStringList chosen;
    for (int i = 0; i < m_dimensions->count(); ++i)
        if (m_dimensions->item(i)->checkState() == Qt::Checked)
            chosen << m_dimensions->item(i)->data(Qt::UserRole).toString();
    if (chosen == v->dimensions)
        return;
    const QString name = v->name;
    m_document->undoStack()->push(new SetDimensionsCommand(m_document, name, chosen));
}

void PropertiesPanel::defineDimension()
{
    // "Name = a, b, c" names the elements; "Name = 3" numbers them 1 to 3.
    const QString text = m_newDimension->text();
    const qsizetype eq = text.indexOf(QRegularExpression(QStringLiteral("[=:]")));
    const QString name = text.left(eq).trimmed();
    QStringList elements;
    for (const QString &e : text.mid(eq + 1).split(u',', Qt::SkipEmptyParts))
        if (!e.trimmed().isEmpty())
            elements << e.trimmed();
    Dimension d;
    d.name = name;
    bool numbered = false;
    const int size = elements.size() == 1 ? elements.front().toInt(&numbered) : 0;
    if (numbered && size > 0) {
        d.numbered = true;
        elements.clear();
        for (int i = 1; i <= size; ++i)
            elements << QString::number(i);
    }
    d.elements = elements;
    QString problem;
    if (eq < 0 || name.isEmpty() || elements.isEmpty())
        problem = tr("Write a new dimension as Name = element, element (or Name = a count).");
    else if (m_document->project().findDimension(name))
        problem = tr("There is already a dimension called %1.").arg(name);
    else if (elements.removeDuplicates() > 0)
        problem = tr("Each element of %1 needs its own name.").arg(name);
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    m_problem->clear();
    m_newDimension->clear();
    m_document->undoStack()->push(new SetDimensionsCommand(m_document, d));
}

void PropertiesPanel::commitModuleModel()
{
    const Variable *v = m_variable.isEmpty() ? nullptr : m_document->variable(m_variable);
    if (m_updating || !v || v->kind != VariableKind::Module)
        return;
    const QString model = m_moduleModel->currentData().toString();
    if (model == v->modelName)
        return;
    m_document->undoStack()->push(new ChangeVariableValueCommand<QString>(m_document, v->name, &Variable::modelName, model,
                                                                   tr("Set the model of %1").arg(displayName(v->name))));
}

void PropertiesPanel::checkNow()
{
    m_checkTimer->stop();
    if (m_variable.isEmpty())
        return;
    const auto problems = checkEquation(*m_document, m_variable, m_equation->toPlainText());
    m_equation->setProblems(problems);
    QStringList messages;
    for (const EquationProblem &p : problems)
        messages << p.message;
    m_problem->setText(messages.join(QLatin1Char('\n')));
}

void PropertiesPanel::commit()
{
    commitName();
    commitEquation();
    commitUnits();
    commitDoc();
}

void PropertiesPanel::commitName()
{
    const Variable *v = m_variable.isEmpty() ? nullptr : m_document->variable(m_variable);
    if (m_updating || !v)
        return;
    const QString newName = m_name->text().trimmed();
    if (newName == displayName(v->name))
        return;
    const QString problem = RenameVariableCommand::problem(*m_document, v->name, newName);
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_name->setText(displayName(v->name));
        return;
    }
    m_document->undoStack()->push(new RenameVariableCommand(m_document, v->name, newName));
}

// One undoable edit of a field of the shown variable, unless the field holds that value
// already; the history's words name the variable.
template<typename T, typename Words>
void PropertiesPanel::commitField(T Variable::*field, const T &value, Words words)
{
    const Variable *v = m_variable.isEmpty() ? nullptr : m_document->variable(m_variable);
    if (m_updating || !v || v->*field == value)
        return;
    m_document->undoStack()->push(new ChangeVariableValueCommand<T>(m_document, v->name, field, value, words(displayName(v->name))));
}

void PropertiesPanel::commitEquation()
{
    const Variable *v = m_variable.isEmpty() ? nullptr : m_document->variable(m_variable);
    if (v && v->kind == VariableKind::Module)
        return; // a module has no equation of its own
    commitField(&Variable::equation, m_equation->toPlainText(),
                [](const QString &name) { return tr("Edit equation of %1").arg(name); });
}

void PropertiesPanel::commitUnits()
{
    commitField(&Variable::units, m_units->text(), [](const QString &name) { return tr("Set units of %1").arg(name); });
}

void PropertiesPanel::commitDoc()
{
    commitField(&Variable::doc, m_doc->toPlainText(), [](const QString &name) { return tr("Document %1").arg(name); });
}

void PropertiesPanel::commitNonNegative(bool on)
{
    commitField(&Variable::nonNegative, on, [on](const QString &name) {
        return on ? tr("Make %1 non-negative").arg(name) : tr("Allow %1 to go negative").arg(name);
    });
}

void PropertiesPanel::commitConnectorMarks()
{
    const ViewElement *c = m_connector >= 0 ? m_document->element(m_connector) : nullptr;
    if (m_updating || !c)
        return;
    const QString polarity = m_polarity->currentData().toString();
    if (polarity == c->polarity && m_delay->isChecked() == hasDelayMark(*c))
        return;
    m_document->undoStack()->push(new ConnectorMarksCommand(m_document, m_connector, polarity, m_delay->isChecked()));
}

} // namespace meadows

#include "document.h"

#include "model/modelfile.h"
#include "diagram/autolayout.h"
#include "scene/diagramstyle.h"

#include <QFile>

#include "model/meadowsxml.h"
#include "model/names.h"
#include "model/mermaidreader.h"
#include "model/xmilereader.h"
#include "model/xmilewriter.h"

#include <QUndoStack>
#include <algorithm>

namespace meadows {

namespace {

bool isDiagramView(const View &v)
{
    return v.type.isEmpty() || v.type == QLatin1String("stock_flow");
}

} // namespace

Document::Document(QObject *parent) : QObject(parent), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this]() { emit modifiedChanged(isModified()); });
    resetToEmpty();
}

Document::~Document() = default;

void Document::resetToEmpty()
{
    Project p;
    p.models.emplace_back();
    p.simSpecs.start = 0;
    p.simSpecs.stop = 100;
    p.simSpecs.dt = 0.25;
    p.extras.attributes = {{QStringLiteral("xmlns"), QStringLiteral("http://docs.oasis-open.org/xmile/ns/XMILE/v1.0")},
                           {QStringLiteral("version"), QStringLiteral("1.0")}};
    reset(std::move(p), QString());
}

void Document::reset(Project project, const QString &filePath)
{
    m_undo->clear();
    m_readWarnings.clear();
    m_importedFrom.clear();
    m_project = std::move(project);
    if (m_project.models.empty())
        m_project.models.emplace_back();
    m_filePath = filePath;
    m_project.fileName = filePath;
    // A model that comes without a diagram (hand-written or generated XMILE, a Mermaid
    // flowchart) opens laid out, not as an empty canvas; the new diagram is unsaved work.
    diagram::LayoutOptions layout;
    layout.measure = &DiagramStyle::labelSize;
    QString layoutError;
    const bool laidOut = diagram::layoutModelsWithoutViews(m_project, layout, &layoutError) > 0;
    if (!layoutError.isEmpty())
        qWarning("%s: warning: the diagram could not be laid out: %s", qPrintable(filePath), qPrintable(layoutError));
    invalidateVariableIndex();
    prepareDiagram();
    m_undo->setClean();
    m_forcedModified = laidOut;
    emit projectReset();
    emit modifiedChanged(isModified());
    emit filePathChanged(m_filePath);
}

// Finds (or makes) the diagram and gives every drawable element a uid, so that views and
// commands can name elements that XMILE leaves anonymous. Given uids are not saved.
void Document::prepareDiagram()
{
    Model &m = mutableModel();
    const auto found = std::find_if(m.views.begin(), m.views.end(), isDiagramView);
    m_createdView = found == m.views.end();
    if (m_createdView) {
        m.views.emplace_back();
        m_viewIndex = int(m.views.size()) - 1;
    } else {
        m_viewIndex = int(found - m.views.begin());
    }
    m_syntheticUids.clear();
    m_seriesColors.clear();
    m_nextUid = 1;
    for (const ViewElement &e : m.views[m_viewIndex].elements)
        if (e.uid)
            m_nextUid = std::max(m_nextUid, *e.uid + 1);
    for (ViewElement &e : m.views[m_viewIndex].elements) {
        if (e.uid || e.type == ViewElement::Type::Other)
            continue;
        e.uid = m_nextUid++;
        m_syntheticUids.insert(*e.uid);
    }
    invalidateIndex();
}

QString Document::load(const QString &path)
{
    // A Mermaid flowchart imports as a causal-loop diagram, and a Vensim model as a model:
    // neither is saved back over the file it came from, which Save would replace with XMILE
    // (Save asks for an XMILE name).
    const bool mermaid = isMermaidFile(path);
    const bool foreign = mermaid || path.endsWith(QLatin1String(".mdl"), Qt::CaseInsensitive);
    XmileReadResult read = readModelFile(path);
    if (!read.project) {
        QStringList messages;
        for (const Diagnostic &d : read.diagnostics)
            messages << d.format();
        return messages.isEmpty() ? tr("%1 could not be read.").arg(path) : messages.join(QLatin1Char('\n'));
    }
    reset(std::move(*read.project), foreign ? QString() : path);
    if (foreign) {
        m_importedFrom = path;
        emit filePathChanged(m_filePath); // the title names it
    }
    for (const Diagnostic &d : read.diagnostics)
        if (d.severity == Severity::Warning)
            m_readWarnings << d.format();
    if (mermaid)
        markModified();
    return QString();
}

Project Document::projectForSaving() const
{
    Project copy = m_project;
    Model &m = copy.mainModel();
    View &v = m.views[m_viewIndex];
    for (ViewElement &e : v.elements)
        if (e.uid && m_syntheticUids.contains(*e.uid))
            e.uid.reset();
    if (m_createdView && v.elements.empty())
        m.views.erase(m.views.begin() + m_viewIndex);
    for (Variable &variable : m.variables) {
        const QString color = m_seriesColors.value(canonicalName(variable.name));
        if (color.isEmpty())
            continue;
        XmlAttributes &attributes = variable.extras.attributes;
        const auto it = std::find_if(attributes.begin(), attributes.end(),
                                     [](const XmlAttribute &a) { return a.name == QLatin1String(kSeriesColorAttribute); });
        if (it != attributes.end())
            it->value = color;
        else
            attributes.push_back({QLatin1String(kSeriesColorAttribute), color});
    }
    return copy;
}

void Document::setSeriesColor(const QString &variable, const QString &color)
{
    m_seriesColors.insert(canonicalName(variable), color);
}

QString Document::save(const QString &path)
{
    const QString error = saveXmileFile(projectForSaving(), path);
    if (!error.isEmpty())
        return error;
    setFilePath(path);
    m_forcedModified = false;
    m_undo->setClean();
    emit modifiedChanged(false);
    return QString();
}

void Document::setFilePath(const QString &path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    m_project.fileName = path;
    emit filePathChanged(path);
}

bool Document::isModified() const
{
    return m_forcedModified || !m_undo->isClean();
}

void Document::markModified()
{
    m_forcedModified = true;
    emit modifiedChanged(true);
}

const View &Document::view() const
{
    return m_project.mainModel().views[m_viewIndex];
}

View &Document::mutableView()
{
    return mutableModel().views[m_viewIndex];
}

void Document::buildVariableIndex() const
{
    m_variableIndex.clear();
    m_flowSource.clear();
    m_flowSink.clear();
    const auto &vars = model().variables;
    for (int i = 0; i < int(vars.size()); ++i) {
        const QString key = canonicalName(vars[i].name);
        if (!m_variableIndex.contains(key)) // a name defined twice: the first one counts
            m_variableIndex.insert(key, i);
        if (vars[i].kind != VariableKind::Stock)
            continue;
        for (const QString &f : vars[i].outflows)
            m_flowSource.insert(canonicalName(f), vars[i].name);
        for (const QString &f : vars[i].inflows)
            m_flowSink.insert(canonicalName(f), vars[i].name);
    }
    m_variableIndexValid = true;
}

int Document::variableIndex(QStringView name) const
{
    if (!m_variableIndexValid)
        buildVariableIndex();
    return m_variableIndex.value(canonicalName(name), -1);
}

const Variable *Document::variable(QStringView name) const
{
    const int i = variableIndex(name);
    return i < 0 ? nullptr : &model().variables[i];
}

int Document::elementIndex(int uid) const
{
    if (!m_uidIndexValid) {
        using T = ViewElement::Type;
        m_uidIndex.clear();
        m_uidByName.clear();
        const auto &elements = view().elements;
        for (int i = 0; i < int(elements.size()); ++i) {
            const ViewElement &e = elements[i];
            if (!e.uid)
                continue;
            m_uidIndex.insert(*e.uid, i);
            const bool named = e.type == T::Stock || e.type == T::Flow || e.type == T::Aux || e.type == T::Module;
            const QString key = named ? canonicalName(e.name) : QString();
            if (named && !m_uidByName.contains(key))
                m_uidByName.insert(key, *e.uid);
        }
        m_uidIndexValid = true;
    }
    return m_uidIndex.value(uid, -1);
}

const ViewElement *Document::element(int uid) const
{
    const int i = elementIndex(uid);
    return i < 0 ? nullptr : &view().elements[i];
}

int Document::elementUidForName(QStringView name) const
{
    elementIndex(-1); // makes sure the tables are current
    return m_uidByName.value(canonicalName(name), -1);
}

QString Document::flowSource(QStringView flowName) const
{
    if (!m_variableIndexValid)
        buildVariableIndex();
    return m_flowSource.value(canonicalName(flowName));
}

QString Document::flowSink(QStringView flowName) const
{
    if (!m_variableIndexValid)
        buildVariableIndex();
    return m_flowSink.value(canonicalName(flowName));
}

int Document::newUid()
{
    for (const ViewElement &e : view().elements)
        if (e.uid)
            m_nextUid = std::max(m_nextUid, *e.uid + 1);
    return m_nextUid++;
}

QString Document::uniqueName(const QString &base) const
{
    for (int n = 1;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(base).arg(n);
        if (variableIndex(candidate) < 0)
            return candidate;
    }
}

void Document::insertVariable(int index, const Variable &variable)
{
    auto &vars = mutableModel().variables;
    index = std::clamp(index, 0, int(vars.size()));
    vars.insert(vars.begin() + index, variable);
    invalidateVariableIndex();
    emit variableAdded(variable.name);
    emit modelEdited();
}

void Document::removeVariable(int index)
{
    auto &vars = mutableModel().variables;
    if (index < 0 || index >= int(vars.size()))
        return;
    const QString name = vars[index].name;
    vars.erase(vars.begin() + index);
    invalidateVariableIndex();
    emit variableRemoved(name);
    emit modelEdited();
}

void Document::replaceVariable(int index, const Variable &variable)
{
    auto &vars = mutableModel().variables;
    if (index < 0 || index >= int(vars.size()))
        return;
    const QString oldName = vars[index].name;
    vars[index] = variable;
    invalidateVariableIndex(); // names and flow lists may have changed
    if (canonicalName(oldName) != canonicalName(variable.name)) {
        // The chart colour belongs to the variable, whatever it is called.
        if (const QString color = m_seriesColors.take(canonicalName(oldName)); !color.isEmpty())
            m_seriesColors.insert(canonicalName(variable.name), color);
        emit variableRenamed(oldName, variable.name);
    }
    emit variableChanged(variable.name);
    emit modelEdited();
}

void Document::setSimSpecs(const SimSpecs &specs)
{
    if (m_project.simSpecs == specs)
        return;
    m_project.simSpecs = specs;
    emit modelEdited();
}

void Document::setDimensions(const std::vector<Dimension> &dimensions)
{
    if (m_project.dimensions == dimensions)
        return;
    m_project.dimensions = dimensions;
    m_project.hasDimensionsElement = m_project.hasDimensionsElement || !dimensions.empty();
    emit dimensionsChanged();
    emit modelEdited();
}

void Document::insertElement(int index, const ViewElement &element)
{
    Q_ASSERT(element.uid);
    auto &elements = mutableView().elements;
    index = std::clamp(index, 0, int(elements.size()));
    elements.insert(elements.begin() + index, element);
    invalidateIndex();
    emit elementAdded(*element.uid);
    emit modelEdited();
}

void Document::removeElement(int uid)
{
    const int i = elementIndex(uid);
    if (i < 0)
        return;
    auto &elements = mutableView().elements;
    elements.erase(elements.begin() + i);
    invalidateIndex();
    emit elementRemoved(uid);
    emit modelEdited();
}

void Document::replaceElement(const ViewElement &element)
{
    if (!element.uid)
        return;
    const int i = elementIndex(*element.uid);
    if (i < 0)
        return;
    if (mutableView().elements[i].name != element.name)
        invalidateIndex();
    mutableView().elements[i] = element;
    emit elementChanged(*element.uid);
    emit modelEdited();
}

} // namespace meadows

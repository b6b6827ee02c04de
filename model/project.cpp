#include "project.h"

#include "names.h"

#include <QFileInfo>

#include <algorithm>

namespace meadows {

namespace {
template<typename List>
auto findByName(List &list, QStringView name) -> decltype(&*list.begin())
{
    if (list.empty()) // most models have no dimensions, macros or modules: no name to make
        return nullptr;
    const QString key = canonicalName(name);
    for (auto &item : list) {
        if (canonicalName(item.name) == key)
            return &item;
    }
    return nullptr;
}
} // namespace

const Variable *Model::findVariable(QStringView name) const { return findByName(variables, name); }
Variable *Model::findVariable(QStringView name) { return findByName(variables, name); }
const GraphicalFunction *Model::findGraphicalFunction(QStringView name) const
{
    return findByName(graphicalFunctions, name);
}

bool Model::isCausalLoopDiagram() const
{
    if (variables.empty())
        return false;
    return std::all_of(variables.begin(), variables.end(), [](const Variable &v) {
        return v.kind == VariableKind::Aux && v.equation.trimmed().isEmpty() && v.elements.empty() && !v.gf;
    });
}

const Model *Project::findModel(QStringView name) const { return findByName(models, name); }
const Dimension *Project::findDimension(QStringView name) const { return findByName(dimensions, name); }
const Macro *Project::findMacro(QStringView name) const { return findByName(macros, name); }

const Macro *Project::findMacro(QStringView name, int arguments) const
{
    if (macros.empty())
        return nullptr;
    const QString key = canonicalName(name);
    const Macro *first = nullptr;
    for (const Macro &m : macros) {
        if (canonicalName(m.name) != key)
            continue;
        if (arguments >= m.requiredArguments() && arguments <= int(m.parameters.size()))
            return &m;
        if (!first)
            first = &m;
    }
    return first;
}

std::vector<const Model *> Project::allModels() const
{
    std::vector<const Model *> all;
    all.reserve(models.size() + macros.size());
    for (const Model &m : models)
        all.push_back(&m);
    for (const Macro &m : macros)
        all.push_back(&m.body);
    return all;
}

Project makeNewProject(const QString &title)
{
    Project p;
    p.extras.attributes = {{QStringLiteral("version"), QStringLiteral("1.0")},
                           {QStringLiteral("xmlns"), QStringLiteral("http://docs.oasis-open.org/xmile/ns/XMILE/v1.0")},
                           {QStringLiteral("xmlns:isee"), QStringLiteral("http://iseesystems.com/XMILE")}};
    p.header.name = QStringLiteral("header");
    const auto child = [](const QString &name, const QString &text, XmlAttributes attributes = {}) {
        return XmlNode{name, std::move(attributes), {}, {XmlNode{{}, {}, text, {}}}};
    };
    if (!title.isEmpty())
        p.header.children.push_back(child(QStringLiteral("name"), title));
    p.header.children.push_back(child(QStringLiteral("vendor"), QStringLiteral("Meadows")));
    p.header.children.push_back(child(QStringLiteral("product"), QStringLiteral("Meadows"),
                                      {{QStringLiteral("version"), QStringLiteral(MEADOWS_VERSION_STRING)}}));
    p.models.emplace_back();
    return p;
}

QString Project::title() const
{
    for (const XmlNode &child : header.children) {
        if (child.name == QLatin1String("name") && !child.children.empty() && child.children[0].isText())
            return child.children[0].text.trimmed();
    }
    return QFileInfo(fileName).completeBaseName();
}

} // namespace meadows

#include "xmileresources.h"
#include "filenamecheck.h"
#include "inputfiles.h"

#include "model/names.h"
#include "model/xmilereader.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace meadows {

namespace {

// A chain of files each naming the next: deeper than this is a mistake or a hostile file.
constexpr int kMaxDepth = 16;

Diagnostic errorAt(const Variable &module, const QString &path, const QString &message)
{
    return Diagnostic(Severity::Error, path, module.elementSource.position(), message);
}

// What one file gives the project that names it: whatever it holds that the project does
// not (by name), so the naming file's own definitions win.
void merge(Project &project, Project &&from, bool includeMainModel)
{
    for (std::size_t k = includeMainModel ? 0 : 1; k < from.models.size(); ++k)
        if (!from.models[k].name.isEmpty() && !project.findModel(from.models[k].name))
            project.models.push_back(std::move(from.models[k]));
    for (Dimension &d : from.dimensions)
        if (!project.findDimension(d.name))
            project.dimensions.push_back(std::move(d));
    for (Macro &mac : from.macros) {
        // One name may be defined again for another number of arguments (XMILE's macros).
        const bool known = std::any_of(project.macros.begin(), project.macros.end(), [&mac](const Macro &m) {
            return canonicalName(m.name) == canonicalName(mac.name) && m.parameters.size() == mac.parameters.size();
        });
        if (!known)
            project.macros.push_back(std::move(mac));
    }
    for (Unit &u : from.units) {
        const bool known = std::any_of(project.units.begin(), project.units.end(), [&u](const Unit &o) { return o.name == u.name; });
        if (!known)
            project.units.push_back(std::move(u));
    }
}

// The file's bytes; what is wrong with it (a pipe, a device) in *problem when it cannot be
// read whole.
QByteArray contentsOf(const QString &file, QString *problem)
{
    noteInputFile(file);
    return readRegularFile(file, problem).value_or(QByteArray());
}

void load(Project &project, const QString &path, std::vector<Diagnostic> &diagnostics, QSet<QString> &open, int depth)
{
    const QString here = QFileInfo(path).canonicalFilePath();
    open.insert(here);
    // Models are appended while the loop reads them; walk by index, copying what it needs.
    for (std::size_t m = 0; m < project.models.size(); ++m) {
        for (std::size_t i = 0; i < project.models[m].variables.size(); ++i) {
            const Variable &candidate = project.models[m].variables[i];
            const QString *named = findAttribute(candidate.extras.attributes, u"resource");
            if (candidate.kind != VariableKind::Module || !named || project.findModel(candidate.modelName))
                continue;
            // A copy: reading the resource appends to project.models, which moves this variable.
            const Variable module = candidate;
            const QString *resource = findAttribute(module.extras.attributes, u"resource");
            if (const QString problem = nulCharacterProblem(*resource); !problem.isEmpty()) {
                diagnostics.push_back(errorAt(module, path, QStringLiteral("module '%1': %2").arg(displayName(module.name), problem)));
                continue;
            }
            const QString file = QDir(QFileInfo(path).absolutePath()).absoluteFilePath(*resource);
            const QString canonical = QFileInfo(file).canonicalFilePath();
            if (canonical.isEmpty()) {
                diagnostics.push_back(errorAt(module, path, QStringLiteral("module '%1': its resource '%2' does not exist")
                                                                .arg(displayName(module.name), *resource)));
                continue;
            }
            if (open.contains(canonical) || depth >= kMaxDepth) {
                diagnostics.push_back(errorAt(module, path, QStringLiteral("module '%1': its resource '%2' names "
                                                                           "itself again, directly or through others")
                                                                .arg(displayName(module.name), *resource)));
                continue;
            }
            // Read as included: the run's <sim_specs> are the main file's.
            QString problem;
            const QByteArray bytes = contentsOf(file, &problem);
            if (!problem.isEmpty()) {
                diagnostics.push_back(errorAt(module, path, QStringLiteral("module '%1': its resource '%2': %3")
                                                                .arg(displayName(module.name), *resource, problem)));
                continue;
            }
            XmileReadResult read = readXmile(bytes, file, XmileRole::Included);
            for (Diagnostic &d : read.diagnostics)
                diagnostics.push_back(std::move(d));
            if (!read.project || read.project->models.empty()) {
                diagnostics.push_back(errorAt(module, path, QStringLiteral("module '%1': its resource '%2' %3")
                                                                .arg(displayName(module.name), *resource,
                                                                     read.project ? QStringLiteral("has no <model>")
                                                                                  : QStringLiteral("could not be read"))));
                continue;
            }
            load(*read.project, file, diagnostics, open, depth + 1);
            Model model = std::move(read.project->models.front());
            model.name = module.modelName;
            project.models.push_back(std::move(model));
            merge(project, std::move(*read.project), false);
        }
    }
    open.remove(here);
}

// The line and column of the first `resource="name"` in `text` at or after `from`.
SourcePos positionOf(const QByteArray &text, const QString &name, qsizetype &from)
{
    const QByteArray needle = "resource=\"" + name.toUtf8() + '"';
    qsizetype at = text.indexOf(needle, from);
    if (at < 0)
        at = from;
    from = at + 1;
    SourcePos pos;
    pos.line = int(text.left(at).count('\n')) + 1;
    pos.column = int(at - (text.lastIndexOf('\n', at - 1) + 1)) + 1;
    return pos;
}

} // namespace

void loadIncludes(Project &project, const QString &path, const QByteArray &text, std::vector<Diagnostic> &diagnostics)
{
    qsizetype searchFrom = 0;
    for (const XmlNode &includes : project.header.children) {
        if (includes.name != QLatin1String("includes"))
            continue;
        for (const XmlNode &include : includes.children) {
            const QString *resource = findAttribute(include.attributes, u"resource");
            if (include.name != QLatin1String("include") || !resource)
                continue;
            const SourcePos at = positionOf(text, *resource, searchFrom);
            const QString file = QDir(QFileInfo(path).absolutePath()).absoluteFilePath(*resource);
            if (QFileInfo(file).canonicalFilePath() == QFileInfo(path).canonicalFilePath()) {
                diagnostics.push_back({Severity::Error, path, at, QStringLiteral("<include> names this file itself")});
                continue;
            }
            if (!QFileInfo::exists(file)) {
                diagnostics.push_back({Severity::Error, path, at, QStringLiteral("the included file '%1' does not exist").arg(*resource)});
                continue;
            }
            // An included file's own <includes> are not followed: the specification gives them
            // to the file that is run, and following them could loop.
            QString problem;
            const QByteArray bytes = contentsOf(file, &problem);
            if (!problem.isEmpty()) {
                diagnostics.push_back({Severity::Error, path, at, QStringLiteral("the included file '%1': %2").arg(*resource, problem)});
                continue;
            }
            XmileReadResult read = readXmile(bytes, file, XmileRole::Included);
            for (Diagnostic &d : read.diagnostics)
                diagnostics.push_back(std::move(d));
            if (!read.project) {
                diagnostics.push_back({Severity::Error, path, at, QStringLiteral("the included file '%1' could not be read").arg(*resource)});
                continue;
            }
            loadModuleResources(*read.project, file, diagnostics);
            merge(project, std::move(*read.project), true);
        }
    }
}

void loadModuleResources(Project &project, const QString &path, std::vector<Diagnostic> &diagnostics)
{
    QSet<QString> open;
    load(project, path, diagnostics, open, 0);
}

} // namespace meadows

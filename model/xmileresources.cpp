#include "xmileresources.h"

#include "model/names.h"
#include "model/xmilereader.h"

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
    Diagnostic d(Severity::Error, path, {}, message);
    if (module.elementSource.isValid())
        d.pos = module.elementSource.source->position(module.elementSource.offset);
    return d;
}

void load(Project &project, const QString &path, std::vector<Diagnostic> &diagnostics, QSet<QString> &open, int depth)
{
    const QString here = QFileInfo(path).canonicalFilePath();
    open.insert(here);
    // Models are appended while the loop reads them; walk by index, copying what it needs.
    for (std::size_t m = 0; m < project.models.size(); ++m) {
        for (std::size_t i = 0; i < project.models[m].variables.size(); ++i) {
            const Variable module = project.models[m].variables[i];
            const QString *resource = findAttribute(module.extras.attributes, u"resource");
            if (module.kind != VariableKind::Module || !resource || project.findModel(module.modelName))
                continue;
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
            XmileReadResult read = readXmile([&] {
                QFile f(file);
                return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            }(), file);
            for (Diagnostic &d : read.diagnostics)
                diagnostics.push_back(std::move(d));
            if (!read.project) {
                diagnostics.push_back(errorAt(module, path, QStringLiteral("module '%1': its resource '%2' could not be read")
                                                                .arg(displayName(module.name), *resource)));
                continue;
            }
            load(*read.project, file, diagnostics, open, depth + 1);
            Model model = std::move(read.project->models.front());
            model.name = module.modelName;
            project.models.push_back(std::move(model));
            for (std::size_t k = 1; k < read.project->models.size(); ++k)
                if (!project.findModel(read.project->models[k].name))
                    project.models.push_back(std::move(read.project->models[k]));
            for (Dimension &d : read.project->dimensions)
                if (!project.findDimension(d.name))
                    project.dimensions.push_back(std::move(d));
            for (Macro &mac : read.project->macros)
                if (!project.findMacro(mac.name))
                    project.macros.push_back(std::move(mac));
        }
    }
    open.remove(here);
}

} // namespace

void loadModuleResources(Project &project, const QString &path, std::vector<Diagnostic> &diagnostics)
{
    QSet<QString> open;
    load(project, path, diagnostics, open, 0);
}

} // namespace meadows

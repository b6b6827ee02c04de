#include "modelfile.h"

#include "inputfiles.h"
#include "mermaidreader.h"
#include "vensim/mdlreader.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace meadows {

namespace {

// XML starts with '<' (after a byte-order mark and blank space); anything else is some
// other kind of file, which deserves a plainer word than the XML parser's "Start tag expected".
bool looksLikeXml(const QByteArray &head)
{
    for (const char c : head) {
        if (c == '<')
            return true;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\xef' && c != '\xbb' && c != '\xbf')
            return false;
    }
    return true;
}

} // namespace

bool isMermaidFile(const QString &path)
{
    return path.endsWith(QLatin1String(".mmd"), Qt::CaseInsensitive)
           || path.endsWith(QLatin1String(".mermaid"), Qt::CaseInsensitive);
}

XmileReadResult readModelFile(const QString &path)
{
    // Each reader reads through readRegularFile (model/inputfiles.h): a device, a pipe, a
    // directory or a file far larger than any model is refused, not read without end.
    if (isMermaidFile(path)) {
        XmileReadResult read;
        QString problem;
        const std::optional<QByteArray> bytes = readRegularFile(path, &problem);
        if (!bytes) {
            Diagnostic d;
            d.file = path;
            d.message = problem;
            read.diagnostics.push_back(d);
            return read;
        }
        MermaidReadResult m = readMermaid(*bytes, path);
        read.project = std::move(m.project);
        read.diagnostics = std::move(m.diagnostics);
        return read;
    }
    if (isVensimFile(path))
        return readVensimFile(path);
    XmileReadResult read = readXmileFile(path);
    if (!read.project && QFileInfo(path).isFile()) { // opening a pipe to look would wait for a writer
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && !looksLikeXml(file.read(4096))) {
            Diagnostic d;
            d.file = path;
            d.pos = SourcePos{1, 1};
            d.message = QStringLiteral("not an XMILE model (Meadows reads XMILE files, Vensim models named .mdl, "
                                       "and Mermaid flowcharts named .mmd as causal-loop diagrams)");
            read.diagnostics = {d};
        }
    }
    return read;
}

void printDiagnostics(QTextStream &out, const std::vector<Diagnostic> &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        out << d.format() << '\n';
    out.flush();
}

bool hasErrors(const std::vector<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

std::optional<Project> loadProject(const QString &path, QTextStream &errors)
{
    XmileReadResult read = readModelFile(path);
    printDiagnostics(errors, read.diagnostics);
    // A reader error (a number that is not one, a bad size) leaves a model that would
    // run wrong; a command does not go on with it.
    if (hasErrors(read.diagnostics))
        return std::nullopt;
    return std::move(read.project);
}

} // namespace meadows

#pragma once
// `meadows export MODEL --format F -o OUT [--scale S] [--baseline OTHER]`: the options, parsed
// in one place for the command line (text formats, headless) and the GUI module (pictures,
// which need the diagram's scene items).
#include <QString>
#include <QStringList>
#include <optional>

namespace meadows {

enum class ExportFormat { Svg, Png, Pdf, Markdown, Mermaid, Dot };

struct ExportOptions {
    QString model;
    ExportFormat format = ExportFormat::Svg;
    QString output;   // empty or "-": standard output (text formats only)
    double scale = 2; // PNG pixels per diagram unit
    QString baseline; // md: the model whose constants this one is compared with
    QString bifurcation; // md: NAME=FROM:TO:N, the constant to follow the equilibria along
};

struct ParsedExportOptions {
    std::optional<ExportOptions> options;
    QString usageError; // set when options is empty
};

// The arguments after "export". Without --format the format follows -o's suffix.
ParsedExportOptions parseExportOptions(const QStringList &arguments);

std::optional<ExportFormat> exportFormatFromName(const QString &name);
QString exportFormatName(ExportFormat format);
// The usual suffix of a format's files, without the dot.
QString exportFormatSuffix(ExportFormat format);
// Pictures of the diagram (and the md bundle, which holds some) need the GUI's scene.
bool exportNeedsRenderer(ExportFormat format);

} // namespace meadows

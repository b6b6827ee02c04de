#include "exportoptions.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include "solver/analysis/sweep.h"

namespace meadows {

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("svg"))
        return ExportFormat::Svg;
    if (n == QLatin1String("png"))
        return ExportFormat::Png;
    if (n == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    if (n == QLatin1String("md") || n == QLatin1String("markdown"))
        return ExportFormat::Markdown;
    if (n == QLatin1String("mermaid") || n == QLatin1String("mmd"))
        return ExportFormat::Mermaid;
    if (n == QLatin1String("dot") || n == QLatin1String("gv"))
        return ExportFormat::Dot;
    return std::nullopt;
}

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Svg: return QStringLiteral("svg");
    case ExportFormat::Png: return QStringLiteral("png");
    case ExportFormat::Pdf: return QStringLiteral("pdf");
    case ExportFormat::Markdown: return QStringLiteral("md");
    case ExportFormat::Mermaid: return QStringLiteral("mermaid");
    case ExportFormat::Dot: return QStringLiteral("dot");
    }
    return {};
}

QString exportFormatSuffix(ExportFormat format)
{
    return format == ExportFormat::Mermaid ? QStringLiteral("mmd") : exportFormatName(format);
}

bool exportNeedsRenderer(ExportFormat format)
{
    return format != ExportFormat::Mermaid && format != ExportFormat::Dot;
}

ParsedExportOptions parseExportOptions(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addPositionalArgument(QStringLiteral("model"), QStringLiteral("the XMILE model to export"));
    p.addOption({{QStringLiteral("f"), QStringLiteral("format")}, QStringLiteral("svg|png|pdf|md|mermaid|dot"), QStringLiteral("format")});
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("the file to write"), QStringLiteral("file")});
    p.addOption({QStringLiteral("scale"), QStringLiteral("PNG pixels per diagram unit"), QStringLiteral("factor")});
    p.addOption({QStringLiteral("baseline"), QStringLiteral("md: compare constants with this model"), QStringLiteral("model")});
    p.addOption({QStringLiteral("bifurcation"), QStringLiteral("md: chart the equilibria along a constant"), QStringLiteral("NAME=FROM:TO:N")});
    ParsedExportOptions result;
    if (!p.parse(QStringList{QStringLiteral("meadows export")} + arguments)) {
        result.usageError = p.errorText();
        return result;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1) {
        result.usageError = positional.isEmpty() ? QStringLiteral("no model given") : QStringLiteral("more than one model given");
        return result;
    }
    ExportOptions o;
    o.model = positional[0];
    o.output = p.value(QStringLiteral("output"));
    o.baseline = p.value(QStringLiteral("baseline"));
    o.bifurcation = p.value(QStringLiteral("bifurcation"));
    std::optional<ExportFormat> format;
    if (p.isSet(QStringLiteral("format"))) {
        format = exportFormatFromName(p.value(QStringLiteral("format")));
        if (!format) {
            result.usageError = QStringLiteral("unknown format '%1' (svg, png, pdf, md, mermaid or dot)").arg(p.value(QStringLiteral("format")));
            return result;
        }
    } else {
        format = exportFormatFromName(QFileInfo(o.output).suffix());
        if (!format) {
            result.usageError = o.output.isEmpty() ? QStringLiteral("no --format given")
                                                   : QStringLiteral("no --format given, and '%1' does not say one").arg(o.output);
            return result;
        }
    }
    o.format = *format;
    const bool toStdout = o.output.isEmpty() || o.output == QLatin1String("-");
    if (toStdout && exportNeedsRenderer(o.format)) {
        result.usageError = QStringLiteral("%1 needs an output file (-o OUT)").arg(exportFormatName(o.format));
        return result;
    }
    if (p.isSet(QStringLiteral("scale"))) {
        bool ok = false;
        o.scale = p.value(QStringLiteral("scale")).toDouble(&ok);
        if (!ok || !(o.scale > 0) || o.scale > 20) {
            result.usageError = QStringLiteral("--scale needs a number above 0 and at most 20, not '%1'").arg(p.value(QStringLiteral("scale")));
            return result;
        }
    }
    if (!o.baseline.isEmpty() && o.format != ExportFormat::Markdown) {
        result.usageError = QStringLiteral("--baseline is only for --format md");
        return result;
    }
    if (p.isSet(QStringLiteral("bifurcation"))) {
        if (o.format != ExportFormat::Markdown) {
            result.usageError = QStringLiteral("--bifurcation is only for --format md");
            return result;
        }
        QString error;
        const std::optional<SweepAxis> axis = parseSweepAxis(o.bifurcation, &error);
        if (!axis || axis->count < 2) {
            result.usageError = axis ? QStringLiteral("--bifurcation needs at least 2 values, not '%1'").arg(o.bifurcation)
                                     : QStringLiteral("--bifurcation: %1").arg(error);
            return result;
        }
    }
    result.options = o;
    return result;
}

} // namespace meadows

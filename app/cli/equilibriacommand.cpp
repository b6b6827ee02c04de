// meadows equilibria MODEL [--set NAME=V]... [--at T] [--json]
#include "analysisarguments.h"
#include "commandline.h"
#include "commandoutput.h"

#include "solver/analysis/equilibria.h"

#include "model/modelfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace meadows {

namespace {

QJsonArray eigenvalueArray(const std::vector<std::complex<double>> &values)
{
    QJsonArray a;
    for (const std::complex<double> &v : values)
        a.append(QJsonArray{v.real(), v.imag()});
    return a;
}

QString complexText(std::complex<double> v)
{
    if (v.imag() == 0)
        return QString::number(v.real(), 'g', 6);
    return QStringLiteral("%1 %2 %3i").arg(QString::number(v.real(), 'g', 6), v.imag() < 0 ? QStringLiteral("-") : QStringLiteral("+"),
                                          QString::number(std::fabs(v.imag()), 'g', 6));
}

} // namespace

int equilibriaCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QCommandLineParser p;
    p.addOption({QStringLiteral("at"), QStringLiteral("time at which time-driven inputs are held"), QStringLiteral("t")});
    p.addOption({QStringLiteral("json"), QStringLiteral("print JSON")});
    ModelArguments given;
    QString usage;
    if (!parseModelArguments(p, QStringLiteral("equilibria"), arguments, err, given, &usage))
        return ExitUsage;
    const FlattenOptions &flatten = given.flatten;
    EquilibriumOptions options;
    options.at = timeOption(p, &usage);
    if (!usage.isEmpty()) {
        err << "meadows equilibria: " << usage << '\n' << usageText();
        return ExitUsage;
    }

    const std::unique_ptr<ParameterizedModel> model = loadAnalysableModel(given.model, {}, flatten, err);
    if (!model)
        return ExitModelError;
    const EquilibriumSearch search = findEquilibria(model->flat(), *model->model(), options);

    // Caveats and kinks are said on stderr in both formats, with where the equation is.
    printDiagnostics(err, search.warnings);
    for (std::size_t i = 0; i < search.equilibria.size(); ++i) {
        for (const Kink &k : search.equilibria[i].kinks) {
            Diagnostic d = k.where;
            d.message = QStringLiteral("equilibrium %1 sits on a %2 kink in '%3': the net flows have a different slope on "
                                       "each side, and its eigenvalues are those of the average slope")
                            .arg(i + 1).arg(k.function, k.variable);
            err << d.format() << '\n';
        }
    }
    err.flush();
    if (std::any_of(search.warnings.begin(), search.warnings.end(), [](const Diagnostic &d) { return d.severity == Severity::Error; }))
        return ExitModelError;

    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Equilibrium &e : search.equilibria) {
            list.append(QJsonObject{{QStringLiteral("stocks"), stocksObject(search.stockNames, e.stocks)},
                                    {QStringLiteral("eigenvalues"), eigenvalueArray(e.eigenvalues)},
                                    {QStringLiteral("stability"), stabilityName(e.stability)},
                                    {QStringLiteral("oscillatory"), e.oscillatory}});
        }
        return writeCommandOutput(err, QJsonDocument(QJsonObject{{QStringLiteral("equilibria"), list}}).toJson(QJsonDocument::Indented));
    }
    QString text;
    QTextStream out(&text);
    const double at = options.at.value_or(model->model()->specs.start);
    if (search.equilibria.empty()) {
        out << "No equilibrium at time " << at << ": Newton's method found none from " << search.starts
            << " starting points (the stocks never all stop changing).\n";
        out.flush();
        return writeCommandOutput(err, text.toUtf8());
    }
    out << search.equilibria.size() << (search.equilibria.size() == 1 ? " equilibrium" : " equilibria") << " at time " << at
        << " (from " << search.starts << " starting points):\n";
    for (std::size_t i = 0; i < search.equilibria.size(); ++i) {
        const Equilibrium &e = search.equilibria[i];
        QString kind = stabilityName(e.stability);
        if (e.oscillatory)
            kind += QStringLiteral(", oscillatory");
        if (e.neutral)
            kind += QStringLiteral(", neutral (an eigenvalue's real part is zero)");
        out << "\n" << (i + 1) << ". " << kind << "\n";
        for (std::size_t s = 0; s < search.stockNames.size(); ++s) {
            if (!search.stockNames[s].isEmpty())
                out << "   " << search.stockNames[s] << " = " << QString::number(e.stocks[s], 'g', 10) << "\n";
        }
        QStringList values;
        for (std::complex<double> v : e.eigenvalues)
            values << complexText(v);
        out << "   eigenvalues: " << values.join(QStringLiteral(", ")) << "\n";
        for (const Kink &k : e.kinks)
            out << "   on a " << k.function << " kink in " << k.variable << "\n";
    }
    out.flush();
    return writeCommandOutput(err, text.toUtf8());
}

} // namespace meadows

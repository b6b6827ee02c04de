#include "analysisrequest.h"

#include "analysispanel.h"
#include "bifurcationtab.h"
#include "equilibriatab.h"
#include "parameterrow.h"
#include "recoverytab.h"
#include "sensitivitytab.h"

#include "solver/analysis/sweep.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QMainWindow>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>

namespace meadows {

namespace {
QString setRow(ParameterRow *row, const QString &text)
{
    QString error;
    const std::optional<SweepAxis> axis = parseSweepAxis(text, &error);
    if (!axis)
        return error;
    if (!row->choose(axis->name))
        return QStringLiteral("the model has no constant '%1' to vary").arg(axis->name);
    row->setRange(axis->from, axis->to, axis->count);
    return {};
}
} // namespace

QString startAnalysis(QMainWindow *window, QDockWidget *dock, AnalysisPanel *panel, const QString &spec)
{
    const qsizetype colon = spec.indexOf(u':');
    const QString kind = spec.left(colon).trimmed();
    const QString rest = colon < 0 ? QString() : spec.mid(colon + 1);
    dock->show();
    dock->raise();
    // Wide and tall enough for the chart's labels, once the window has laid its docks out.
    QTimer::singleShot(50, dock, [window, dock]() {
        window->resizeDocks({dock}, {560}, Qt::Horizontal);
        // The Results dock under it gives up height too, down to a chart that still reads.
        if (auto *results = window->findChild<QDockWidget *>(QStringLiteral("ResultsDock")))
            window->resizeDocks({results}, {220}, Qt::Vertical);
        window->resizeDocks({dock}, {640}, Qt::Vertical);
    });
    AnalysisTab *tab = nullptr;
    QString error;
    if (kind == QLatin1String("equilibria") && rest.isEmpty()) {
        tab = panel->equilibria();
    } else if (kind == QLatin1String("bifurcation")) {
        tab = panel->bifurcation();
        error = setRow(panel->bifurcation()->parameter(), rest);
    } else if (kind == QLatin1String("recovery")) {
        tab = panel->recovery();
        const QStringList axes = rest.split(u',');
        error = axes.size() > 2 ? QStringLiteral("recovery maps one or two parameters") : setRow(panel->recovery()->first(), axes[0]);
        panel->recovery()->useSecond()->setChecked(axes.size() == 2);
        if (error.isEmpty() && axes.size() == 2)
            error = setRow(panel->recovery()->second(), axes[1]);
    } else if (kind == QLatin1String("sensitivity")) {
        tab = panel->sensitivity();
        error = setRow(panel->sensitivity()->parameter(), rest);
        if (error.isEmpty())
            panel->sensitivity()->runs()->setValue(parseSweepAxis(rest, &error)->count);
    } else {
        return QStringLiteral("--analysis must be equilibria, bifurcation:NAME=FROM:TO:N, recovery:NAME=FROM:TO:N[,NAME=FROM:TO:N] "
                              "or sensitivity:NAME=FROM:TO:RUNS, not '%1'").arg(spec);
    }
    if (!error.isEmpty())
        return error;
    panel->showTab(tab);
    tab->run();
    return {};
}

bool analysisBusy(const AnalysisPanel *panel)
{
    for (const AnalysisTab *tab : std::initializer_list<const AnalysisTab *>{panel->equilibria(), panel->bifurcation(),
                                                                              panel->recovery(), panel->sensitivity()})
        if (tab->job()->isBusy())
            return true;
    return false;
}

} // namespace meadows

#pragma once
// `meadows MODEL --analysis SPEC`: opens the Analysis panel on one of its tabs and runs it,
// as a user would by choosing the parameters and pressing Run (with --screenshot, the
// picture waits for the result). SPEC is one of
//   equilibria
//   bifurcation:NAME=FROM:TO:N
//   recovery:NAME=FROM:TO:N[,NAME=FROM:TO:N]
//   sensitivity:NAME=FROM:TO:RUNS        (uniform from FROM to TO, bands on the Results chart)
#include <QString>

class QDockWidget;
class QMainWindow;

namespace meadows {

class AnalysisPanel;

// Empty when started; else what is wrong with SPEC.
QString startAnalysis(QMainWindow *window, QDockWidget *dock, AnalysisPanel *panel, const QString &spec);
bool analysisBusy(const AnalysisPanel *panel);

} // namespace meadows

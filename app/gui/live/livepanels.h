#pragma once
// Puts live simulation into the editor's window: a Results dock (charts, runs), a Sliders
// dock beside it, a Loops dock and an Analysis dock (equilibria, tipping points,
// sensitivity), all following the document as it is edited. Clicking a variable in
// the diagram charts it; picking a loop highlights it in the diagram.
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QDockWidget;
class QMainWindow;

namespace meadows {

class Document;
class DiagramScene;
class LiveWorkspace;
struct Results;
class LoopsPanel;
class AnalysisPanel;
struct LoopRow;

class LivePanels : public QObject {
    Q_OBJECT
public:
    LivePanels(QMainWindow *window, Document *document, DiagramScene *scene);

    LiveWorkspace *workspace() const { return m_workspace; }
    LoopsPanel *loops() const { return m_loops; }
    AnalysisPanel *analysis() const { return m_analysis; }
    QDockWidget *analysisDock() const { return m_analysisDock; }

private:
    void modelChanged();
    void showLoops(const std::vector<LoopRow> &loops);
    void selectionChanged();
    void showResults(const std::shared_ptr<const Results> &results);
    void showTime(int row);
    void setConstant(const QString &variable, double value, int gesture);

    Document *m_document;
    DiagramScene *m_scene;
    LiveWorkspace *m_workspace = nullptr;
    LoopsPanel *m_loops = nullptr;
    AnalysisPanel *m_analysis = nullptr;
    QDockWidget *m_analysisDock = nullptr;
    int m_labelledLoops = 0; // loops given labels in the diagram, the shortest first
};

} // namespace meadows

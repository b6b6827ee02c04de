#pragma once
// The properties of the selected variable (name, equation, units, documentation,
// non-negative, array dimensions; a module's model and what feeds its inputs) or connector
// (polarity, delay mark). Edits become undoable commands when a field is left (or Enter /
// Ctrl+Enter); the panel refreshes when the document changes.
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QStackedWidget;
class QTimer;

namespace meadows {

class Document;
class DiagramScene;
class EquationEditor;
class GraphicalFunctionEditor;
class ModuleConnectionsEditor;
struct Variable;

class PropertiesPanel : public QWidget {
    Q_OBJECT
public:
    PropertiesPanel(Document *document, DiagramScene *scene, QWidget *parent = nullptr);

    QString variableName() const { return m_variable; }
    EquationEditor *equationEditor() const { return m_equation; }
    GraphicalFunctionEditor *graphicalFunctionEditor() const { return m_gfEditor; }
    QLabel *problemLabel() const { return m_problem; }
    // Applies what the fields hold now (also done when a field loses focus).
    void commit();
    // Runs the as-you-type check at once instead of after the typing pause.
    void checkNow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followSelection();
    void showVariable(const QString &name);
    void showConnector(int uid);
    void refresh();
    void commitName();
    void commitEquation();
    void commitUnits();
    void commitDoc();
    void commitNonNegative(bool on);
    template<typename T, typename Words>
    void commitField(T Variable::*field, const T &value, Words words);
    void commitConnectorMarks();
    void commitDimensions(QListWidgetItem *changed);
    void defineDimension();
    void commitModuleModel();
    void fillDimensions(const Variable &v);

    Document *m_document;
    DiagramScene *m_scene;
    QString m_variable;  // shown variable, empty when none
    int m_connector = -1; // shown connector uid, -1 when none
    bool m_updating = false;

    QStackedWidget *m_pages;
    QLabel *m_heading;
    QLineEdit *m_name;
    EquationEditor *m_equation;
    QLabel *m_problem;
    QLineEdit *m_units;
    QPlainTextEdit *m_doc;
    QCheckBox *m_nonNegative;
    QListWidget *m_dimensions;
    QLineEdit *m_newDimension;
    QComboBox *m_moduleModel;
    ModuleConnectionsEditor *m_moduleInputs;
    QCheckBox *m_hasGf;
    GraphicalFunctionEditor *m_gfEditor;
    QComboBox *m_polarity;
    QCheckBox *m_delay;
    QTimer *m_checkTimer;
};

} // namespace meadows

#pragma once
// The open model: owns the Project (the source of truth) and the undo stack. Views never
// change the project themselves: they push commands, and commands change it through the
// few primitives below, each of which emits a typed signal that views follow.
#include "model/project.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <optional>

class QUndoStack;

namespace meadows {

class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    // Replaces the whole project (New, Open, recovery). Clears the undo history.
    void reset(Project project, const QString &filePath);
    void resetToEmpty();
    // Reads a file; on failure leaves the document as it was and returns the messages.
    QString load(const QString &path);
    // Writes atomically; returns an empty string on success, else what went wrong.
    QString save(const QString &path);
    // The project as it is written to a file: uids the editor only needed for itself removed.
    Project projectForSaving() const;

    const Project &project() const { return m_project; }
    const Model &model() const { return m_project.mainModel(); }
    const View &view() const; // the stock-and-flow diagram of the main model
    QString filePath() const { return m_filePath; }
    // What reading the open file warned of ("FILE:LINE:COL: warning: ..."): what Meadows
    // does not implement, what it repaired. Empty for a model not read from a file.
    const QStringList &readWarnings() const { return m_readWarnings; }
    // The Vensim model or Mermaid flowchart the project was read from, which Save does not
    // write over (filePath() is empty until Save As names an XMILE file); empty otherwise.
    QString importedFrom() const { return m_importedFrom; }
    void setFilePath(const QString &path);
    QUndoStack *undoStack() const { return m_undo; }
    bool isModified() const;
    // Modified without an undo step behind it (recovered work not yet saved).
    void markModified();

    // Look-ups. Names compare canonically ("Heat Loss" == "heat_loss").
    int variableIndex(QStringView name) const;
    const Variable *variable(QStringView name) const;
    int elementIndex(int uid) const;
    const ViewElement *element(int uid) const;
    // The element that draws a variable (not an alias), or -1.
    int elementUidForName(QStringView name) const;
    // The stocks a flow drains (source) and fills (sink); empty when it ends in a cloud.
    QString flowSource(QStringView flowName) const;
    QString flowSink(QStringView flowName) const;

    // A variable's chart colour, chosen when it is first charted. Saved with the variable
    // (meadows:color) but not an edit: no undo step, and the model is not "modified" by it.
    void setSeriesColor(const QString &variable, const QString &color);

    // Fresh identities for new things.
    int newUid();
    QString uniqueName(const QString &base) const;

    // Primitives for commands only. Indices are into model().variables / view().elements.
    void insertVariable(int index, const Variable &variable);
    void removeVariable(int index);
    void replaceVariable(int index, const Variable &variable);
    void setSimSpecs(const SimSpecs &specs);
    void setDimensions(const std::vector<Dimension> &dimensions);
    void insertElement(int index, const ViewElement &element);
    void removeElement(int uid);
    void replaceElement(const ViewElement &element);

signals:
    void projectReset();
    void variableAdded(const QString &name);
    void variableRemoved(const QString &name);
    void variableChanged(const QString &name);
    void variableRenamed(const QString &oldName, const QString &newName);
    void dimensionsChanged();
    void elementAdded(int uid);
    void elementRemoved(int uid);
    void elementChanged(int uid);
    // After any edit of the model: what live simulation listens to, to run the model again.
    void modelEdited();
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    Model &mutableModel() { return m_project.mainModel(); }
    View &mutableView();
    void prepareDiagram();
    void invalidateIndex() { m_uidIndexValid = false; }
    void invalidateVariableIndex() { m_variableIndexValid = false; }
    void buildVariableIndex() const;

    Project m_project;
    QString m_filePath;
    QStringList m_readWarnings;
    QString m_importedFrom;
    QUndoStack *m_undo = nullptr;
    int m_viewIndex = 0;
    bool m_forcedModified = false;
    bool m_createdView = false;     // the file had no diagram: one was made for editing
    QSet<int> m_syntheticUids;      // uids given at load to elements that had none
    QHash<QString, QString> m_seriesColors; // canonical variable name -> colour chosen this session
    int m_nextUid = 1;
    // Look-up tables rebuilt on demand after a change, so that look-ups stay O(1) on
    // diagrams with thousands of elements.
    mutable QHash<int, int> m_uidIndex;
    mutable QHash<QString, int> m_uidByName; // canonical variable name -> its element's uid
    mutable bool m_uidIndexValid = false;
    mutable QHash<QString, int> m_variableIndex;            // canonical name -> index
    mutable QHash<QString, QString> m_flowSource, m_flowSink; // canonical flow -> stock name
    mutable bool m_variableIndexValid = false;
};

} // namespace meadows

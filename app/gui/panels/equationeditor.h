#pragma once
// The equation field: highlighting, completion of variable and function names
// (as you type, or Ctrl+Space), and problems underlined as you type.
#include "equationchecker.h"

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;
class QTimer;

namespace meadows {

class EquationHighlighter;

class EquationEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit EquationEditor(QWidget *parent = nullptr);

    // Names offered for completion (equation spellings) and known to the highlighter.
    void setNames(const QStringList &variableNames);
    void setProblems(const std::vector<EquationProblem> &problems);
    const std::vector<EquationProblem> &problems() const { return m_problems; }
    QCompleter *completer() const { return m_completer; }

signals:
    // Focus left the field or Ctrl+Enter: the text should be applied.
    void commitRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QString wordBeforeCursor() const;
    void insertCompletion(const QString &completion);
    void showCompletions(bool force);

    EquationHighlighter *m_highlighter;
    QCompleter *m_completer;
    QStringListModel *m_words;
    QStringList m_builtins;
    std::vector<EquationProblem> m_problems;
};

} // namespace meadows

#pragma once
// Colours an equation: numbers, builtin functions, keywords, names of the model's
// variables, names it does not know, and {comments}.
#include <QSet>
#include <QSyntaxHighlighter>

namespace meadows {

class EquationHighlighter : public QSyntaxHighlighter {
public:
    explicit EquationHighlighter(QTextDocument *document);
    // Canonical names of the model's variables.
    void setKnownNames(const QSet<QString> &names);

protected:
    void highlightBlock(const QString &text) override;

private:
    QSet<QString> m_known;
    QSet<QString> m_builtins;
};

} // namespace meadows

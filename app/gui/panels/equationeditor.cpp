#include "equationeditor.h"

#include "equationhighlighter.h"
#include "model/names.h"
#include "solver/builtins.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

namespace meadows {

EquationEditor::EquationEditor(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("equationEditor"));
    setTabChangesFocus(true);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
    m_highlighter = new EquationHighlighter(document());
    for (const QString &b : builtinNames())
        m_builtins << b.toUpper();
    m_builtins << QStringLiteral("IF") << QStringLiteral("THEN") << QStringLiteral("ELSE") << QStringLiteral("TIME") << QStringLiteral("DT");
    m_words = new QStringListModel(m_builtins, this);
    m_completer = new QCompleter(m_words, this);
    m_completer->setWidget(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setModelSorting(QCompleter::UnsortedModel);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &EquationEditor::insertCompletion);
}

void EquationEditor::setNames(const QStringList &variableNames)
{
    QStringList words;
    QSet<QString> known;
    for (const QString &n : variableNames) {
        words << equationName(n);
        known.insert(canonicalName(n));
    }
    words.sort(Qt::CaseInsensitive);
    m_words->setStringList(words + m_builtins);
    m_highlighter->setKnownNames(known);
}

void EquationEditor::setProblems(const std::vector<EquationProblem> &problems)
{
    m_problems = problems;
    QList<QTextEdit::ExtraSelection> selections;
    for (const EquationProblem &p : problems) {
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(document());
        const int end = int(toPlainText().size());
        const int start = std::clamp(p.offset, 0, end);
        s.cursor.setPosition(start);
        s.cursor.setPosition(p.length > 0 ? std::min(end, start + p.length) : end, QTextCursor::KeepAnchor);
        if (!s.cursor.hasSelection() && end > 0) {
            s.cursor.setPosition(std::max(0, end - 1));
            s.cursor.setPosition(end, QTextCursor::KeepAnchor);
        }
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(QColor(0xd3, 0x2f, 0x2f));
        s.format.setToolTip(p.message);
        selections << s;
    }
    setExtraSelections(selections);
}

QString EquationEditor::wordBeforeCursor() const
{
    QTextCursor c = textCursor();
    const QString text = c.block().text();
    int i = c.positionInBlock();
    const int end = i;
    while (i > 0 && (text[i - 1].isLetterOrNumber() || text[i - 1] == u'_' || text[i - 1] == u'$'))
        --i;
    return text.mid(i, end - i);
}

void EquationEditor::insertCompletion(const QString &completion)
{
    QTextCursor c = textCursor();
    const int typed = int(wordBeforeCursor().size());
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, typed);
    c.insertText(completion);
    setTextCursor(c);
}

void EquationEditor::showCompletions(bool force)
{
    const QString prefix = wordBeforeCursor();
    if (!force && prefix.size() < 2) {
        m_completer->popup()->hide();
        return;
    }
    if (prefix != m_completer->completionPrefix()) {
        m_completer->setCompletionPrefix(prefix);
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    }
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect r = cursorRect();
    r.setWidth(m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(r);
}

void EquationEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the completer takes these
            return;
        default:
            break;
        }
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && (event->modifiers() & Qt::ControlModifier)) {
        emit commitRequested();
        return;
    }
    const bool force = event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier);
    if (!force)
        QPlainTextEdit::keyPressEvent(event);
    const bool typedWordChar = !event->text().isEmpty() && (event->text()[0].isLetterOrNumber() || event->text()[0] == u'_');
    if (force || typedWordChar)
        showCompletions(force);
    else if (event->key() != Qt::Key_Shift)
        m_completer->popup()->hide();
}

void EquationEditor::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    if (!m_completer->popup()->isVisible())
        emit commitRequested();
}

} // namespace meadows

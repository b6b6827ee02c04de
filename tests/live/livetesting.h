#pragma once
// Real input on the live panels, shared by their tests: a click on a list item's check box,
// on a toolbar's button, on a tree row, and typing into the dialog a click opens.
#include <QAbstractButton>
#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

namespace meadows::testing {

// Clicks the check box of the list's item with this text, where the style draws it.
inline bool clickCheckBox(QListWidget *list, const QString &text)
{
    const QList<QListWidgetItem *> found = list->findItems(text, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    QListWidgetItem *item = found.front();
    list->scrollToItem(item);
    QStyleOptionViewItem option;
    option.initFrom(list->viewport());
    option.rect = list->visualItemRect(item);
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    option.text = text;
    option.checkState = item->checkState();
    const QRect box = list->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, list);
    const Qt::CheckState before = item->checkState();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, box.center());
    return item->checkState() != before;
}

// The button a toolbar shows for its action with this text (without "&").
inline QAbstractButton *toolbarButton(QWidget *parent, const QString &text)
{
    for (QToolBar *bar : parent->findChildren<QToolBar *>())
        for (QAction *action : bar->actions())
            if (action->text().remove(u'&') == text)
                return qobject_cast<QAbstractButton *>(bar->widgetForAction(action));
    return nullptr;
}

// Clicks a button that opens a modal text dialog, types `answer` into it and presses Enter.
inline bool clickAndAnswer(QAbstractButton *button, const QString &answer)
{
    bool answered = false;
    QTimer::singleShot(0, button, [&answered, answer]() {
        // The dialog's own event loop is running by now.
        QTRY_VERIFY(QApplication::activeModalWidget());
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QLineEdit *edit = dialog ? dialog->findChild<QLineEdit *>() : nullptr;
        if (!edit)
            return;
        edit->selectAll();
        QTest::keyClicks(edit, answer);
        QTest::keyClick(edit, Qt::Key_Return);
        answered = true;
    });
    QTest::mouseClick(button, Qt::LeftButton);
    return answered;
}

// Clicks the row of a tree whose first column reads `text`.
inline bool clickRow(QTreeWidget *tree, const QString &text)
{
    const QList<QTreeWidgetItem *> found = tree->findItems(text, Qt::MatchExactly, 0);
    if (found.isEmpty())
        return false;
    tree->scrollToItem(found.front());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(found.front()).center());
    return tree->currentItem() == found.front();
}

} // namespace meadows::testing

// Equations in the editor: references follow renames, errors show as you type and on the
// diagram, graphical functions are dragged and typed, names are completed.
#include "commands/addvariable.h"
#include "commands/changevalue.h"
#include "diagram/diagramgeometry.h"
#include "document.h"
#include "editortesting.h"
#include "mainwindow.h"
#include "model/names.h"
#include "model/xmilereader.h"
#include "model/xmilewriter.h"
#include "panels/equationeditor.h"
#include "panels/gfcurveview.h"
#include "panels/graphicalfunctioneditor.h"
#include "panels/propertiespanel.h"
#include "scene/connectoritem.h"
#include "scene/diagramscene.h"
#include "scene/elementitem.h"
#include "scene/diagramstyle.h"
#include "scene/problemmarks.h"
#include "solver/references.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QCompleter>
#include <QDirIterator>
#include <QMessageBox>
#include <QPushButton>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QTableWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace meadows;
using namespace meadows::testing;

class TestEditorEquations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init() { m_recovery.reset(); }

    void renameReferencesTouchesOnlyThatName()
    {
        // Comments, function names, module members and other names stay as written.
        QCOMPARE(renameReferences(QStringLiteral("MIN(room_temp, \"Room Temp\") + room_temperature {room temp} + m.room_temp"),
                                  QStringLiteral("Room Temp"), QStringLiteral("Air Temp")),
                 QStringLiteral("MIN(Air_Temp, Air_Temp) + room_temperature {room temp} + m.room_temp"));
        QCOMPARE(renameReferences(QStringLiteral("x*2+xx+x1"), QStringLiteral("x"), QStringLiteral("y")), QStringLiteral("y*2+xx+x1"));
        QCOMPARE(namesInEquationText(QStringLiteral("SMTH1(a, 3) + \"b c\" * 1e-3 {d}")), (QStringList{QStringLiteral("a"), QStringLiteral("b c")}));
    }

    void equationErrorsShowAsYouTypeWithTheCheckMessage()
    {
        MainWindow window;
        QVERIFY(window.openFile(kTeacup));
        Document *doc = window.document();
        window.scene()->selectUids({doc->elementUidForName(u"Heat Loss to Room")});
        PropertiesPanel *panel = window.properties();
        EquationEditor *editor = panel->equationEditor();
        QCOMPARE(editor->toPlainText(), doc->variable(u"Heat Loss to Room")->equation);

        editor->setPlainText(QStringLiteral("(Teacup_Temperature - Room_Temp)/Characteristic_Time"));
        panel->checkNow();
        QCOMPARE(int(editor->problems().size()), 1);
        const EquationProblem problem = editor->problems().front();
        QCOMPARE(editor->toPlainText().mid(problem.offset, problem.length), QStringLiteral("Room_Temp"));
        // The underline drawn is on the unknown name, and only there.
        const QList<QTextEdit::ExtraSelection> marks = editor->extraSelections();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.front().cursor.selectedText(), QStringLiteral("Room_Temp"));
        QCOMPARE(marks.front().format.underlineStyle(), QTextCharFormat::WaveUnderline);

        // The same words `meadows check` prints for the saved model.
        panel->commit();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.xmile"));
        QVERIFY(window.saveTo(path));
        QProcess check;
        check.start(QStringLiteral(MEADOWS_EXECUTABLE), {QStringLiteral("check"), path});
        QVERIFY(check.waitForFinished(20000));
        QCOMPARE(check.exitCode(), 1);
        QVERIFY2(QString::fromUtf8(check.readAllStandardOutput()).contains(problem.message), qPrintable(problem.message));

        editor->setPlainText(QStringLiteral("(Teacup_Temperature - "));
        panel->checkNow();
        QCOMPARE(int(editor->problems().size()), 1);
        QVERIFY(panel->problemLabel()->text().startsWith(QLatin1String("in 'Heat Loss to Room':")));

        editor->setPlainText(QStringLiteral("Teacup_Temperature/Characteristic_Time"));
        panel->checkNow();
        QVERIFY(editor->problems().empty());
    }

    void graphicalFunctionPointsAreDraggedAndTyped()
    {
        MainWindow window;
        window.resize(1200, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(kTestData + QStringLiteral("/test-models/tests/lookups_simlin/test_lookups.xmile")));
        Document *doc = window.document();
        const QString name = QStringLiteral("Lookup Linebreak Before Comma");
        const GraphicalFunction before = *doc->variable(name)->gf;
        window.scene()->selectUids({doc->elementUidForName(name)});
        GraphicalFunctionEditor *editor = window.properties()->graphicalFunctionEditor();
        QTRY_VERIFY(editor->isVisible());
        GfCurveView *curve = editor->curve();
        QCOMPARE(int(curve->function().size()), int(before.size()));

        // Drag the last point (at the bottom of the scale) to the top of the plot.
        const int last = int(before.size()) - 1;
        const QPoint from = curve->pointPosition(last).toPoint();
        QTest::mousePress(curve, Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(from.x(), 0), curve->mapToGlobal(QPointF(from.x(), 0)), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(curve, &move);
        QTest::mouseRelease(curve, Qt::LeftButton, {}, QPoint(from.x(), 0));
        const GraphicalFunction &dragged = *doc->variable(name)->gf;
        QCOMPARE(dragged.ypts[last], 1.0); // the y scale's top
        QCOMPARE(dragged.ypts[0], before.ypts[0]);

        // Typing a value in the table sets it exactly.
        editor->table()->item(2, 1)->setText(QStringLiteral("0.25"));
        QCOMPARE(doc->variable(name)->gf->ypts[2], 0.25);
        // nan, inf, and an x out of order (one no file could be read back with) are refused:
        // the table shows the old value again and the function is unchanged.
        const GraphicalFunction typed = *doc->variable(name)->gf;
        editor->table()->item(2, 1)->setText(QStringLiteral("nan"));
        editor->table()->item(1, 0)->setText(QStringLiteral("inf"));
        editor->table()->item(1, 0)->setText(QString::number(typed.x(2) + 1));
        QVERIFY(*doc->variable(name)->gf == typed);
        QCOMPARE(editor->table()->item(1, 0)->text(), QString::number(typed.x(1), 'g', 10));

        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QVERIFY(*doc->variable(name)->gf == before);
    }

    void variablesWithEquationProblemsAreMarkedOnTheDiagram()
    {
        MainWindow window;
        QVERIFY(window.openFile(kTeacup));
        Document *doc = window.document();
        window.problemMarks()->recheckNow();
        QCOMPARE(window.problemMarks()->problemCount(), 0);
        const QString flow = QStringLiteral("Heat Loss to Room");
        doc->undoStack()->push(new ChangeVariableValueCommand<QString>(doc, flow, &Variable::equation, QStringLiteral("Teacup_Temperature/Nowhere"), QString()));
        window.problemMarks()->recheckNow();
        ElementItem *item = window.scene()->itemForName(flow);
        QVERIFY(item->hasProblem());
        QCOMPARE(item->toolTip(), QStringLiteral("in 'Heat Loss to Room': unknown name 'Nowhere'"));
        QVERIFY(!window.scene()->itemForName(QStringLiteral("Room Temperature"))->hasProblem());
        doc->undoStack()->undo();
        QTRY_VERIFY(!item->hasProblem()); // rechecked by itself after the edit
    }

    void equationNamesAreCompleted()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openFile(kTeacup));
        Document *doc = window.document();
        window.scene()->selectUids({doc->elementUidForName(u"Heat Loss to Room")});
        EquationEditor *editor = window.properties()->equationEditor();
        editor->setFocus();
        editor->clear();
        QTest::keyClicks(editor, QStringLiteral("Tea"));
        QTRY_VERIFY(editor->completer()->popup()->isVisible());
        QCOMPARE(editor->completer()->currentCompletion(), QStringLiteral("Teacup_Temperature"));
        QTest::keyClick(editor->completer()->popup(), Qt::Key_Return);
        QCOMPARE(editor->toPlainText(), QStringLiteral("Teacup_Temperature"));
        QTest::keyClicks(editor, QStringLiteral("*ex"));
        QTRY_VERIFY(editor->completer()->popup()->isVisible());
        QCOMPARE(editor->completer()->currentCompletion(), QStringLiteral("EXP"));
        // Leaving the field applies the equation as one undoable step.
        QTest::keyClick(editor->completer()->popup(), Qt::Key_Escape);
        window.view()->setFocus();
        QCOMPARE(doc->variable(u"Heat Loss to Room")->equation, QStringLiteral("Teacup_Temperature*ex"));
        doc->undoStack()->undo();
        QCOMPARE(doc->variable(u"Heat Loss to Room")->equation, QStringLiteral("(Teacup_Temperature-Room_Temperature)/Characteristic_Time"));
    }

private:
    IsolatedRecovery m_recovery;
};

QTEST_MAIN(TestEditorEquations)
#include "test_editor_equations.moc"

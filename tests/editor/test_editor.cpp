// The diagram editor driven the way a person drives it: keys pick tools, clicks place,
// drags draw flows and connectors, and the saved XMILE tells what was made.
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

class TestEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init() { m_recovery.reset(); }

    void drawStockFlowAuxConnectorThenUndoAndRedoAll()
    {
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        DiagramView *view = window.view();
        view->setFocus();
        view->setZoom(1);
        view->centerOn(200, 150);
        Document *doc = window.document();

        QTest::keyClick(view, Qt::Key_S);
        QCOMPARE(window.scene()->tool(), DiagramScene::Tool::Stock);
        click(view, {100, 100});
        QCOMPARE(window.scene()->tool(), DiagramScene::Tool::Select);
        QVERIFY(doc->variable(u"Stock 1"));

        QTest::keyClick(view, Qt::Key_F);
        drag(view, {100, 100}, {320, 100});
        const Variable *flow = doc->variable(u"Flow 1");
        QVERIFY(flow);
        QCOMPARE(doc->variable(u"Stock 1")->outflows, QStringList{QStringLiteral("Flow 1")});
        QVERIFY(elementNamed(*doc, QStringLiteral("Flow 1")));
        const ViewElement flowElement = *elementNamed(*doc, QStringLiteral("Flow 1"));
        QCOMPARE(int(flowElement.points.size()), 2);
        QCOMPARE(flowElement.points.front().x, 100 + 45 / 2.0); // starts at the stock's right edge

        QTest::keyClick(view, Qt::Key_A);
        click(view, {210, 190});
        QVERIFY(doc->variable(u"Variable 1"));

        QTest::keyClick(view, Qt::Key_C);
        const QPointF valve(*flowElement.x, *flowElement.y);
        drag(view, {210, 190}, valve);
        QCOMPARE(countType(*doc, ViewElement::Type::Connector), 1);
        const ViewElement &connector = doc->view().elements.back();
        QCOMPARE(connector.from.name, QStringLiteral("Variable 1"));
        QCOMPARE(connector.to.name, QStringLiteral("Flow 1"));

        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("first.xmile"));
        QVERIFY(window.saveTo(first));
        QVERIFY(!doc->isModified());
        QVERIFY(window.windowTitle().startsWith(QLatin1String("first.xmile")));

        QUndoStack *undo = doc->undoStack();
        QCOMPARE(undo->count(), 4);
        while (undo->canUndo())
            undo->undo();
        QVERIFY(doc->model().variables.empty());
        QVERIFY(doc->view().elements.empty());
        QVERIFY(window.scene()->selectedUids().isEmpty());
        QCOMPARE(countItems(window), 0);

        while (undo->canRedo())
            undo->redo();
        QCOMPARE(countItems(window), 4);
        const QString second = dir.filePath(QStringLiteral("second.xmile"));
        QVERIFY(window.saveTo(second));
        QCOMPARE(readAll(second), readAll(first));

        // And what was saved reads back as the same model.
        const XmileReadResult read = readXmileFile(first);
        QVERIFY(read.project);
        const Model &m = read.project->mainModel();
        QCOMPARE(int(m.variables.size()), 3);
        QCOMPARE(m.findVariable(u"Stock 1")->outflows, QStringList{QStringLiteral("Flow 1")});
        QCOMPARE(m.findVariable(u"Flow 1")->kind, VariableKind::Flow);
    }

    void renameInPlacePropagatesIntoEquations()
    {
        MainWindow window;
        QVERIFY(showTeacup(window, 1, QPointF(300, 200)));
        Document *doc = window.document();
        const Project before = doc->project();

        doubleClick(window.view(), {369, 250}); // Room Temperature
        QLineEdit *editor = window.view()->renameEditor();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Room Air Temperature"));
        QTest::keyClick(editor, Qt::Key_Return);

        QVERIFY(!doc->variable(u"Room Temperature"));
        QVERIFY(doc->variable(u"Room Air Temperature"));
        QCOMPARE(doc->variable(u"Heat Loss to Room")->equation,
                 QStringLiteral("(Teacup_Temperature-Room_Air_Temperature)/Characteristic_Time"));
        QVERIFY(elementNamed(*doc, QStringLiteral("Room Air Temperature")));
        bool connectorFollowed = false;
        for (const ViewElement &e : doc->view().elements)
            connectorFollowed |= e.type == ViewElement::Type::Connector && e.from.name == QLatin1String("Room Air Temperature");
        QVERIFY(connectorFollowed);
        QVERIFY(window.windowTitle().contains(QLatin1String("[*]")) && window.isWindowModified());

        doc->undoStack()->undo();
        QVERIFY(doc->project() == before);
    }

    void renamingAFlowUpdatesItsStock()
    {
        MainWindow window;
        QVERIFY(window.openFile(kTeacup));
        Document *doc = window.document();
        window.properties();
        window.scene()->selectUids({doc->elementUidForName(u"Heat Loss to Room")});
        QCOMPARE(window.properties()->variableName(), QStringLiteral("Heat Loss to Room"));
        auto *name = window.properties()->findChild<QLineEdit *>(QStringLiteral("nameField"));
        name->setText(QStringLiteral("Cooling"));
        emit name->editingFinished();
        QCOMPARE(doc->variable(u"Teacup Temperature")->outflows, QStringList{QStringLiteral("Cooling")});
        QCOMPARE(doc->flowSource(u"Cooling"), QStringLiteral("Teacup Temperature"));
    }

    // A name is typed as it is shown: a backslash typed is a backslash of the name (written
    // "\\\\" in the file, as XMILE escapes it), shown back as typed.
    void renamingKeepsABackslashAsTyped()
    {
        MainWindow window;
        QVERIFY(window.openFile(kTeacup));
        Document *doc = window.document();
        window.properties();
        window.scene()->selectUids({doc->elementUidForName(u"Heat Loss to Room")});
        auto *name = window.properties()->findChild<QLineEdit *>(QStringLiteral("nameField"));
        name->setText(QStringLiteral("Loss \\ Gain"));
        emit name->editingFinished();
        QVERIFY(doc->variable(u"Loss \\\\ Gain"));
        QCOMPARE(doc->variable(u"Teacup Temperature")->outflows, QStringList{QStringLiteral("\"Loss \\\\ Gain\"")});
        QCOMPARE(window.properties()->variableName(), QStringLiteral("Loss \\\\ Gain"));
        QCOMPARE(name->text(), QStringLiteral("Loss \\ Gain"));
    }

    void deleteRemovesLinksAndUndoRestoresThem()
    {
        MainWindow window;
        QVERIFY(showTeacup(window, 1, QPointF(300, 200)));
        Document *doc = window.document();
        const Project before = doc->project();

        click(window.view(), {207, 181}); // the stock
        QCOMPARE(window.scene()->selectedUids(), QList<int>{doc->elementUidForName(u"Teacup Temperature")});
        QTest::keyClick(window.view(), Qt::Key_Delete);

        QVERIFY(!doc->variable(u"Teacup Temperature"));
        QVERIFY(doc->variable(u"Heat Loss to Room")); // the flow stays, now from a cloud
        QCOMPARE(doc->flowSource(u"Heat Loss to Room"), QString());
        for (const ViewElement &e : doc->view().elements)
            QVERIFY(e.type != ViewElement::Type::Connector || e.from.name != QLatin1String("Teacup_Temperature"));
        QCOMPARE(countType(*doc, ViewElement::Type::Connector), 3); // 4 minus the stock's

        doc->undoStack()->undo();
        QVERIFY(doc->project() == before);
        QCOMPARE(countItems(window), int(doc->view().elements.size()));
    }

    void draggingAStockMovesItsPipeEndInOneUndoStep()
    {
        MainWindow window;
        QVERIFY(showTeacup(window, 1, QPointF(300, 200)));
        Document *doc = window.document();
        const double pipeStart = elementNamed(*doc, QStringLiteral("Heat Loss to Room"))->points.front().x;

        drag(window.view(), {207, 181}, {147, 181}, 6);
        QCOMPARE(doc->undoStack()->count(), 1); // the drag's steps merged
        const ViewElement *stock = elementNamed(*doc, QStringLiteral("Teacup Temperature"));
        QCOMPARE(*stock->x, 147.0);
        const ViewElement *flow = elementNamed(*doc, QStringLiteral("Heat Loss to Room"));
        QCOMPARE(flow->points.front().x, pipeStart - 60);
        QCOMPARE(flow->points.back().x, 379.0); // the cloud end stays

        // Arrow keys nudge what is selected (the stock is, after the drag).
        QTest::keyClick(window.view(), Qt::Key_Right);
        QTest::keyClick(window.view(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(diagram::centre(*elementNamed(*doc, QStringLiteral("Teacup Temperature"))), QPointF(148, 191));
        doc->undoStack()->undo();
        doc->undoStack()->undo();

        doc->undoStack()->undo();
        QCOMPARE(*elementNamed(*doc, QStringLiteral("Teacup Temperature"))->x, 207.0);
        QCOMPARE(elementNamed(*doc, QStringLiteral("Heat Loss to Room"))->points.front().x, pipeStart);
    }

    void resizingAStockKeepsItsCentreAndPipe()
    {
        MainWindow window;
        QVERIFY(showTeacup(window, 2, QPointF(207, 181)));
        Document *doc = window.document();
        click(window.view(), {207, 181});
        const QPointF corner(207 + 22.5, 181 + 17.5);
        drag(window.view(), corner, {207 + 40, 181 + 30});
        const ViewElement *stock = elementNamed(*doc, QStringLiteral("Teacup Temperature"));
        QCOMPARE(*stock->width, 80.0);
        QCOMPARE(*stock->height, 60.0);
        QCOMPARE(*stock->x, 207.0);
        QCOMPARE(doc->undoStack()->count(), 1);
        // The pipe now starts at the wider box's edge: nothing of it is drawn inside the box.
        ElementItem *flow = window.scene()->itemForName(QStringLiteral("Heat Loss to Room"));
        QVERIFY(!flow->mapToScene(flow->shape()).contains(QPointF(207 + 30, 181)));
        QVERIFY(flow->mapToScene(flow->shape()).contains(QPointF(207 + 45, 181)));
        // Shrinking it again leaves no gap: the pipe reaches back to the smaller box.
        click(window.view(), {207, 181});
        drag(window.view(), {207 + 40, 181 + 30}, {207 + 10, 181 + 10});
        QCOMPARE(*elementNamed(*doc, QStringLiteral("Teacup Temperature"))->width, 20.0);
        QVERIFY(flow->mapToScene(flow->shape()).contains(QPointF(207 + 12, 181)));
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QVERIFY(!elementNamed(*doc, QStringLiteral("Teacup Temperature"))->width);
    }

    void bendingAConnectorChangesItsAngle()
    {
        MainWindow window;
        QVERIFY(showTeacup(window, 1, QPointF(300, 200)));
        Document *doc = window.document();
        int uid = -1;
        for (const ViewElement &e : doc->view().elements)
            if (e.type == ViewElement::Type::Connector && e.from.name == QLatin1String("Room_Temperature"))
                uid = *e.uid;
        const double original = *doc->element(uid)->angle;
        auto *item = static_cast<ConnectorItem *>(window.scene()->itemForUid(uid));
        const QPointF middle = item->curve().middle;
        click(window.view(), middle); // select it: the handle appears
        QVERIFY(item->isSelected());
        drag(window.view(), middle, middle + QPointF(25, 0));
        const double angle = *doc->element(uid)->angle;
        QVERIFY2(qAbs(angle - original) > 5, qPrintable(QString::number(angle)));
        // The curve now runs through where the handle was dropped.
        double nearest = 1e9;
        for (int i = 0; i <= 200; ++i)
            nearest = std::min(nearest, QLineF(item->curve().path.pointAtPercent(i / 200.0), middle + QPointF(25, 0)).length());
        QVERIFY2(nearest < 2, qPrintable(QString::number(nearest)));
        QCOMPARE(doc->undoStack()->count(), 1);
        doc->undoStack()->undo();
        QCOMPARE(*doc->element(uid)->angle, original);
    }

    void copyPasteAndDuplicateKeepLinksAmongTheCopies()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openFile(kTeacup));
        Document *doc = window.document();
        const int before = int(doc->model().variables.size());
        window.view()->setFocus();
        QTest::keyClick(window.view(), Qt::Key_A, Qt::ControlModifier);
        // Everything drawn is selected (Vensim's DT-to-DT connector is kept but not drawn).
        int drawn = 0;
        for (QGraphicsItem *item : window.scene()->items())
            drawn += dynamic_cast<ElementItem *>(item) && item->isVisible();
        QCOMPARE(window.scene()->selectedUids().size(), drawn);
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(int(doc->model().variables.size()), before * 2);
        const Variable *copy = doc->variable(u"Heat Loss to Room 2");
        QVERIFY(copy);
        QCOMPARE(copy->equation, QStringLiteral("(Teacup_Temperature_2-Room_Temperature_2)/Characteristic_Time_2"));
        QCOMPARE(doc->variable(u"Teacup Temperature 2")->outflows, QStringList{QStringLiteral("Heat_Loss_to_Room_2")});
        doc->undoStack()->undo();
        QCOMPARE(int(doc->model().variables.size()), before);
    }

    void aFlowBetweenTwoStocksDrainsOneAndFillsTheOther()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.view()->setZoom(1);
        window.view()->setFocus();
        Document *doc = window.document();
        QTest::keyClick(window.view(), Qt::Key_S);
        click(window.view(), {0, 0});
        QTest::keyClick(window.view(), Qt::Key_S);
        click(window.view(), {200, 60}); // not level: the pipe bends once
        QTest::keyClick(window.view(), Qt::Key_F);
        drag(window.view(), {0, 0}, {200, 60});
        QCOMPARE(doc->flowSource(u"Flow 1"), QStringLiteral("Stock 1"));
        QCOMPARE(doc->flowSink(u"Flow 1"), QStringLiteral("Stock 2"));
        const ViewElement *flow = elementNamed(*doc, QStringLiteral("Flow 1"));
        QCOMPARE(int(flow->points.size()), 3);
        QCOMPARE(flow->points.front().x, 22.5);             // leaves Stock 1's right side
        QCOMPARE(flow->points.back().y, 60 - 35 / 2.0);     // enters Stock 2 from above
        // A flow from a stock to itself is refused.
        QTest::keyClick(window.view(), Qt::Key_F);
        drag(window.view(), {-10, 0}, {10, 5});
        QVERIFY(!doc->variable(u"Flow 2"));
    }

    void cutAndPasteTravelAsXmileBetweenWindows()
    {
        MainWindow source, target;
        QVERIFY(showTeacup(source));
        source.scene()->selectUids({source.document()->elementUidForName(u"Room Temperature"),
                                    source.document()->elementUidForName(u"Heat Loss to Room")});
        QTest::keyClick(&source, Qt::Key_X, Qt::ControlModifier);
        QVERIFY(!source.document()->variable(u"Room Temperature"));
        QVERIFY(QApplication::clipboard()->text().contains(QLatin1String("<xmile")));
        target.show();
        QVERIFY(QTest::qWaitForWindowActive(&target));
        QTest::keyClick(&target, Qt::Key_V, Qt::ControlModifier);
        const Document &pasted = *target.document();
        QVERIFY(pasted.variable(u"Room Temperature"));
        QCOMPARE(pasted.variable(u"Heat Loss to Room")->equation, QStringLiteral("(Teacup_Temperature-Room_Temperature)/Characteristic_Time"));
        QCOMPARE(countType(pasted, ViewElement::Type::Connector), 1); // only the link between the two
        QCOMPARE(*elementNamed(pasted, QStringLiteral("Room Temperature"))->x, 369.0 + 20);
    }

    void textAnnotationsArePlacedAndEdited()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        Document *doc = window.document();
        window.view()->setZoom(1);
        window.view()->setFocus();
        QTest::keyClick(window.view(), Qt::Key_T);
        click(window.view(), {40, 40});
        QLineEdit *editor = window.view()->renameEditor();
        QVERIFY(editor); // the words can be typed at once
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Heat escapes to the room"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(countType(*doc, ViewElement::Type::TextBox), 1);
        QCOMPARE(doc->view().elements.front().text, QStringLiteral("Heat escapes to the room"));
        QCOMPARE(doc->undoStack()->count(), 2); // placed, then edited
        doc->undoStack()->undo();
        QCOMPARE(doc->view().elements.front().text, tr("Note"));
    }

    void loopLabelsSitInTheirLoopAndFollowIt()
    {
        MainWindow window;
        QVERIFY(showTeacup(window, 1, QPointF(300, 200)));
        DiagramScene *scene = window.scene();
        scene->setLoops({{QStringLiteral("B1"), {QStringLiteral("Teacup Temperature"), QStringLiteral("Heat Loss to Room")}}});
        QCOMPARE(scene->loopLabels().size(), 1);
        LoopLabelItem *label = scene->loopLabels().front();
        // Between the stock and the valve, pulled down towards the connector's bend.
        QVERIFY2(label->pos().x() > 207 && label->pos().x() < 308 && label->pos().y() > 181, qPrintable(QStringLiteral("%1,%2").arg(label->pos().x()).arg(label->pos().y())));
        const QPointF offset = label->pos() - QPointF((207 + 308) / 2.0, 181);

        drag(window.view(), {207, 181}, {207, 121});
        // The stock went up 60, and its straight pipe to the cloud with it.
        const QPointF stock = scene->itemForName(QStringLiteral("Teacup Temperature"))->anchorCentre();
        const QPointF valve = scene->itemForName(QStringLiteral("Heat Loss to Room"))->anchorCentre();
        QCOMPARE(stock, QPointF(207, 121));
        // It moved along, and sits in the loop again (between the pipe and the connector's
        // arc below it), clear of the names, the pipe and the connector: its ring's box lies
        // inside the closed outline of the connector's arc and the pipe from the valve back
        // to the stock.
        const QPointF at = label->pos();
        QPolygonF outline;
        for (QGraphicsItem *item : scene->items())
            if (auto *c = dynamic_cast<ConnectorItem *>(item); c && c->element().from.name == QStringLiteral("Teacup_Temperature"))
                for (const QPointF &p : c->curve().points)
                    outline << p;
        QVERIFY(outline.size() > 2);
        const std::vector<QPointF> pipe = diagram::flowPoints(*elementNamed(*window.document(), QStringLiteral("Heat Loss to Room")));
        outline << valve;
        for (std::size_t i = pipe.size(); i-- > 0;)
            if (pipe[i].x() < valve.x()) // the pipe's points on the stock's side of the valve
                outline << pipe[i];
        const double r = 14.2 * label->scale(); // the ring (radius 14) and its arrowhead, on a diagonal
        const QRectF box(at - QPointF(r, r), QSizeF(2 * r, 2 * r));
        for (const QPointF &corner : {box.topLeft(), box.topRight(), box.bottomLeft(), box.bottomRight()})
            QVERIFY2(outline.containsPoint(corner, Qt::OddEvenFill),
                     qPrintable(QStringLiteral("%1,%2 scale %3").arg(at.x()).arg(at.y()).arg(label->scale())));
        QVERIFY2(at.x() > stock.x() && at.x() < valve.x() && at.y() > stock.y() && at.y() < 181 + offset.y(),
                 qPrintable(QStringLiteral("%1,%2").arg(at.x()).arg(at.y())));
        for (QGraphicsItem *item : scene->items(box, Qt::IntersectsItemShape)) {
            const auto *element = dynamic_cast<const ElementItem *>(item);
            QVERIFY2(!element || element->elementType() == ViewElement::Type::Connector,
                     qPrintable((element ? element->element().name : QString())
                                + QStringLiteral(" at %1,%2 scale %3").arg(at.x()).arg(at.y()).arg(label->scale())));
        }

        scene->highlightLoop(0);
        int emphasised = 0;
        for (QGraphicsItem *item : scene->items())
            if (auto *c = dynamic_cast<ConnectorItem *>(item); c && c->hasEmphasis()) {
                ++emphasised;
                QCOMPARE(c->element().from.name, QStringLiteral("Teacup_Temperature"));
            }
        QCOMPARE(emphasised, 1);
        window.view()->viewport()->grab().save(QDir::temp().filePath(QStringLiteral("meadows-editor-loop.png")));
        scene->highlightLoop(-1);
        for (QGraphicsItem *item : scene->items())
            if (auto *c = dynamic_cast<ConnectorItem *>(item))
                QVERIFY(!c->hasEmphasis());
    }

private:
    IsolatedRecovery m_recovery;
};

QTEST_MAIN(TestEditor)
#include "test_editor.moc"

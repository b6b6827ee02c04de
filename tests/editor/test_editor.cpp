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

namespace {

const QString kData = QStringLiteral(MEADOWS_TEST_DATA);
const QString kTeacup = kData + QStringLiteral("/test-models/samples/teacup/teacup_w_diagram.xmile");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const ViewElement *elementNamed(const Document &doc, const QString &name)
{
    const int uid = doc.elementUidForName(name);
    return uid < 0 ? nullptr : doc.element(uid);
}

int countType(const Document &doc, ViewElement::Type type)
{
    int n = 0;
    for (const ViewElement &e : doc.view().elements)
        n += e.type == type;
    return n;
}

// Messages Qt or the editor print while a test runs: there should be none.
QStringList g_messages;
void collectMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtDebugMsg && !message.contains(QLatin1String("XDG_RUNTIME_DIR")))
        g_messages << message;
}

} // namespace

class TestEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_recoveryDir = std::make_unique<QTemporaryDir>();
        qputenv("MEADOWS_RECOVERY_DIR", m_recoveryDir->path().toUtf8());
    }

    void renameReferencesTouchesOnlyThatName()
    {
        // Comments, function names, module members and other names stay as written.
        QCOMPARE(renameReferences(QStringLiteral("MIN(room_temp, \"Room Temp\") + room_temperature {room temp} + m.room_temp"),
                                  QStringLiteral("Room Temp"), QStringLiteral("Air Temp")),
                 QStringLiteral("MIN(Air_Temp, Air_Temp) + room_temperature {room temp} + m.room_temp"));
        QCOMPARE(renameReferences(QStringLiteral("x*2+xx+x1"), QStringLiteral("x"), QStringLiteral("y")), QStringLiteral("y*2+xx+x1"));
        QCOMPARE(referencedNames(QStringLiteral("SMTH1(a, 3) + \"b c\" * 1e-3 {d}")), (QStringList{QStringLiteral("a"), QStringLiteral("b c")}));
    }

    void opensEveryTestModelWithoutGeometryWarnings()
    {
        QStringList files;
        QDirIterator it(kData + QStringLiteral("/test-models"), {QStringLiteral("*.xmile"), QStringLiteral("*.stmx")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        QVERIFY(files.size() >= 30);
        for (const QString &file : files) {
            g_messages.clear();
            const auto previous = qInstallMessageHandler(collectMessages);
            MainWindow window;
            const bool opened = window.openFile(file);
            qInstallMessageHandler(previous);
            QVERIFY2(opened, qPrintable(file));
            QVERIFY2(window.scene()->geometryWarnings().isEmpty(), qPrintable(file + QLatin1String(": ") + window.scene()->geometryWarnings().join(QStringLiteral("; "))));
            QVERIFY2(g_messages.isEmpty(), qPrintable(file + QLatin1String(": ") + g_messages.join(QStringLiteral("; "))));
            // Every element the file places has an item, and every connector between
            // two drawn variables has a visible curve.
            const Document &doc = *window.document();
            for (const ViewElement &e : doc.view().elements) {
                if (e.type == ViewElement::Type::Other)
                    continue;
                ElementItem *item = window.scene()->itemForUid(*e.uid);
                QVERIFY2(item, qPrintable(file));
                if (e.type == ViewElement::Type::Connector && doc.elementUidForName(e.from.name) >= 0
                    && doc.elementUidForName(e.to.name) >= 0 && canonicalName(e.from.name) != canonicalName(e.to.name)) {
                    QVERIFY2(static_cast<ConnectorItem *>(item)->curve().valid, qPrintable(file + QLatin1String(": ") + e.from.name));
                }
            }
        }
    }

    void aBrokenFileIsReportedAndTheOpenModelKept()
    {
        MainWindow window;
        window.setQuiet(true);
        window.show();
        QVERIFY(window.openFile(kTeacup));
        QVERIFY(!window.openFile(kData + QStringLiteral("/broken/truncated.xmile")));
        QVERIFY2(window.statusText().startsWith(QLatin1String("Cannot open truncated.xmile: ")), qPrintable(window.statusText()));
        QCOMPARE(window.document()->filePath(), kTeacup); // what was open stays open
        QVERIFY(window.document()->variable(u"Teacup Temperature"));
        // And the screenshot mode, which must never wait for a click, still finishes.
        QTemporaryDir dir;
        QProcess shot;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("MEADOWS_RECOVERY_DIR"), m_recoveryDir->path());
        shot.setProcessEnvironment(env);
        const QString png = dir.filePath(QStringLiteral("broken.png"));
        shot.start(QStringLiteral(MEADOWS_EXECUTABLE), {QStringLiteral("--screenshot"), png, kData + QStringLiteral("/broken/truncated.xmile")});
        QVERIFY(shot.waitForFinished(20000));
        QCOMPARE(shot.exitCode(), 0);
        QVERIFY(QImage(png).width() > 100);
    }

    void teacupIsDrawnWhereTheFileSays()
    {
        MainWindow window;
        QVERIFY(window.openFile(kTeacup));
        ElementItem *stock = window.scene()->itemForName(QStringLiteral("Teacup Temperature"));
        QVERIFY(stock);
        QCOMPARE(stock->pos(), QPointF(207, 181)); // XMILE positions are centres
        ElementItem *connector = nullptr;
        for (const ViewElement &e : window.document()->view().elements)
            if (e.type == ViewElement::Type::Connector && e.from.name == QLatin1String("Characteristic_Time"))
                connector = window.scene()->itemForUid(*e.uid);
        QVERIFY(connector);
        const ConnectorCurve &curve = static_cast<ConnectorItem *>(connector)->curve();
        QVERIFY(curve.valid);
        // Angle 270 from (308,120) straight down to the valve at (308,181): it leaves the
        // circle's bottom and stops at the valve's rim, heading down.
        QVERIFY(qAbs(curve.start.x() - 308) < 0.5 && curve.start.y() > 120 && curve.start.y() < 131);
        QVERIFY(curve.end.y() < 181 && curve.end.y() > 170);
        QVERIFY(curve.endDirection.y() > 0.99);
    }

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
        QVERIFY(!editor->extraSelections().isEmpty());

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
        QVERIFY(window.openFile(kData + QStringLiteral("/test-models/tests/lookups_simlin/test_lookups.xmile")));
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
        doc->undoStack()->push(new ChangeVariableValue<QString>(doc, flow, &Variable::equation, QStringLiteral("Teacup_Temperature/Nowhere"), QString()));
        window.problemMarks()->recheckNow();
        ElementItem *item = window.scene()->itemForName(flow);
        QVERIFY(item->hasProblem());
        QCOMPARE(item->toolTip(), QStringLiteral("in 'Heat Loss to Room': unknown name 'Nowhere'"));
        QVERIFY(!window.scene()->itemForName(QStringLiteral("Room Temperature"))->hasProblem());
        doc->undoStack()->undo();
        QTRY_VERIFY(!item->hasProblem()); // rechecked by itself after the edit
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

    void aLargeDiagramOpensAndRenders()
    {
        // 1,000 chains of stock, flow, aux and two connectors: 5,000 elements.
        QString variables, view;
        int uid = 1;
        for (int i = 0; i < 1000; ++i) {
            const int x = (i % 40) * 180, y = (i / 40) * 140;
            variables += QStringLiteral("<stock name=\"S%1\"><eqn>10</eqn><outflow>F%1</outflow></stock>"
                                        "<flow name=\"F%1\"><eqn>S%1*A%1</eqn></flow><aux name=\"A%1\"><eqn>0.1</eqn></aux>").arg(i);
            view += QStringLiteral("<stock name=\"S%1\" x=\"%2\" y=\"%3\"/>"
                                   "<flow name=\"F%1\" x=\"%4\" y=\"%3\"><pts><pt x=\"%5\" y=\"%3\"/><pt x=\"%6\" y=\"%3\"/></pts></flow>"
                                   "<aux name=\"A%1\" x=\"%4\" y=\"%7\"/>")
                        .arg(i).arg(x).arg(y).arg(x + 60).arg(x + 22.5).arg(x + 110).arg(y + 50);
            view += QStringLiteral("<connector uid=\"%1\" angle=\"90\"><from>A%3</from><to>F%3</to></connector>"
                                   "<connector uid=\"%2\" angle=\"300\"><from>S%3</from><to>F%3</to></connector>")
                        .arg(uid).arg(uid + 1).arg(i);
            uid += 2;
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.xmile"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("<xmile xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" version=\"1.0\"><header/>"
                               "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs><model><variables>%1</variables>"
                               "<views><view>%2</view></views></model></xmile>").arg(variables, view).toUtf8());
        f.close();

        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Speed is measured in benchmarks, never asserted here: this checks that a
        // 5,000-element diagram opens whole and renders, fitted and panned.
        QVERIFY(window.openFile(path));
        QCOMPARE(countItems(window), 5000);
        QVERIFY(window.scene()->geometryWarnings().isEmpty());
        window.view()->fitDiagram();
        QVERIFY(!window.view()->viewport()->grab().isNull());
        window.view()->setZoom(1);
        for (int i = 0; i < 10; ++i) {
            window.view()->centerOn(300 + i * 400, 1000);
            QVERIFY(!window.view()->viewport()->grab().isNull());
        }
    }

    void theDiagramFollowsADarkPalette()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(kTeacup));
        QVERIFY(!DiagramStyle::current().dark);
        const QPalette light = QApplication::palette();
        QPalette dark = light;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        QApplication::setPalette(dark);
        QTRY_VERIFY(DiagramStyle::current().dark);
        const QImage image = window.view()->viewport()->grab().toImage();
        image.save(QDir::temp().filePath(QStringLiteral("meadows-editor-dark.png")));
        QVERIFY(image.pixelColor(5, 5).lightness() < 60); // the canvas went dark
        QApplication::setPalette(light);
        QTRY_VERIFY(!DiagramStyle::current().dark);
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
        // It moved along, and sits in the loop again, clear of the names and the pipe.
        const QPointF at = label->pos();
        QVERIFY2(at.x() > stock.x() && at.x() < valve.x() && at.y() > stock.y() && at.y() < 181 + offset.y(),
                 qPrintable(QStringLiteral("%1,%2").arg(at.x()).arg(at.y())));
        for (QGraphicsItem *item : scene->items(label->sceneBoundingRect(), Qt::IntersectsItemShape)) {
            const auto *element = dynamic_cast<const ElementItem *>(item);
            QVERIFY(!element || element->elementType() == ViewElement::Type::Connector);
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

    void unsavedChangesAreNotThrownAwayWithoutAsking()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openFile(kTeacup));
        Document *doc = window.document();
        window.scene()->setTool(DiagramScene::Tool::Stock);
        click(window.view(), {600, 600});
        QVERIFY(doc->isModified());
        QAction *newAction = nullptr;
        for (QAction *a : window.findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(QKeySequence::New))
                newAction = a;
        QVERIFY(newAction);
        const auto answerWith = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [button]() {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                box->button(button)->click();
            });
        };
        answerWith(QMessageBox::Cancel);
        newAction->trigger();
        QVERIFY(doc->variable(u"Stock 1")); // kept
        QCOMPARE(doc->filePath(), kTeacup);
        answerWith(QMessageBox::Discard);
        newAction->trigger();
        QVERIFY(doc->model().variables.empty());
        QVERIFY(!doc->isModified());
        QVERIFY(window.windowTitle().startsWith(tr("Untitled")));
    }

    void autosaveIsRecoveredAfterTheEditorIsKilled()
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MEADOWS_EDITOR_TEST_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("MEADOWS_RECOVERY_DIR"), m_recoveryDir->path());
        env.insert(QStringLiteral("MEADOWS_AUTOSAVE_MS"), QStringLiteral("100"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains("AUTOSAVED") && timer.elapsed() < 30000) {
            child.waitForReadyRead(500);
            out += child.readAllStandardOutput();
        }
        QVERIFY2(out.contains("AUTOSAVED"), out.constData());
        child.kill(); // SIGKILL: no chance to clean up
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        MainWindow window;
        const auto sessions = window.recoverableSessions();
        QCOMPARE(int(sessions.size()), 1);
        QVERIFY(window.recover(sessions.front()));
        QVERIFY(window.document()->variable(u"Stock 1"));
        QVERIFY(window.document()->variable(u"Variable 1"));
        QVERIFY(window.document()->isModified());
        // Once recovered, it is not offered again.
        QVERIFY(MainWindow().recoverableSessions().empty());
    }

private:
    // Shows the window with teacup open, at a known zoom and centre, ready for input.
    static bool showTeacup(MainWindow &window, double zoom = 1, QPointF centre = {300, 200})
    {
        window.show();
        if (!QTest::qWaitForWindowActive(&window) || !window.openFile(kTeacup))
            return false;
        window.view()->setZoom(zoom);
        window.view()->centerOn(centre);
        window.view()->setFocus();
        return true;
    }

    static int countItems(const MainWindow &window)
    {
        int n = 0;
        for (QGraphicsItem *item : window.scene()->items())
            n += dynamic_cast<ElementItem *>(item) != nullptr;
        return n;
    }

    std::unique_ptr<QTemporaryDir> m_recoveryDir;
};

// The child of the recovery test: draws two things, waits for the autosave, says so,
// and keeps running until it is killed.
static int runRecoveryChild(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    MainWindow window;
    window.show();
    DiagramView *view = window.view();
    view->setZoom(1);
    QTest::qWait(50);
    window.scene()->setTool(DiagramScene::Tool::Stock);
    click(view, {0, 0});
    window.scene()->setTool(DiagramScene::Tool::Aux);
    click(view, {80, 60});
    QDir dir(qEnvironmentVariable("MEADOWS_RECOVERY_DIR"));
    for (int i = 0; i < 300 && dir.entryList({QStringLiteral("*.xmile")}, QDir::Files).isEmpty(); ++i)
        QTest::qWait(20);
    std::printf("AUTOSAVED\n");
    std::fflush(stdout);
    return app.exec();
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("MEADOWS_EDITOR_TEST_CHILD"))
        return runRecoveryChild(argc, argv);
    QApplication app(argc, argv);
    TestEditor test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_editor.moc"

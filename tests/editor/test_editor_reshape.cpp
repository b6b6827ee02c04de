// Reshaping the diagram with the mouse: flow bends and segments, resizing auxiliaries and
// text, pinch zoom, placing modules. Each edit is checked in the document, in the undo
// stack, and in the XMILE that is saved.
#include "commands/bendconnector.h"
#include "diagram/diagramgeometry.h"
#include "diagram/flowbends.h"
#include "document.h"
#include "editortesting.h"
#include "mainwindow.h"
#include "model/xmilereader.h"
#include "scene/connectoritem.h"
#include "scene/diagramscene.h"
#include "model/names.h"
#include "panels/equationeditor.h"
#include "panels/moduleconnections.h"
#include "panels/propertiespanel.h"
#include "scene/elementitem.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QTableWidget>
#include <QGestureEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QPointingDevice>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace meadows;
using namespace meadows::testing;

namespace {

std::vector<QPointF> pipeOf(const Document &doc, const QString &flow)
{
    return diagram::flowPoints(*elementNamed(doc, flow));
}

// Saves a close-up of the view to MEADOWS_SHOT_DIR when set, to look at what a test made;
// the view is put back as it was.
void shoot(MainWindow &window, const QString &name, QPointF centre = {300, 200})
{
    const QString dir = qEnvironmentVariable("MEADOWS_SHOT_DIR");
    if (dir.isEmpty())
        return;
    DiagramView *view = window.view();
    const QPointF was = view->mapToScene(view->viewport()->rect().center());
    const double zoom = view->zoom();
    view->resize(900, 600);
    view->setZoom(2.2);
    view->centerOn(centre);
    view->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    window.resize(window.size() + QSize(1, 0)); // the layout gives the view its size back
    window.resize(window.size() - QSize(1, 0));
    view->setZoom(zoom);
    view->centerOn(was);
}

} // namespace

using Points = std::vector<QPointF>;

class TestEditorReshape : public QObject {
    Q_OBJECT

private slots:
    void init() { m_recovery.reset(); }

    void aFlowGetsABendAndItsCornersAndSegmentsAreDragged()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        const QString flow = QStringLiteral("Heat Loss to Room");
        QCOMPARE(pipeOf(*doc, flow), (Points{{207, 181}, {379, 181}}));

        // Shift-drag on the pipe puts a jog there: the part beyond it moves down.
        drag(window.view(), {350, 181}, {350, 221}, 5, Qt::ShiftModifier);
        QCOMPARE(pipeOf(*doc, flow), (Points{{207, 181}, {350, 181}, {350, 221}, {379, 221}}));
        QCOMPARE(doc->undoStack()->count(), 1);
        QVERIFY(window.scene()->itemForName(flow)->isSelected());
        // The valve stays on the pipe.
        const QPointF valve = diagram::centre(*elementNamed(*doc, flow));
        QVERIFY(QLineF(diagram::nearestOnPolyline(pipeOf(*doc, flow), valve), valve).length() < 0.01);

        // The corner's handle drags the corner; both neighbours follow and the pipe stays square.
        drag(window.view(), {350, 221}, {340, 240});
        QCOMPARE(pipeOf(*doc, flow), (Points{{207, 181}, {340, 181}, {340, 240}, {379, 240}}));
        QCOMPARE(doc->undoStack()->count(), 2);

        // The first segment moves across itself only; its end slides along the stock's side.
        const QPointF onFirst(230, 181);
        QVERIFY(QLineF(onFirst, diagram::centre(*elementNamed(*doc, flow))).length() > 12);
        drag(window.view(), onFirst, onFirst + QPointF(25, 8));
        QCOMPARE(pipeOf(*doc, flow), (Points{{207, 189}, {340, 189}, {340, 240}, {379, 240}}));
        // ... but never off the stock: the box ends at 181 + 17.5.
        drag(window.view(), onFirst + QPointF(0, 8), onFirst + QPointF(0, 60));
        QCOMPARE(pipeOf(*doc, flow).front(), QPointF(207, 181 + 17.5 - 3));
        QCOMPARE(doc->undoStack()->count(), 4);
        shoot(window, QStringLiteral("flow-bends"));

        // Moving the stock keeps the bent pipe attached: its end and first segment follow.
        drag(window.view(), {190, 170}, {190, 150});
        const Points moved = pipeOf(*doc, flow);
        QCOMPARE(moved.front(), QPointF(207, 181 + 17.5 - 3 - 20));
        QCOMPARE(moved[1].y(), moved.front().y());
        QCOMPARE(moved.back(), QPointF(379, 240));

        // What was saved has the bends, and reads back the same.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bent.xmile"));
        QVERIFY(window.saveTo(path));
        const QByteArray xml = readAll(path);
        QVERIFY2(xml.contains("<pt x=\"340\" y=\"240\"/>"), xml.constData());
        MainWindow reopened;
        QVERIFY(reopened.openFile(path));
        QCOMPARE(pipeOf(*reopened.document(), flow), moved);

        // Each drag was one undo step; undoing them all gives the straight pipe back.
        for (int i = 0; i < 5; ++i)
            doc->undoStack()->undo();
        QCOMPARE(pipeOf(*doc, flow), (Points{{207, 181}, {379, 181}}));
        QCOMPARE(diagram::centre(*elementNamed(*doc, flow)), QPointF(308, 181));
    }

    void dragsThatUndoAJogLeaveNoStrayCorners()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        const QString flow = QStringLiteral("Heat Loss to Room");
        // A jog dragged out and back again: the pipe is straight with two points again.
        QWidget *viewport = window.view()->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier, toView(window.view(), {350, 181}));
        for (const QPointF p : {QPointF(350, 200), QPointF(350, 181)}) {
            QMouseEvent move(QEvent::MouseMove, toView(window.view(), p), viewport->mapToGlobal(toView(window.view(), p)),
                             Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
            QApplication::sendEvent(viewport, &move);
        }
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier, toView(window.view(), {350, 181}));
        QCOMPARE(pipeOf(*doc, flow), (Points{{207, 181}, {379, 181}}));
        // A plain click on a selected flow's pipe changes nothing.
        const int steps = doc->undoStack()->count();
        click(window.view(), {350, 181});
        click(window.view(), {350, 181});
        QCOMPARE(doc->undoStack()->count(), steps);
    }

    void auxiliariesAndTextBoxesAreResizedByTheirHandle()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        const QString aux = QStringLiteral("Characteristic Time");
        click(window.view(), {308, 120});
        QVERIFY(window.scene()->itemForName(aux)->isSelected());
        // The handle sits on the circle's bounding box corner (radius 9).
        drag(window.view(), {317, 129}, {323, 132});
        const ViewElement *e = elementNamed(*doc, aux);
        QCOMPARE(*e->width, 30.0); // a circle: the larger of the two pulls
        QCOMPARE(*e->height, 30.0);
        QCOMPARE(diagram::centre(*e), QPointF(308, 120));
        QCOMPARE(doc->undoStack()->count(), 1);
        // The drawn circle grew: a point 13 from the centre is on it now.
        QVERIFY(window.scene()->itemForName(aux)->anchorOutline().contains(QPointF(308 + 13, 120)));

        // A text box keeps its top-left corner and takes the pointer as its bottom-right.
        window.scene()->setTool(DiagramScene::Tool::Text);
        click(window.view(), {40, 260});
        QTest::keyClick(window.view()->renameEditor(), Qt::Key_Return);
        int text = -1;
        for (const ViewElement &v : doc->view().elements)
            if (v.type == ViewElement::Type::TextBox)
                text = *v.uid;
        QVERIFY(text >= 0);
        ElementItem *item = window.scene()->itemForUid(text);
        QVERIFY(item->isSelected());
        const QPointF corner = item->mapToScene(item->resizeHandleRect().center());
        QCOMPARE(corner.x(), 40.0 + 160 + 0.5);
        drag(window.view(), corner, {260, 330});
        QCOMPARE(*doc->element(text)->width, 220.0);
        QCOMPARE(*doc->element(text)->height, 70.0);
        QCOMPARE(diagram::centre(*doc->element(text)), QPointF(40, 260));
        shoot(window, QStringLiteral("resized"), {200, 250});

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("resized.xmile"));
        QVERIFY(window.saveTo(path));
        const QByteArray xml = readAll(path);
        QVERIFY2(xml.contains("name=\"Characteristic_Time\" x=\"308\" y=\"120\" width=\"30\" height=\"30\""), xml.constData());
        QVERIFY2(xml.contains("width=\"220\" height=\"70\""), xml.constData());

        doc->undoStack()->undo();
        QCOMPARE(*doc->element(text)->width, 160.0);
        QVERIFY(!doc->element(text)->height);
    }

    void aPinchZoomsAroundTheFingers()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        DiagramView *view = window.view();
        const QPoint at = view->mapFromScene(QPointF(250, 160));
        const QPointF before = view->mapToScene(at);
        QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, at, at,
                                  view->viewport()->mapToGlobal(at), 0.5, QPointF());
        QApplication::sendEvent(view->viewport(), &pinch);
        QCOMPARE(view->transform().m11(), 1.5);
        QCOMPARE(view->transform().m22(), 1.5);
        // The scene point under the fingers is still there (to a pixel's rounding).
        QVERIFY(QLineF(view->mapToScene(at), before).length() <= 1.0);
        QNativeGestureEvent out(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, at, at,
                                view->viewport()->mapToGlobal(at), -0.2, QPointF());
        QApplication::sendEvent(view->viewport(), &out);
        QCOMPARE(view->zoom(), 1.2);
        QVERIFY(QLineF(view->mapToScene(at), before).length() <= 1.0);

        // A touchscreen's pinch comes as a gesture, centred in screen coordinates.
        const QPoint other = view->mapFromScene(QPointF(330, 220));
        const QPointF under = view->mapToScene(other);
        QPinchGesture gesture;
        gesture.setChangeFlags(QPinchGesture::ScaleFactorChanged);
        gesture.setScaleFactor(1.5);
        gesture.setCenterPoint(view->viewport()->mapToGlobal(QPointF(other)));
        QGestureEvent event({&gesture});
        QApplication::sendEvent(view->viewport(), &event);
        QCOMPARE(view->zoom(), 1.8);
        QVERIFY(QLineF(view->mapToScene(other), under).length() <= 1.0);
    }

    void aModuleIsPlacedNamedAndSaved()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        QTest::keyClick(window.view(), Qt::Key_M);
        QCOMPARE(window.scene()->tool(), DiagramScene::Tool::Module);
        click(window.view(), {480, 200});
        QLineEdit *editor = window.view()->renameEditor();
        QVERIFY(editor); // named in place at once
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Kettle"));
        QTest::keyClick(editor, Qt::Key_Return);
        const Variable *module = doc->variable(u"Kettle");
        QVERIFY(module);
        QCOMPARE(module->kind, VariableKind::Module);
        const ViewElement *e = elementNamed(*doc, QStringLiteral("Kettle"));
        QVERIFY(e);
        QCOMPARE(e->type, ViewElement::Type::Module);
        QCOMPARE(diagram::centre(*e), QPointF(480, 200));
        QCOMPARE(window.scene()->tool(), DiagramScene::Tool::Select);
        shoot(window, QStringLiteral("module"), {420, 200});

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("module.xmile"));
        QVERIFY(window.saveTo(path));
        const QByteArray xml = readAll(path);
        QVERIFY2(xml.contains("<module name=\"Kettle\"/>"), xml.constData());
        QVERIFY2(QRegularExpression(QStringLiteral("<module uid=\"\\d+\" name=\"Kettle\" x=\"480\" y=\"200\"")).match(QString::fromUtf8(xml)).hasMatch(),
                 xml.constData());
        MainWindow reopened;
        QVERIFY(reopened.openFile(path));
        QCOMPARE(reopened.document()->variable(u"Kettle")->kind, VariableKind::Module);
        QCOMPARE(elementNamed(*reopened.document(), QStringLiteral("Kettle"))->type, ViewElement::Type::Module);
        QCOMPARE(reopened.document()->model().variables.size(), doc->model().variables.size());
    }

    void aVariableIsArrayedByADimensionDefinedInThePanel()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        QTest::keyClick(window.view(), Qt::Key_A);
        click(window.view(), {480, 300});
        QCOMPARE(window.scene()->selectedUids().size(), 1);
        const QString name = doc->element(window.scene()->selectedUids().front())->name;
        PropertiesPanel *panel = window.properties();
        QCOMPARE(panel->variableName(), name);
        panel->equationEditor()->setFocus();
        QTest::keyClicks(panel->equationEditor(), QStringLiteral("7 + 2"));
        panel->commit();
        const int before = doc->undoStack()->count();

        auto *define = panel->findChild<QLineEdit *>(QStringLiteral("newDimension"));
        auto *list = panel->findChild<QListWidget *>(QStringLiteral("dimensionList"));
        QVERIFY(define && list);
        define->setFocus();
        QTest::keyClicks(define, QStringLiteral("Cup = small, large"));
        QTest::keyClick(define, Qt::Key_Return);
        QVERIFY(doc->project().findDimension(u"Cup"));
        QCOMPARE(doc->project().findDimension(u"Cup")->elements, (QStringList{QStringLiteral("small"), QStringLiteral("large")}));
        QCOMPARE(list->count(), 1);
        QVERIFY(define->text().isEmpty());
        // A name already taken is refused with a message, and nothing is pushed.
        QTest::keyClicks(define, QStringLiteral("cup = 3"));
        QTest::keyClick(define, Qt::Key_Return);
        QVERIFY(panel->problemLabel()->text().contains(QLatin1String("already")));
        QCOMPARE(doc->undoStack()->count(), before + 1);

        // Ticking it (the keyboard's Space on the row) arrays the variable.
        list->setFocus();
        list->setCurrentRow(0);
        QTest::keyClick(list->viewport(), Qt::Key_Space);
        QCOMPARE(doc->variable(name)->dimensions, QStringList{QStringLiteral("Cup")});
        QCOMPARE(doc->undoStack()->count(), before + 2);
        // The diagram draws it stacked, and undo makes it single again.
        doc->undoStack()->undo();
        QVERIFY(doc->variable(name)->dimensions.isEmpty());
        QCOMPARE(list->item(0)->checkState(), Qt::Unchecked);
        doc->undoStack()->redo();
        QCOMPARE(list->item(0)->checkState(), Qt::Checked);
        shoot(window, QStringLiteral("arrayed"), {420, 260});
        if (const QString shots = qEnvironmentVariable("MEADOWS_SHOT_DIR"); !shots.isEmpty())
            panel->resize(380, 720), panel->grab().save(shots + QStringLiteral("/dimensions-panel.png"));

        // Saved, the file declares the dimension and the variable uses it; the engine runs
        // one column per element, each with the apply-to-all value.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("arrayed.xmile"));
        QVERIFY(window.saveTo(path));
        const QByteArray xml = readAll(path);
        QVERIFY2(xml.contains("<dim name=\"Cup\">"), xml.constData());
        QVERIFY2(xml.contains("<elem name=\"large\"/>"), xml.constData());
        QProcess run;
        run.start(QStringLiteral(MEADOWS_EXECUTABLE), {QStringLiteral("run"), path});
        QVERIFY(run.waitForFinished(30000));
        QCOMPARE(run.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(run.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 2);
        const QStringList header = lines.front().split(u',');
        const QStringList last = lines.back().split(u',');
        const QString display = displayName(name);
        const qsizetype small = header.indexOf(display + QStringLiteral("[small]"));
        const qsizetype large = header.indexOf(display + QStringLiteral("[large]"));
        QVERIFY2(small > 0 && large > 0, qPrintable(lines.front()));
        QVERIFY(!header.contains(display));
        QCOMPARE(last.at(small).toDouble(), 9.0);
        QCOMPARE(last.at(large).toDouble(), 9.0);
    }

    void aModulePicksWhichOfTheFilesModelsItRuns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("two-models.xmile"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">"
                    "<header><vendor>test</vendor><product>test</product></header>"
                    "<sim_specs><start>0</start><stop>4</stop><dt>1</dt></sim_specs>"
                    "<model><variables><aux name=\"a\"><eqn>1</eqn></aux></variables>"
                    "<views><view><aux name=\"a\" x=\"100\" y=\"100\"/></view></views></model>"
                    "<model name=\"Heater\"><variables><aux name=\"power\" access=\"input\"><eqn>3</eqn></aux>"
                    "<aux name=\"heat\"><eqn>power * 2</eqn></aux></variables></model>"
                    "</xmile>");
        }
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openFile(path));
        window.view()->setZoom(1);
        window.view()->centerOn(QPointF(200, 150));
        window.view()->setFocus();
        Document *doc = window.document();
        QTest::keyClick(window.view(), Qt::Key_M);
        click(window.view(), {220, 140});
        QTest::keyClicks(window.view()->renameEditor(), QStringLiteral("Kettle"));
        QTest::keyClick(window.view()->renameEditor(), Qt::Key_Return);
        QVERIFY(doc->variable(u"Kettle"));
        window.scene()->selectUids({doc->elementUidForName(u"Kettle")});
        auto *picker = window.properties()->findChild<QComboBox *>(QStringLiteral("moduleModel"));
        QVERIFY(picker && picker->isVisible());
        QCOMPARE(picker->count(), 2); // none yet, or the file's other model
        picker->setFocus();
        QTest::keyClick(picker, Qt::Key_Down);
        QCOMPARE(doc->variable(u"Kettle")->modelName, QStringLiteral("Heater"));
        const QString saved = dir.filePath(QStringLiteral("saved.xmile"));
        QVERIFY(window.saveTo(saved));
        const QByteArray xml = readAll(saved);
        QVERIFY2(xml.contains("<module name=\"Kettle\" model=\"Heater\"/>"), xml.constData());

        // The model's input is fed from the model around the module.
        auto *inputs = window.properties()->findChild<ModuleConnectionsEditor *>(QStringLiteral("moduleInputs"));
        QVERIFY(inputs && inputs->isVisible());
        QCOMPARE(inputs->rowCount(), 1);
        QCOMPARE(inputs->item(0, 0)->text(), QStringLiteral("power"));
        inputs->sourceBox(0)->setFocus();
        QTest::keyClick(inputs->sourceBox(0), Qt::Key_Down); // "a", after "its own equation"
        QCOMPARE(doc->variable(u"Kettle")->connections,
                 (std::vector<ModuleConnection>{{QStringLiteral("Kettle.power"), QStringLiteral("a")}}));
        if (const QString shots = qEnvironmentVariable("MEADOWS_SHOT_DIR"); !shots.isEmpty())
            window.properties()->resize(380, 720), window.properties()->grab().save(shots + QStringLiteral("/module-panel.png"));
        const QString connected = dir.filePath(QStringLiteral("connected.xmile"));
        QVERIFY(window.saveTo(connected));
        QVERIFY2(readAll(connected).contains("<connect to=\"Kettle.power\" from=\"a\"/>"), readAll(connected).constData());
        // It runs: the module's heat is twice what a feeds it.
        QProcess run;
        run.start(QStringLiteral(MEADOWS_EXECUTABLE), {QStringLiteral("run"), connected});
        QVERIFY(run.waitForFinished(30000));
        QCOMPARE(run.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(run.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        const qsizetype heat = lines.front().split(u',').indexOf(QStringLiteral("Kettle.heat"));
        QVERIFY2(heat > 0, qPrintable(lines.front()));
        QCOMPARE(lines.back().split(u',').at(heat).toDouble(), 2.0);

        doc->undoStack()->undo();
        QVERIFY(doc->variable(u"Kettle")->connections.empty());
        QCOMPARE(inputs->sourceBox(0)->currentIndex(), 0);
        doc->undoStack()->undo();
        QVERIFY(doc->variable(u"Kettle")->modelName.isEmpty());
        QCOMPARE(picker->currentIndex(), 0);
        QVERIFY(!inputs->isVisible());
        // A stock's page shows no model picker.
        window.scene()->selectUids({doc->elementUidForName(u"a")});
        QVERIFY(!picker->isVisible());
    }

    void aDelayMarkIsSavedAsXmilesConnectorAttribute()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        int uid = -1;
        for (const ViewElement &e : doc->view().elements)
            if (e.type == ViewElement::Type::Connector && e.from.name == QLatin1String("Room_Temperature"))
                uid = *e.uid;
        auto *connector = static_cast<ConnectorItem *>(window.scene()->itemForUid(uid));
        click(window.view(), connector->curve().middle);
        QVERIFY(connector->isSelected());
        QCheckBox *delay = nullptr;
        for (QCheckBox *box : window.properties()->findChildren<QCheckBox *>())
            if (box->text().startsWith(QLatin1String("Delay")))
                delay = box;
        QVERIFY(delay && delay->isVisible());
        // Clicked on its box (a wide check box only takes clicks on its box and words).
        QTest::mouseClick(delay, Qt::LeftButton, {}, QPoint(8, delay->height() / 2));
        QVERIFY(hasDelayMark(*doc->element(uid)));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("delay.xmile"));
        QVERIFY(window.saveTo(path));
        QByteArray xml = readAll(path);
        QVERIFY2(xml.contains(" delay_mark=\"true\""), xml.constData());
        QVERIFY(!xml.contains("isee:delay_mark"));

        // Files written with the older isee-prefixed spelling still show the mark.
        xml.replace(" delay_mark=\"true\"", " isee:delay_mark=\"true\"");
        const QString old = dir.filePath(QStringLiteral("old.xmile"));
        QFile f(old);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(xml);
        f.close();
        MainWindow reopened;
        QVERIFY(reopened.openFile(old));
        bool marked = false;
        for (const ViewElement &e : reopened.document()->view().elements)
            marked |= e.type == ViewElement::Type::Connector && hasDelayMark(e);
        QVERIFY(marked);
    }

    void anEndsAttachmentSurvivesAddedBends()
    {
        // Stella marks which element a pipe's end is attached to with a uid on the point.
        QByteArray xml = readAll(kTeacup);
        xml.replace("<pt x=\"207\" y=\"181\"/>", "<pt x=\"207\" y=\"181\" uid=\"7\"/>");
        QVERIFY(xml.contains("uid=\"7\""));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("attached.xmile"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(xml);
        f.close();
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openFile(path));
        window.view()->setZoom(1);
        window.view()->centerOn(QPointF(300, 200));
        drag(window.view(), {350, 181}, {350, 221}, 5, Qt::ShiftModifier);
        const ViewElement *flow = elementNamed(*window.document(), QStringLiteral("Heat Loss to Room"));
        QCOMPARE(flow->points.size(), size_t(4));
        QCOMPARE(flow->points.front().extraAttributes.size(), size_t(1));
        QCOMPARE(flow->points.front().extraAttributes.front().value, QStringLiteral("7"));
        QVERIFY(flow->points.back().extraAttributes.empty());
    }

    void pipeGeometryStaysSquareAndOnItsStocks()
    {
        using namespace diagram;
        const QRectF stock(0, 0, 40, 30); // the source: the pipe leaves its right side at y 15
        const FlowEnds ends{stock, std::nullopt};
        const Points pipe{{40, 15}, {100, 15}, {100, 80}, {160, 80}};
        // A corner moved below the stock drags the first segment only as far as the stock
        // reaches (3 short of its corner); the segment going down follows it sideways.
        QCOMPARE(moveFlowCorner(pipe, 1, {120, 60}, ends), (Points{{40, 27}, {120, 27}, {120, 80}, {160, 80}}));
        QCOMPARE(moveFlowCorner(pipe, 2, {90, 100}, ends), (Points{{40, 15}, {90, 15}, {90, 100}, {160, 100}}));
        // A segment moves across itself only.
        QCOMPARE(moveFlowSegment(pipe, 1, {30, 5}, ends), (Points{{40, 15}, {130, 15}, {130, 80}, {160, 80}}));
        QCOMPARE(moveFlowSegment(pipe, 2, {5, -7}, ends), (Points{{40, 15}, {100, 15}, {100, 73}, {160, 73}}));
        // A jog splits a segment where it was pressed.
        int after = -1;
        QCOMPARE(insertFlowJog(pipe, 2, {130, 82}, &after), (Points{{40, 15}, {100, 15}, {100, 80}, {130, 80}, {130, 80}, {160, 80}}));
        QCOMPARE(after, 4);
        // Hit tests: handles sit on the bends only, segments along the pipe.
        QCOMPARE(flowCornerAt(pipe, {101, 79}, 5), 2);
        QCOMPARE(flowCornerAt(pipe, {40, 15}, 5), -1);
        QCOMPARE(flowSegmentAt(pipe, {70, 18}, 6), 0);
        QCOMPARE(flowSegmentAt(pipe, {70, 30}, 6), -1);
        // Tidying drops repeated points and corners that no longer turn.
        QCOMPARE(simplifyFlow({{40, 15}, {100, 15}, {100, 15}, {130, 15}, {160, 15}}), (Points{{40, 15}, {160, 15}}));
        QCOMPARE(simplifyFlow(pipe), pipe);
    }

    void aFlowIsDrawnClickByClickWithItsBends()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        // From the stock: a click on it, two bends, a double-click ends it in a cloud.
        QTest::keyClick(window.view(), Qt::Key_F);
        click(window.view(), {207, 181});
        click(window.view(), {300, 250}); // squared: straight across from the stock's middle
        click(window.view(), {300, 300});
        doubleClick(window.view(), {420, 300});
        const Variable *flow = doc->variable(u"Flow 1");
        QVERIFY(flow);
        QCOMPARE(pipeOf(*doc, QStringLiteral("Flow 1")), (Points{{207 + 22.5, 181}, {300, 181}, {300, 300}, {420, 300}}));
        QVERIFY(doc->variable(u"Teacup Temperature")->outflows.contains(QStringLiteral("Flow 1")));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(window.scene()->tool(), DiagramScene::Tool::Select);
        shoot(window, QStringLiteral("drawn-flow"), {320, 240});

        // From a cloud into a stock: the last leg goes straight into the stock's nearer side.
        QTest::keyClick(window.view(), Qt::Key_S);
        click(window.view(), {500, 420});
        QTest::keyClick(window.view(), Qt::Key_F);
        click(window.view(), {420, 200});
        click(window.view(), {490, 260});
        click(window.view(), {500, 420});
        QCOMPARE(pipeOf(*doc, QStringLiteral("Flow 2")), (Points{{420, 200}, {490, 200}, {490, 420 - 17.5}}));
        QVERIFY(doc->variable(u"Stock 1")->inflows.contains(QStringLiteral("Flow 2")));
        // Esc in the middle of one draws nothing.
        QTest::keyClick(window.view(), Qt::Key_F);
        click(window.view(), {600, 100});
        click(window.view(), {650, 150});
        QTest::keyClick(window.view(), Qt::Key_Escape);
        QVERIFY(!doc->variable(u"Flow 3"));
        QCOMPARE(window.scene()->tool(), DiagramScene::Tool::Select);
    }

private:
    IsolatedRecovery m_recovery;
};

QTEST_MAIN(TestEditorReshape)
#include "test_editor_reshape.moc"

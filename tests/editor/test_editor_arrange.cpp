// Arranging and editing diagrams as LOOPY and Kumu users expect: Arrange → Tidy diagram in
// one undo step; on a causal-loop diagram the whole name is the variable, a click on a
// polarity sign flips it, and a link drawn back between two variables bows away from the
// first. All through real mouse and keyboard input on the view.
#include "commands/movevariables.h"
#include "diagram/connectorarc.h"
#include "diagram/layoutquality.h"
#include "editortesting.h"
#include "scene/connectoritem.h"
#include "scene/diagramstyle.h"

#include <QAction>
#include <QFile>
#include <QLineF>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace meadows;
using namespace meadows::testing;

namespace {

QPointF centreOf(const Document &doc, const QString &name)
{
    const ViewElement *e = elementNamed(doc, name);
    return e ? QPointF(*e->x, *e->y) : QPointF(-1e9, -1e9);
}

int overlapsOf(const Document &doc)
{
    return diagram::measureLayout(diagram::diagramShapes(doc.model(), doc.view(), &DiagramStyle::labelSize)).overlaps;
}

ConnectorItem *connectorBetween(DiagramScene *scene, const QString &from, const QString &to)
{
    for (QGraphicsItem *item : scene->items())
        if (auto *c = dynamic_cast<ConnectorItem *>(item);
            c && c->element().from.name == from && c->element().to.name == to)
            return c;
    return nullptr;
}

// A causal-loop diagram of two variables, Demand -> Price, opened (and so laid out).
bool showPair(MainWindow &window, QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("pair.mmd"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write("flowchart LR\n  demand[Demand] -- \"+\" --> price[Price]\n");
    f.close();
    window.resize(1000, 700);
    window.show();
    if (!QTest::qWaitForWindowActive(&window) || !window.openFile(path))
        return false;
    window.view()->setZoom(1);
    const QPointF a = window.scene()->itemForName(QStringLiteral("Demand"))->anchorCentre();
    const QPointF b = window.scene()->itemForName(QStringLiteral("Price"))->anchorCentre();
    window.view()->centerOn((a + b) / 2);
    window.view()->setFocus();
    return true;
}

} // namespace

class TestEditorArrange : public QObject {
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

    // Teacup roughed up: Characteristic Time dragged to (420, 120), Room Temperature beside
    // it at (440, 126), so close that their names overlap. Tidy puts the two on one row
    // (Characteristic Time's, the first of the run) and pushes them apart along it; Ctrl+Z
    // puts back every element exactly; the selection is the same throughout.
    void tidyAlignsSeparatesAndUndoesInOneStep()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        const QString room = QStringLiteral("Room Temperature"), time = QStringLiteral("Characteristic Time");
        QHash<int, QPointF> rough;
        rough.insert(doc->elementUidForName(room), QPointF(440, 126) - centreOf(*doc, room));
        rough.insert(doc->elementUidForName(time), QPointF(420, 120) - centreOf(*doc, time));
        doc->undoStack()->push(new MoveVariablesCommand(doc, rough));
        QCOMPARE(centreOf(*doc, room), QPointF(440, 126));
        QCOMPARE(centreOf(*doc, time), QPointF(420, 120));
        QVERIFY(overlapsOf(*doc) > 0);

        click(window.view(), centreOf(*doc, QStringLiteral("Teacup Temperature")));
        const QList<int> selected = window.scene()->selectedUids();
        QCOMPARE(selected, QList<int>{doc->elementUidForName(QStringLiteral("Teacup Temperature"))});
        const View before = doc->view();
        const std::vector<ViewPoint> pipe = elementNamed(*doc, QStringLiteral("Heat Loss to Room"))->points;
        const int steps = doc->undoStack()->count();

        auto *tidy = window.findChild<QAction *>(QStringLiteral("tidyDiagram"));
        QVERIFY(tidy);
        tidy->trigger();
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QCOMPARE(overlapsOf(*doc), 0);
        QCOMPARE(centreOf(*doc, room).y(), 120.0);
        QCOMPARE(centreOf(*doc, time).y(), 120.0);
        // Along the row: Room Temperature (right of Characteristic Time) went right, the other left.
        QVERIFY(centreOf(*doc, room).x() > 440);
        QVERIFY(centreOf(*doc, time).x() < 420);
        // The stock was alone on its row and column, and clear: it stays, and so does its pipe.
        QCOMPARE(centreOf(*doc, QStringLiteral("Teacup Temperature")), QPointF(207, 181));
        QVERIFY(elementNamed(*doc, QStringLiteral("Heat Loss to Room"))->points == pipe);
        QCOMPARE(window.scene()->selectedUids(), selected);

        QTest::keyClick(window.view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QCOMPARE(doc->undoStack()->index(), steps);
        QCOMPARE(doc->view(), before);
        QCOMPARE(window.scene()->selectedUids(), selected);

        // Tidy again on a tidy diagram changes nothing and adds no step.
        tidy->trigger();
        tidy->trigger();
        QCOMPARE(doc->undoStack()->index(), steps + 1);
    }

    // The whole name is the variable: a click on any corner of the name selects it, and a
    // connector dragged from one name's corner to the other's corner links the two.
    void wholeNameIsTheVariable()
    {
        MainWindow window;
        QTemporaryDir dir;
        QVERIFY(showPair(window, dir));
        DiagramScene *scene = window.scene();
        Document *doc = window.document();
        ElementItem *price = scene->itemForName(QStringLiteral("Price"));
        ElementItem *demand = scene->itemForName(QStringLiteral("Demand"));
        const QRectF name = price->labelSceneRect();
        QVERIFY(name.width() > 20);
        for (const QPointF corner : {name.topLeft() + QPointF(1.5, 1.5), name.topRight() + QPointF(-1.5, 1.5),
                                     name.bottomLeft() + QPointF(1.5, -1.5), name.bottomRight() + QPointF(-1.5, -1.5)}) {
            scene->clearSelection();
            click(window.view(), corner);
            QCOMPARE(scene->selectedUids(), QList<int>{price->uid()});
        }
        QVERIFY(!connectorBetween(scene, QStringLiteral("Price"), QStringLiteral("Demand")));
        QTest::keyClick(window.view(), Qt::Key_C);
        drag(window.view(), price->labelSceneRect().bottomRight() + QPointF(-2, -2),
             demand->labelSceneRect().topLeft() + QPointF(2, 2));
        QVERIFY(connectorBetween(scene, QStringLiteral("Price"), QStringLiteral("Demand")));
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    // Demand -> Price exists; drawing Price -> Demand bows the new arc away from the first:
    // their middles at least 16 px apart, and the two never cross between their ends.
    void linkBackBowsAwayFromTheFirst()
    {
        MainWindow window;
        QTemporaryDir dir;
        QVERIFY(showPair(window, dir));
        DiagramScene *scene = window.scene();
        const QPointF price = scene->itemForName(QStringLiteral("Price"))->anchorCentre();
        const QPointF demand = scene->itemForName(QStringLiteral("Demand"))->anchorCentre();
        QTest::keyClick(window.view(), Qt::Key_C);
        drag(window.view(), price, demand);
        ConnectorItem *there = connectorBetween(scene, QStringLiteral("Demand"), QStringLiteral("Price"));
        ConnectorItem *back = connectorBetween(scene, QStringLiteral("Price"), QStringLiteral("Demand"));
        QVERIFY(there && back);
        QVERIFY2(QLineF(there->curve().middle, back->curve().middle).length() >= 16,
                 qPrintable(QString::number(QLineF(there->curve().middle, back->curve().middle).length())));
        std::vector<QPointF> a, b;
        for (const QPolygonF &p : there->curve().path.toSubpathPolygons())
            a.insert(a.end(), p.begin(), p.end());
        for (const QPolygonF &p : back->curve().path.toSubpathPolygons())
            b.insert(b.end(), p.begin(), p.end());
        QCOMPARE(diagram::polylineCrossings(a, b), 0);
    }

    // A click on the "+" flips it to "−", one undo step; Ctrl+Z brings the "+" back.
    void clickOnPolarityFlipsIt()
    {
        MainWindow window;
        QTemporaryDir dir;
        QVERIFY(showPair(window, dir));
        Document *doc = window.document();
        ConnectorItem *link = connectorBetween(window.scene(), QStringLiteral("Demand"), QStringLiteral("Price"));
        QVERIFY(link);
        QCOMPARE(link->element().polarity, QStringLiteral("+"));
        // The sign sits off the target's name.
        const QRectF sign = diagram::polaritySignBox(link->curve().signCentre);
        QVERIFY(!sign.intersects(window.scene()->itemForName(QStringLiteral("Price"))->labelSceneRect()));
        click(window.view(), link->curve().signCentre);
        QCOMPARE(doc->element(link->uid())->polarity, QStringLiteral("-"));
        QCOMPARE(doc->undoStack()->count(), 1);
        QTest::keyClick(window.view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->element(link->uid())->polarity, QStringLiteral("+"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_recoveryDir;
};

QTEST_MAIN(TestEditorArrange)
#include "test_editor_arrange.moc"

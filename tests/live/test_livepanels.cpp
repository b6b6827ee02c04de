// Live simulation inside the editor's window: the model runs as it opens and as it is
// edited, clicking a variable charts it, loops are found and picked in the diagram.
#include "commands/changesimspecs.h"
#include "document.h"
#include "gui/live/livepanels.h"
#include "gui/live/liveworkspace.h"
#include "gui/live/loopspanel.h"
#include "gui/live/sliderpanel.h"
#include "gui/mainwindow.h"
#include "scene/diagramscene.h"
#include "scene/diagramview.h"
#include "scene/elementitem.h"

#include "scene/looplabelitem.h"
#include "scene/stockitem.h"

#include "solver/analysis/dominanceperiods.h"
#include "support/meadowsprocess.h"

#include <QRegularExpression>
#include <QHelpEvent>
#include <QToolButton>
#include <QToolTip>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace meadows;

namespace {
const QString kRetryStorm = QStringLiteral(MEADOWS_TEST_DATA "/../../examples/incidents/02-retry-storm.xmile");
const QString kTeacup = QStringLiteral(MEADOWS_TEST_DATA "/../../examples/classics/teacup.xmile");

ElementItem *itemNamed(DiagramScene *scene, Document *doc, const QString &name)
{
    for (QGraphicsItem *item : scene->items()) {
        if (auto *e = dynamic_cast<ElementItem *>(item)) {
            const ViewElement *el = doc->element(e->uid());
            if (el && el->name == name && el->type != ViewElement::Type::Connector)
                return e;
        }
    }
    return nullptr;
}
} // namespace

class TestLivePanels : public QObject {
    Q_OBJECT
private slots:
    void opensRunsAndChartsAStock();
    void clickingAVariableChartsIt();
    void loopsAreFoundAndHighlighted();
    void aLongLoopIsElidedAndWholeOnHover();
    void tooManyLoopsAreDiscovered();
    void editingAnEquationReruns();
    void stocksShowTheirLevelAtTheScrubbedTime();
    void mermaidOpensAsACausalLoopDiagram();
    void simSpecsChangeRerunsAndUndoes();
};

namespace {
// The line charted for `name` runs from (start, first) to (stop, the run's last value).
void verifyDrawnFromResults(LiveWorkspace &w, const QString &name, double first)
{
    const QList<QPointF> drawn = w.plot()->points(name);
    QVERIFY2(drawn.size() >= 2, qPrintable(name));
    const Results &r = *w.currentResults();
    const int column = r.column(name);
    QVERIFY(column > 0);
    QCOMPARE(drawn.front(), QPointF(0.0, first));
    QCOMPARE(drawn.front().y(), r.at(0, std::size_t(column)));
    QCOMPARE(drawn.back().x(), 30.0);
    QCOMPARE(drawn.back().y(), r.at(r.rows() - 1, std::size_t(column)));
}
} // namespace

void TestLivePanels::opensRunsAndChartsAStock()
{
    MainWindow window;
    window.setQuiet(true);
    QVERIFY(window.openFile(kTeacup));
    LiveWorkspace *w = window.live()->workspace();
    QTRY_VERIFY(w->currentResults());
    QCOMPARE(w->shownVariables(), QStringList{QStringLiteral("Teacup Temperature")});
    // The line drawn is the run's: it starts at the initial 180 degrees at minute 0 and
    // ends at minute 30 at the last value the run computed.
    verifyDrawnFromResults(*w, QStringLiteral("Teacup Temperature"), 180.0);
    QCOMPARE(w->sliderPanel()->sliders(), (QStringList{QStringLiteral("Room Temperature"), QStringLiteral("Characteristic Time")}));
}

void TestLivePanels::clickingAVariableChartsIt()
{
    MainWindow window;
    window.setQuiet(true);
    window.resize(1400, 900);
    window.show();
    QVERIFY(window.openFile(kTeacup));
    LiveWorkspace *w = window.live()->workspace();
    QTRY_VERIFY(w->currentResults());
    ElementItem *flow = itemNamed(window.scene(), window.document(), QStringLiteral("Heat Loss to Room"));
    QVERIFY(flow);
    const QPoint at = window.view()->mapFromScene(flow->sceneBoundingRect().center());
    QTest::mouseClick(window.view()->viewport(), Qt::LeftButton, {}, at);
    QTRY_VERIFY(w->shownVariables().contains(QStringLiteral("Heat Loss to Room")));
    // At minute 0 the tea loses (180 - 70) / 10 = 11 degrees a minute.
    verifyDrawnFromResults(*w, QStringLiteral("Heat Loss to Room"), 11.0);
}

void TestLivePanels::loopsAreFoundAndHighlighted()
{
    MainWindow window;
    window.setQuiet(true);
    QVERIFY(window.openFile(kRetryStorm));
    LoopsPanel *loops = window.live()->loops();
    QTRY_VERIFY_WITH_TIMEOUT(!loops->isBusy() && !loops->loops().empty(), 10000);
    const QStringList all{QStringLiteral("B1"), QStringLiteral("B2"), QStringLiteral("B3"), QStringLiteral("B4"), QStringLiteral("R1"),
                          QStringLiteral("R2")};
    QCOMPARE(loops->visibleLoopNames(), all);
    // Each kind's button shows only that kind; a second click shows all again.
    const auto button = [loops](const char *letter) {
        for (QToolButton *b : loops->findChildren<QToolButton *>())
            if (b->text() == QLatin1String(letter))
                return b;
        return static_cast<QToolButton *>(nullptr);
    };
    QVERIFY(button("R") && button("B"));
    QTest::mouseClick(button("B"), Qt::LeftButton);
    QCOMPARE(loops->visibleLoopNames(), all.mid(0, 4));
    QTest::mouseClick(button("R"), Qt::LeftButton);
    QCOMPARE(loops->visibleLoopNames(), (QStringList{QStringLiteral("R1"), QStringLiteral("R2")}));
    QVERIFY(!button("B")->isChecked());
    QTest::mouseClick(button("R"), Qt::LeftButton);
    QCOMPARE(loops->visibleLoopNames(), all);
    // Labels sit in the diagram; picking R2 in the list highlights its label.
    const QList<LoopLabelItem *> labels = window.scene()->loopLabels();
    QCOMPARE(labels.size(), 6);
    loops->selectLoop(QStringLiteral("R2"));
    const auto r2 = std::find_if(labels.begin(), labels.end(), [](LoopLabelItem *l) { return l->mark().label == QLatin1String("R2"); });
    QVERIFY(r2 != labels.end());
    QVERIFY((*r2)->isHighlighted());
    // The dominance band tells who was in charge, as `meadows loops --dominance --periods`
    // prints it: "at rest 0–20", "B1 20–24" (the server dropping abandoned requests while
    // capacity is down), "R2 24–33.5" (the retries carry it into the storm), "at rest
    // 33.5–120" (in the storm state).
    const std::vector<BandPeriod> &band = loops->dominanceBand()->periods();
    QCOMPARE(band.size(), std::size_t(4));
    QCOMPARE(band[0].kind, BandPeriod::Kind::AtRest);
    QCOMPARE(band[0].label, QStringLiteral("at rest"));
    QCOMPARE(band[0].to, 20.0);
    QCOMPARE(band[1].label, QStringLiteral("B1"));
    QCOMPARE(band[1].from, 20.0);
    QCOMPARE(band[1].to, 24.0);
    QCOMPARE(band[2].label, QStringLiteral("R2"));
    QCOMPARE(band[2].from, 24.0);
    QCOMPARE(band[2].to, 33.5);
    QVERIFY(band[2].detail.startsWith(QStringLiteral("reinforcing: Backlog → Latency")));
    QCOMPARE(band[3].kind, BandPeriod::Kind::AtRest);
    QCOMPARE(band[3].to, 120.0);
    // The line chart of the scores is there on demand: hidden, shown by a click on Scores.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(loops->dominancePlot()->isHidden());
    QTest::mouseClick(loops->scoresButton(), Qt::LeftButton);
    QVERIFY(!loops->dominancePlot()->isHidden());
    // The scores drawn tell the band's story where it is clear: B1 scores highest (in
    // absolute value) of all six loops from 21 to 22, R2 from 26.5 to 29.5 (as `meadows loops
    // --dominance` prints the scores). Elsewhere in those periods another loop leads for
    // moments (the backoff loop B3 around 23 and from 30.5): stretches under a fortieth of
    // the run (3 minutes) merge into their neighbours in the band.
    std::vector<QList<QPointF>> scores;
    for (const QString &name : all)
        scores.push_back(loops->dominancePlot()->points(name));
    const QList<QPointF> &r2Scores = scores[5];
    QVERIFY(r2Scores.size() > 2);
    QCOMPARE(r2Scores.front().x(), 0.0);
    QCOMPARE(r2Scores.back().x(), 120.0);
    int checked = 0;
    for (qsizetype i = 0; i < r2Scores.size(); ++i) {
        const double t = r2Scores[i].x();
        const std::size_t leader = t > 20.75 && t < 22.25 ? 0 : t > 26.25 && t < 29.75 ? 5 : all.size();
        if (leader == std::size_t(all.size()))
            continue;
        ++checked;
        for (std::size_t l = 0; l < scores.size(); ++l) {
            QCOMPARE(scores[l].size(), r2Scores.size());
            QVERIFY2(std::abs(scores[leader][i].y()) >= std::abs(scores[l][i].y()),
                     qPrintable(QStringLiteral("at %1: %2 %3, %4 %5").arg(t).arg(all[qsizetype(leader)]).arg(scores[leader][i].y())
                                    .arg(all[qsizetype(l)]).arg(scores[l][i].y())));
        }
    }
    QVERIFY(checked > 4);
    // The band's period under the mouse is the storm's rest at three quarters of its width.
    DominanceBand *strip = loops->dominanceBand();
    QCOMPARE(strip->periodAt(strip->width() * 3 / 4), 3);
}

// Nine species competing, each acting on every other: 125,673 loops, more than the 100,000
// the search lists (bench/make_competition.py 9). The panel lists and scores the loops that
// matter, found by strongest-path discovery, says so, and its band shows the periods
// `meadows loops --dominance --periods` prints for the same file, with the same names.
void TestLivePanels::tooManyLoopsAreDiscovered()
{
    const QString file = QStringLiteral(MEADOWS_TEST_DATA "/loops/competition9.xmile");
    const test::Outcome cli = test::runMeadows({QStringLiteral("loops"), file, QStringLiteral("--dominance"), QStringLiteral("--periods")});
    QCOMPARE(cli.code, 0);
    const QRegularExpressionMatch found = QRegularExpression(QStringLiteral("discovery found (\\d+) loops")).match(cli.err);
    QVERIFY2(found.hasMatch(), qPrintable(cli.err));
    const std::size_t discovered = found.captured(1).toULongLong();
    QVERIFY(discovered > 9 && discovered < 100000);

    MainWindow window;
    window.setQuiet(true);
    QVERIFY(window.openFile(file));
    LoopsPanel *loops = window.live()->loops();
    QTRY_VERIFY_WITH_TIMEOUT(!loops->isBusy() && loops->dominanceBand() && !loops->dominanceBand()->periods().empty(), 60000);
    QCOMPARE(loops->loops().size(), discovered);
    QVERIFY2(loops->statusText().contains(QLatin1String("found by strongest-path discovery")), qPrintable(loops->statusText()));
    QStringList band;
    for (const BandPeriod &p : loops->dominanceBand()->periods())
        band << QStringLiteral("%1 %2–%3").arg(p.label, formatTime(p.from), formatTime(p.to));
    QCOMPARE(band, cli.out.trimmed().split(u'\n'));
    // A loop the band names is in the list, under the same name.
    for (const BandPeriod &p : loops->dominanceBand()->periods())
        if (p.kind == BandPeriod::Kind::Loop)
            QVERIFY2(std::any_of(loops->loops().begin(), loops->loops().end(), [&p](const LoopRow &r) { return r.name == p.label; }),
                     qPrintable(p.label));
}

void TestLivePanels::editingAnEquationReruns()
{
    MainWindow window;
    window.setQuiet(true);
    QVERIFY(window.openFile(kTeacup));
    LiveWorkspace *w = window.live()->workspace();
    QTRY_VERIFY(w->currentResults());
    const auto before = w->currentResults();
    // An edit through the document (as the properties panel makes it): the room is 20.
    Document *doc = window.document();
    const int index = doc->variableIndex(u"Room Temperature");
    Variable room = doc->model().variables[std::size_t(index)];
    room.equation = QStringLiteral("20");
    doc->replaceVariable(index, room);
    QTRY_VERIFY(w->currentResults() != before);
    const auto &r = *w->currentResults();
    QCOMPARE(r.at(0, std::size_t(r.column(QStringLiteral("Room Temperature")))), 20.0);
}

void TestLivePanels::stocksShowTheirLevelAtTheScrubbedTime()
{
    MainWindow window;
    window.setQuiet(true);
    QVERIFY(window.openFile(kTeacup));
    LiveWorkspace *w = window.live()->workspace();
    QTRY_VERIFY(w->currentResults());
    auto *stock = dynamic_cast<StockItem *>(itemNamed(window.scene(), window.document(), QStringLiteral("Teacup Temperature")));
    QVERIFY(stock);
    const Results &r = *w->currentResults();
    const std::size_t col = std::size_t(r.column(QStringLiteral("Teacup Temperature")));
    // The level counts from empty to the run's highest value (180 at the start).
    QTRY_VERIFY(stock->fillFraction() >= 0);
    QCOMPARE(stock->fillFraction(), r.at(r.rows() - 1, col) / 180.0); // the scrubber starts at the end
    w->setTimeIndex(0);
    QCOMPARE(stock->fillFraction(), 1.0);
    w->setTimeIndex(80); // t = 10
    QCOMPARE(stock->fillFraction(), r.at(80, col) / 180.0);
    // Play runs the scrubber forward to the end.
    w->play(true);
    QVERIFY(w->isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!w->isPlaying(), 15000);
    QCOMPARE(w->timeIndex(), int(r.rows()) - 1);
}

void TestLivePanels::mermaidOpensAsACausalLoopDiagram()
{
    MainWindow window;
    window.setQuiet(true);
    QVERIFY(window.openFile(QStringLiteral(MEADOWS_TEST_DATA "/../../examples/mermaid/retry-storm.mmd")));
    QVERIFY(window.document()->isModified()); // not yet saved as XMILE
    QVERIFY(window.document()->filePath().isEmpty());
    QCOMPARE(window.document()->model().variables.size(), std::size_t(6));
    LoopsPanel *loops = window.live()->loops();
    QTRY_VERIFY_WITH_TIMEOUT(!loops->isBusy() && !loops->loops().empty(), 10000);
    QCOMPARE(loops->visibleLoopNames(), (QStringList{QStringLiteral("B1"), QStringLiteral("B2"), QStringLiteral("R1")}));
    QCOMPARE(window.scene()->loopLabels().size(), 3);
    // Drawn: a circle of variables and the links between them.
    QCOMPARE(window.scene()->geometryWarnings(), QStringList());
    QVERIFY(window.document()->view().elements.size() == 6 + 8);
    // Not simulated, and not an error either.
    QTest::qWait(200); // a run asked for before the file opened must not replace the note
    QVERIFY(window.live()->workspace()->bannerText().contains(QLatin1String("causal-loop diagram")));
    QVERIFY(!window.live()->workspace()->currentResults());
}

void TestLivePanels::simSpecsChangeRerunsAndUndoes()
{
    MainWindow window;
    window.setQuiet(true);
    QVERIFY(window.openFile(kTeacup));
    LiveWorkspace *w = window.live()->workspace();
    QTRY_VERIFY(w->currentResults());
    QCOMPARE(w->currentResults()->rows(), std::size_t(241)); // 0 to 30 by 0.125
    SimSpecs shorter = window.document()->project().simSpecs;
    shorter.stop = 10;
    window.document()->undoStack()->push(new ChangeSimSpecsCommand(window.document(), shorter));
    QCOMPARE(window.document()->project().simSpecs.stop, 10.0);
    QTRY_COMPARE(w->currentResults()->rows(), std::size_t(81));
    window.document()->undoStack()->undo();
    QCOMPARE(window.document()->project().simSpecs.stop, 30.0);
    QTRY_COMPARE(w->currentResults()->rows(), std::size_t(241));
}

// The Variables column of a loop too long for it is elided in the middle, so both ends show,
// and hovering it shows the whole loop back to its start.
void TestLivePanels::aLongLoopIsElidedAndWholeOnHover()
{
    MainWindow window;
    window.setQuiet(true);
    window.resize(1500, 940);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(kRetryStorm));
    LoopsPanel *loops = window.live()->loops();
    QTRY_VERIFY_WITH_TIMEOUT(!loops->isBusy() && !loops->loops().empty(), 10000);
    auto *tree = loops->findChild<QTreeWidget *>();
    QVERIFY(tree);
    const QList<QTreeWidgetItem *> found = tree->findItems(QStringLiteral("R2"), Qt::MatchExactly, 0);
    QCOMPARE(found.size(), 1);
    const QString variables = QStringLiteral("Backlog → Latency → Timeout Fraction → Timeouts → Retries Scheduled → Waiting to Retry → Retries → Load");
    QCOMPARE(found.front()->text(2), variables);
    const QRect cell = tree->visualRect(tree->indexFromItem(found.front(), 2));
    QVERIFY2(tree->fontMetrics().horizontalAdvance(variables) > cell.width(), "the loop fits: nothing to elide");
    QCOMPARE(tree->textElideMode(), Qt::ElideMiddle);
    // The pointer rests on the cell: the tool tip is the whole loop.
    QHelpEvent hover(QEvent::ToolTip, cell.center(), tree->viewport()->mapToGlobal(cell.center()));
    QApplication::sendEvent(tree->viewport(), &hover);
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("R2: ") + variables + QStringLiteral(" → Backlog"));
}

QTEST_MAIN(TestLivePanels)
#include "test_livepanels.moc"

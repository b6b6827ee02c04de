// Export from the editor: Edit → Copy as Image (by its shortcut) puts a picture of the
// diagram or the selection on the clipboard, and File → Export writes what the command
// line writes.
#include "export/behavioursvg.h"
#include "live/livetesting.h"
#include "support/testfiles.h"

#include "commands/changevalue.h"
#include "document.h"
#include "live/livepanels.h"
#include "live/liveworkspace.h"
#include "live/sliderpanel.h"
#include "mainwindow.h"
#include "scene/diagramscene.h"
#include "scene/diagramview.h"
#include "scene/stockitem.h"
#include "solver/simulation.h"
#include "support/testfiles.h"

#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QMenuBar>
#include <QMimeData>
#include <QPainter>
#include <QSlider>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace meadows;
using namespace meadows::testing;

namespace {
const QString kTeacup = QStringLiteral(MEADOWS_SOURCE_DIR "/examples/classics/teacup.xmile");
const QString kBreaker = QStringLiteral(MEADOWS_SOURCE_DIR "/examples/incidents/03-circuit-breaker.xmile");

QListWidget *listNamed(QWidget *parent, const QString &accessibleName)
{
    for (QListWidget *list : parent->findChildren<QListWidget *>())
        if (list->accessibleName() == accessibleName)
            return list;
    return nullptr;
}

// The line of a chart, as (time, value), must be the run's column row for row, within a
// thousandth of the axis span (the picture rounds to a hundredth of a pixel).
QString sameAsRun(const QList<QPointF> &line, const Results &run, const QString &name, const BehaviourChart &chart)
{
    const int column = run.column(name);
    const double span = chart.valueTicks.back().y() - chart.valueTicks.front().y();
    if (column < 0 || line.size() != qsizetype(run.rows()))
        return QStringLiteral("%1 points for %2 rows").arg(line.size()).arg(run.rows());
    for (std::size_t r = 0; r < run.rows(); ++r) {
        const QPointF p = line[qsizetype(r)];
        if (std::abs(p.x() - run.at(r, 0)) > 1e-3 || std::abs(p.y() - run.at(r, std::size_t(column))) > span * 1e-3)
            return QStringLiteral("row %1: (%2, %3) drawn, (%4, %5) run").arg(r).arg(p.x()).arg(p.y()).arg(run.at(r, 0)).arg(run.at(r, std::size_t(column)));
    }
    return {};
}

// A stock of 90 by 50 drawn alone, white around it, 3 pixels to the unit.
QImage drawnStock(StockItem::Kind kind)
{
    StockItem item(1);
    ViewElement e;
    e.type = ViewElement::Type::Stock;
    e.name = QStringLiteral("s");
    e.x = 0;
    e.y = 0;
    e.width = 90;
    e.height = 50;
    item.setElement(e);
    item.setKind(kind);
    QImage image(270, 150, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(3, 3);
    painter.translate(45, 25);
    item.paint(&painter, nullptr, nullptr);
    return image;
}

// Pixels inside the box (away from its border) much darker than the box's own fill.
int inkInside(const QImage &image)
{
    const QRgb fill = image.pixel(image.width() / 2, 8); // just inside the top border, above any mark
    int ink = 0;
    for (int y = 12; y < image.height() - 12; ++y)
        for (int x = 12; x < image.width() - 12; ++x)
            ink += qGray(image.pixel(x, y)) < qGray(fill) - 60;
    return ink;
}

QAction *menuAction(QWidget *window, const QString &text)
{
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->text().remove(u'&') == text)
            return a;
    }
    return nullptr;
}
} // namespace

class TestExportGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qputenv("MEADOWS_AUTOSAVE_MS", "600000"); }
    void copyAsImagePutsTheDiagramOnTheClipboard();
    void copyAsImageOfASelectionIsSmallerAndKeepsTheSelection();
    void fileExportWritesEveryFormat();
    void postmortemChartsTheTickedVariablesAgainstTheSavedRun();
    void aSliderEditIsWhatThePostmortemShows();
    void conveyorsQueuesAndOvensAreDrawnApart();
};

void TestExportGui::copyAsImagePutsTheDiagramOnTheClipboard()
{
    MainWindow window;
    window.setQuiet(true);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(kTeacup));
    QApplication::clipboard()->clear();
    QVERIFY(menuAction(&window, QStringLiteral("Copy as Image")));
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QVERIFY(mime->hasImage());
    const QImage image = QApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200 && image.height() > 100);
    QVERIFY(mime->hasFormat(QStringLiteral("image/png")));
    QVERIFY(QImage::fromData(mime->data(QStringLiteral("image/png")), "PNG").size() == image.size());
    const QByteArray svg = mime->data(QStringLiteral("image/svg+xml"));
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("Characteristic"));
    QVERIFY(svg.contains("Teacup"));
}

void TestExportGui::copyAsImageOfASelectionIsSmallerAndKeepsTheSelection()
{
    MainWindow window;
    window.setQuiet(true);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(kTeacup));
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QSize whole = QApplication::clipboard()->image().size();

    const int uid = window.document()->elementUidForName(QStringLiteral("Room Temperature"));
    QVERIFY(uid >= 0);
    window.scene()->selectUids({uid});
    QTest::keyClick(window.view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QImage part = QApplication::clipboard()->image();
    QVERIFY(!part.isNull());
    QVERIFY(part.width() < whole.width() / 2);
    QVERIFY(part.height() < whole.height());
    const QByteArray svg = QApplication::clipboard()->mimeData()->data(QStringLiteral("image/svg+xml"));
    QVERIFY(svg.contains("Room"));
    QVERIFY(!svg.contains("Characteristic"));
    // The picture is taken without disturbing the editor.
    QCOMPARE(window.scene()->selectedUids(), QList<int>{uid});
    for (QGraphicsItem *item : window.scene()->items())
        QVERIFY(item->isVisible());
    QVERIFY(window.statusText().contains(QLatin1String("selection")));
}

void TestExportGui::fileExportWritesEveryFormat()
{
    MainWindow window;
    window.setQuiet(true);
    QVERIFY(window.openFile(kTeacup));
    QVERIFY(window.findChild<QMenu *>(QStringLiteral("exportMenu")));
    QCOMPARE(window.findChild<QMenu *>(QStringLiteral("exportMenu"))->actions().size(), 6);
    QTemporaryDir dir;
    QVERIFY(window.exportTo(ExportFormat::Svg, dir.filePath(QStringLiteral("t.svg"))));
    QVERIFY(window.exportTo(ExportFormat::Png, dir.filePath(QStringLiteral("t.png"))));
    QVERIFY(window.exportTo(ExportFormat::Pdf, dir.filePath(QStringLiteral("t.pdf"))));
    QVERIFY(window.exportTo(ExportFormat::Markdown, dir.filePath(QStringLiteral("t.md"))));
    QVERIFY(window.exportTo(ExportFormat::Mermaid, dir.filePath(QStringLiteral("t.mmd"))));
    QVERIFY(window.exportTo(ExportFormat::Dot, dir.filePath(QStringLiteral("t.dot"))));
    // The picture shows the diagram: the stock's fill colour (#eef4fb) and dark lines on white.
    const QImage png(dir.filePath(QStringLiteral("t.png")));
    QVERIFY(!png.isNull());
    bool stockFill = false, ink = false;
    for (int y = 0; y < png.height(); ++y)
        for (int x = 0; x < png.width(); ++x) {
            const QColor c = png.pixelColor(x, y);
            stockFill = stockFill || c.rgb() == QColor(0xee, 0xf4, 0xfb).rgb();
            ink = ink || c.lightness() < 100;
        }
    QVERIFY(stockFill);
    QVERIFY(ink);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("t.pdf"))).left(5), QByteArray("%PDF-"));
    // The page names its pictures, and they were written beside it.
    const QByteArray page = readAll(dir.filePath(QStringLiteral("t.md")));
    QVERIFY(page.startsWith("# Teacup\n"));
    QVERIFY(page.contains("![Diagram of Teacup](t-diagram.svg)"));
    QVERIFY(page.contains("| B1 | B | Heat Loss to Room → Teacup Temperature → Heat Loss to Room |"));
    QVERIFY(page.contains("](t-behaviour.svg)"));
    QVERIFY(readAll(dir.filePath(QStringLiteral("t-diagram.svg"))).contains(">Temperature</text>"));
    QVERIFY(readAll(dir.filePath(QStringLiteral("t-behaviour.svg"))).contains(">Teacup Temperature (Degrees Fahrenheit)</text>"));
    // The text formats carry the links with their polarities.
    const QByteArray mermaid = readAll(dir.filePath(QStringLiteral("t.mmd")));
    QVERIFY(mermaid.startsWith("flowchart LR\n"));
    QVERIFY(mermaid.contains("  Heat_Loss_to_Room -- \"-\" --> Teacup_Temperature\n"));
    QVERIFY(mermaid.contains("  Teacup_Temperature -- \"+\" --> Heat_Loss_to_Room\n"));
    const QByteArray dot = readAll(dir.filePath(QStringLiteral("t.dot")));
    QVERIFY(dot.contains("digraph \"Teacup\" {"));
    QVERIFY(dot.contains("\"Heat Loss to Room\" -> \"Teacup Temperature\" [label=\"-\""));
    QFile svg(dir.filePath(QStringLiteral("t.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    QVERIFY(text.contains(">Room</text>")); // "Room Temperature" wraps under its circle
    QVERIFY(text.contains(">Temperature</text>"));
    QVERIFY(!window.exportTo(ExportFormat::Svg, QStringLiteral("/nonexistent/dir/t.svg")));
    QVERIFY(window.statusText().contains(QLatin1String("Export failed")));
}

void TestExportGui::postmortemChartsTheTickedVariablesAgainstTheSavedRun()
{
    MainWindow window;
    window.setQuiet(true);
    window.resize(1500, 940);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openFile(kBreaker));
    LiveWorkspace *w = window.live()->workspace();
    QTRY_VERIFY_WITH_TIMEOUT(w->currentResults() && !w->scheduler()->isBusy(), 20000);
    QCOMPARE(w->shownVariables(), QStringList{QStringLiteral("Backlog")}); // the stocks, at first

    // Tick Latency and Retries in the Results panel's list, with the mouse.
    QListWidget *variables = listNamed(w, QStringLiteral("Variables to chart"));
    QVERIFY(variables);
    QVERIFY(clickCheckBox(variables, QStringLiteral("Latency")));
    QVERIFY(clickCheckBox(variables, QStringLiteral("Retries")));
    QCOMPARE(w->shownVariables(), (QStringList{QStringLiteral("Backlog"), QStringLiteral("Latency"), QStringLiteral("Retries")}));
    // Save run…, named "no budget".
    QAbstractButton *saveRun = toolbarButton(w, QStringLiteral("Save run…"));
    QVERIFY(saveRun);
    QVERIFY(clickAndAnswer(saveRun, QStringLiteral("no budget")));
    QCOMPARE(w->runs()->runs().size(), std::size_t(1));
    const std::shared_ptr<const Results> saved = w->runs()->runs().front().results;
    // A retry budget of 10 a minute: the retry loop is cut and the run changes.
    window.document()->undoStack()->push(new ChangeVariableValueCommand<QString>(
        window.document(), QStringLiteral("Retry Budget"), &Variable::equation, QStringLiteral("10"), QString()));
    QTRY_VERIFY_WITH_TIMEOUT(w->currentResults() != saved && !w->scheduler()->isBusy() && w->currentResults(), 20000);
    const std::shared_ptr<const Results> now = w->currentResults();

    QTemporaryDir dir;
    QVERIFY(window.exportTo(ExportFormat::Markdown, dir.filePath(QStringLiteral("pm.md"))));
    const QString md = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("pm.md"))));
    QVERIFY2(md.contains(QLatin1String("The variables ticked in the Results panel, each on its own axis over the same time. "
                                       "Solid: this model; dashed: the saved run no budget.")), qPrintable(md));
    const BehaviourSvg svg = readBehaviourSvg(readAll(dir.filePath(QStringLiteral("pm-behaviour.svg"))));
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    // Exactly the ticked variables, in the order they were ticked.
    QCOMPARE(svg.variables(), w->shownVariables());
    for (const BehaviourChart &chart : svg.charts) {
        QString mismatch = sameAsRun(chart.run, *now, chart.variable, chart);
        QVERIFY2(mismatch.isEmpty(), qPrintable(chart.variable + QStringLiteral(": ") + mismatch));
        QCOMPARE(chart.baselineDash, QStringLiteral("6 4"));
        mismatch = sameAsRun(chart.baseline, *saved, chart.variable, chart);
        QVERIFY2(mismatch.isEmpty(), qPrintable(chart.variable + QStringLiteral(" (saved run): ") + mismatch));
    }
    // The two runs differ where the budget bites: the retries are capped at 10.
    const BehaviourChart *retries = svg.chart(QStringLiteral("Retries"));
    double most = 0, mostSaved = 0;
    for (const QPointF &p : retries->run)
        most = std::max(most, p.y());
    for (const QPointF &p : retries->baseline)
        mostSaved = std::max(mostSaved, p.y());
    QVERIFY2(most <= 10 + 0.01 && mostSaved > 20, qPrintable(QStringLiteral("%1 %2").arg(most).arg(mostSaved)));
}




// A slider's value is an edit, so File → Export draws the run of the value the slider shows,
// not the file's 70.
void TestExportGui::aSliderEditIsWhatThePostmortemShows()
{
    MainWindow window;
    window.setQuiet(true);
    window.resize(1500, 940);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openFile(kTeacup));
    LiveWorkspace *w = window.live()->workspace();
    QTRY_VERIFY_WITH_TIMEOUT(w->currentResults() && !w->scheduler()->isBusy(), 20000);
    QSlider *slider = w->sliderPanel()->sliderFor(QStringLiteral("Room Temperature"));
    QVERIFY(slider);
    // Page Up twice with the keyboard: 70 -> 84 -> 98 (a tenth of 0 to 140 each).
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageUp);
    QTest::keyClick(slider, Qt::Key_PageUp);
    QCOMPARE(window.document()->variable(u"Room Temperature")->equation, QStringLiteral("98"));
    QTRY_VERIFY_WITH_TIMEOUT(!w->scheduler()->isBusy() && w->currentResults()
                                 && w->currentResults()->at(0, std::size_t(w->currentResults()->column(QStringLiteral("Room Temperature")))) == 98,
                             20000);
    const std::shared_ptr<const Results> now = w->currentResults();
    QTemporaryDir dir;
    QVERIFY(window.exportTo(ExportFormat::Markdown, dir.filePath(QStringLiteral("pm.md"))));
    const BehaviourSvg svg = readBehaviourSvg(readAll(dir.filePath(QStringLiteral("pm-behaviour.svg"))));
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    const BehaviourChart *tea = svg.chart(QStringLiteral("Teacup Temperature"));
    QVERIFY(tea);
    const QString mismatch = sameAsRun(tea->run, *now, tea->variable, *tea);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    // The tea cools towards the room: at 98 it ends above 98, where at 70 it would end below 80
    // (180 - 70 = 110 degrees above the room, cooling with a time constant of 10 minutes over
    // 30: 70 + 110 e^-3 = 75.5).
    QVERIFY2(tea->run.back().y() > 98, qPrintable(QString::number(tea->run.back().y())));
}

// Stella's special stocks are told apart from a plain one in the editor and in pictures: a
// plain box has nothing inside; a conveyor, a queue and an oven each a mark, each different.
// Opened from a file, each stock takes the look its XMILE element asks for.
void TestExportGui::conveyorsQueuesAndOvensAreDrawnApart()
{
    QCOMPARE(inkInside(drawnStock(StockItem::Kind::Plain)), 0);
    const QImage conveyor = drawnStock(StockItem::Kind::Conveyor);
    const QImage queue = drawnStock(StockItem::Kind::Queue);
    const QImage oven = drawnStock(StockItem::Kind::Oven);
    for (const QImage *image : {&conveyor, &queue, &oven})
        QVERIFY2(inkInside(*image) > 200, qPrintable(QString::number(inkInside(*image))));
    QVERIFY(conveyor != queue && queue != oven && oven != conveyor);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("line.xmile"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArrayLiteral(
        "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\"><header/>"
        "<sim_specs><start>0</start><stop>4</stop><dt>1</dt></sim_specs><model><variables>"
        "<stock name=\"Plain\"><eqn>0</eqn><inflow>a</inflow></stock><flow name=\"a\"><eqn>1</eqn></flow>"
        "<stock name=\"Belt\"><eqn>0</eqn><inflow>b</inflow><outflow>c</outflow><conveyor><len>2</len></conveyor></stock>"
        "<flow name=\"b\"><eqn>1</eqn></flow><flow name=\"c\"/>"
        "<stock name=\"Line\"><eqn>0</eqn><inflow>d</inflow><outflow>e</outflow><queue/></stock>"
        "<flow name=\"d\"><eqn>1</eqn></flow><flow name=\"e\"/>"
        "<stock name=\"Kiln\"><eqn>0</eqn><inflow>f</inflow><outflow>g</outflow><oven><fill_time>1</fill_time>"
        "<cook_time>1</cook_time></oven></stock><flow name=\"f\"><eqn>1</eqn></flow><flow name=\"g\"/>"
        "</variables><views><view><stock name=\"Plain\" x=\"100\" y=\"100\"/><stock name=\"Belt\" x=\"250\" y=\"100\"/>"
        "<stock name=\"Line\" x=\"400\" y=\"100\"/><stock name=\"Kiln\" x=\"550\" y=\"100\"/></view></views>"
        "</model></xmile>"));
    file.close();
    MainWindow window;
    window.setQuiet(true);
    QVERIFY(window.openFile(path));
    QHash<QString, StockItem::Kind> kinds;
    for (QGraphicsItem *item : window.scene()->items())
        if (auto *stock = dynamic_cast<StockItem *>(item))
            kinds.insert(stock->element().name, stock->kind());
    QCOMPARE(kinds.value(QStringLiteral("Plain"), StockItem::Kind::Oven), StockItem::Kind::Plain);
    QCOMPARE(kinds.value(QStringLiteral("Belt")), StockItem::Kind::Conveyor);
    QCOMPARE(kinds.value(QStringLiteral("Line")), StockItem::Kind::Queue);
    QCOMPARE(kinds.value(QStringLiteral("Kiln")), StockItem::Kind::Oven);
}

QTEST_MAIN(TestExportGui)
#include "test_export_gui.moc"

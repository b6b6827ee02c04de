// Export from the editor: Edit → Copy as Image (by its shortcut) puts a picture of the
// diagram or the selection on the clipboard, and File → Export writes what the command
// line writes.
#include "document.h"
#include "mainwindow.h"
#include "scene/diagramscene.h"
#include "scene/diagramview.h"
#include "support/testfiles.h"

#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QMenuBar>
#include <QMimeData>
#include <QTemporaryDir>
#include <QtTest>

using namespace meadows;
using meadows::testing::readAll;

namespace {
const QString kTeacup = QStringLiteral(MEADOWS_SOURCE_DIR "/examples/classics/teacup.xmile");

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
    QVERIFY(page.contains("![Teacup Temperature](t-chart-1.png)"));
    QVERIFY(readAll(dir.filePath(QStringLiteral("t-diagram.svg"))).contains(">Temperature</text>"));
    QVERIFY(!QImage(dir.filePath(QStringLiteral("t-chart-1.png"))).isNull());
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

QTEST_MAIN(TestExportGui)
#include "test_export_gui.moc"

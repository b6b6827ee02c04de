// A file's fonts and colours on the diagram: Vensim's sketch (test_trend.mdl: a bold dark
// red title comment, a bold variable, blue arrows, Times New Roman 12) drawn as Vensim
// draws it, and readable in a dark theme.
#include "editortesting.h"

#include "commands/renamevariable.h"
#include "diagram/diagramgeometry.h"
#include "model/names.h"
#include "scene/connectoritem.h"
#include "scene/diagramstyle.h"
#include "scene/elementlook.h"
#include "support/inlinemdl.h"

#include <QPainter>
#include <QScopeGuard>
#include <QtTest>

using namespace meadows;
using namespace meadows::testing;

namespace {

const QString kTrend = kTestData + QStringLiteral("/test-models-vensim/tests/trend/test_trend.mdl");

// The scene drawn at one pixel per unit over `area`, on white.
QImage render(DiagramScene *scene, const QRectF &area)
{
    QImage image(area.size().toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene->render(&painter, QRectF(QPointF(0, 0), area.size()), area);
    return image;
}

int countPixels(const QImage &image, const std::function<bool(QColor)> &is)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += is(QColor(image.pixel(x, y)));
    return n;
}

bool darkRed(QColor c) { return c.red() > 90 && c.red() < 170 && c.green() < 50 && c.blue() < 50; }
bool pureBlue(QColor c) { return c.blue() > 170 && c.red() < 80 && c.green() < 80; }

} // namespace

class TestEditorStyles : public QObject {
    Q_OBJECT
private slots:
    void vensimFontsAndColoursAreDrawn()
    {
        MainWindow window;
        window.setQuiet(true);
        QVERIFY(window.openFile(kTrend));
        DiagramScene *scene = window.scene();
        // "10,14,TREND of input,...,16,..." hasf 16: attributes B; the view's Times New Roman 12.
        ElementItem *trend = scene->itemForName(QStringLiteral("TREND of input"));
        QVERIFY(trend);
        const QFont font = labelFont(trend->style());
        QVERIFY(font.bold());
        QCOMPARE(font.family(), QStringLiteral("Times New Roman"));
        QCOMPARE(font.pixelSize(), 16); // 12 points at 96 pixels per inch
        QVERIFY(!labelFont(scene->itemForName(QStringLiteral("input"))->style()).bold());

        // The title comment "12,1,0,286,104,89,28,8,135,0,18,...,|12|B|128-0-0": its words
        // in dark red, inside its box (197,76)-(375,132).
        ElementItem *title = nullptr;
        for (QGraphicsItem *item : scene->items())
            if (auto *e = dynamic_cast<ElementItem *>(item); e && e->elementType() == ViewElement::Type::TextBox)
                title = e;
        QVERIFY(title);
        QVERIFY(title->element().text.startsWith(QLatin1String("TREND - simple trend")));
        const int red = countPixels(render(scene, title->sceneBoundingRect()), darkRed);
        QVERIFY2(red > 100, qPrintable(QString::number(red)));

        // The arrows in the view's arrow colour, 0-0-255.
        int blue = 0;
        for (QGraphicsItem *item : scene->items())
            if (auto *e = dynamic_cast<ElementItem *>(item); e && e->elementType() == ViewElement::Type::Connector) {
                QCOMPARE(lineColor(e->style().color, DiagramStyle::current().connector), QColor(0, 0, 255));
                blue += countPixels(render(scene, e->sceneBoundingRect()), pureBlue);
            }
        QVERIFY2(blue > 100, qPrintable(QString::number(blue)));
    }

    // SIR's sketch is saved at 72 pixels per inch: its Times New Roman 12 is drawn 12 units
    // high (Vensim's point is ppi/72 of a unit), not the 16 of 12 points at 96, and each name
    // wraps at its word's box, as Vensim wraps it. "Contact Infectivity" (box 94 wide) and
    // "Total Population" (84) are one line each, as in Vensim; at the editor's own 90 the
    // first broke in two. Renaming a variable forgets its box (Vensim sizes it to the new
    // name), and undoing the rename brings it back.
    void aVensimSketchsTextKeepsItsSizeAndBreaks()
    {
        MainWindow window;
        window.setQuiet(true);
        QVERIFY(window.openFile(kTestData + QStringLiteral("/test-models-vensim/samples/SIR/SIR.mdl")));
        DiagramScene *scene = window.scene();
        const std::pair<QString, double> words[] = {{QStringLiteral("Contact Infectivity"), 94}, {QStringLiteral("Total Population"), 84}};
        for (const auto &[name, box] : words) {
            ElementItem *item = scene->itemForName(name);
            QVERIFY(item);
            QCOMPARE(labelWrapWidth(item->element()), std::optional<double>(box));
            const QFont font = labelFont(item->style());
            QCOMPARE(font.pixelSize(), 12);
            // Times New Roman's widths: Liberation Serif, which scripts/deps.sh installs.
            const QString face = QFontInfo(font).family();
            QVERIFY2(face == QLatin1String("Liberation Serif") || face == QLatin1String("Times New Roman"),
                     qPrintable(QStringLiteral("Times New Roman is drawn in %1: install fonts-liberation2").arg(face)));
            const QRectF label = item->labelSceneRect();
            QVERIFY2(label.height() < 1.5 * QFontMetricsF(font).height(), qPrintable(name));
            QVERIFY2(label.width() <= box + 1, qPrintable(name));
        }
        Document *document = window.document();
        document->undoStack()->push(new RenameVariableCommand(document, QStringLiteral("Contact Infectivity"), QStringLiteral("Infectivity")));
        QVERIFY(scene->itemForName(QStringLiteral("Infectivity")));
        QCOMPARE(labelWrapWidth(scene->itemForName(QStringLiteral("Infectivity"))->element()), std::nullopt);
        document->undoStack()->undo();
        QCOMPARE(labelWrapWidth(scene->itemForName(QStringLiteral("Contact Infectivity"))->element()), std::optional<double>(94));
    }

    // A name written in its stock's box wraps at the box: World3's "Urban and Industrial Land"
    // (a box 150 wide) is two lines of Times 12 at 96 pixels per inch, where the editor's 90
    // made four. A box narrower than 90 (Stella's 45) still wraps at 90, not word by word.
    void aNameInItsStockWrapsAtTheBox()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("land.mdl"));
        QVERIFY(testing::writeAll(path, QByteArray("{UTF-8}\nUrban and Industrial Land = INTEG(0, 1) ~~|\nLand = INTEG(0, 1) ~~|\n"
                                                   "INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n")
                                            + test::kMdlSketchHead + "*View 1\n"
                                        "$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n"
                                        "10,1,Urban and Industrial Land,200,100,75,30,3,3,0,0,0,0,0,0\n"
                                        "10,2,Land,400,100,22,17,3,3,0,0,0,0,0,0\n///---\\\\\\\n"));
        MainWindow window;
        window.setQuiet(true);
        QVERIFY(window.openFile(path));
        ElementItem *wide = window.scene()->itemForName(QStringLiteral("Urban and Industrial Land"));
        QVERIFY(wide);
        const double line = QFontMetricsF(labelFont(wide->style())).lineSpacing();
        QVERIFY2(wide->labelSceneRect().height() < 2.5 * line, qPrintable(QString::number(wide->labelSceneRect().height() / line)));
        QVERIFY(wide->labelSceneRect().width() <= 150 - 6 + 1);
        // "Urban and Industrial Land" in a 44-wide box would still take the editor's 90.
        window.document()->undoStack()->push(new RenameVariableCommand(window.document(), QStringLiteral("Land"),
                                                                       QStringLiteral("Urban and Industrial Land two")));
        ElementItem *narrow = window.scene()->itemForName(QStringLiteral("Urban and Industrial Land two"));
        QVERIFY(narrow);
        QVERIFY(narrow->labelSceneRect().width() > 44);
        QVERIFY(narrow->labelSceneRect().width() <= diagram::kLabelWidth + 1);
    }

    // Vensim draws an arrow to a flow's name or to its valve, and its sketch says which: SIR's
    // arrow 13 from Susceptible comes up from below (through (258,298)) to the word
    // "Succumbing" (7), written under the valve (331,268); arrow 17 from Contact Infectivity
    // comes down to the valve (6). The first stops at the name's edge, not through the name at
    // the valve; the second reaches the valve. Stella draws every connector to the valve: in
    // teacup_w_diagram.xmile the one from Room Temperature to Heat Loss to Room ends there.
    void aConnectorEndsAtAFlowsNameWhereVensimDrewIt()
    {
        MainWindow window;
        window.setQuiet(true);
        QVERIFY(window.openFile(kTestData + QStringLiteral("/test-models-vensim/samples/SIR/SIR.mdl")));
        const auto endOf = [&window](const QString &from, const QString &to) -> std::optional<QPointF> {
            for (QGraphicsItem *item : window.scene()->items())
                if (auto *c = dynamic_cast<ConnectorItem *>(item); c && canonicalName(c->element().to.name) == canonicalName(to)
                                                                  && canonicalName(c->element().from.name) == canonicalName(from))
                    return c->curve().end;
            return std::nullopt;
        };
        ElementItem *flow = window.scene()->itemForName(QStringLiteral("Succumbing"));
        QVERIFY(flow);
        const QRectF name = flow->labelSceneRect();
        const QPointF valve = flow->anchorCentre();
        QVERIFY(name.top() > valve.y()); // written under the valve
        const auto fromBelow = endOf(QStringLiteral("Susceptible"), QStringLiteral("Succumbing"));
        const auto fromAbove = endOf(QStringLiteral("Contact Infectivity"), QStringLiteral("Succumbing"));
        QVERIFY(fromBelow && fromAbove);
        // On the name's edge: within a unit of its box, not inside it, and not at the valve.
        QVERIFY2(!name.adjusted(1, 1, -1, -1).contains(*fromBelow) && name.adjusted(-1, -1, 1, 1).contains(*fromBelow),
                 qPrintable(QStringLiteral("%1,%2").arg(fromBelow->x()).arg(fromBelow->y())));
        QVERIFY(QLineF(*fromBelow, valve).length() > diagram::kValveRadius + 4);
        QVERIFY(QLineF(*fromAbove, valve).length() < diagram::kValveRadius + 2);

        QVERIFY(window.openFile(kTeacup));
        ElementItem *heatLoss = window.scene()->itemForName(QStringLiteral("Heat Loss to Room"));
        QVERIFY(heatLoss);
        const auto toValve = endOf(QStringLiteral("Room Temperature"), QStringLiteral("Heat Loss to Room"));
        QVERIFY(toValve);
        QVERIFY(QLineF(*toValve, heatLoss->anchorCentre()).length() < diagram::kValveRadius + 2);
    }

    void aFileWithoutStylesKeepsTheThemesLook()
    {
        MainWindow window;
        window.setQuiet(true);
        QVERIFY(window.openFile(kTeacup));
        DiagramScene *scene = window.scene();
        const QImage image = render(scene, scene->itemsBoundingRect());
        // The theme's connectors are crimson, #c2185b: an edge pixel of one may pass for dark
        // red, but not the hundred a title's words make.
        QCOMPARE(countPixels(image, pureBlue), 0);
        QVERIFY(countPixels(image, darkRed) < 5);
        ElementItem *stock = scene->itemForName(QStringLiteral("Teacup Temperature"));
        QVERIFY(stock);
        QCOMPARE(labelFont(stock->style()), DiagramStyle::current().font);
    }

    void darkThemeTurnsColoursOver()
    {
        const DiagramStyle light = DiagramStyle::current();
        // Put back whatever happens: a failed comparison returns early.
        const auto restore = qScopeGuard([&light] { DiagramStyle::setCurrent(light); });
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        DiagramStyle::setCurrent(DiagramStyle::fromPalette(dark));
        const DiagramStyle &s = DiagramStyle::current();
        // Black text and white fills are the theme's; pure blue (lightness 128 of 255) turned
        // over is 127: still blue, but a dark navy #000080 (lightness 64) becomes light (191).
        QCOMPARE(lineColor(QStringLiteral("#000000"), s.text), s.text);
        QCOMPARE(fillColor(QStringLiteral("#ffffff"), s.stockFill), s.stockFill);
        const QColor navy = lineColor(QStringLiteral("#000080"), s.connector);
        QCOMPARE(navy.toHsl().lightness(), 191);
        QCOMPARE(navy.toHsl().hslHue(), 240);
        QCOMPARE(lineColor(QStringLiteral("not a colour"), s.connector), s.connector);
        DiagramStyle::setCurrent(light);
        QCOMPARE(lineColor(QStringLiteral("#000080"), DiagramStyle::current().connector), QColor(0, 0, 128));
    }
};

QTEST_MAIN(TestEditorStyles)
#include "test_editor_styles.moc"

// Automatic layout (app/diagram/autolayout.h) held to what a reader sees: after layout no
// two of element bodies, name labels and polarity signs overlap, no connector or pipe runs
// through a name, no connector through a body, and lines cross no more often than in
// Graphviz's own drawing of the same graph. Measured from the laid-out geometry with the
// label sizes estimated for the editor's font (diagram/layoutquality.h).
#include "diagram/autolayout.h"
#include "diagram/diagramgeometry.h"
#include "diagram/labelgeometry.h"
#include "diagram/layoutquality.h"
#include "diagram/loopmarkers.h"
#include "support/generatedmodel.h"
#include "support/meadowsprocess.h"

#include "model/mermaidreader.h"
#include "model/modelfile.h"
#include "model/names.h"
#include "model/xmilereader.h"
#include "model/xmilewriter.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLineF>
#include <QTemporaryDir>
#include <QTest>

using namespace meadows;
using namespace meadows::diagram;

namespace {

QString examplesDir()
{
    return QStringLiteral(MEADOWS_SOURCE_DIR "/examples");
}

QStringList exampleFiles()
{
    QStringList files;
    QDirIterator it(examplesDir(), {QStringLiteral("*.xmile"), QStringLiteral("*.mmd")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

const View &mainView(const Project &p)
{
    return p.mainModel().views.front();
}

// A model of these auxiliaries and no diagram, read and laid out into `p` (left empty on a
// failure, which the check says).
void laidOut(const QString &variables, std::optional<Project> &p)
{
    const QByteArray text = QStringLiteral("<xmile version=\"1.0\"><header/><sim_specs><start>0</start><stop>1</stop>"
                                           "<dt>1</dt></sim_specs><model><variables>%1</variables></model></xmile>")
                                .arg(variables).toUtf8();
    p = readXmile(text, QStringLiteral("chain.xmile")).project;
    QVERIFY(p);
    QString error;
    QCOMPARE(layoutModelsWithoutViews(*p, {}, &error), 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

// Every variable of the model has exactly one placed element on the view.
void verifyEveryVariablePlaced(const Model &model)
{
    const View &view = model.views.front();
    for (const Variable &v : model.variables) {
        int placed = 0;
        for (const ViewElement &e : view.elements)
            if (e.type != ViewElement::Type::Connector && canonicalName(e.name) == canonicalName(v.name) && e.x && e.y)
                ++placed;
        QVERIFY2(placed == 1, qPrintable(v.name));
    }
}

void verifyClean(const Model &model, const QString &what)
{
    const LayoutQuality q = measureLayout(diagramShapes(model, model.views.front(), estimateLabelSize));
    QVERIFY2(q.overlaps == 0 && q.labelCrossings == 0 && q.boxCrossings == 0,
             qPrintable(what + u'\n' + q.problems.join(u'\n')));
}

} // namespace

class TestLayout : public QObject {
    Q_OBJECT
private slots:
    void estimateCoversTheEditorsFont();
    void aVeryLongNameIsDrawnShortened();
    void measurementCountsWhatCollides();
    void polaritySignSitsAwayFromTheName();
    void flowNameBesideAVerticalPipe();
    void loopMarkerTakesTheRoomiestSpot();
    void everyExampleLaysOutCleanly_data();
    void everyExampleLaysOutCleanly();
    void generatedModelWithoutViewLaysOutCleanly();
    void aChainEveryLinkOfWhichOneVariableFeedsLaysOut();
    void constantsFeedingTheEndOfAChainKeepItLayered();
    void stockAndFlowChainsRunOnRows();
    void causalLoopRingDrawsAsCycle();
    void reciprocalLinksBowApart();
    void mermaidImportComesUnplacedAndLaysOut();
    void layoutCommandWritesLaidOutModel();
    void layoutCommandRefusesToOverwriteItsInput();
    void layoutNumbersNothingOntoATextBox();
    void layoutSaysTheSpreadsheetIsNoLongerRead();
};

// The estimate must not fall below what Qt measures for DejaVu Sans at 9 points (12 px):
// "Teacup Temperature" (18 letters) measures 118 px there, so it wraps to two lines of at
// most 90 px, 2 x 15 px high; a short name stays on one line.
void TestLayout::estimateCoversTheEditorsFont()
{
    const QSizeF one = estimateLabelSize(QStringLiteral("Load"));
    QCOMPARE(one.height(), 15.0);
    QVERIFY(one.width() > 24 && one.width() < 40); // L 1141 + o 1253 + a 1255 + d 1300 units = 28.8 px
    const QSizeF two = estimateLabelSize(QStringLiteral("Teacup Temperature"));
    QCOMPARE(two.height(), 30.0);
    QVERIFY(two.width() <= kLabelWidth + 2);
    QCOMPARE(estimateLabelSize(QStringLiteral("a\\nb").replace(QLatin1String("\\n"), QLatin1String("\n"))).height(), 30.0);
}

// A name of 100,000 characters is drawn as its first 80 and last 79 around "…" (laying it
// out whole took gigabytes in the editor); renaming still starts from the whole name, and a
// name of 160 characters or fewer is drawn whole.
void TestLayout::aVeryLongNameIsDrawnShortened()
{
    const QString name = QString(50000, u'a') + QString(50000, u'z');
    const QString drawn = diagramLabel(name);
    QCOMPARE(drawn, QString(80, u'a') + QChar(0x2026) + QString(79, u'z'));
    QCOMPARE(editableLabel(name), name);
    const QString fits = QString(kLongestLabel, u'b');
    QCOMPARE(diagramLabel(fits), fits);
    QCOMPARE(estimateLabelSize(drawn).height(), 15.0); // one word: one line, however wide
}

// A vertical pipe runs through the spots above and below its valve, so its name may sit
// beside it (label_side="left" or "right", as Stella writes): the valve at (100, 200),
// radius 7, the name 40 x 15 px with 2 px between: left spans x 51..91, right 109..149,
// both centred on y 200. Neither meets the pipe (x = 100, 3 px either side) nor the valve;
// "top" and "bottom" stay centred above and below, and any other side is below.
void TestLayout::flowNameBesideAVerticalPipe()
{
    const QPointF valve(100, 200);
    const QSizeF text(40, 15);
    QCOMPARE(flowLabelRect(valve, QStringLiteral("left"), text), QRectF(51, 192.5, 40, 15));
    QCOMPARE(flowLabelRect(valve, QStringLiteral("right"), text), QRectF(109, 192.5, 40, 15));
    QCOMPARE(flowLabelRect(valve, QStringLiteral("top"), text), QRectF(80, 176, 40, 15));
    QCOMPARE(flowLabelRect(valve, QStringLiteral("bottom"), text), QRectF(80, 209, 40, 15));
    QCOMPARE(flowLabelRect(valve, QString(), text), QRectF(80, 209, 40, 15));
    const QRectF pipe(97, 100, 6, 200);
    const QRectF body(valve - QPointF(kValveRadius, kValveRadius), QSizeF(2 * kValveRadius, 2 * kValveRadius));
    for (const QString &side : {QStringLiteral("left"), QStringLiteral("right")}) {
        QVERIFY(!flowLabelRect(valve, side, text).intersects(pipe));
        QVERIFY(!flowLabelRect(valve, side, text).intersects(body));
    }
}

// Two auxiliaries 4 px apart: their circles (radius 9) overlap, and so do their one-letter
// names (about 10.5 px wide, centred under each); bodies end 2 px above the labels, so no
// body meets a label. A straight connector through a third variable's circle counts.
void TestLayout::measurementCountsWhatCollides()
{
    Model m;
    for (const char *name : {"A", "B", "C"}) {
        Variable v;
        v.name = QString::fromLatin1(name);
        v.equation = QStringLiteral("1");
        m.variables.push_back(v);
    }
    View view;
    const auto aux = [](const char *name, double x, double y) {
        ViewElement e;
        e.type = ViewElement::Type::Aux;
        e.name = QString::fromLatin1(name);
        e.x = x;
        e.y = y;
        return e;
    };
    view.elements = {aux("A", 0, 0), aux("B", 4, 0), aux("C", -100, -60)};
    ViewElement c;
    c.type = ViewElement::Type::Connector;
    c.from.name = QStringLiteral("C");
    c.to.name = QStringLiteral("A");
    view.elements.push_back(c);
    m.views.push_back(view);
    LayoutQuality q = measureLayout(diagramShapes(m, view, estimateLabelSize));
    QCOMPARE(q.overlaps, 2);
    QCOMPARE(q.labelCrossings, 0);
    QCOMPARE(q.boxCrossings, 0);
    // Move C to the right of B at A's height: the straight line C -> A runs through B's body
    // (and, leaving A's outline at x = 9, it is inside B's circle from x = 4 - 9 on).
    m.views[0].elements[2].x = 200;
    m.views[0].elements[2].y = 0;
    q = measureLayout(diagramShapes(m, m.views[0], estimateLabelSize));
    QCOMPARE(q.boxCrossings, 1);
    // A pipe from a cloud at (-200, 100) to a cloud at (200, 100), its valve at x = -150,
    // runs through D's circle (centre (50, 100), radius 9); D's name starts 2 px below the
    // circle (y 111), so only the body is crossed. Its own valve and clouds do not count.
    Variable d;
    d.name = QStringLiteral("D");
    d.equation = QStringLiteral("1");
    Variable f;
    f.name = QStringLiteral("F");
    f.kind = VariableKind::Flow;
    f.equation = QStringLiteral("1");
    m.variables.push_back(d);
    m.variables.push_back(f);
    m.views[0].elements.push_back(aux("D", 50, 100));
    ViewElement pipe = aux("F", -150, 100);
    pipe.type = ViewElement::Type::Flow;
    pipe.points = {ViewPoint{-200, 100, {}}, ViewPoint{200, 100, {}}};
    m.views[0].elements.push_back(pipe);
    q = measureLayout(diagramShapes(m, m.views[0], estimateLabelSize));
    QCOMPARE(q.boxCrossings, 2);
    QVERIFY2(q.problems.contains(QStringLiteral("pipe of flow f runs through variable d")), qPrintable(q.problems.join(u'\n')));
    QCOMPARE(q.labelCrossings, 0);
}

// An arrow arriving upwards at (0, 0): its sign sits 10 px back (y = 10) and 9 px to one
// side. With y down, the normal (-dy, dx) of the direction (0, -1) is (1, 0): the default
// side is x = +9. A name to the right (centre
// x = 20) sends the sign to x = -9; a name to the left keeps it at +9; a name straight
// ahead keeps the default. A name that would still be covered pushes the sign back.
void TestLayout::polaritySignSitsAwayFromTheName()
{
    const QPointF tip(0, 0), up(0, -1);
    QCOMPARE(polaritySignCentre(tip, up), QPointF(9, 10));
    QCOMPARE(polaritySignCentre(tip, up, QRectF(-10, -30, 60, 15)), QPointF(-9, 10)); // centre x = 20
    QCOMPARE(polaritySignCentre(tip, up, QRectF(-50, -30, 60, 15)), QPointF(9, 10));  // centre x = -20
    QCOMPARE(polaritySignCentre(tip, up, QRectF(-30, -30, 60, 15)), QPointF(9, 10));  // straight ahead
    // A name beside the arrow's end, from x = -20 to 30 and y = -5 to 12: the sign's box at
    // (-9, 10) (x -13.5..-4.5, y 4..16) covers it; 4 px back at a time, at y = 18 the box
    // (y 12..24) only touches the name's bottom edge.
    const QPointF moved = polaritySignCentre(tip, up, QRectF(-20, -5, 50, 17));
    QCOMPARE(moved, QPointF(-9, 18));
    QVERIFY(!polaritySignBox(moved).intersects(QRectF(-20, -5, 50, 17)));
}

// A loop outlined by the square (0, 0)-(100, 100) with a body filling its left part up to
// x = w: the roomiest spot lies midway between the body and the right edge, x = (w + 100) / 2,
// where the marker's half-side may be (100 - w) / 2 less the 2 px kept from each. The marker
// (ring and arrowhead) reaches 14.2 px from its centre at full size, 11.36 at 0.8, 9.23 at 0.65:
//   w = 62: room 17, full size;  w = 70: room 13, 0.8;  w = 74: room 11, 0.65;
//   w = 80: room 8, too little: it does not fit.
void TestLayout::loopMarkerTakesTheRoomiestSpot()
{
    const std::vector<QPointF> square{QPointF(0, 0), QPointF(100, 0), QPointF(100, 100), QPointF(0, 100)};
    const std::pair<double, double> cases[] = {{62, 1}, {70, 0.8}, {74, 0.65}};
    for (const auto &[w, scale] : cases) {
        MarkerObstacles obstacles;
        obstacles.boxes.push_back(QRectF(0, 0, w, 100));
        const MarkerSpot spot = markerSpotInside(square, obstacles);
        QVERIFY2(spot.fits, qPrintable(QString::number(w)));
        QCOMPARE(spot.scale, scale);
        QVERIFY2(std::abs(spot.at.x() - (w + 100) / 2) <= 0.5, qPrintable(QString::number(spot.at.x())));
    }
    MarkerObstacles full;
    full.boxes.push_back(QRectF(0, 0, 80, 100));
    QVERIFY(!markerSpotInside(square, full).fits);
    // A pipe (drawn 3 px either side) along y = 50 across the whole square: the room above
    // it runs from y = 0 to 47, the marker's half-side at most (47 - 4) / 2 = 21.5 there.
    MarkerObstacles piped;
    piped.pipes.push_back({QPointF(0, 50), QPointF(100, 50)});
    const MarkerSpot beside = markerSpotInside(square, piped);
    QVERIFY(beside.fits);
    QCOMPARE(beside.scale, 1.0);
    QVERIFY2(std::abs(std::abs(beside.at.y() - 50) - 26.5) <= 0.5, qPrintable(QString::number(beside.at.y())));
    // Outside the outline nothing fits, however empty.
    QVERIFY(!markerSpotInside({QPointF(0, 0), QPointF(100, 0), QPointF(0, 10)}, {}).fits);
}

void TestLayout::everyExampleLaysOutCleanly_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &f : exampleFiles())
        QTest::newRow(qPrintable(QDir(examplesDir()).relativeFilePath(f))) << f;
}

// Crossings are held to Graphviz's own drawing of the same graph (its splines between the
// same boxes): a connector is one arc, so pairs that cross try every pair of bends together
// and the names at a crossing link's ends try every side (connectorrouting.cpp). Each failure
// lists the lines that cross.
void TestLayout::everyExampleLaysOutCleanly()
{
    QFETCH(QString, path);
    XmileReadResult read = readModelFile(path);
    QVERIFY(read.project);
    Model &model = read.project->mainModel();
    const LayoutResult laid = layoutModel(model);
    QVERIFY2(laid.ok, qPrintable(laid.error));
    verifyEveryVariablePlaced(model);
    const LayoutQuality q = measureLayout(diagramShapes(model, model.views.front(), estimateLabelSize));
    QVERIFY2(q.overlaps == 0, qPrintable(q.problems.join(u'\n')));
    QVERIFY2(q.boxCrossings == 0, qPrintable(q.problems.join(u'\n')));
    const QString name = QFileInfo(path).fileName();
    QVERIFY2(q.labelCrossings == 0, qPrintable(q.problems.join(u'\n')));
    const int reference = graphvizOwnCrossings(model);
    QVERIFY(reference >= 0);
    qInfo("%s: %d crossings (Graphviz's own %d), %d lines through names", qPrintable(name), q.edgeCrossings, reference,
          q.labelCrossings);
    QVERIFY2(q.edgeCrossings <= reference,
             qPrintable(QStringLiteral("%1 crossings, Graphviz's own %2\n").arg(q.edgeCrossings).arg(reference)
                        + q.crossings.join(u'\n')));
}

void TestLayout::generatedModelWithoutViewLaysOutCleanly()
{
    Project p = test::generatedStockFlowModel(60);
    QCOMPARE(p.mainModel().variables.size(), std::size_t(60));
    QVERIFY(needsLayout(p.mainModel()));
    QString error;
    QCOMPARE(layoutModelsWithoutViews(p, {}, &error), 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!needsLayout(p.mainModel()));
    verifyEveryVariablePlaced(p.mainModel());
    const LayoutQuality q = measureLayout(diagramShapes(p.mainModel(), mainView(p), estimateLabelSize));
    QVERIFY2(q.overlaps == 0 && q.boxCrossings == 0, qPrintable(q.problems.join(u'\n')));
    QVERIFY2(q.labelCrossings == 0, qPrintable(q.problems.join(u'\n')));
    const int reference = graphvizOwnCrossings(p.mainModel());
    QVERIFY2(q.edgeCrossings <= reference,
             qPrintable(QStringLiteral("%1 crossings, Graphviz's own %2").arg(q.edgeCrossings).arg(reference)));
    // One connector per name an equation reads: per chain, 4 rates into 4 flows, the
    // pressure into the inflow, 3 stocks into their outflows, 2 stocks into the pressure.
    int connectors = 0;
    for (const ViewElement &e : mainView(p).elements)
        connectors += e.type == ViewElement::Type::Connector;
    QCOMPARE(connectors, 5 * (4 + 1 + 3 + 2));
}

// v1 = v0 + v0, v2 = v1 + v0, ... v499 = v498 + v0: every variable of a chain of 500 reads
// the first. Layered by dot, the links from v0 span up to 499 ranks (125,000 bends): dot
// overflowed the stack, and the connector router weighed a thousand crossing links against
// one another for over five minutes. It now lays out (neato, and the router within its work
// budget), every variable placed and every link drawn.
void TestLayout::aChainEveryLinkOfWhichOneVariableFeedsLaysOut()
{
    QString variables = QStringLiteral("<aux name=\"v0\"><eqn>1</eqn></aux>");
    for (int i = 1; i < 500; ++i)
        variables += QStringLiteral("<aux name=\"v%1\"><eqn>v%2 + v0</eqn></aux>").arg(i).arg(i - 1);
    std::optional<Project> p;
    laidOut(variables, p);
    QVERIFY(p);
    verifyEveryVariablePlaced(p->mainModel());
    int connectors = 0; // v0 feeds 499, and each of v1..v498 the next
    for (const ViewElement &e : mainView(*p).elements)
        connectors += e.type == ViewElement::Type::Connector;
    QCOMPARE(connectors, 499 + 498);
}

// v1 = v0 + 1, ..., v59 = v58 + 1, and v59 also reads 40 constants k0..k39. Counted from
// rank 0 the constants' links would span the chain (2,300 bends) and send the model to neato,
// which curls the chain; dot puts each constant just before v59. Laid out by dot, the chain
// runs left to right: every v(i+1) right of v(i).
void TestLayout::constantsFeedingTheEndOfAChainKeepItLayered()
{
    QString variables = QStringLiteral("<aux name=\"v0\"><eqn>1</eqn></aux>");
    QString sum = QStringLiteral("v58");
    for (int k = 0; k < 40; ++k) {
        variables += QStringLiteral("<aux name=\"k%1\"><eqn>%1</eqn></aux>").arg(k);
        sum += QStringLiteral(" + k%1").arg(k);
    }
    for (int i = 1; i < 59; ++i)
        variables += QStringLiteral("<aux name=\"v%1\"><eqn>v%2 + 1</eqn></aux>").arg(i).arg(i - 1);
    variables += QStringLiteral("<aux name=\"v59\"><eqn>%1</eqn></aux>").arg(sum);
    std::optional<Project> p;
    laidOut(variables, p);
    QVERIFY(p);
    const auto xOf = [&](const QString &name) {
        for (const ViewElement &e : mainView(*p).elements)
            if (e.type != ViewElement::Type::Connector && e.name == name && e.x)
                return *e.x;
        return -1e9;
    };
    for (int i = 1; i < 60; ++i)
        QVERIFY2(xOf(QStringLiteral("v%1").arg(i)) > xOf(QStringLiteral("v%1").arg(i - 1)),
                 qPrintable(QStringLiteral("v%1 at x %2, v%3 at x %4").arg(i).arg(xOf(QStringLiteral("v%1").arg(i)))
                                .arg(i - 1).arg(xOf(QStringLiteral("v%1").arg(i - 1)))));
}

// A chain cloud -> inflow -> stock -> transfer -> stock -> outflow -> cloud comes out on one
// row, left to right, with straight pipes and every valve between its pipe's ends.
void TestLayout::stockAndFlowChainsRunOnRows()
{
    Project p = test::generatedStockFlowModel(12);
    QVERIFY(layoutModel(p.mainModel()).ok);
    const View &view = mainView(p);
    QHash<QString, const ViewElement *> byName;
    for (const ViewElement &e : view.elements)
        if (e.type != ViewElement::Type::Connector)
            byName.insert(canonicalName(e.name), &e);
    const ViewElement *s1 = byName.value(QStringLiteral("stock_1_1")), *s2 = byName.value(QStringLiteral("stock_1_2")),
                      *s3 = byName.value(QStringLiteral("stock_1_3"));
    QVERIFY(s1 && s2 && s3);
    QCOMPARE(*s1->y, *s2->y);
    QCOMPARE(*s2->y, *s3->y);
    QVERIFY(*s1->x < *s2->x && *s2->x < *s3->x);
    for (const char *flow : {"inflow_1", "transfer_1_a", "transfer_1_b", "outflow_1"}) {
        const ViewElement *f = byName.value(QString::fromLatin1(flow));
        QVERIFY(f);
        QCOMPARE(f->points.size(), std::size_t(2));
        QCOMPARE(f->points[0].y, *s1->y);
        QCOMPARE(f->points[1].y, *s1->y);
        QCOMPARE(*f->y, *s1->y);
        QVERIFY(f->points[0].x < *f->x && *f->x < f->points[1].x);
    }
    // The transfer's pipe runs from stock 1's right side to stock 2's left side.
    const ViewElement *t = byName.value(QStringLiteral("transfer_1_a"));
    QCOMPARE(t->points[0].x, boxRect(*s1).right());
    QCOMPARE(t->points[1].x, boxRect(*s2).left());
}

// A ring of 12 drawn as a cycle: no two of its links cross, and its links bow outward
// (a link's middle further from the ring's centre than its chord's middle).
void TestLayout::causalLoopRingDrawsAsCycle()
{
    QByteArray text = "graph TD\n";
    for (int i = 0; i < 12; ++i)
        text += "  n" + QByteArray::number(i) + "[Factor " + QByteArray::number(i) + "] -- \"+\" --> n"
                + QByteArray::number((i + 1) % 12) + "\n";
    MermaidReadResult r = readMermaid(text, QStringLiteral("ring.mmd"));
    QVERIFY(r.project);
    Model &model = r.project->mainModel();
    QVERIFY(needsLayout(model));
    QVERIFY(layoutModel(model).ok);
    verifyEveryVariablePlaced(model);
    verifyClean(model, QStringLiteral("ring"));
    const DiagramShapes shapes = diagramShapes(model, model.views.front(), estimateLabelSize);
    QCOMPARE(measureLayout(shapes).edgeCrossings, 0);
    QCOMPARE(shapes.links.size(), std::size_t(12));
    QPointF centre;
    for (const ShapeBox &b : shapes.boxes)
        centre += b.centre / double(shapes.boxes.size());
    // Outward is a preference that gives way to a name or a sign in the way: more than half
    // the links bow outward (7 of 12 when this was written; the others bend round names).
    int outward = 0;
    for (const LinkShape &l : shapes.links) {
        QVERIFY(l.arc.valid);
        const QPointF chord = (l.arc.start + l.arc.end) / 2;
        outward += QLineF(l.arc.middle, centre).length() > QLineF(chord, centre).length();
    }
    QVERIFY2(outward >= 7, qPrintable(QString::number(outward)));
}

// A -> B and B -> A: the two arcs bow to opposite sides, their middles well apart.
void TestLayout::reciprocalLinksBowApart()
{
    MermaidReadResult r = readMermaid("flowchart LR\n a[Demand] -- \"-\" --> b[Price]\n b -- \"+\" --> a\n",
                                      QStringLiteral("pair.mmd"));
    QVERIFY(r.project);
    Model &model = r.project->mainModel();
    QVERIFY(layoutModel(model).ok);
    verifyClean(model, QStringLiteral("pair"));
    const DiagramShapes shapes = diagramShapes(model, model.views.front(), estimateLabelSize);
    QCOMPARE(shapes.links.size(), std::size_t(2));
    QVERIFY(shapes.links[0].arc.valid && shapes.links[1].arc.valid);
    QVERIFY(QLineF(shapes.links[0].arc.middle, shapes.links[1].arc.middle).length() >= 16);
}

void TestLayout::mermaidImportComesUnplacedAndLaysOut()
{
    const QString path = examplesDir() + QStringLiteral("/mermaid/retry-storm.mmd");
    XmileReadResult read = readModelFile(path);
    QVERIFY(read.project);
    QVERIFY(needsLayout(read.project->mainModel()));
    const std::size_t connectors = std::count_if(mainView(*read.project).elements.begin(),
                                                 mainView(*read.project).elements.end(),
                                                 [](const ViewElement &e) { return e.type == ViewElement::Type::Connector; });
    QCOMPARE(layoutModelsWithoutViews(*read.project), 1);
    verifyEveryVariablePlaced(read.project->mainModel());
    verifyClean(read.project->mainModel(), path);
    // The links and their polarities are the file's, untouched by layout.
    std::size_t after = 0;
    for (const ViewElement &e : mainView(*read.project).elements)
        after += e.type == ViewElement::Type::Connector && e.angle.has_value();
    QCOMPARE(after, connectors);
}

void TestLayout::layoutCommandWritesLaidOutModel()
{
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("generated.xmile"));
    const QString out = dir.filePath(QStringLiteral("laid-out.xmile"));
    {
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(writeXmile(test::generatedStockFlowModel(24)));
    }
    const test::Outcome o = test::runMeadows({QStringLiteral("layout"), in, QStringLiteral("-o"), out});
    QVERIFY2(o.code == 0, qPrintable(o.err));
    QVERIFY(o.err.isEmpty());
    XmileReadResult back = readXmileFile(out);
    QVERIFY(back.project);
    QVERIFY(!needsLayout(back.project->mainModel()));
    verifyEveryVariablePlaced(back.project->mainModel());
    verifyClean(back.project->mainModel(), out);
    // The equations are the input's.
    XmileReadResult original = readXmileFile(in);
    QCOMPARE(back.project->mainModel().variables, original.project->mainModel().variables);
}

// A Vensim model's GET XLS CONSTANTS is read when the model is; the XMILE file layout writes
// holds the value read and no longer reads the workbook, which it says.
void TestLayout::layoutSaysTheSpreadsheetIsNoLongerRead()
{
    QTemporaryDir dir;
    QVERIFY(QFile::copy(QStringLiteral(MEADOWS_TEST_DATA "/spreadsheets/numbers.xlsx"), dir.filePath(QStringLiteral("numbers.xlsx"))));
    const QString in = dir.filePath(QStringLiteral("m.mdl")), out = dir.filePath(QStringLiteral("m.xmile"));
    QFile f(in);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{UTF-8}\nscalar = GET XLS CONSTANTS('numbers.xlsx', 'params', 'C9') ~~|\n"
            "INITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n");
    f.close();
    const test::Outcome o = test::runMeadows({QStringLiteral("layout"), in, QStringLiteral("-o"), out});
    QVERIFY2(o.code == 0, qPrintable(o.err));
    const QString workbook = dir.filePath(QStringLiteral("numbers.xlsx"));
    QCOMPARE(o.err, QStringLiteral("%1: warning: the values read from %2 are written as numbers; the XMILE file does not "
                                   "read %2 again\n").arg(in, workbook));
}

// test_trend.mdl's title comment is text box 1, which layout keeps; the variables it places
// are numbered past it. A variable numbered 1 too had taken a connector's end.
void TestLayout::layoutNumbersNothingOntoATextBox()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("trend.xmile"));
    const test::Outcome o = test::runMeadows({QStringLiteral("layout"),
                                              QStringLiteral(MEADOWS_TEST_DATA "/test-models-vensim/tests/trend/test_trend.mdl"),
                                              QStringLiteral("-o"), out});
    QVERIFY2(o.code == 0, qPrintable(o.err));
    XmileReadResult back = readXmileFile(out);
    QVERIFY(back.project);
    QSet<int> uids;
    int textBoxes = 0;
    for (const ViewElement &e : back.project->mainModel().views.at(0).elements) {
        textBoxes += e.type == ViewElement::Type::TextBox;
        if (e.uid) {
            QVERIFY2(!uids.contains(*e.uid), qPrintable(QString::number(*e.uid)));
            uids.insert(*e.uid);
        }
    }
    QCOMPARE(textBoxes, 1);
    verifyClean(back.project->mainModel(), out);
}

void TestLayout::layoutCommandRefusesToOverwriteItsInput()
{
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("model.xmile"));
    const QByteArray text = writeXmile(test::generatedStockFlowModel(12));
    {
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }
    for (const QString &target : {in, dir.path() + QStringLiteral("/./model.xmile")}) {
        const test::Outcome o = test::runMeadows({QStringLiteral("layout"), in, QStringLiteral("-o"), target});
        QCOMPARE(o.code, 2);
        QVERIFY2(o.err.contains(QLatin1String("is the input file")), qPrintable(o.err));
    }
    QFile f(in);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), text);
}

QTEST_GUILESS_MAIN(TestLayout)
#include "test_layout.moc"

// The fonts and colours of Vensim's sketch, read into XMILE's display attributes and
// resolved for drawing (model/vensim/mdlsketchstyle, model/viewstyle); they survive Save As.
#include "support/inlinemdl.h"

#include "model/vensim/mdlreader.h"
#include "model/vensim/mdlsketchstyle.h"
#include "model/viewstyle.h"
#include "model/xmilereader.h"
#include "model/xmilewriter.h"

#include <QtTest>

using namespace meadows;

namespace {

const char *const kSketchHead = "\\\\\\---/// Sketch information - do not modify anything except names\n"
                                "V300  Do not put anything below this section - it will be ignored\n";

// Vensim's default view line (its reference, "Sketch Information"), and three words: a
// plain one; "b" bold (hasf 16) in 14 points (8) with a dark red text (2) and a pink fill
// (4); and a comment (type 12, bits 4: words on the next line) bold and dark red (hasf
// 18), whose words look like an arrow's line. An arrow a -> b with its own green colour
// (hasf 1), and one in the view's arrow colour.
QString model(const QString &secondView = {})
{
    return QStringLiteral("{UTF-8}\na = 1 ~ ~ |\nb = a * 2 ~ ~ |\nc = a + b ~ ~ |\n") + test::mdlControl(4)
           + QString::fromLatin1(kSketchHead)
           + QStringLiteral("*View 1\n"
                            "$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n"
                            "10,1,a,100,50,20,11,8,3,0,0,0,0,0,0\n"
                            "10,2,b,300,50,20,11,8,3,0,30,0,0,0,0,0-0-0,255-128-128,|14|B|128-0-0\n"
                            "12,3,0,200,200,60,20,8,135,0,18,-1,0,0,0,-1--1--1,0-0-0,|12|B|128-0-0\n"
                            "1,2,3,4 is not an arrow\\nbut a comment\n"
                            "12,7,0,400,300,40,20,8,7,0,5,-1,0,0,0,255-255-0,255-255-128,|12||0-0-0\n"
                            "first<<NnN>>second\n"
                            "1,4,1,2,0,0,0,0,1,0,0,0-128-0,,1|(0,0)|\n"
                            "10,5,c,300,150,20,11,8,3,0,0,0,0,0,0\n"
                            "1,6,2,5,0,0,0,0,0,0,0,-1--1--1,,1|(0,0)|\n")
           + secondView + QStringLiteral("///---\\\\\\\n");
}

// The file read, or read, saved as XMILE and read again: what must survive Save As.
XmileReadResult readMaybeSaved(const QString &text, bool saved)
{
    XmileReadResult r = readVensim(text.toUtf8(), QStringLiteral("m.mdl"));
    if (saved && r.project)
        r = readXmile(writeXmile(*r.project), QStringLiteral("saved.xmile"));
    return r;
}

const ViewElement *find(const View &view, ViewElement::Type type, const QString &name)
{
    for (const ViewElement &e : view.elements)
        if (e.type == type && (e.name == name || e.text == name || (type == ViewElement::Type::Connector && e.to.name == name)))
            return &e;
    return nullptr;
}

} // namespace

class TestVensimSketchStyle : public QObject {
    Q_OBJECT
private slots:
    void colours();
    void viewDefaultsAndWordsAndArrows();
    void commentsAreTextBoxes();
    void stylesSurviveSaveAs();
    void aColouredValveAndItsColouredNameGiveOneAttribute();
    void aLaterViewsOwnDefaultsGoToItsElements();
    void hostileCommentsAreSaid();
    void typeStylesAtAnyLevelBeatGeneralOnes();
    void variablesAreTheirNamesAndHiddenObjectsAreNotDrawn();
    void aLookupDefinedByElementIsSaidAsSuch();
    void whatTheSketchLeavesOutIsSaid();
    void textKeepsItsSizeAgainstTheSketch();
};

void TestVensimSketchStyle::colours()
{
    QCOMPARE(vensim::colorFromVensim(u"255-128-0"), QStringLiteral("#ff8000"));
    QCOMPARE(vensim::colorFromVensim(u"0-0-0"), QStringLiteral("#000000"));
    QCOMPARE(vensim::colorFromVensim(u"-1--1--1"), QString()); // none
    QCOMPARE(vensim::colorFromVensim(u"256-0-0"), QString());
    QCOMPARE(vensim::colorFromVensim(u""), QString());
    QCOMPARE(*fontPointsFrom(u"9pt"), 9.0);
    QCOMPARE(*fontPointsFrom(u"12"), 12.0);
    QCOMPARE(*fontPointsFrom(u"16px"), 12.0); // 16 pixels at 96 per inch are 12 points
    QVERIFY(!fontPointsFrom(u"big"));
    QVERIFY(!fontPointsFrom(u"-3pt"));
}

void TestVensimSketchStyle::viewDefaultsAndWordsAndArrows()
{
    const XmileReadResult r = readVensim(model().toUtf8(), QStringLiteral("m.mdl"));
    QVERIFY2(r.project, qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    // Nothing about the sketch's fonts and colours is said to be left unread any more.
    for (const QString &m : test::formatted(r.diagnostics))
        QVERIFY2(!m.contains(QLatin1String("fonts and colours")), qPrintable(m));
    const Model &m = r.project->mainModel();
    const View &view = m.views.at(0);
    const ViewStyles styles(*r.project, m, view);

    // a: the view's defaults. Times New Roman 12, plain, black text; boxes black.
    const ElementStyle a = styles.of(*find(view, ViewElement::Type::Aux, QStringLiteral("a")));
    QCOMPARE(a.fontFamily, QStringLiteral("Times New Roman"));
    QCOMPARE(*a.fontPoints, 12.0);
    QCOMPARE(*a.bold, false);
    QCOMPARE(a.fontColor, QStringLiteral("#000000"));
    QCOMPARE(a.color, QStringLiteral("#000000"));
    QVERIFY(a.background.isEmpty()); // the view's fill is -1--1--1, none

    // b: hasf 30 = 2 + 4 + 8 + 16: text colour 128-0-0, fill 255-128-128, 14 points, bold;
    // the face (32) and the box colour (1) stay the view's.
    const ElementStyle b = styles.of(*find(view, ViewElement::Type::Aux, QStringLiteral("b")));
    QCOMPARE(b.fontFamily, QStringLiteral("Times New Roman"));
    QCOMPARE(*b.fontPoints, 14.0);
    QCOMPARE(*b.bold, true);
    QCOMPARE(*b.italic, false);
    QCOMPARE(b.fontColor, QStringLiteral("#800000"));
    QCOMPARE(b.background, QStringLiteral("#ff8080"));
    QCOMPARE(b.color, QStringLiteral("#000000"));

    // Arrows: the view's arrow colour 0-0-255, or the arrow's own 0-128-0 (hasf bit 1).
    QCOMPARE(styles.of(*find(view, ViewElement::Type::Connector, QStringLiteral("b"))).color, QStringLiteral("#008000"));
    QCOMPARE(styles.of(*find(view, ViewElement::Type::Connector, QStringLiteral("c"))).color, QStringLiteral("#0000ff"));
}

void TestVensimSketchStyle::commentsAreTextBoxes()
{
    const XmileReadResult r = readVensim(model().toUtf8(), QStringLiteral("m.mdl"));
    QVERIFY(r.project);
    const Model &m = r.project->mainModel();
    const View &view = m.views.at(0);
    // The comment's words, their "\n" a line break; placed by the top-left corner as text
    // boxes are, with a margin of 4 each side of Vensim's box: (200 - 60 - 4, 200 - 20), 128 x 40.
    const QString words = QStringLiteral("1,2,3,4 is not an arrow\nbut a comment");
    const ViewElement *box = find(view, ViewElement::Type::TextBox, words);
    QVERIFY(box);
    QCOMPARE(*box->x, 136.0);
    QCOMPARE(*box->y, 180.0);
    QCOMPARE(*box->width, 128.0);
    QCOMPARE(*box->height, 40.0);
    const ElementStyle style = ViewStyles(*r.project, m, view).of(*box);
    QCOMPARE(*style.bold, true);
    QCOMPARE(style.fontColor, QStringLiteral("#800000"));
    QVERIFY(style.color.isEmpty()); // no box of its own: the view's box colour is for words with boxes
    QVERIFY(!style.hasBorder());
    // A comment with a box colour (hasf 1 + 4, 255-255-0 and 255-255-128) is framed and filled
    // as XMILE frames a text box; "<<NnN>>" is Vensim's other line break.
    const ViewElement *note = find(view, ViewElement::Type::TextBox, QStringLiteral("first\nsecond"));
    QVERIFY(note);
    const ElementStyle framed = ViewStyles(*r.project, m, view).of(*note);
    QVERIFY(framed.hasBorder());
    QCOMPARE(framed.borderColor, QStringLiteral("#ffff00"));
    QCOMPARE(framed.background, QStringLiteral("#ffff80"));
    // Its words were not read as an arrow from 2 to 3: b has one connector in, from a.
    int connectors = 0;
    for (const ViewElement &e : view.elements)
        connectors += e.type == ViewElement::Type::Connector;
    QCOMPARE(connectors, 2);
}

void TestVensimSketchStyle::stylesSurviveSaveAs()
{
    const XmileReadResult r = readVensim(model().toUtf8(), QStringLiteral("m.mdl"));
    QVERIFY(r.project);
    const QByteArray xml = writeXmile(*r.project);
    QVERIFY2(xml.contains("font_family=\"Times New Roman\""), xml.constData());
    const XmileReadResult back = readXmile(xml, QStringLiteral("m.xmile"));
    QVERIFY(back.project);
    const Model &before = r.project->mainModel(), &after = back.project->mainModel();
    const ViewStyles was(*r.project, before, before.views.at(0)), is(*back.project, after, after.views.at(0));
    for (const auto &[type, name] : std::vector<std::pair<ViewElement::Type, QString>>{
             {ViewElement::Type::Aux, QStringLiteral("a")},
             {ViewElement::Type::Aux, QStringLiteral("b")},
             {ViewElement::Type::Connector, QStringLiteral("b")},
             {ViewElement::Type::Connector, QStringLiteral("c")}}) {
        const ViewElement *e0 = find(before.views.at(0), type, name), *e1 = find(after.views.at(0), type, name);
        QVERIFY(e0 && e1);
        QCOMPARE(is.of(*e1), was.of(*e0));
    }
}

// Query_file's valves for AddnGrant and Expenses have a fill, and so have their names: the
// flow element takes the valve's colours and only what the name adds, so that each attribute
// is written once. Written twice, the saved file was not XML and did not open again.
void TestVensimSketchStyle::aColouredValveAndItsColouredNameGiveOneAttribute()
{
    const QString path = QStringLiteral(MEADOWS_TEST_DATA) + QStringLiteral("/test-models-vensim/samples/Query_file/Query_file.mdl");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const XmileReadResult r = readVensim(f.readAll(), path);
    QVERIFY(r.project);
    const QByteArray xml = writeXmile(*r.project);
    const XmileReadResult back = readXmile(xml, QStringLiteral("query.xmile"));
    QVERIFY(back.project);
    for (const Diagnostic &d : back.diagnostics)
        QVERIFY2(d.severity != Severity::Error, qPrintable(d.format()));
    const qsizetype at = xml.indexOf("<flow uid=");
    QVERIFY(at >= 0);
    for (qsizetype from = at; (from = xml.indexOf("<flow uid=", from)) >= 0; ++from) {
        const QByteArray tag = xml.mid(from, xml.indexOf('>', from) - from);
        QVERIFY2(tag.count(" background=") <= 1, tag.constData());
    }
}

void TestVensimSketchStyle::aLaterViewsOwnDefaultsGoToItsElements()
{
    // A second view in Helvetica 10 bold with red arrows: tiled into the one diagram, its
    // elements keep its defaults while the first view's keep Times New Roman.
    const QString second = QString::fromLatin1(kSketchHead)
                           + QStringLiteral("*View 2\n"
                                            "$192-192-192,0,Helvetica|10|B|0-0-0|0-0-0|255-0-0|-1--1--1|-1--1--1|96,96,100,0\n"
                                            "10,1,c,100,50,20,11,8,2,0,0,0,0,0,0\n"
                                            "10,2,a,300,50,20,11,8,2,0,0,0,0,0,0\n"
                                            "1,3,2,1,0,0,0,0,0,0,0,-1--1--1,,1|(0,0)|\n");
    QString text = model(second);
    text.replace(QStringLiteral("0-0-255|-1--1--1|-1--1--1|96"), QStringLiteral("0-0-255|255-255-0|-1--1--1|96")); // View 1's fill
    const XmileReadResult r = readVensim(text.toUtf8(), QStringLiteral("m.mdl"));
    QVERIFY(r.project);
    const Model &m = r.project->mainModel();
    QCOMPARE(m.views.size(), std::size_t(1));
    const View &view = m.views[0];
    const ViewStyles styles(*r.project, m, view);
    QCOMPARE(styles.of(*find(view, ViewElement::Type::Aux, QStringLiteral("a"))).fontFamily, QStringLiteral("Times New Roman"));
    QCOMPARE(styles.of(*find(view, ViewElement::Type::Aux, QStringLiteral("a"))).background, QStringLiteral("#ffff00"));
    int seen = 0;
    for (const ViewElement &e : view.elements) {
        if (e.type == ViewElement::Type::Alias) { // the second view's words are shadows
            const ElementStyle s = styles.of(e, ViewElement::Type::Aux);
            QCOMPARE(s.fontFamily, QStringLiteral("Helvetica"));
            QCOMPARE(*s.fontPoints, 10.0);
            QCOMPARE(*s.bold, true);
            // The first view fills words yellow (made so below); this view fills none.
            QVERIFY(s.background.isEmpty());
            ++seen;
        } else if (e.type == ViewElement::Type::Connector && e.from.aliasUid) {
            QCOMPARE(styles.of(e).color, QStringLiteral("#ff0000"));
            ++seen;
        }
    }
    QCOMPARE(seen, 3);
}

// A comment placed where no diagram can be (an infinite width, a NaN height) is left out
// with a warning, not drawn over the whole picture; a comment whose words are missing
// before the next view (the file cut there) does not take the view's name as its words.
void TestVensimSketchStyle::hostileCommentsAreSaid()
{
    const QString second = QString::fromLatin1(kSketchHead)
                           + QStringLiteral("*View 2\n10,1,c,100,50,20,11,8,3,0,0,0,0,0,0\n");
    QString text = model(second);
    text.replace(QStringLiteral("12,7,0,400,300,40,20,"), QStringLiteral("12,7,0,400,300,1e308,nan,"));
    // View 1's last line is now a comment with no words: the line after it starts View 2.
    text.replace(QStringLiteral("1,6,2,5,0,0,0,0,0,0,0,-1--1--1,,1|(0,0)|\n"),
                 QStringLiteral("1,6,2,5,0,0,0,0,0,0,0,-1--1--1,,1|(0,0)|\n12,8,0,10,10,40,20,8,7,0,0,-1,0,0,0\n"));
    text.replace(QString::fromLatin1(kSketchHead) + QStringLiteral("*View 2"), QStringLiteral("*View 2"));
    const XmileReadResult r = readVensim(text.toUtf8(), QStringLiteral("m.mdl"));
    QVERIFY(r.project);
    const QStringList said = test::formatted(r.diagnostics);
    QVERIFY2(said.filter(QStringLiteral("placed or sized where no diagram can show it")).size() == 1, qPrintable(said.join(u'\n')));
    QVERIFY2(said.filter(QStringLiteral("comment before this line has no words")).size() == 1, qPrintable(said.join(u'\n')));
    const View &view = r.project->mainModel().views.at(0);
    QVERIFY(!find(view, ViewElement::Type::TextBox, QStringLiteral("first\nsecond")));
    QVERIFY(!find(view, ViewElement::Type::TextBox, QStringLiteral("*View 2")));
    // View 2 is still a view of its own: its c is a second copy of c, a shadow.
    int aliases = 0;
    for (const ViewElement &e : view.elements)
        aliases += e.type == ViewElement::Type::Alias;
    QCOMPARE(aliases, 1);
}

// XMILE 1.0 §2.7: a style for a type at any level beats a general style at any level, and
// the element's own attributes beat both. <views> says text boxes are 12pt; the view says
// everything is 10pt: text boxes are 12pt, the rest 10pt. A ghost of a stock is styled as a
// stock. A text box with Stella's border_style="none" has no frame.
void TestVensimSketchStyle::typeStylesAtAnyLevelBeatGeneralOnes()
{
    const QByteArray xml = R"(<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><name>s</name></header>
<sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
<model><variables><stock name="S"><eqn>1</eqn></stock><aux name="a"><eqn>1</eqn></aux></variables>
<views><style color="black" font_size="9pt"><text_box font_size="12pt" border_style="none"/><stock color="blue"/></style>
<view><style font_size="10pt"/>
<stock name="S" x="100" y="100"/><aux name="a" x="200" y="100" font_size="14pt"/>
<text_box x="10" y="10" width="100" height="30">A note</text_box>
<alias uid="7" x="300" y="100"><of>S</of></alias>
</view></views></model></xmile>)";
    const XmileReadResult r = readXmile(xml, QStringLiteral("s.xmile"));
    QVERIFY2(r.project, qPrintable(test::formatted(r.diagnostics).join(u'\n')));
    const Model &m = r.project->mainModel();
    const View &view = m.views.at(0);
    const ViewStyles styles(*r.project, m, view);
    const ElementStyle box = styles.of(*find(view, ViewElement::Type::TextBox, QStringLiteral("A note")));
    QCOMPARE(*box.fontPoints, 12.0);
    QVERIFY(!box.hasBorder());
    QCOMPARE(*styles.of(*find(view, ViewElement::Type::Stock, QStringLiteral("S"))).fontPoints, 10.0);
    QCOMPARE(*styles.of(*find(view, ViewElement::Type::Aux, QStringLiteral("a"))).fontPoints, 14.0);
    const ViewElement *ghost = nullptr;
    for (const ViewElement &e : view.elements)
        if (e.type == ViewElement::Type::Alias)
            ghost = &e;
    QVERIFY(ghost);
    QCOMPARE(styles.of(*ghost, ViewElement::Type::Stock).color, QStringLiteral("blue"));
    QCOMPARE(styles.of(*ghost).color, QStringLiteral("black"));
}

// Vensim draws a variable of shape 8 (or 0, c here) as its name alone, centred where it
// stands, and its shadow as "<name>": both are marked meadows_shape="name_only" (a stock,
// shape 3, keeps its box), and the mark survives Save As. An object whose hide field (the tenth) is set is
// not drawn, nor are its connectors: "d" at (500,50) is hidden, its arrow to "c" left out;
// nor is an arrow whose own hide field (the sixth) is set, a -> c.
void TestVensimSketchStyle::variablesAreTheirNamesAndHiddenObjectsAreNotDrawn()
{
    const QString text = QStringLiteral("{UTF-8}\na = 1 ~ ~ |\nd = 2 ~ ~ |\nc = a + d ~ ~ |\nS = INTEG(a * c, 0) ~ ~ |\n")
                         + test::mdlControl(4) + QString::fromLatin1(kSketchHead)
                         + QStringLiteral("*View 1\n$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n"
                                          "10,1,a,100,50,20,11,8,3,0,0,0,0,0,0\n"
                                          "10,2,S,300,50,40,20,3,3,0,0,0,0,0,0\n"
                                          "10,3,c,300,150,20,11,0,3,0,0,0,0,0,0\n"
                                          "10,4,a,100,150,20,11,8,2,0,3,-1,0,0,0,128-128-128,0-0-0,|12||128-128-128\n"
                                          "10,5,d,500,50,20,11,8,3,1,0,0,0,0,0\n"
                                          "1,6,4,3,0,0,0,0,0,0,0,-1--1--1,,1|(0,0)|\n"
                                          "1,7,5,3,0,0,0,0,0,0,0,-1--1--1,,1|(0,0)|\n"
                                          "1,8,1,3,0,1,0,0,0,0,0,-1--1--1,,1|(0,0)|\n///---\\\\\\\n");
    for (const bool saved : {false, true}) {
        const XmileReadResult r = readMaybeSaved(text, saved);
        QVERIFY2(r.project, qPrintable(test::formatted(r.diagnostics).join(u'\n')));
        const View &view = r.project->mainModel().views.at(0);
        const ViewElement *a = find(view, ViewElement::Type::Aux, QStringLiteral("a"));
        const ViewElement *stock = find(view, ViewElement::Type::Stock, QStringLiteral("S"));
        QVERIFY(a && stock);
        QVERIFY(drawnAsName(*a));
        QVERIFY(drawnAsName(*find(view, ViewElement::Type::Aux, QStringLiteral("c"))));
        QVERIFY(!drawnAsName(*stock));
        const auto shadow = std::find_if(view.elements.begin(), view.elements.end(),
                                         [](const ViewElement &e) { return e.type == ViewElement::Type::Alias; });
        QVERIFY(shadow != view.elements.end());
        QVERIFY(drawnAsName(*shadow));
        QVERIFY(!find(view, ViewElement::Type::Aux, QStringLiteral("d")));
        int connectors = 0;
        for (const ViewElement &e : view.elements)
            connectors += e.type == ViewElement::Type::Connector;
        QCOMPARE(connectors, 1); // the shadow's, not the hidden d's
    }
}

// A lookup given a table per element ("tbl[A1]((0,0),(1,1))") is kept as one table each, so
// the sketch's "tbl" names no one variable: said as what it is (line 13 of m.mdl, the sketch
// object, after four lines of settings), where it had been said that the equations do not define it.
void TestVensimSketchStyle::aLookupDefinedByElementIsSaidAsSuch()
{
    const QString text = QStringLiteral("{UTF-8}\nA: A1, A2 ~~|\ntbl[A1]((0,0),(1,1)) ~~|\ntbl[A2]((0,1),(1,2)) ~~|\n")
                         + test::mdlControl(4) + QString::fromLatin1(kSketchHead)
                         + QStringLiteral("*View 1\n$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n"
                                          "10,1,tbl,100,50,20,11,8,3,0,0,0,0,0,0\n///---\\\\\\\n");
    const XmileReadResult r = readVensim(text.toUtf8(), QStringLiteral("m.mdl"));
    QVERIFY(r.project);
    QCOMPARE(test::formatted(r.diagnostics).filter(QStringLiteral("tbl")),
             QStringList{QStringLiteral("m.mdl:13:1: warning: the sketch shows 'tbl', a lookup defined element by element: each "
                                        "element is a table of its own, and the diagram does not show them")});
}

// Each sketch line Meadows does not draw is a warning at it, where each had been dropped
// without a word: the shadow of Time (line 12) and its arrow, a graph (13, named on 14), an
// object of type 30 (15), a variable cut short before its size (16), an arrow from a to
// itself (17), a line of no kind (18) and an arrow to an object the view does not have (20).
// The view's header lines before them are read.
void TestVensimSketchStyle::whatTheSketchLeavesOutIsSaid()
{
    const QString text = QStringLiteral("{UTF-8}\na = Time ~~|\n") + test::mdlControl(4) + QString::fromLatin1(kSketchHead)
                         + QStringLiteral("*View 1\n$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n"
                                          "10,1,a,100,50,20,11,8,3,0,0,0,0,0,0\n"
                                          "10,2,Time,200,50,20,11,8,2,0,3,-1,0,0,0,128-128-128,0-0-0,|||128-128-128\n"
                                          "12,3,0,300,300,150,150,3,12,0,0,1,0,0,0\n"
                                          "levels\n"
                                          "30,4,bitmap,10,10,5,5,0,0,0\n"
                                          "10,5,b,100\n"
                                          "1,6,1,1,0,0,0,0,0,0,0,-1--1--1,,1|(0,0)|\n"
                                          "this is no object\n"
                                          "1,7,2,1,0,0,0,0,0,0,0,-1--1--1,,1|(0,0)|\n"
                                          "1,8,1,99,0,0,0,0,0,0,0,-1--1--1,,1|(0,0)|\n///---\\\\\\\n");
    const XmileReadResult r = readVensim(text.toUtf8(), QStringLiteral("m.mdl"));
    QVERIFY(r.project);
    QCOMPARE(test::formatted(r.diagnostics),
             (QStringList{
                 QStringLiteral("m.mdl:15:1: warning: the sketch's object 4 is of type 30, which Meadows does not draw: left out"),
                 QStringLiteral("m.mdl:16:1: warning: the sketch's object 5 is cut short (4 fields): left out"),
                 QStringLiteral("m.mdl:17:1: warning: the sketch's arrow 6 runs from object 1 to itself: left out"),
                 QStringLiteral("m.mdl:18:1: warning: this line of the sketch is no object Meadows reads: left out"),
                 QStringLiteral("m.mdl:20:1: warning: the sketch's arrow 8 runs to object 99, which the view does not draw: "
                                "left out"),
                 QStringLiteral("m.mdl:12:1: warning: the sketch's 'Time' is not drawn, nor its arrows: Meadows keeps the "
                                "clock built in, not as a variable on the diagram"),
                 QStringLiteral("m.mdl:13:1: warning: the sketch's graph, table or slider 'levels' is not drawn: Meadows draws "
                                "none in the diagram")}));
    // A Reality Check the sketch shows (SDXorg's reality_checks) is said as one, at its object
    // (line 12), not as a name the equations do not define.
    const XmileReadResult check = readVensim(
        (QStringLiteral("{UTF-8}\nx = 1 ~~|\ncheck x :THE CONDITION: x > 0 :IMPLIES: x < 10 ~~|\n") + test::mdlControl(4)
         + QString::fromLatin1(kSketchHead)
         + QStringLiteral("*View 1\n$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n"
                          "10,1,check x,100,50,20,11,8,3,0,0,0,0,0,0\n///---\\\\\\\n"))
            .toUtf8(),
        QStringLiteral("m.mdl"));
    QVERIFY(check.project);
    QCOMPARE(test::formatted(check.diagnostics).filter(QStringLiteral("sketch")),
             QStringList{QStringLiteral("m.mdl:12:1: warning: the sketch's 'check x' is a Reality Check, which Meadows leaves "
                                        "out (said at its equation): not drawn")});

    // Many of them are said once, at the first: World3-03 shows Time 23 times (lines 12,
    // 13 and 14 here, the last a shadow of TIME STEP) and 10 graphs (15 and 17).
    const XmileReadResult again = readVensim(
        (QStringLiteral("{UTF-8}\na = Time ~~|\n") + test::mdlControl(4) + QString::fromLatin1(kSketchHead)
         + QStringLiteral("*View 1\n$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n"
                          "10,1,a,100,50,20,11,8,3,0,0,0,0,0,0\n"
                          "10,2,Time,200,50,20,11,8,2,0,3,-1,0,0,0,128-128-128,0-0-0,|||128-128-128\n"
                          "10,3,Time,200,90,20,11,8,2,0,3,-1,0,0,0,128-128-128,0-0-0,|||128-128-128\n"
                          "10,4,TIME STEP,200,130,20,11,8,2,0,3,-1,0,0,0,128-128-128,0-0-0,|||128-128-128\n"
                          "12,5,0,300,300,150,150,3,12,0,0,1,0,0,0\nlevels\n"
                          "12,6,0,600,300,150,150,3,12,0,0,1,0,0,0\nrates\n///---\\\\\\\n"))
            .toUtf8(),
        QStringLiteral("m.mdl"));
    QCOMPARE(test::formatted(again.diagnostics),
             (QStringList{QStringLiteral("m.mdl:12:1: warning: the sketch's 3 shadows of Time and the clock's settings ('Time' "
                                         "here, the first) are not drawn, nor their arrows: Meadows keeps the clock built in, "
                                         "not as a variable on the diagram"),
                          QStringLiteral("m.mdl:15:1: warning: the sketch's 2 graphs, tables and sliders ('levels' here, the "
                                         "first) are not drawn: Meadows draws none in the diagram")}));
    int connectors = 0;
    for (const ViewElement &e : r.project->mainModel().views.at(0).elements)
        connectors += e.type == ViewElement::Type::Connector;
    QCOMPARE(connectors, 0);

    // A damaged sketch of thousands of such lines is said for its first 20, then how many
    // more and where the last is (200,000 had taken minutes, each said).
    QString junk;
    for (int k = 0; k < 25; ++k)
        junk += QStringLiteral("junk %1\n").arg(k);
    const XmileReadResult many = readVensim((QStringLiteral("{UTF-8}\na = 1 ~~|\n") + test::mdlControl(4)
                                             + QString::fromLatin1(kSketchHead) + QStringLiteral("*View 1\n") + junk
                                             + QStringLiteral("///---\\\\\\\n")).toUtf8(),
                                            QStringLiteral("m.mdl"));
    const QStringList said = test::formatted(many.diagnostics);
    QCOMPARE(said.filter(QStringLiteral("no object Meadows reads")).size(), 20);
    QVERIFY2(said.contains(QStringLiteral("m.mdl:34:1: warning: and 5 more lines of the sketch left out, the last here")),
             qPrintable(said.join(u'\n')));
}

// Vensim draws a point as ppi/72 of the sketch's units, ppi the '$' line's pixels per inch;
// Meadows as 96/72. So a view saved at 72 ppi (SIR, and many older models) writes its 12
// points as 9 (drawn 12 units high, as in Vensim, not 16), one at 192 ppi as 24; a word's own
// size scales too (14 at 72 ppi: 10.5). And each name drawn alone or by its valve wraps at its
// word's box, twice the half width the line gives: k's 47 gives 94, the flow's name word's 49
// gives the flow 98, the second view's shadow of k 74 gives 148; a stock wraps in its box, as
// resized, and takes none. The arrow from k to the flow ends on the flow's name word (6, shape
// 40: on its valve), and is marked so; the one to the valve (5) is not; the one from the name
// to S is marked at its start; the pipes are not connectors.
void TestVensimSketchStyle::textKeepsItsSizeAgainstTheSketch()
{
    const QString head = QStringLiteral("$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|%1,%1,100,0\n");
    const QString text = QStringLiteral("{UTF-8}\nS = INTEG(-out, 10) ~~|\nout = S * k ~~|\nk = 0.1 ~~|\n") + test::mdlControl(4)
                         + QString::fromLatin1(kSketchHead) + QStringLiteral("*View 1\n") + head.arg(72)
                         + QStringLiteral("10,1,S,307,224,40,20,3,3,0,0,0,0,0,0\n"
                                          "12,2,48,605,221,10,8,0,3,0,0,-1,0,0,0\n"
                                          "1,3,5,2,4,0,0,22,0,0,0,-1--1--1,,1|(524,222)|\n"
                                          "1,4,5,1,100,0,0,22,0,0,0,-1--1--1,,1|(384,222)|\n"
                                          "11,5,48,460,222,6,8,34,3,0,0,1,0,0,0\n"
                                          "10,6,out,460,239,49,9,40,3,0,0,-1,0,0,0\n"
                                          "10,7,k,504,309,47,9,8,3,0,8,0,0,0,0,0-0-0,0-0-0,|14||0-0-0\n"
                                          "1,8,7,6,0,0,0,0,0,64,0,-1--1--1,,1|(485,280)|\n"
                                          "1,9,7,5,0,0,0,0,0,64,0,-1--1--1,,1|(480,260)|\n"
                                          "1,10,6,1,0,0,0,0,0,64,0,-1--1--1,,1|(400,260)|\n")
                         + QString::fromLatin1(kSketchHead) + QStringLiteral("*View 2\n") + head.arg(192)
                         + QStringLiteral("10,1,k,218,156,74,24,8,2,0,0,0,0,0,0\n///---\\\\\\\n");
    for (const bool saved : {false, true}) {
        const XmileReadResult r = readMaybeSaved(text, saved);
        QVERIFY2(r.project, qPrintable(test::formatted(r.diagnostics).join(u'\n')));
        const Model &m = r.project->mainModel();
        const View &view = m.views.at(0);
        const ViewStyles styles(*r.project, m, view);
        const ViewElement *stock = find(view, ViewElement::Type::Stock, QStringLiteral("S"));
        const ViewElement *flow = find(view, ViewElement::Type::Flow, QStringLiteral("out"));
        const ViewElement *k = find(view, ViewElement::Type::Aux, QStringLiteral("k"));
        QVERIFY(stock && flow && k);
        QCOMPARE(*styles.of(*stock).fontPoints, 9.0);
        QCOMPARE(*styles.of(*flow).fontPoints, 9.0);
        QCOMPARE(*styles.of(*k).fontPoints, 10.5);
        QCOMPARE(labelWrapWidth(*k), std::optional<double>(94));
        QCOMPARE(labelWrapWidth(*flow), std::optional<double>(98));
        QCOMPARE(labelWrapWidth(*stock), std::nullopt);
        int toOut = 0, toName = 0, fromName = 0;
        for (const ViewElement &e : view.elements) {
            if (e.type != ViewElement::Type::Connector)
                continue;
            if (e.to.name == QLatin1String("out")) {
                ++toOut;
                toName += connectorAtFlowName(e, true);
                QVERIFY(!connectorAtFlowName(e, false));
            } else {
                QCOMPARE(e.from.name, QStringLiteral("out"));
                QCOMPARE(e.to.name, QStringLiteral("S"));
                fromName += connectorAtFlowName(e, false);
                QVERIFY(!connectorAtFlowName(e, true));
            }
        }
        QCOMPARE(toOut, 2);
        QCOMPARE(toName, 1);
        QCOMPARE(fromName, 1);
        const auto shadow = std::find_if(view.elements.begin(), view.elements.end(),
                                         [](const ViewElement &e) { return e.type == ViewElement::Type::Alias; });
        QVERIFY(shadow != view.elements.end());
        QCOMPARE(*styles.of(*shadow, ViewElement::Type::Aux).fontPoints, 24.0);
        QCOMPARE(labelWrapWidth(*shadow), std::optional<double>(148));
    }
    QCOMPARE(vensim::sketchFontScale(u"192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|0,0,100,0"), 1.0);
    QCOMPARE(vensim::sketchFontScale(u"192-192-192,0,Times"), 1.0); // no ppi: Vensim's usual 96
}

QTEST_GUILESS_MAIN(TestVensimSketchStyle)
#include "test_vensim_sketch_style.moc"

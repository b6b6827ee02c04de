// Reading files that are not well-formed XML as Stella reads them (model/xmlrepair.h): each
// repair is a warning at its position, the model reads as its author meant, and positions
// after a repair are still the file's own. Columns are counted by hand in the comments.
#include "support/inlinemodel.h"

#include "model/xmilereader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <QtTest>

using namespace meadows;

namespace {

// Lines 1 to 4; what a test adds starts on line 5.
const char *const kHead = "<?xml version=\"1.0\"?>\n"
                          "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
                          "<header><name>t</name></header>\n"
                          "<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>\n";

} // namespace

class TestXmlRepair : public QObject {
    Q_OBJECT
private slots:
    void doubleHyphensInAComment();
    void closingTagsLeftOut();
    void positionsAfterARepairAreTheFiles();
    void aStrayClosingTagIsStillAnError();
    void aFileCutShortIsStillAnError();
    void aWellFormedFileIsNotTouched();
};

void TestXmlRepair::doubleHyphensInAComment()
{
    // Line 5: "<!-- made " is 10 characters, so the first "--" is at column 11. The comment
    // also ends in "--->", which XML forbids too; one warning covers the comment.
    const QByteArray file = QByteArray(kHead) + "<!-- made -- by hand --->\n"
                            "<model><variables><aux name=\"a\"><eqn>3</eqn></aux></variables></model>\n</xmile>\n";
    const XmileReadResult r = readXmile(file, QStringLiteral("f.xmile"));
    QVERIFY(r.project);
    QCOMPARE(test::formatted(r.diagnostics),
             QStringList{QStringLiteral("f.xmile:5:11: warning: '--' inside a comment is not allowed in XML: read as '- '")});
    QCOMPARE(r.project->mainModel().variables.size(), std::size_t(1));
    QCOMPARE(r.project->mainModel().variables[0].equation, QStringLiteral("3"));
}

void TestXmlRepair::closingTagsLeftOut()
{
    // Line 5: "<model><variables>" is 18 characters: <aux name="a"> starts at column 19 and is
    // 14 long, <eqn>1</eqn> 12 more, so <aux name="b"> starts at column 45.
    // Line 6's stock lacks </stock> before line 7's flow, and the file lacks </xmile>.
    const QByteArray file = QByteArray(kHead)
                            + "<model><variables><aux name=\"a\"><eqn>1</eqn><aux name=\"b\"><eqn>a*2</eqn></aux>\n"
                              "<stock name=\"s\"><eqn>b</eqn><inflow>f</inflow>\n"
                              "<flow name=\"f\"><eqn>a</eqn></flow>\n"
                              "</variables></model>\n";
    const XmileReadResult r = readXmile(file, QStringLiteral("f.xmile"));
    QVERIFY(r.project);
    QCOMPARE(test::formatted(r.diagnostics),
             (QStringList{QStringLiteral("f.xmile:5:45: warning: <aux> opened at line 5, column 19 has no closing tag: "
                                         "read as closed before <aux>"),
                          QStringLiteral("f.xmile:7:1: warning: <stock> opened at line 6, column 1 has no closing tag: "
                                         "read as closed before <flow>"),
                          QStringLiteral("f.xmile:9:1: warning: <xmile> opened at line 2, column 1 has no closing tag: "
                                         "read as closed at the end of the file")}));
    // Read as meant: s starts at b = 2 and gains a = 1 a step: 2, 3, 4.
    const CompileResult compiled = compileProject(*r.project);
    QVERIFY(compiled.model);
    const RunResult run = simulate(*compiled.model);
    QVERIFY(run.results);
    const int s = run.results->column(QStringLiteral("s"));
    QVERIFY(s >= 0);
    QCOMPARE(run.results->rows(), std::size_t(3));
    QCOMPARE(run.results->at(0, std::size_t(s)), 2.0);
    QCOMPARE(run.results->at(2, std::size_t(s)), 4.0);
}

void TestXmlRepair::positionsAfterARepairAreTheFiles()
{
    // As above, with b's equation "a*)": <eqn> of b starts at column 45 + 14 = 59, its text
    // at 64, so ')' is at column 66 of the file, though the repaired text has "</aux>" (6
    // characters) put in before it on that line.
    const QByteArray file = QByteArray(kHead)
                            + "<model><variables><aux name=\"a\"><eqn>1</eqn><aux name=\"b\"><eqn>a*)</eqn></aux>\n"
                              "</variables></model>\n</xmile>\n";
    const XmileReadResult r = readXmile(file, QStringLiteral("f.xmile"));
    QVERIFY(r.project);
    const CompileResult compiled = compileProject(*r.project);
    QVERIFY(!compiled.model);
    QVERIFY(!compiled.diagnostics.empty());
    QCOMPARE(compiled.diagnostics.front().format(), QStringLiteral("f.xmile:5:66: error: in 'b': expected a value but found ')'"));
}

void TestXmlRepair::aStrayClosingTagIsStillAnError()
{
    // </foo> closes nothing open: no clear intent, so nothing is repaired and the XML
    // reader's error stands, at the end of that tag (line 5, column 57).
    const QByteArray file = QByteArray(kHead) + "<model><variables><aux name=\"a\"><eqn>1</eqn></aux></foo>\n"
                                                "</variables></model>\n</xmile>\n";
    const XmileReadResult r = readXmile(file, QStringLiteral("f.xmile"));
    QVERIFY(!r.project);
    QCOMPARE(test::formatted(r.diagnostics), QStringList{QStringLiteral("f.xmile:5:57: error: Opening and ending tag mismatch.")});
}

void TestXmlRepair::aFileCutShortIsStillAnError()
{
    // It ends inside <eqn>: the rest of the model is lost, and closing what is open would
    // read it as complete. The XML reader's error stands, and nothing is repaired.
    const QByteArray file = QByteArray(kHead) + "<model><variables><aux name=\"a\"><eqn>1";
    const XmileReadResult r = readXmile(file, QStringLiteral("f.xmile"));
    QVERIFY(!r.project);
    QCOMPARE(test::formatted(r.diagnostics), QStringList{QStringLiteral("f.xmile:5:39: error: the file ends early (truncated?): Premature end of document.")});
}

void TestXmlRepair::aWellFormedFileIsNotTouched()
{
    // "-" alone and "- -" are allowed in comments; nothing is left open.
    const QByteArray file = QByteArray(kHead) + "<!-- a - b - - c -->\n"
                            "<model><variables><aux name=\"a\"><eqn>1</eqn></aux></variables></model>\n</xmile>\n";
    const XmileReadResult r = readXmile(file, QStringLiteral("f.xmile"));
    QVERIFY(r.project);
    QCOMPARE(test::formatted(r.diagnostics), QStringList{});
}

QTEST_GUILESS_MAIN(TestXmlRepair)
#include "test_xmlrepair.moc"

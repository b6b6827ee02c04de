// The Vensim functions Meadows does not have, reported at FILE:LINE:COL and never computed as
// something else, and known functions called wrongly, named as the file writes them.
#include "support/inlinemdl.h"

#include "model/vensim/mdlreader.h"

#include <QtTest>

using namespace meadows;
using namespace meadows::test;

namespace {

const QString kControl = mdlControl(4, QStringLiteral("Year"));

} // namespace

class TestVensimMisuse : public QObject {
    Q_OBJECT
private slots:
    void unsupportedFunctionsAreNamedAtTheirPlace_data();
    void unsupportedFunctionsAreNamedAtTheirPlace();
    void misuseIsNamedAsWritten();
    void aVariableDefinedTwiceIsAnError();
    void aFileWithoutEquationsIsNotAModel();
};

// Each function Meadows lacks is a warning at its line and column naming it. The equation
// is on line 2 of m.mdl (line 1 is "{UTF-8}"), after "x = " (column 5).
void TestVensimMisuse::unsupportedFunctionsAreNamedAtTheirPlace_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<QString>("expected");
    QTest::newRow("find zero") << "FIND ZERO(LOOK, 1, 1, 1, 1, 0, 0.001, 100, 0)"
                               << "m.mdl:2:5: warning: the Vensim function FIND ZERO is not supported";
    QTest::newRow("queue fifo attrib") << "QUEUE FIFO ATTRIB(1, 1, 1, 0, LOOK, LOOK, 0, 0, 1)"
                                       << "m.mdl:2:5: warning: the Vensim function QUEUE FIFO ATTRIB is not supported";
}

void TestVensimMisuse::unsupportedFunctionsAreNamedAtTheirPlace()
{
    QFETCH(QString, equation);
    QFETCH(QString, expected);
    const MdlRun r = runMdl(QStringLiteral("x = %1 ~ ~ |\nLOOK((0,1),(1,1),(2,2)) ~ ~ |\n").arg(equation), kControl);
    QVERIFY2(r.messages.contains(expected), qPrintable(r.messages.join(u'\n')));
    QVERIFY(!r.run.results); // and nothing is computed in its place
}

// A known function used wrongly is named as its author wrote it (with spaces, not XMILE's
// underscores), and a wrong argument count is said once, not also "not supported". Line 2 of
// m.mdl, after "x = " (column 5); LOOKUP AREA's first argument at column 17.
void TestVensimMisuse::misuseIsNamedAsWritten()
{
    const MdlRun arity = runMdl(QStringLiteral("x = TIME BASE(1) ~ ~ |\n"), kControl);
    QVERIFY2(arity.messages.contains(QStringLiteral("m.mdl:2:5: error: TIME BASE takes 2 argument(s), not 1")),
             qPrintable(arity.messages.join(u'\n')));
    QVERIFY2(arity.messages.filter(QStringLiteral("not supported")).isEmpty(), qPrintable(arity.messages.join(u'\n')));
    QVERIFY(!arity.run.results);
    // Functions passed on to the solver as written are counted by Vensim's reference, and
    // named as written: SMOOTH, not the SMTH1 it becomes; PULSE(1) is not XMILE's pulse of
    // one argument, nor DELAY3I(x, 2) XMILE's DELAY3 of its input. One message each.
    const struct {
        const char *equation, *message;
    } counted[] = {{"SMOOTH(Time)", "m.mdl:2:5: error: SMOOTH takes 2 argument(s), not 1"},
                   {"PULSE(1)", "m.mdl:2:5: error: PULSE takes 2 argument(s), not 1"},
                   {"DELAY3I(Time, 2)", "m.mdl:2:5: error: DELAY3I takes 3 argument(s), not 2"},
                   {"TREND(Time, 2)", "m.mdl:2:5: error: TREND takes 3 argument(s), not 2"},
                   {"VMIN()", "m.mdl:2:5: error: VMIN takes 1 argument(s), not 0"},
                   {"1 + MAX(3)", "m.mdl:2:9: error: MAX takes 2 argument(s), not 1"}};
    for (const auto &c : counted) {
        const MdlRun r = runMdl(QStringLiteral("x = %1 ~ ~ |\n").arg(QLatin1String(c.equation)), kControl);
        QCOMPARE(r.messages, QStringList{QLatin1String(c.message)});
        QVERIFY(!r.run.results);
    }
    const MdlRun notATable = runMdl(QStringLiteral("v = 3 ~ ~ |\nx = LOOKUP AREA(v, 0, 1) ~ ~ |\n"), kControl);
    QVERIFY2(notATable.messages.contains(
                 QStringLiteral("m.mdl:3:17: error: in 'x': LOOKUP AREA needs a graphical function as its first argument")),
             qPrintable(notATable.messages.join(u'\n')));
}

// "a = 1" then "a = 2" (lines 2 and 3): one error at the second, where there had been three
// messages about an element with no name ("'a[]' is defined more than once").
void TestVensimMisuse::aVariableDefinedTwiceIsAnError()
{
    const MdlRun r = runMdl(QStringLiteral("a = 1 ~ ~ |\na = 2 ~ ~ |\n"), kControl);
    QCOMPARE(r.messages, QStringList{QStringLiteral("m.mdl:3:1: error: 'a' has a second equation here: a variable without "
                                                    "subscripts has one")});
    QVERIFY(!r.run.results);
}

// An empty file, blanks, or "{UTF-8}" alone had been read as a model run with the settings'
// defaults, after three warnings about them: one error now, and nothing read.
void TestVensimMisuse::aFileWithoutEquationsIsNotAModel()
{
    for (const char *text : {"", "  \n\t\n", "{UTF-8}\n"}) {
        const XmileReadResult r = readVensim(QByteArray(text), QStringLiteral("m.mdl"));
        QVERIFY(!r.project);
        QCOMPARE(formatted(r.diagnostics), QStringList{QStringLiteral("m.mdl:1:1: error: the file holds no equations")});
    }
    // A comment broken over lines with Vensim's "\" reads as one run of words.
    const XmileReadResult noted = readVensim(QByteArray("a = 1 ~ ~ a long \\\n\t\tnote |\n"), QStringLiteral("m.mdl"));
    QVERIFY(noted.project);
    QCOMPARE(noted.project->mainModel().findVariable(u"a")->doc, QStringLiteral("a long note"));
}

QTEST_APPLESS_MAIN(TestVensimMisuse)
#include "test_vensim_misuse.moc"

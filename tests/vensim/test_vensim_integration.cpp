// The integration method a .mdl names, and Runge-Kutta as Vensim computes it: its reference
// ("Runge-Kutta Integration") says RK2 "makes a half step (TIME STEP/2), computes new rates of
// change, and uses those rates of change to go from Time to Time + TIME STEP", that it "holds
// all exogenous and test inputs (STEP, PULSE and RAMP) constant over the integration
// interval", and that "the pure delay functions (FIXED, MATERIAL and INFORMATION) do not
// change within a Runge Kutta computation".
#include "support/inlinemdl.h"

#include "model/xmilewriter.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using namespace meadows::test;

class TestVensimIntegration : public QObject {
    Q_OBJECT
private slots:
    void integrationMethodFromTheSettings();
    void rungeKuttaTwoIsTheMidpointMethod();
    void testInputsAndPureDelaysHoldThroughAStep();
    void whereRungeKuttaDiffersFromVensimsItIsSaid();
};

namespace {

// A control section of FINAL TIME `finalTime` (TIME STEP 1), then an empty sketch and the
// settings `line` after it.
QString withSettings(double finalTime, const QString &line)
{
    return mdlControl(finalTime) + QStringLiteral("\\\\\\---/// Sketch information - do not modify anything except names\n"
                                                  "V300  Do not put anything below this section - it will be ignored\n"
                                                  "*View 1\n"
                                                  "///---\\\\\\\n"
                                                  ":L<%^E!@\n")
           + line + QStringLiteral("\n");
}

const QString kRungeKutta2 = QStringLiteral("15:0,0,0,3,0,0");
const QString kRungeKutta4 = QStringLiteral("15:0,0,0,1,0,0");

} // namespace

// The integration method in the settings after the sketch, line "15:", its fourth field.
// s = INTEG(s, 1) with DT 1, one step: Euler gives 1 + 1 = 2; RK4 gives 1 + 1 + 1/2 + 1/6 +
// 1/24 = 2.708333... (the series of e to the fourth power of DT); code 3 (Runge-Kutta 2)
// gives 1 + 1 + 1/2 = 2.5. The settings line is line 12: "{UTF-8}", the equation, 4 control
// lines, the sketch's 4 lines, the marker.
void TestVensimIntegration::integrationMethodFromTheSettings()
{
    const auto withMethod = [](const QString &line) { return withSettings(1, line); };
    const QString model = QStringLiteral("s = INTEG(s, 1) ~~|\n");
    struct Case {
        QString line;
        double value;
        QString warning;
    };
    const Case cases[] = {
        {QStringLiteral("15:0,0,0,0,0,0"), 2.0, {}},
        {QStringLiteral("15:0,0,0,1,0,0"), 1 + 1 + 1 / 2.0 + 1 / 6.0 + 1 / 24.0, {}},
        {QStringLiteral("15:0,0,0,5,0,0"), 1 + 1 + 1 / 2.0 + 1 / 6.0 + 1 / 24.0, {}},
        {QStringLiteral("15:0,0,0,2,0,0"), 2.0, {}},
        {QStringLiteral("15:0,0,0,3,0,0"), 2.5, {}},
        {QStringLiteral("15:0,0,0,4,0,0"), 2.5, {}},
        {QStringLiteral("15:0,0,0,x"), 2.0,
         QStringLiteral("m.mdl:12:1: warning: the settings line '15:0,0,0,x' names no integration method Meadows "
                        "knows: it is read as Euler's")},
        // Only the first line 15 is read; a second (the settings' line 13) is said to be ignored.
        {QStringLiteral("15:0,0,0,1,0,0\n15:0,0,0,x"), 1 + 1 + 1 / 2.0 + 1 / 6.0 + 1 / 24.0,
         QStringLiteral("m.mdl:13:1: warning: a second settings line 15 (the integration method) is ignored")},
        // Indented, the line is read where its text starts (column 3).
        {QStringLiteral("  15:0,0,0,9"), 2.0,
         QStringLiteral("m.mdl:12:3: warning: the settings line '15:0,0,0,9' names no integration method Meadows "
                        "knows: it is read as Euler's")},
    };
    for (const Case &k : cases) {
        for (const bool saved : {false, true}) {
            const MdlRun r = runMdl(model, withMethod(k.line), saved);
            QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
            QVERIFY2(std::abs(r.at(QStringLiteral("s"), 1) - k.value) < 1e-12, qPrintable(k.line));
            if (!saved) {
                const QStringList warnings = r.messages.filter(QStringLiteral("warning"));
                QVERIFY2(k.warning.isEmpty() ? warnings.isEmpty() : warnings.contains(k.warning),
                         qPrintable(k.line + u'\n' + r.messages.join(u'\n')));
            }
        }
    }
}

// s' = Time^2 from 0, one step of 1: the midpoint method takes the rate at Time 1/2, so
// s(1) = 1/4; Heun's (Stella's RK2) would average the rates at 0 and 1 (1/2), RK4 gives the
// exact 1/3. Time itself moves within the step: only the inputs are held.
void TestVensimIntegration::rungeKuttaTwoIsTheMidpointMethod()
{
    for (const bool saved : {false, true}) { // and the same from the XMILE Save As writes
        const MdlRun r = runMdl(QStringLiteral("s = INTEG(Time * Time, 0) ~~|\n"), withSettings(2, kRungeKutta2), saved);
        QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
        QVERIFY2(r.messages.filter(QStringLiteral("warning")).isEmpty(), qPrintable(r.messages.join(u'\n')));
        // Step 2: 1/4 + (3/2)^2 = 2.5.
        QCOMPARE(r.at(QStringLiteral("s"), 1), 0.25);
        QCOMPARE(r.at(QStringLiteral("s"), 2), 2.5);
    }
    // Save As says whose Runge-Kutta it is, in Meadows' namespace, declared.
    const XmileReadResult read = readMdl(QStringLiteral("s = INTEG(Time * Time, 0) ~~|\n"), withSettings(2, kRungeKutta2));
    QVERIFY(read.project);
    const QByteArray xml = writeXmile(*read.project);
    QVERIFY2(xml.contains("meadows:runge_kutta=\"vensim\"") && xml.contains("xmlns:meadows=\"urn:x-meadows:xmile:1\""),
             xml.left(600).constData());
}

// RK4, steps of 1. a = INTEG(STEP(1, 0.5), 0): STEP is read at each step's start, 0 through
// the first step and 1 through the second, so a is 0, 0, 1 (with STEP at the stages' times,
// 0, 1, 1, 1 would give 5/6 at Time 1). b = INTEG(DELAY FIXED(Time + 1, 1, 0), 0): the delay
// gives 0 through the first step (its initial value) and the input at 0, 1, through the
// second, so b is 0, 0, 1 (at the stages' times its last stage would read 1: 1/6 at Time
// 1). c = INTEG(PULSE(0.5, 1), 0): 0 at Time 0 held, then 1 at Time 1: 0, 0, 1.
void TestVensimIntegration::testInputsAndPureDelaysHoldThroughAStep()
{
    const QString model = QStringLiteral("a = INTEG(STEP(1, 0.5), 0) ~~|\n"
                                         "b = INTEG(DELAY FIXED(Time + 1, 1, 0), 0) ~~|\n"
                                         "c = INTEG(PULSE(0.5, 1), 0) ~~|\n");
    for (const bool saved : {false, true}) {
        const MdlRun r = runMdl(model, withSettings(2, kRungeKutta4), saved);
        QVERIFY2(r.run.results, qPrintable(r.messages.join(u'\n')));
        for (const char *name : {"a", "b", "c"}) {
            QCOMPARE(r.at(QString::fromLatin1(name), 1), 0.0);
            QCOMPARE(r.at(QString::fromLatin1(name), 2), 1.0);
        }
    }
}

// What Meadows does not hold as Vensim does under Runge-Kutta is said at its first place:
// DELAY N (line 2, column 5) and a data variable (line 3, column 1); under Euler the two
// agree and nothing is said.
void TestVensimIntegration::whereRungeKuttaDiffersFromVensimsItIsSaid()
{
    const QString model = QStringLiteral("x = DELAY N(Time, 3, 0, 2) ~~|\nd := 3 ~~|\ny = x + d ~~|\n");
    const MdlRun rk = runMdl(model, withSettings(2, kRungeKutta4));
    QVERIFY2(rk.messages.contains(QStringLiteral("m.mdl:2:5: warning: under Runge-Kutta Vensim holds DELAY N's output "
                                                 "through each step; Meadows integrates its stages as it does any stock's")),
             qPrintable(rk.messages.join(u'\n')));
    QVERIFY2(rk.messages.contains(QStringLiteral("m.mdl:3:1: warning: under Runge-Kutta Vensim holds data through each "
                                                 "step; Meadows reads 'd' at each stage's time")),
             qPrintable(rk.messages.join(u'\n')));
    const MdlRun euler = runMdl(model, withSettings(2, QStringLiteral("15:0,0,0,0,0,0")));
    QVERIFY2(euler.messages.filter(QStringLiteral("Runge-Kutta")).isEmpty(), qPrintable(euler.messages.join(u'\n')));
}

QTEST_APPLESS_MAIN(TestVensimIntegration)
#include "test_vensim_integration.moc"

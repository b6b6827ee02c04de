// Stella's own notations (issue 12): hyperbolic functions, the // safe division, SELF in
// PREVIOUS, and <init_eqn>. Each expected value is worked by hand in the comment beside it.
#include "support/inlinemodel.h"

#include "model/xmilereader.h"
#include "model/xmilewriter.h"

#include <QtTest>
#include <cmath>

using namespace meadows;
using test::simulateText;
using test::xmile;

namespace {
QString aux(const QString &name, const QString &eqn, const QString &init = {})
{
    QString s = QStringLiteral("<aux name=\"%1\"><eqn>%2</eqn>").arg(name, eqn.toHtmlEscaped());
    if (!init.isEmpty())
        s += QStringLiteral("<init_eqn>%1</init_eqn>").arg(init.toHtmlEscaped());
    return s + QStringLiteral("</aux>");
}
QString specs(double start, double stop, double dt)
{
    return QStringLiteral("<start>%1</start><stop>%2</stop><dt>%3</dt>").arg(start).arg(stop).arg(dt);
}
} // namespace

class TestStella : public QObject {
    Q_OBJECT
private slots:
    void hyperbolicFunctions_data();
    void hyperbolicFunctions();
    void safeDivisionOperator_data();
    void safeDivisionOperator();
    void previousOfSelf();
    void initialEquation();
};

// With x = LN 2, e^x = 2 and e^-x = 1/2: SINH = (2 - 1/2)/2 = 0.75, COSH = (2 + 1/2)/2 = 1.25.
// With x = LN(3)/2, e^2x = 3: TANH = (3 - 1)/(3 + 1) = 0.5.
void TestStella::hyperbolicFunctions_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<double>("expected");
    QTest::newRow("SINH") << "SINH(LN(2))" << 0.75;
    QTest::newRow("COSH") << "COSH(LN(2))" << 1.25;
    QTest::newRow("COSH at 0") << "COSH(0)" << 1.0;
    QTest::newRow("TANH") << "TANH(LN(3) / 2)" << 0.5;
    QTest::newRow("lower case") << "sinh(0)" << 0.0;
}

void TestStella::hyperbolicFunctions()
{
    QFETCH(QString, equation);
    QFETCH(double, expected);
    const auto r = simulateText(xmile(aux(QStringLiteral("x"), equation)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QVERIFY2(std::fabs(r.value(QStringLiteral("x"), 0) - expected) < 1e-12,
             qPrintable(QString::number(r.value(QStringLiteral("x"), 0), 'g', 17)));
}

// a // b is a / b, and 0 where b is 0; it binds like * and /, from the left.
void TestStella::safeDivisionOperator_data()
{
    QTest::addColumn<QString>("equation");
    QTest::addColumn<double>("expected");
    QTest::newRow("divides") << "7 // 2" << 3.5;
    QTest::newRow("by zero") << "7 // 0" << 0.0;
    QTest::newRow("as * and /") << "1 + 6 // 3 * 2" << 5.0; // 1 + (6 // 3) * 2
    QTest::newRow("left to right") << "12 // 3 // 2" << 2.0;  // (12 // 3) // 2
    QTest::newRow("zero on the right") << "8 / 2 // (1 - 1)" << 0.0;
}

void TestStella::safeDivisionOperator()
{
    QFETCH(QString, equation);
    QFETCH(double, expected);
    const auto r = simulateText(xmile(aux(QStringLiteral("x"), equation)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.value(QStringLiteral("x"), 0), expected);
}

// x = PREVIOUS(SELF, 1) * 2 (DT 1): at t = 0 PREVIOUS gives its initial value 1, so
// x(0) = 2; then x(t) = 2 x(t - 1): 4, 8, 16, so x(t) = 2^(t + 1).
void TestStella::previousOfSelf()
{
    const auto r = simulateText(xmile(aux(QStringLiteral("x"), QStringLiteral("PREVIOUS(SELF, 1) * 2")), specs(0, 3, 1)));
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    for (int t = 0; t <= 3; ++t)
        QCOMPARE(r.at(QStringLiteral("x"), t), std::pow(2.0, t + 1));
}

// x has eqn TIME * 10 and init_eqn 5: x(0) = 5, then 10, 20. y has eqn 3 and init_eqn
// 7 + z with z = 1: y(0) = 8, then 3. S integrates x (DT 1): S(1) = 0 + 5 = 5,
// S(2) = 5 + 10 = 15. The file writes the init_eqn back.
void TestStella::initialEquation()
{
    const QByteArray text = xmile(aux(QStringLiteral("x"), QStringLiteral("TIME * 10"), QStringLiteral("5"))
                                  + aux(QStringLiteral("y"), QStringLiteral("3"), QStringLiteral("7 + z"))
                                  + aux(QStringLiteral("z"), QStringLiteral("1"))
                                  + QStringLiteral("<stock name=\"S\"><eqn>0</eqn><inflow>f</inflow></stock>"
                                                   "<flow name=\"f\"><eqn>x</eqn></flow>"),
                                  specs(0, 2, 1));
    const auto r = simulateText(text);
    QVERIFY2(r.run.results, qPrintable(r.firstError()));
    QCOMPARE(r.at(QStringLiteral("x"), 0), 5.0);
    QCOMPARE(r.at(QStringLiteral("x"), 1), 10.0);
    QCOMPARE(r.at(QStringLiteral("x"), 2), 20.0);
    QCOMPARE(r.at(QStringLiteral("y"), 0), 8.0);
    QCOMPARE(r.at(QStringLiteral("y"), 1), 3.0);
    QCOMPARE(r.at(QStringLiteral("S"), 1), 5.0);
    QCOMPARE(r.at(QStringLiteral("S"), 2), 15.0);

    const XmileReadResult read = readXmile(text, QStringLiteral("init.xmile"));
    QVERIFY(read.project);
    QCOMPARE(read.project->mainModel().findVariable(QStringLiteral("y"))->initEquation, QStringLiteral("7 + z"));
    QVERIFY(read.diagnostics.empty()); // no "not implemented" warning any more
    const QByteArray written = writeXmile(*read.project);
    QVERIFY2(written.contains("<init_eqn>7 + z</init_eqn>"), written.constData());
}

QTEST_GUILESS_MAIN(TestStella)
#include "test_stella.moc"

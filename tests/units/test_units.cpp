// Units of measure: parsing, aliases, and consistency warnings with positions.
#include "support/inlinemodel.h"

#include "model/xmilereader.h"
#include "solver/units.h"

#include <QtTest>

using namespace meadows;

namespace {
Project project(const QString &variables, const QString &units = {}, const QString &timeUnits = QStringLiteral("Months"))
{
    const QByteArray text = QStringLiteral("<xmile><sim_specs time_units=\"%1\"><start>0</start><stop>1</stop><dt>1</dt></sim_specs>"
                                           "<model_units>%2</model_units>\n<model><variables>\n%3\n</variables></model></xmile>")
                                .arg(timeUnits, units, variables)
                                .toUtf8();
    const XmileReadResult r = readXmile(text, QStringLiteral("u.xmile"));
    return *r.project;
}

QString var(const char *kind, const QString &name, const QString &eqn, const QString &units, const QString &extra = {})
{
    return QStringLiteral("<%1 name=\"%2\"><eqn>%3</eqn><units>%4</units>%5</%1>")
        .arg(QLatin1String(kind), name, eqn.toHtmlEscaped(), units, extra);
}

} // namespace

class TestUnits : public QObject {
    Q_OBJECT
private slots:
    void parsesUnitExpressions_data();
    void parsesUnitExpressions();
    void consistentModelHasNoWarnings();
    void mismatchedSumIsWarnedAtTheOperand();
    void equationDisagreesWithDeclaredUnits();
    void flowMustBeStockUnitsPerTime();
    void transcendentalNeedsDimensionless();
    void unreadableUnitsAreReported();
    void nestingIsBoundedAcrossDefinitions();
    void graphicalFunctionOutputsCarryDeclaredUnits();
    void npvAndVectorFunctionUnits();
};

void TestUnits::parsesUnitExpressions_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("aliases") << "People/Months" << "person/month";
    QTest::newRow("model alias") << "Dollars" << "$";
    QTest::newRow("powers") << "kg*m/s^2" << "(kg*m)/(s*s)";
    QTest::newRow("negative power") << "Month^-1" << "1/Month";
    QTest::newRow("spaces in names") << "Degrees Fahrenheit/Minute" << "degrees_fahrenheit / minutes";
    QTest::newRow("dimensionless") << "dmnl" << "";
    QTest::newRow("cancelling") << "widget*month/month" << "widgets";
}

void TestUnits::parsesUnitExpressions()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    const Project p = project({}, QStringLiteral("<unit name=\"Dollar\"><eqn>$</eqn><alias>Dollars</alias></unit>"
                                                 "<unit name=\"widget\"><alias>widgets</alias></unit>"));
    const UnitContext units(p);
    const auto ua = units.parse(a), ub = units.parse(b);
    QVERIFY(ua && ub);
    QCOMPARE(ua->toString(), ub->toString());
}

void TestUnits::consistentModelHasNoWarnings()
{
    const Project p = project(var("stock", QStringLiteral("Population"), QStringLiteral("100"), QStringLiteral("People"),
                                  QStringLiteral("<inflow>births</inflow>"))
                              + var("flow", QStringLiteral("births"), QStringLiteral("Population * birth_rate"), QStringLiteral("person/month"))
                              + var("aux", QStringLiteral("birth rate"), QStringLiteral("0.02"), QStringLiteral("1/Months"))
                              + var("aux", QStringLiteral("doubling"), QStringLiteral("LN(2) / birth_rate"), QStringLiteral("months")));
    QCOMPARE(test::formatted(checkUnits(p)), QStringList());
}

void TestUnits::mismatchedSumIsWarnedAtTheOperand()
{
    const Project p = project(var("aux", QStringLiteral("staff"), QStringLiteral("5"), QStringLiteral("people")) + u'\n'
                              + var("aux", QStringLiteral("budget"), QStringLiteral("1000"), QStringLiteral("dollar")) + u'\n'
                              + var("aux", QStringLiteral("nonsense"), QStringLiteral("staff + budget"), {}));
    const QStringList w = test::formatted(checkUnits(p));
    QCOMPARE(w.size(), 1);
    // Line 5 is <aux name="nonsense"><eqn>staff + budget...: the equation starts at
    // column 27, so "budget" is at 35.
    QVERIFY2(w[0].startsWith(QLatin1String("u.xmile:5:35: warning: units: a sum mixes person and dollar")), qPrintable(w[0]));
}

void TestUnits::equationDisagreesWithDeclaredUnits()
{
    const Project p = project(var("aux", QStringLiteral("distance"), QStringLiteral("100"), QStringLiteral("km"))
                              + var("aux", QStringLiteral("duration"), QStringLiteral("2"), QStringLiteral("hours"))
                              + var("aux", QStringLiteral("speed"), QStringLiteral("distance * duration"), QStringLiteral("km/hour")));
    const QStringList w = test::formatted(checkUnits(p));
    QCOMPARE(w.size(), 1);
    QVERIFY2(w[0].contains(QLatin1String("'speed' is declared in km/hour but its equation gives hour*km")), qPrintable(w[0]));
}

void TestUnits::flowMustBeStockUnitsPerTime()
{
    const Project p = project(var("stock", QStringLiteral("Queue"), QStringLiteral("0"), QStringLiteral("requests"),
                                  QStringLiteral("<inflow>arrivals</inflow>"))
                              + var("flow", QStringLiteral("arrivals"), QStringLiteral("10"), QStringLiteral("requests/second")),
                              {}, QStringLiteral("minute"));
    const QStringList w = test::formatted(checkUnits(p));
    QCOMPARE(w.size(), 1);
    QVERIFY2(w[0].contains(QLatin1String("flow 'arrivals' is in requests/second but stock 'Queue' needs requests/minute")), qPrintable(w[0]));
}

void TestUnits::transcendentalNeedsDimensionless()
{
    const Project p = project(var("aux", QStringLiteral("load"), QStringLiteral("5"), QStringLiteral("requests"))
                              + var("aux", QStringLiteral("odd"), QStringLiteral("EXP(load)"), {}));
    const QStringList w = test::formatted(checkUnits(p));
    QCOMPARE(w.size(), 1);
    QVERIFY2(w[0].contains(QLatin1String("EXP needs a dimensionless argument, not requests")), qPrintable(w[0]));
}

void TestUnits::nestingIsBoundedAcrossDefinitions()
{
    // "deep" is defined with 200 parentheses around m, and used inside 100 more: 300 levels
    // in all, beyond the bound of 256, though neither text alone is. The bound holds for the
    // whole recursion (a fuzzer found a stack overflow when it held per text), while 200
    // inside 50 (250 levels) still reads as m.
    const auto nested = [](int n, const QString &inside) {
        return QStringLiteral("(").repeated(n) + inside + QStringLiteral(")").repeated(n);
    };
    const Project p = project({}, QStringLiteral("<unit name=\"deep\"><eqn>%1</eqn></unit>").arg(nested(200, QStringLiteral("m"))));
    const UnitContext units(p);
    QString error;
    QVERIFY(!units.parse(nested(100, QStringLiteral("deep")), &error));
    QVERIFY2(error.contains(QLatin1String("parentheses nest more than 256 levels deep")), qPrintable(error));
    const auto fine = units.parse(nested(50, QStringLiteral("deep")), &error);
    QVERIFY2(fine, qPrintable(error));
    QCOMPARE(fine->toString(), units.parse(QStringLiteral("m"))->toString());
}

void TestUnits::unreadableUnitsAreReported()
{
    const Project p = project(var("aux", QStringLiteral("x"), QStringLiteral("1"), QStringLiteral("kg/(m")));
    const QStringList w = test::formatted(checkUnits(p));
    QCOMPARE(w.size(), 1);
    QVERIFY2(w[0].contains(QLatin1String("cannot read the units of 'x' (\"kg/(m\"): '(' is never closed")), qPrintable(w[0]));
}


void TestUnits::graphicalFunctionOutputsCarryDeclaredUnits()
{
    const QString table = QStringLiteral("<gf><xscale min=\"0\" max=\"1\"/><ypts>0,5,10</ypts></gf>");
    // 'effect' maps a dimensionless ratio to requests/minute; its input mixes units (warned),
    // and LOOKUP through it gives requests/minute, which 'wrong' adds to requests.
    const Project p = project(var("aux", QStringLiteral("load"), QStringLiteral("5"), QStringLiteral("requests"))
                              + var("aux", QStringLiteral("capacity"), QStringLiteral("10"), QStringLiteral("requests"))
                              + var("aux", QStringLiteral("effect"), QStringLiteral("load / capacity + load"),
                                    QStringLiteral("requests/minute"), table)
                              + var("aux", QStringLiteral("right"), QStringLiteral("LOOKUP(effect, load / capacity) * 2"),
                                    QStringLiteral("requests/minute"))
                              + var("aux", QStringLiteral("wrong"), QStringLiteral("LOOKUP(effect, 0.5) + load"), {}),
                              {}, QStringLiteral("minute"));
    const QStringList w = test::formatted(checkUnits(p));
    QCOMPARE(w.size(), 2);
    QVERIFY2(w[0].contains(QLatin1String("a sum mixes dimensionless and requests")), qPrintable(w[0]));
    QVERIFY2(w[1].contains(QLatin1String("a sum mixes requests/minute and requests")), qPrintable(w[1]));
}

// Vensim's manual: NPV(units, 1/time, units*time, dmnl) --> units*time, so NPV of dollar/month
// is in dollars; VECTOR RANK and VECTOR SORT ORDER are dimensionless; VECTOR ELM MAP has its
// first argument's units. Only 'wrong', declared as the stream's units, disagrees.
void TestUnits::npvAndVectorFunctionUnits()
{
    const Project p = project(var("aux", QStringLiteral("cash"), QStringLiteral("100"), QStringLiteral("dollar/Months"))
                              + var("aux", QStringLiteral("rate"), QStringLiteral("0.1"), QStringLiteral("1/Months"))
                              + var("aux", QStringLiteral("value"), QStringLiteral("NPV(cash, rate, 0, 1)"), QStringLiteral("dollar"))
                              + var("aux", QStringLiteral("wrong"), QStringLiteral("NPV(cash, rate)"), QStringLiteral("dollar/Months"))
                              + var("aux", QStringLiteral("ranked"), QStringLiteral("VECTOR_RANK(cash, 1)"), QStringLiteral("dmnl"))
                              + var("aux", QStringLiteral("order"), QStringLiteral("VECTOR_SORT_ORDER(cash, 1)"), QStringLiteral("dmnl"))
                              + var("aux", QStringLiteral("mapped"), QStringLiteral("VECTOR_ELM_MAP(cash, 0)"), QStringLiteral("dollar/Months")));
    const QStringList w = test::formatted(checkUnits(p));
    QCOMPARE(w.size(), 1);
    QVERIFY2(w[0].contains(QLatin1String("'wrong' is declared in dollar/month but its equation gives dollar")), qPrintable(w[0]));
}

QTEST_GUILESS_MAIN(TestUnits)
#include "test_units.moc"

// The equation parser: precedence, names, and errors that point at the right column.
#include "solver/parser.h"

#include <QtTest>

using namespace meadows;

class TestParser : public QObject {
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void numbers_data();
    void numbers();
    void errors_data();
    void errors();
    void blankAndCommentOnly();
    void keywordsAreCaseInsensitive();
};

void TestParser::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("printed"); // fully determined by the tree
    QTest::newRow("precedence") << "a + b * c" << "a+b*c";
    QTest::newRow("left assoc") << "a - b - c" << "a-b-c";
    QTest::newRow("grouping") << "(a - b) - (c - d)" << "a-b-(c-d)";
    QTest::newRow("unary minus below power") << "-2^2" << "-2^2";
    QTest::newRow("power right assoc") << "2^3^2" << "2^3^2";
    QTest::newRow("power left grouped") << "(2^3)^2" << "(2^3)^2";
    QTest::newRow("comparison") << "a <= b + 1" << "a <= b+1";
    QTest::newRow("not equal") << "a <> b" << "a <> b";
    QTest::newRow("logic") << "a > 1 AND b < 2 OR NOT c" << "a > 1 AND b < 2 OR NOT c";
    QTest::newRow("if") << "IF a > 1 THEN b ELSE c * 2" << "IF a > 1 THEN b ELSE c*2";
    QTest::newRow("nested if") << "if a then if b then 1 else 2 else 3" << "IF a THEN IF b THEN 1 ELSE 2 ELSE 3";
    QTest::newRow("call") << "MAX(a, b * 2, 3)" << "MAX(a, b*2, 3)";
    QTest::newRow("no-arg call") << "PI()" << "PI()";
    QTest::newRow("mod keyword") << "TIME MOD 3" << "TIME MOD 3";
    QTest::newRow("quoted name") << "\"Room Temperature\" / 2" << "\"Room Temperature\"/2";
    QTest::newRow("module name") << "hares.hare_density * 2" << "hares.hare_density*2";
    QTest::newRow("subscripts") << "a[Dim1, x] + SUM(b[*])" << "a[Dim1, x]+SUM(b[*])";
    QTest::newRow("comment") << "a {the input} + 1" << "a+1";
    QTest::newRow("spaced name") << "EXPRESSION MACRO" << "\"EXPRESSION MACRO\"";
    QTest::newRow("newlines") << "a\n+\nb" << "a+b";
    QTest::newRow("double equals") << "a == b" << "a = b";
}

void TestParser::parses()
{
    QFETCH(QString, text);
    QFETCH(QString, printed);
    const ParseResult r = parseEquation(text);
    QVERIFY2(r.ok(), r.error ? qPrintable(r.error->message) : "");
    QVERIFY(r.expr);
    QCOMPARE(toString(*r.expr), printed);
}

void TestParser::numbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value");
    QTest::newRow("integer") << "42" << 42.0;
    QTest::newRow("decimal") << "3.25" << 3.25;
    QTest::newRow("leading dot") << ".5" << 0.5;
    QTest::newRow("trailing dot") << "2." << 2.0;
    QTest::newRow("exponent") << "1e-3" << 0.001;
    QTest::newRow("exponent sign") << "2.5E+2" << 250.0;
}

void TestParser::numbers()
{
    QFETCH(QString, text);
    QFETCH(double, value);
    const ParseResult r = parseEquation(text);
    QVERIFY(r.expr);
    QCOMPARE(r.expr->kind, Expr::Kind::Number);
    QCOMPARE(r.expr->value, value);
}

void TestParser::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("message");
    QTest::newRow("operator with no operand") << "a + * b" << 4 << "expected a value but found '*'";
    QTest::newRow("unclosed paren") << "(a + b" << 0 << "'(' is never closed";
    QTest::newRow("stray paren") << "a + b)" << 5 << "unexpected ')' after the end";
    QTest::newRow("missing else") << "IF a THEN b" << 11 << "expected ELSE";
    QTest::newRow("missing then") << "IF a 3" << 5 << "expected THEN";
    QTest::newRow("unclosed call") << "MAX(a, b" << 8 << "never closed";
    QTest::newRow("bad char") << "a # b" << 2 << "unexpected character '#'";
    QTest::newRow("unterminated comment") << "a + {oops" << 4 << "unterminated comment";
    QTest::newRow("unterminated quote") << "\"Room + 1" << 0 << "unterminated quoted name";
    QTest::newRow("dangling operator") << "a *" << 3 << "ends where a value was expected";
    QTest::newRow("two values") << "a 3" << 2 << "unexpected number '3'";
    QTest::newRow("bad subscript") << "a[1 2]" << 4 << "in the subscript of a";
    QTest::newRow("keyword as value") << "a + then" << 4 << "keyword 'then'";
    QTest::newRow("deep parentheses") << QString(5000, u'(') + "1" + QString(5000, u')') << 85 << "nests more than 256 levels";
    QTest::newRow("long unary chain") << QString(100000, u'-') + "x" << 254 << "nests more than 256 levels";
}

void TestParser::errors()
{
    QFETCH(QString, text);
    QFETCH(int, offset);
    QFETCH(QString, message);
    const ParseResult r = parseEquation(text);
    QVERIFY(!r.ok());
    QVERIFY2(r.error->message.contains(message), qPrintable(r.error->message));
    QCOMPARE(r.error->offset, offset);
}

void TestParser::blankAndCommentOnly()
{
    for (const char *text : {"", "   \n ", "{Enter equation for use when not hooked up}"}) {
        const ParseResult r = parseEquation(QString::fromLatin1(text));
        QVERIFY(r.ok());
        QVERIFY(!r.expr);
    }
}

void TestParser::keywordsAreCaseInsensitive()
{
    const ParseResult a = parseEquation(QStringLiteral("If x Then 1 Else 2"));
    const ParseResult b = parseEquation(QStringLiteral("IF x THEN 1 ELSE 2"));
    QVERIFY(a.expr && b.expr);
    QCOMPARE(toString(*a.expr), toString(*b.expr));
    const ParseResult n = parseEquation(QStringLiteral("Teacup_Temperature"));
    QCOMPARE(n.expr->name, QStringLiteral("teacup_temperature"));
}

QTEST_GUILESS_MAIN(TestParser)
#include "test_parser.moc"

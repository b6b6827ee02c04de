// The equation parser: precedence, names, and errors that point at the right column.
#include "solver/lexer.h"
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
    void tokenizeKeepsCommentsAndSplitsMembers();
    void constantsAreToldFromEquations();
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
    // Stella's safe division prints as written, flat however long the chain.
    QTest::newRow("safe division chain") << "a // b // c" << "a//b//c";
    QTest::newRow("safe division grouped") << "a // (b + c) * d" << "a//(b+c)*d";
    QTest::newRow("safe division right operand") << "a // (b // c)" << "a//(b//c)";
    QTest::newRow("SAFEDIV of two") << "SAFEDIV(a + 1, b)" << "(a+1)//b";
    // NOT reads up to AND, OR or the end: on the right of a comparison it needs parentheses
    // only when something follows it. Printed in parentheses, a chain of these nested twice
    // as deep as it was read and no longer parsed (fuzz_equation found one).
    QTest::newRow("NOT chain") << "a > NOT b > NOT c" << "a > NOT b > NOT c";
    QTest::newRow("NOT followed by more") << "(a > NOT b) > c" << "a > (NOT b) > c";
    QTest::newRow("NOT before AND") << "(a > NOT b) AND c" << "a > NOT b AND c";
    QTest::newRow("NOT inside a sum") << "(a > NOT b) + 1" << "(a > NOT b)+1";
    QTest::newRow("NOT under minus, then more") << "-(NOT a) + 1" << "-(NOT a)+1";
    // IF's ELSE reads to the end too, AND and OR included.
    QTest::newRow("IF as the last operand") << "1 + (IF a THEN b ELSE c)" << "1+IF a THEN b ELSE c";
    QTest::newRow("IF before AND") << "(IF a THEN b ELSE c) AND d" << "(IF a THEN b ELSE c) AND d";
    QTest::newRow("IF under plus") << "+IF x THEN y ELSE z" << "+IF x THEN y ELSE z";
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
    // Below the smallest double (4.9e-324) the nearest double is 0, as rounding gives.
    QTest::newRow("underflow") << "1e-999" << 0.0;
    QTest::newRow("subnormal") << "1e-320" << 1e-320;
    QTest::newRow("largest") << "1.7e308" << 1.7e308;
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
    // Nothing near it is a double: not read as infinity (the Vensim reader says the same).
    QTest::newRow("beyond a double") << "2 * 1e999" << 4 << "the number '1e999' is larger than any a double holds";
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

// numberValue says which equations are constants (the flattener presets them, and sliders
// offer them). A number written with a sign, parentheses, an exponent or a comment is one; a
// name or an operator outside a comment makes the equation no constant, also where the
// quick scan tells it without parsing.
void TestParser::constantsAreToldFromEquations()
{
    QCOMPARE(meadows::numberValue(QStringLiteral("42")).value_or(-999), 42.0);
    QCOMPARE(meadows::numberValue(QStringLiteral(" -2.5e-1 ")).value_or(-999), -0.25);
    QCOMPARE(meadows::numberValue(QStringLiteral("(3)")).value_or(-999), 3.0);
    QCOMPARE(meadows::numberValue(QStringLiteral("-(4)")).value_or(-999), -4.0);
    QCOMPARE(meadows::numberValue(QStringLiteral("+4")).value_or(-999), 4.0);
    QCOMPARE(meadows::numberValue(QStringLiteral("-(-4)")).value_or(-999), 4.0);
    QCOMPARE(meadows::numberValue(QStringLiteral("1E3 {people * 2 / year}")).value_or(-999), 1000.0);
    QCOMPARE(meadows::numberValue(QStringLiteral("{a comment} 7 {and another}")).value_or(-999), 7.0);
    QVERIFY(!meadows::numberValue(QStringLiteral("0.1 + 0.05 * SIN(TIME / 10)")));
    QVERIFY(!meadows::numberValue(QStringLiteral("2 * 3")));
    QVERIFY(!meadows::numberValue(QStringLiteral("1 + 2")));
    QVERIFY(!meadows::numberValue(QStringLiteral("2 ^ 2")));
    QVERIFY(!meadows::numberValue(QStringLiteral("-rate")));
    QVERIFY(!meadows::numberValue(QStringLiteral("rate")));
    QVERIFY(!meadows::numberValue(QStringLiteral("")));
}

QTEST_GUILESS_MAIN(TestParser)
#include "test_parser.moc"

// tokenize() is the parser's lexer as tools see it: every token with its place in the
// text, comments included, "module.member" as two names, and no stop at an error.
void TestParser::tokenizeKeepsCommentsAndSplitsMembers()
{
    const QString text = QStringLiteral("hares.\"birth rate\" * 1.5e-3 {per year} + MAX(a, #b");
    // Offsets counted by hand: hares 0-4, '.' 5, the quoted name 6-17, '*' 19, the number
    // 21-26, the comment 28-37, '+' 39, MAX 41-43, '(' 44, a 45, ',' 46, '#' 48, b 49.
    const std::vector<Token> tokens = tokenize(text);
    QStringList seen;
    for (const Token &t : tokens)
        seen << QStringLiteral("%1@%2+%3:%4%5").arg(int(t.kind)).arg(t.offset).arg(t.length).arg(t.text,
                                                     t.member ? QStringLiteral("(member)") : QString());
    const int name = int(TokenKind::Name), op = int(TokenKind::Op), number = int(TokenKind::Number);
    const int comment = int(TokenKind::Comment), error = int(TokenKind::Error);
    QCOMPARE(seen, (QStringList{
                       QStringLiteral("%1@0+5:hares").arg(name),
                       QStringLiteral("%1@5+1:.").arg(op),
                       QStringLiteral("%1@6+12:birth rate(member)").arg(name),
                       QStringLiteral("%1@19+1:*").arg(op),
                       QStringLiteral("%1@21+6:1.5e-3").arg(number),
                       QStringLiteral("%1@28+10:{per year}").arg(comment),
                       QStringLiteral("%1@39+1:+").arg(op),
                       QStringLiteral("%1@41+3:MAX").arg(name),
                       QStringLiteral("%1@44+1:").arg(int(TokenKind::LParen)),
                       QStringLiteral("%1@45+1:a").arg(name),
                       QStringLiteral("%1@46+1:").arg(int(TokenKind::Comma)),
                       QStringLiteral("%1@48+1:unexpected character '#'").arg(error),
                       QStringLiteral("%1@49+1:b").arg(name),
                   }));
    QCOMPARE(tokens[4].value, 1.5e-3);
    // An unterminated comment or quoted name runs to the end instead of stopping the lexer.
    const std::vector<Token> open = tokenize(QStringLiteral("a {note"));
    QCOMPARE(int(open.size()), 2);
    QCOMPARE(int(open[1].kind), comment);
    QCOMPARE(open[1].length, 5);
}

// Hostile and careless inputs, one ctest case each (issue #15): every case runs the
// meadows command line on an input and checks the exit code and the exact message, so a
// crash (exit -2), a hang (-1) or a silent wrong answer (exit 0, no message) fails.
//
// The cases are listed in data/hostile/cases.txt, one a line:
//   name | input | arguments | exit code | text the output must contain
// The input is a file in data/hostile/, or gen:KIND:N for a file too large to keep in the
// repository, written here. "{}" in the arguments and in the expected text stands for the
// input's path.
#include "support/meadowsprocess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using meadows::test::kCommandWaitMs;
using meadows::test::Outcome;
using meadows::test::runMeadows;

namespace {

const QString kHostile = QStringLiteral(MEADOWS_TEST_DATA "/hostile");

QString model(const QString &variables)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
                          "<header><vendor>t</vendor></header>\n"
                          "<sim_specs method=\"Euler\"><start>0</start><stop>2</stop><dt>1</dt></sim_specs>\n"
                          "<model><variables>\n%1\n</variables></model>\n</xmile>\n")
        .arg(variables);
}

// The text of a generated input: KIND and a count N.
QString generated(const QString &kind, int n)
{
    const QString open = QStringLiteral("<b>").repeated(n);
    const QString close = QStringLiteral("</b>").repeated(n);
    if (kind == QLatin1String("deep-eqn"))
        return model(QStringLiteral("<aux name=\"a\"><eqn>%1 1 %2</eqn></aux>").arg(open, close));
    if (kind == QLatin1String("deep-doc"))
        return model(QStringLiteral("<aux name=\"a\"><eqn>1</eqn><doc>%1%2</doc></aux>").arg(open, close));
    if (kind == QLatin1String("deep-units"))
        return model(QStringLiteral("<aux name=\"a\"><eqn>1</eqn><units>%1%2</units></aux>").arg(open, close));
    if (kind == QLatin1String("units-parens"))
        return model(QStringLiteral("<aux name=\"a\"><eqn>1</eqn><units>%1m%2</units></aux>")
                         .arg(QStringLiteral("(").repeated(n), QStringLiteral(")").repeated(n)));
    if (kind == QLatin1String("sum")) { // b + b + ... + b, n terms, b = 2
        QStringList terms;
        for (int i = 0; i < n; ++i)
            terms << QStringLiteral("b");
        return model(QStringLiteral("<aux name=\"b\"><eqn>2</eqn></aux><aux name=\"a\"><eqn>%1</eqn></aux>")
                         .arg(terms.join(u'+')));
    }
    if (kind == QLatin1String("macro-doubling")) { // M0(x) = x + 1, Mk(x) = M(k-1)(x) + M(k-1)(x): 2^n calls
        QString macros = QStringLiteral("<macro name=\"M0\"><parm>x</parm><eqn>x + 1</eqn></macro>\n");
        for (int k = 1; k <= n; ++k)
            macros += QStringLiteral("<macro name=\"M%1\"><parm>x</parm><eqn>M%2(x) + M%2(x)</eqn></macro>\n").arg(k).arg(k - 1);
        return model(QStringLiteral("<aux name=\"a\"><eqn>M%1(1)</eqn></aux>").arg(n))
            .replace(QStringLiteral("</model>\n"), QStringLiteral("</model>\n") + macros);
    }
    if (kind == QLatin1String("mdl-unknown")) { // a Vensim file of n variables, each naming an unknown one
        QString text;
        for (int i = 0; i < n; ++i)
            text += QStringLiteral("variable %1 = unknown %1 * 2\n~ ~|\n").arg(i);
        return text + QStringLiteral("INITIAL TIME = 0\n~~|\nFINAL TIME = 1\n~~|\nTIME STEP = 1\n~~|\n");
    }
    if (kind == QLatin1String("mdl-sketch")) { // n variables, each shown in the sketch, then one it does not define
        QString text;
        for (int i = 0; i < n; ++i)
            text += QStringLiteral("variable %1 = 1\n~ ~|\n").arg(i);
        text += QStringLiteral("INITIAL TIME = 0\n~~|\nFINAL TIME = 1\n~~|\nTIME STEP = 1\n~~|\n"
                               "\\\\\\---/// Sketch information\nV300  Do not put anything below this section\n*View 1\n");
        for (int i = 0; i < n; ++i)
            text += QStringLiteral("10,%1,variable %2,%3,%4,40,20,8,3,0,0,0,0,0,0\n").arg(i + 1).arg(i).arg(100 + i % 100 * 90).arg(100 + i / 100 * 60);
        return text + QStringLiteral("10,%1,ghost,10,10,40,20,8,3,0,0,0,0,0,0\n").arg(n + 1);
    }
    if (kind == QLatin1String("mdl-range-doubling")) { // d0: d1, d1; d1: d2, d2; ...: d0 stands for 2^n elements
        QString text;
        for (int k = 0; k < n; ++k)
            text += QStringLiteral("d%1: d%2, d%2\n~ ~|\n").arg(k).arg(k + 1);
        text += QStringLiteral("d%1: x, y\n~ ~|\nv[d0] = 1\n~ ~|\n").arg(n);
        return text + QStringLiteral("INITIAL TIME = 0\n~~|\nFINAL TIME = 1\n~~|\nTIME STEP = 1\n~~|\n");
    }
    // Vensim equations that nest or chain n deep (b = 2): a = ((...(b)...)), b + b + ... + b,
    // - - ... - b, b ^ b ^ ... ^ b. The file's line 3 holds a's equation.
    const auto mdl = [](const QString &equation) {
        return QStringLiteral("b = 2\n~~|\na = %1\n~~|\nINITIAL TIME = 0\n~~|\nFINAL TIME = 1\n~~|\nTIME STEP = 1\n~~|\n")
            .arg(equation);
    };
    if (kind == QLatin1String("mdl-parens"))
        return mdl(QStringLiteral("(").repeated(n) + QStringLiteral("b") + QStringLiteral(")").repeated(n));
    if (kind == QLatin1String("mdl-sum"))
        return mdl(QStringList(n, QStringLiteral("b")).join(QStringLiteral(" + ")));
    if (kind == QLatin1String("mdl-signs"))
        return mdl(QStringLiteral("- ").repeated(n) + QStringLiteral("b"));
    if (kind == QLatin1String("mdl-calls")) { // MAX(b + ... + b + MAX(b + ... + b + ..., 0), 0): n calls, 20 terms each
        QString e = QStringLiteral("b");
        for (int i = 0; i < n; ++i)
            e = QStringLiteral("MAX(%1 + %2, 0)").arg(QStringList(20, QStringLiteral("b")).join(QStringLiteral(" + ")), e);
        return mdl(e);
    }
    if (kind == QLatin1String("mdl-power"))
        return mdl(QStringList(n, QStringLiteral("b")).join(QStringLiteral("^")));
    if (kind == QLatin1String("parens")) // n parentheses around 1
        return model(QStringLiteral("<aux name=\"a\"><eqn>%1 1 %2</eqn></aux>")
                         .arg(QStringLiteral("(").repeated(n), QStringLiteral(")").repeated(n)));
    return {};
}

struct Case {
    QString name, input;
    QStringList arguments;
    int exitCode = 0;
    QString expected;
};

std::vector<Case> readCases()
{
    std::vector<Case> cases;
    QFile f(kHostile + QStringLiteral("/cases.txt"));
    if (!f.open(QIODevice::ReadOnly))
        return cases;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(QStringLiteral(" | "));
        if (fields.size() != 5)
            continue; // caught by casesFileIsWellFormed
        cases.push_back({fields[0].trimmed(), fields[1].trimmed(),
                         fields[2].trimmed().split(u' ', Qt::SkipEmptyParts), fields[3].trimmed().toInt(),
                         fields[4].trimmed()});
    }
    return cases;
}

} // namespace

class TestHostile : public QObject {
    Q_OBJECT
private slots:
    void casesFileIsWellFormed();
    void cli_data();
    void cli();
};

void TestHostile::casesFileIsWellFormed()
{
    QFile f(kHostile + QStringLiteral("/cases.txt"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    int listed = 0;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QVERIFY2(line.split(QStringLiteral(" | ")).size() == 5, qPrintable(line));
        ++listed;
    }
    QCOMPARE(int(readCases().size()), listed);
    QVERIFY(listed >= 30);
}

void TestHostile::cli_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    for (const Case &c : readCases())
        QTest::newRow(qPrintable(c.name)) << c.input << c.arguments << c.exitCode << c.expected;
}

void TestHostile::cli()
{
    QFETCH(QString, input);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    QString path = kHostile + u'/' + input;
    if (input.startsWith(QLatin1String("gen:"))) {
        const QStringList parts = input.split(u':');
        QCOMPARE(parts.size(), 3);
        path = dir.filePath(parts[1] + (parts[1].startsWith(QLatin1String("mdl-")) ? QStringLiteral(".mdl")
                                                                                    : QStringLiteral(".xmile")));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QString text = generated(parts[1], parts[2].toInt());
        QVERIFY2(!text.isEmpty(), qPrintable(QStringLiteral("unknown generator %1").arg(parts[1])));
        f.write(text.toUtf8());
    }
    QVERIFY2(QFile::exists(path), qPrintable(path));
    for (QString &a : arguments)
        a.replace(QStringLiteral("{}"), path).replace(QStringLiteral("{dir}"), dir.path());
    const Outcome o = runMeadows(arguments);
    const QString all = o.err + o.out;
    QVERIFY2(o.code != -2, qPrintable(QStringLiteral("crashed: ") + all.left(2000)));
    QVERIFY2(o.code != -1, qPrintable(QStringLiteral("did not finish within %1 s").arg(kCommandWaitMs / 1000)));
    QVERIFY2(o.code == exitCode,
             qPrintable(QStringLiteral("exit %1, expected %2:\n%3").arg(o.code).arg(exitCode).arg(all.left(2000))));
    const QString want = QString(expected).replace(QStringLiteral("{}"), path);
    QVERIFY2(all.contains(want), qPrintable(QStringLiteral("expected: %1\ngot: %2").arg(want, all.left(2000))));
}

QTEST_GUILESS_MAIN(TestHostile)
#include "test_hostile.moc"

// The Vensim reference models (tests/data/test-models-vensim, vendored from the shared
// suite) against Vensim's own outputs, by the judge's rule. A model that does not pass yet
// is listed in STATUS.md with the reason; the test fails when a listed model starts to
// pass (take it off the list) and when an unlisted one fails.
#include "support/referencedata.h"

#include "model/modelfile.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace meadows;

namespace {

const QString kRoot = QStringLiteral(MEADOWS_TEST_DATA "/test-models-vensim");

// "- `tests/foo/test_foo.mdl`: why" lines of STATUS.md.
QSet<QString> expectedFailures()
{
    QFile f(kRoot + QStringLiteral("/STATUS.md"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> out;
    static const QRegularExpression line(QStringLiteral("^- `([^`]+\\.mdl)`"), QRegularExpression::MultilineOption);
    auto it = line.globalMatch(QString::fromUtf8(f.readAll()));
    while (it.hasNext())
        out.insert(it.next().captured(1));
    return out;
}

// Runs a model as `meadows run` does; empty message when it matches the reference.
QString failureOf(const QString &model, const QString &reference)
{
    const XmileReadResult read = readModelFile(model);
    if (!read.project)
        return read.diagnostics.empty() ? QStringLiteral("not read") : read.diagnostics.front().format();
    const CompileResult compiled = compileProject(*read.project);
    if (!compiled.model) {
        for (const Diagnostic &d : compiled.diagnostics)
            if (d.severity == Severity::Error)
                return d.format();
        return QStringLiteral("does not compile");
    }
    const RunResult run = simulate(*compiled.model);
    if (!run.results)
        return run.error;
    const test::Comparison c = test::compareTables(test::parseTable(toCsv(*run.results)), test::readTable(reference));
    return c.ok ? QString() : c.message;
}

} // namespace

class TestVensimModels : public QObject {
    Q_OBJECT
private slots:
    void models_data();
    void models();
    void everyListedModelExists();
};

void TestVensimModels::models_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<bool>("listed");
    const QSet<QString> listed = expectedFailures();
    int count = 0;
    for (const test::ReferenceModel &m : test::referenceModels(kRoot)) {
        if (!m.model.endsWith(QLatin1String(".mdl")))
            continue;
        ++count;
        QTest::newRow(qPrintable(m.name)) << m.model << m.reference << listed.contains(m.name);
    }
    // The shared suite's 88 models with a reference output, and one more of the same public
    // suite: tests/special_characters (see the README there).
    QCOMPARE(count, 89);
}

void TestVensimModels::models()
{
    QFETCH(QString, model);
    QFETCH(QString, reference);
    QFETCH(bool, listed);
    const QString failure = failureOf(model, reference);
    if (listed)
        QVERIFY2(!failure.isEmpty(), "passes now: take it off tests/data/test-models-vensim/STATUS.md");
    else
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestVensimModels::everyListedModelExists()
{
    for (const QString &name : expectedFailures())
        QVERIFY2(QFile::exists(kRoot + QLatin1Char('/') + name), qPrintable(name));
}

QTEST_GUILESS_MAIN(TestVensimModels)
#include "test_vensim_models.moc"

// Content from other files, read relative to the file naming them: modules whose model is
// in another file (<module resource="...">, the XMILE 1.0 specification's multifile_submodel
// example) and <header><includes> (its master.xmile example). They run as if written in the
// same file; a missing file or a cycle is an error at its line and column.
#include "support/inlinemodel.h"

#include "model/modelfile.h"
#include "model/xmilereader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace meadows;

namespace {

const char *const kHeader = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                            "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
                            "<header><vendor>tests</vendor><product version=\"1\">tests</product></header>\n"
                            "<sim_specs method=\"Euler\"><start>0</start><stop>4</stop><dt>1</dt></sim_specs>\n";

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QStringList messages(const XmileReadResult &r)
{
    return test::formatted(r.diagnostics);
}

// master.xmile in `dir`, including macros.xmile, its model's variables `variables` (start 0,
// stop 1, DT 1); its path.
QString writeMaster(const QTemporaryDir &dir, const QByteArray &variables)
{
    const QString master = dir.filePath(QStringLiteral("master.xmile"));
    write(master, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                  "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
                  "<header><vendor>tests</vendor><product version=\"1\">tests</product>\n"
                  "<includes><include resource=\"macros.xmile\"/></includes></header>\n"
                  "<sim_specs method=\"Euler\"><start>0</start><stop>1</stop><dt>1</dt></sim_specs>\n"
                  "<model><variables>" + variables + "</variables></model></xmile>\n");
    return master;
}

// The first row's value of each of `columns` in the run of the file at `path`, which must read
// without a message; empty, with why, when it does not.
std::vector<double> firstValues(const QString &path, const QStringList &columns, QString &why)
{
    const XmileReadResult r = readXmileFile(path);
    why = messages(r).join(u'\n');
    if (!r.project || !r.diagnostics.empty())
        return {};
    const CompileResult c = compileProject(*r.project);
    const RunResult run = c.model ? simulate(*c.model) : RunResult{};
    if (!run.results)
        return {};
    std::vector<double> values;
    for (const QString &column : columns)
        values.push_back(run.results->at(0, std::size_t(run.results->column(column))));
    return values;
}

} // namespace

class TestResources : public QObject {
    Q_OBJECT
private slots:
    void moduleModelIsReadFromItsResource();
    void missingResourceIsAnErrorAtTheModule();
    void resourceNamingItselfIsACycle();
    void includedMacrosAndModelsJoinTheProject();
    void includedFileMayHoldOnlyMacros();
    void missingIncludeIsAnErrorAtItsLine();
};

// The sub-model (in sub/growth.xmile) holds a stock that gains `rate` a step; the root feeds
// rate = 3 and reads the stock back: Level is 0, 3, 6, 9, 12 at times 0 to 4 (Euler, DT 1).
void TestResources::moduleModelIsReadFromItsResource()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    write(dir.filePath(QStringLiteral("sub/growth.xmile")),
          QByteArray(kHeader) + "<model><variables>\n"
          "<aux name=\"rate\" access=\"input\"><eqn>0</eqn></aux>\n"
          "<stock name=\"Level\" access=\"output\"><eqn>0</eqn><inflow>gain</inflow></stock>\n"
          "<flow name=\"gain\"><eqn>rate</eqn></flow>\n"
          "</variables></model></xmile>\n");
    write(dir.filePath(QStringLiteral("root.xmile")),
          QByteArray(kHeader) + "<model><variables>\n"
          "<module name=\"Growth\" resource=\"sub/growth.xmile\"><connect to=\"rate\" from=\".input\"/></module>\n"
          "<aux name=\"input\"><eqn>3</eqn></aux>\n"
          "<aux name=\"seen\"><eqn>Growth.Level</eqn></aux>\n"
          "</variables></model></xmile>\n");
    const XmileReadResult r = readXmileFile(dir.filePath(QStringLiteral("root.xmile")));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QVERIFY2(r.diagnostics.empty(), qPrintable(messages(r).join(u'\n')));
    QVERIFY(r.project->findModel(u"Growth"));
    const CompileResult c = compileProject(*r.project);
    QVERIFY(c.model);
    const RunResult run = simulate(*c.model);
    QVERIFY(run.results);
    const int seen = run.results->column(QStringLiteral("seen"));
    QVERIFY(seen > 0);
    for (std::size_t row = 0; row < 5; ++row)
        QCOMPARE(run.results->at(row, std::size_t(seen)), 3.0 * double(row));
}

void TestResources::missingResourceIsAnErrorAtTheModule()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("root.xmile"));
    // The <module> element is on line 6 (the header takes lines 1 to 4, <model> line 5).
    write(root, QByteArray(kHeader) + "<model><variables>\n"
                "<module name=\"Gone\" resource=\"nowhere.xmile\"/>\n"
                "</variables></model></xmile>\n");
    const XmileReadResult r = readXmileFile(root);
    const QString all = messages(r).join(u'\n');
    QVERIFY2(all.contains(root + QStringLiteral(":6:")) && all.contains(QLatin1String("error: module 'Gone': its resource "
                                                                                          "'nowhere.xmile' does not exist")),
             qPrintable(all));
}

void TestResources::resourceNamingItselfIsACycle()
{
    QTemporaryDir dir;
    const QString loop = dir.filePath(QStringLiteral("loop.xmile"));
    write(loop, QByteArray(kHeader) + "<model><variables>\n"
                "<module name=\"Again\" resource=\"loop.xmile\"/>\n"
                "</variables></model></xmile>\n");
    const XmileReadResult r = readXmileFile(loop);
    QVERIFY2(messages(r).join(u'\n').contains(QLatin1String("module 'Again': its resource 'loop.xmile' names itself again")),
             qPrintable(messages(r).join(u'\n')));
}

// As the specification's master.xmile: macros.xmile defines TRIPLE(x) = x * 3 and a named
// model "helper"; the master uses both. tripled = TRIPLE(5) = 15; the module of model
// "helper" computes out = 2 * 7 = 14.
void TestResources::includedMacrosAndModelsJoinTheProject()
{
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("macros.xmile")),
          QByteArray(kHeader) + "<model name=\"helper\"><variables><aux name=\"out\" access=\"output\"><eqn>2 * 7</eqn></aux>"
          "</variables></model>\n<macro name=\"TRIPLE\"><parm>x</parm><eqn>x * 3</eqn></macro></xmile>\n");
    QString why;
    const std::vector<double> values = firstValues(
        writeMaster(dir, "<aux name=\"tripled\"><eqn>TRIPLE(5)</eqn></aux>\n"
                         "<module name=\"helper\"/><aux name=\"fourteen\"><eqn>helper.out</eqn></aux>"),
        {QStringLiteral("tripled"), QStringLiteral("fourteen")}, why);
    QVERIFY2(values == std::vector<double>({15.0, 14.0}), qPrintable(why));
}

// The XMILE specification's Macros: macros "MAY be the only thing in a file other than its
// header": an included file with no <model> and no <sim_specs> adds its macro, nothing said.
// DOUBLE(21) = 42.
void TestResources::includedFileMayHoldOnlyMacros()
{
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("macros.xmile")),
          "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
          "<header><vendor>tests</vendor><product version=\"1\">tests</product></header>\n"
          "<macro name=\"DOUBLE\"><parm>x</parm><eqn>x * 2</eqn></macro></xmile>\n");
    QString why;
    const std::vector<double> values = firstValues(writeMaster(dir, "<aux name=\"v\"><eqn>DOUBLE(21)</eqn></aux>"),
                                                   {QStringLiteral("v")}, why);
    QVERIFY2(values == std::vector<double>({42.0}), qPrintable(why));
}

void TestResources::missingIncludeIsAnErrorAtItsLine()
{
    QTemporaryDir dir;
    const QString master = dir.filePath(QStringLiteral("master.xmile"));
    // Line 3 holds the <include>; `resource="` starts at column 22 (after "<includes>  <include ").
    write(master, "<?xml version=\"1.0\"?>\n<xmile version=\"1.0\"><header>\n<includes>  <include resource=\"gone.xmile\"/>"
                  "</includes></header>\n<model/></xmile>\n");
    const XmileReadResult r = readXmileFile(master);
    QVERIFY2(messages(r).contains(master + QStringLiteral(":3:22: error: the included file 'gone.xmile' does not exist")),
             qPrintable(messages(r).join(u'\n')));
}

QTEST_GUILESS_MAIN(TestResources)
#include "test_resources.moc"

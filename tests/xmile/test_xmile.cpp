// Reading and writing XMILE: round trips, kept vendor content, and clear errors.
#include "model/names.h"
#include "model/xmilereader.h"
#include "model/xmilewriter.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

using namespace meadows;

namespace {
const QString kModels = QStringLiteral(MEADOWS_TEST_DATA "/test-models");

QString firstError(const XmileReadResult &r)
{
    for (const Diagnostic &d : r.diagnostics)
        if (d.severity == Severity::Error)
            return d.format();
    return {};
}
} // namespace

class TestXmile : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void keepsVendorContent();
    void readsTeacupStructure();
    void readsModulesAndConnections();
    void readsArraysAndGraphicalFunctions();
    void readsUndeclaredPrefixAndCrlf();
    void graphicalFunctionPointsReadNumbersAsEquationsDo();
    void errorsCarryFileLineAndColumn_data();
    void errorsCarryFileLineAndColumn();
    void equationPositionsMapThroughEntities();
    void saveIsAtomicAndReadable();
    void canonicalNames();
};

void TestXmile::roundTrip_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator it(kModels, {QStringLiteral("*.xmile"), QStringLiteral("*.stmx")}, QDir::Files, QDirIterator::Subdirectories);
    int n = 0;
    while (it.hasNext()) {
        const QString p = it.next();
        QTest::newRow(qPrintable(QDir(kModels).relativeFilePath(p))) << p;
        ++n;
    }
    QVERIFY(n >= 30);
}

// read -> write -> read gives an equal model, and writing again gives the same bytes.
void TestXmile::roundTrip()
{
    QFETCH(QString, path);
    const XmileReadResult first = readXmileFile(path);
    QVERIFY2(first.project, qPrintable(firstError(first)));
    const QByteArray written = writeXmile(*first.project);
    const XmileReadResult second = readXmile(written, path);
    QVERIFY2(second.project, qPrintable(firstError(second)));
    QVERIFY(*first.project == *second.project);
    QCOMPARE(writeXmile(*second.project), written);
}

void TestXmile::keepsVendorContent()
{
    const QString path = kModels + QStringLiteral("/samples/bpowers-hares_and_lynxes_modules/model.xmile");
    const XmileReadResult r = readXmileFile(path);
    QVERIFY(r.project);
    const QByteArray out = writeXmile(*r.project);
    // Elements and attributes Meadows does not interpret come back out.
    for (const char *kept : {"<isee:prefs", "isee:sim_duration=\"0.828402\"", "<isee:multiplayer_settings",
                             "<isee:series_style color=\"blue\"", "isee:build_number=\"1987\"", "<isee:loop_indicator",
                             "interface_max_page_width=\"10000\"", "xmlns:isee=\"http://iseesystems.com/XMILE\""}) {
        QVERIFY2(out.contains(kept), kept);
    }
}

void TestXmile::readsTeacupStructure()
{
    const XmileReadResult r = readXmileFile(kModels + QStringLiteral("/samples/teacup/teacup.xmile"));
    QVERIFY(r.project);
    const Project &p = *r.project;
    QCOMPARE(p.simSpecs.start, 0.0);
    QCOMPARE(p.simSpecs.stop, 30.0);
    QCOMPARE(p.simSpecs.dt, 0.125);
    QCOMPARE(p.simSpecs.method, QStringLiteral("Euler"));
    QCOMPARE(p.simSpecs.timeUnits, QStringLiteral("Minute"));
    const Variable *stock = p.mainModel().findVariable(u"teacup_temperature");
    QVERIFY(stock);
    QCOMPARE(stock->kind, VariableKind::Stock);
    QCOMPARE(stock->equation, QStringLiteral("180"));
    QCOMPARE(stock->outflows, QStringList{QStringLiteral("Heat_Loss_to_Room")});
    QCOMPARE(stock->units, QStringLiteral("Degrees Fahrenheit"));
    QVERIFY(stock->doc.contains(QLatin1String("liquid phase of tea")));
    QCOMPARE(p.units.size(), std::size_t(8));
    QCOMPARE(p.units[0].aliases, (QStringList{QStringLiteral("Dollars"), QStringLiteral("$s")}));
    // Diagram geometry: centres, flow points, connector angles.
    const View &v = p.mainModel().views.at(0);
    const auto flow = std::find_if(v.elements.begin(), v.elements.end(),
                                   [](const ViewElement &e) { return e.type == ViewElement::Type::Flow; });
    QVERIFY(flow != v.elements.end());
    QCOMPARE(*flow->x, 308.0);
    QCOMPARE(flow->points.size(), std::size_t(2));
    QCOMPARE(flow->points[1].x, 379.0);
    const auto connector = std::find_if(v.elements.begin(), v.elements.end(),
                                        [](const ViewElement &e) { return e.uid == 10; });
    QVERIFY(connector != v.elements.end());
    QCOMPARE(connector->type, ViewElement::Type::Connector);
    QCOMPARE(connector->from.name, QStringLiteral("Teacup_Temperature"));
    QCOMPARE(connector->to.name, QStringLiteral("Heat_Loss_to_Room"));
    QVERIFY(std::fabs(*connector->angle - 255.91572164677027) < 1e-12);
}

void TestXmile::readsModulesAndConnections()
{
    const XmileReadResult r = readXmileFile(kModels + QStringLiteral("/samples/bpowers-hares_and_lynxes_modules/model.xmile"));
    QVERIFY(r.project);
    const Project &p = *r.project;
    QCOMPARE(p.models.size(), std::size_t(3));
    QVERIFY(p.models[0].name.isEmpty());
    const Variable *hares = p.mainModel().findVariable(u"hares");
    QVERIFY(hares);
    QCOMPARE(hares->kind, VariableKind::Module);
    QCOMPARE(hares->modelName, QStringLiteral("hares"));
    QCOMPARE(hares->connections.size(), std::size_t(3));
    QCOMPARE(hares->connections[0].to, QStringLiteral("hares.area"));
    QCOMPARE(hares->connections[0].from, QStringLiteral(".area"));
    const Model *sub = p.findModel(u"hares");
    QVERIFY(sub);
    const Variable *killed = sub->findVariable(u"hares_killed_per_lynx");
    QVERIFY(killed);
    QVERIFY(killed->gf);
    QCOMPARE(killed->gf->ypts.size(), std::size_t(11));
    QCOMPARE(killed->gf->evaluate(125), 125.0);
    QCOMPARE(displayName(killed->name), QStringLiteral("hares killed per lynx"));
}

void TestXmile::readsArraysAndGraphicalFunctions()
{
    const XmileReadResult r = readXmileFile(kModels + QStringLiteral("/tests/subscript_multiples/test_multiple_subscripts.xmile"));
    QVERIFY(r.project);
    QVERIFY(r.project->dimensions.size() >= 2);
    QCOMPARE(r.project->dimensions[0].name, QStringLiteral("One Dimensional Subscript"));
    QVERIFY(!r.project->dimensions[0].elements.isEmpty());
    bool sawElement = false;
    for (const Variable &v : r.project->mainModel().variables) {
        if (!v.elements.empty()) {
            sawElement = true;
            QVERIFY(!v.dimensions.isEmpty());
        }
    }
    QVERIFY(sawElement);
}

void TestXmile::readsUndeclaredPrefixAndCrlf()
{
    const QByteArray text =
        "<?xml version=\"1.0\"?>\r\n<xmile version=\"1.0\">\r\n<isee:prefs saved_runs=\"5\"/>\r\n"
        "<sim_specs isee:sim_duration=\"2\"><start>1</start><stop>5</stop><dt reciprocal=\"true\">4</dt></sim_specs>\r\n"
        "<model><variables><aux name=\"x\" isee:label=\"\"><eqn>1\r\n+ 2</eqn><isee:delay_aux/></aux>"
        "<gf name=\"shape\"><xscale min=\"0\" max=\"2\"/><ypts>0,10,40</ypts></gf>"
        "</variables></model></xmile>\r\n";
    const XmileReadResult r = readXmile(text, QStringLiteral("crlf.xmile"));
    QVERIFY2(r.project, qPrintable(firstError(r)));
    QCOMPARE(r.project->simSpecs.dt, 0.25);
    const Variable *x = r.project->mainModel().findVariable(u"x");
    QVERIFY(x);
    QCOMPARE(x->equation, QStringLiteral("1\n+ 2"));
    QCOMPARE(x->extras.children.size(), std::size_t(1));
    const GraphicalFunction *shape = r.project->mainModel().findGraphicalFunction(u"shape");
    QVERIFY(shape);
    QCOMPARE(shape->evaluate(1.5), 25.0); // x points spread over the scale: 0, 1, 2
    QCOMPARE(shape->evaluate(9), 40.0);
    const QByteArray out = writeXmile(*r.project);
    QVERIFY(out.contains("<isee:prefs saved_runs=\"5\"/>"));
    QVERIFY(out.contains("<isee:delay_aux/>"));
}

// A point below the smallest double (1e-999) is 0, as an equation reads it (it had been "not
// a number" here only); one beyond the largest (1e999) is refused, as in an equation.
void TestXmile::graphicalFunctionPointsReadNumbersAsEquationsDo()
{
    const auto read = [](const char *points) {
        return readXmile(QByteArray("<xmile version=\"1.0\"><model><variables><gf name=\"shape\"><xscale min=\"0\" "
                                    "max=\"2\"/><ypts>") + points + "</ypts></gf></variables></model></xmile>",
                         QStringLiteral("gf.xmile"));
    };
    const XmileReadResult tiny = read("1, 1e-999, -1e-999");
    QVERIFY2(tiny.project && firstError(tiny).isEmpty(), qPrintable(firstError(tiny)));
    QCOMPARE(tiny.project->mainModel().findGraphicalFunction(u"shape")->ypts, (std::vector<double>{1, 0, 0}));
    const XmileReadResult huge = read("1, 1e999, 2");
    QVERIFY2(firstError(huge).contains(QLatin1String("error: <ypts>: '1e999' is not a number")), qPrintable(firstError(huge)));
}

void TestXmile::errorsCarryFileLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated") << QByteArray("<xmile>\n<model>\n<variables>\n<aux name=\"a\"><eqn>1")
                               << QStringLiteral("bad.xmile:4:");
    QTest::newRow("not xmile") << QByteArray("<html>\n<body/></html>")
                               << QStringLiteral("bad.xmile:1:7: error: not an XMILE file");
    QTest::newRow("mismatched tag") << QByteArray("<xmile>\n  <model></mdl>\n</xmile>")
                                    << QStringLiteral("bad.xmile:2:");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("bad.xmile:");
    QTest::newRow("no model") << QByteArray("<xmile><header/></xmile>") << QStringLiteral("has no <model>");
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11) << QStringLiteral("bad.xmile:1:");
    QTest::newRow("absurdly deep") << ("<xmile><isee:x>" + QByteArray("<a>").repeated(100000)) << QStringLiteral("nest more than 256 levels");
}

void TestXmile::errorsCarryFileLineAndColumn()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const XmileReadResult r = readXmile(text, QStringLiteral("bad.xmile"));
    QVERIFY(!r.project);
    QVERIFY2(firstError(r).contains(expected), qPrintable(firstError(r)));
    QVERIFY(firstError(r).contains(QLatin1String("error:")));
}

void TestXmile::equationPositionsMapThroughEntities()
{
    // "a &lt; b +" : the decoded equation "a < b +" ends early; the error is reported
    // at the raw column in the file, past the entity.
    const QByteArray text = "<xmile><model><variables>\n  <aux name=\"q\"><eqn>a &lt; b + )</eqn></aux>\n</variables></model></xmile>";
    const XmileReadResult r = readXmile(text, QStringLiteral("e.xmile"));
    QVERIFY(r.project);
    const Variable *q = r.project->mainModel().findVariable(u"q");
    QVERIFY(q);
    QCOMPARE(q->equation, QStringLiteral("a < b + )"));
    // Decoded offset 8 is ')'; in the file it is line 2, column 33.
    const SourcePos pos = q->equationSource.positionOfDecodedOffset(8);
    QCOMPARE(pos.line, 2);
    QCOMPARE(pos.column, 33);
}

void TestXmile::saveIsAtomicAndReadable()
{
    QTemporaryDir dir;
    const XmileReadResult r = readXmileFile(kModels + QStringLiteral("/samples/SIR/SIR.xmile"));
    QVERIFY(r.project);
    const QString path = dir.filePath(QStringLiteral("sir.xmile"));
    QCOMPARE(saveXmileFile(*r.project, path), QString());
    const XmileReadResult back = readXmileFile(path);
    QVERIFY(back.project);
    QVERIFY(*back.project == *r.project);
    // A save into a folder that does not exist fails with a message and writes nothing.
    QVERIFY(!saveXmileFile(*r.project, dir.filePath(QStringLiteral("missing/sir.xmile"))).isEmpty());
}

void TestXmile::canonicalNames()
{
    QCOMPARE(canonicalName(u"Heat Loss to Room"), QStringLiteral("heat_loss_to_room"));
    QCOMPARE(canonicalName(u"heat_loss__to  Room"), QStringLiteral("heat_loss_to_room"));
    QCOMPARE(canonicalName(u"\"Heat Loss\\nto Room\""), QStringLiteral("heat_loss_to_room"));
    QCOMPARE(canonicalName(u"hares.Hare Density"), QStringLiteral("hares.hare_density"));
    QCOMPARE(displayName(u"size of one\\ntime lynx harvest"), QStringLiteral("size of one time lynx harvest"));
    QCOMPARE(equationName(u"Room Temperature"), QStringLiteral("Room_Temperature"));
    QCOMPARE(equationName(u"rate (per day)"), QStringLiteral("\"rate (per day)\""));
    // "\\" is a backslash: no line break follows it, and a key is its own key. In an equation
    // a quote in a name is \", and the escaped backslash stays escaped.
    QCOMPARE(canonicalName(u"a \\\\n b"), QStringLiteral("a_\\\\n_b"));
    QCOMPARE(canonicalName(canonicalName(u"a \\\\n b")), canonicalName(u"a \\\\n b"));
    QCOMPARE(displayName(u"a \\\\n b"), QStringLiteral("a \\n b"));
    QCOMPARE(equationName(u"say \"hi\\\\n\""), QStringLiteral("\"say \\\"hi\\\\n\\\"\""));
    QCOMPARE(nameFromQuoted(u"say \\\"hi\\\\n\\\""), QStringLiteral("say \"hi\\\\n\""));
    // A connector names its ends as an equation would: the same key as the name itself.
    // A lone backslash (hand-written XMILE: "abc\", "a\b") is one backslash, as "\\" is, and
    // the name can be referred to: the lexer reads its quoted form back to the same key.
    QCOMPARE(canonicalName(u"abc\\"), canonicalName(u"abc\\\\"));
    QCOMPARE(canonicalName(u"a\\b"), QStringLiteral("a\\\\b"));
    QCOMPARE(equationName(u"abc\\"), QStringLiteral("\"abc\\\\\""));
    for (const char16_t *name : {u"say \"hi\\\\n\"", u"a \\\\ b", u"x\\ny", u"abc\\", u"a\\b c", u"q\\\"uote"}) {
        QCOMPARE(canonicalName(equationName(name)), canonicalName(name));
        const QString quoted = equationName(name);
        if (quoted.startsWith(u'"'))
            QCOMPARE(canonicalName(nameFromQuoted(QStringView(quoted).mid(1, quoted.size() - 2))), canonicalName(name));
    }
}

QTEST_GUILESS_MAIN(TestXmile)
#include "test_xmile.moc"

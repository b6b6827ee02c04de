// `meadows export` as a user runs it, headless (no DISPLAY): every format's contents, the
// md bundle's links, and Mermaid that Meadows' own importer reads back link for link.
#include "support/generatedmodel.h"
#include "support/meadowsprocess.h"
#include "support/testfiles.h"

#include "diagram/autolayout.h"
#include "model/modelfile.h"
#include "model/xmilewriter.h"

#include "export/causaltext.h"
#include "solver/analysis/dominanceperiods.h"
#include "solver/analysis/loopfinder.h"
#include "model/mermaidreader.h"
#include "model/names.h"
#include "model/xmilereader.h"
#include "solver/analysis/causalmodel.h"

#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace meadows;
using namespace meadows::testing;
using meadows::test::Outcome;
using meadows::test::runMeadows;

namespace {

const QString kExamples = QStringLiteral(MEADOWS_SOURCE_DIR "/examples/");
const QString kTeacup = kExamples + QStringLiteral("classics/teacup.xmile");
const QString kRetryStorm = kExamples + QStringLiteral("incidents/02-retry-storm.xmile");
const QString kCausalMap = kExamples + QStringLiteral("incidents/11-incident-causal-map.xmile");

Outcome exportModel(const QStringList &args)
{
    return runMeadows(QStringList{QStringLiteral("export")} + args);
}

Project load(const QString &path)
{
    XmileReadResult r = readXmileFile(path);
    if (!r.project)
        qFatal("cannot read %s", qPrintable(path));
    return std::move(*r.project);
}

// The variables the diagram draws, as a reader reads their names (the diagram shows a
// view's "CPU_per_Pod" as "CPU per Pod").
QStringList drawnNames(const Project &project)
{
    QStringList names;
    for (const ViewElement &e : project.mainModel().views.at(0).elements) {
        if (!e.name.isEmpty() && e.type != ViewElement::Type::Connector)
            names << displayName(e.name).replace(u'_', u' ');
    }
    return names;
}

// "from -> to" with the sign, canonical names: what a causal diagram says.
QSet<QString> signedLinks(const CausalModel &causal)
{
    QSet<QString> links;
    for (const CausalLink &l : causal.graph.links())
        links << canonicalName(causal.graph.name(l.from)) + QStringLiteral(" -") + polaritySymbol(l.polarity)
                     + QStringLiteral("-> ") + canonicalName(causal.graph.name(l.to));
    return links;
}

QSet<QString> canonicalNames(const CausalGraph &graph)
{
    QSet<QString> names;
    for (const QString &n : graph.names())
        names << canonicalName(n);
    return names;
}

QStringList allExamples()
{
    QStringList files;
    QDirIterator it(kExamples, {QStringLiteral("*.xmile")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

// Every <text> of an SVG, simplified, joined by spaces: a long name may wrap onto several
// lines, each its own <text>, and its words then follow each other.
QString svgText(const QByteArray &svg)
{
    QXmlStreamReader xml(svg);
    QStringList texts;
    int depth = 0; // inside a <text>
    QString current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text")) {
            ++depth;
            current.clear();
        } else if (xml.isCharacters() && depth > 0) {
            current += xml.text();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("text")) {
            --depth;
            texts << current.simplified();
        }
    }
    return xml.hasError() ? QString() : texts.join(u' ');
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void svgKeepsEveryNameAsText_data();
    void svgKeepsEveryNameAsText();
    void pictureExportPrintsNoQtNotice();
    void svgOfAModelWithoutDiagramShowsEveryName_data();
    void svgOfAModelWithoutDiagramShowsEveryName();
    void pngFollowsTheScale();
    void pdfHasAPage();
    void pictureOfAModelWithDataFromADatFile();
    void markdownBundleLinksItsFilesAndListsTheLoops_data();
    void markdownBundleLinksItsFilesAndListsTheLoops();
    void markdownListsParametersThatDifferFromTheBaseline();
    void mermaidRoundTripsEveryExample();
    void mermaidFromTheCommandLineRendersAsAFlowchart();
    void dotHasEveryLinkWithItsSign();
    void errorsExitOneOrTwo_data();
    void errorsExitOneOrTwo();
    void dominancePeriodsMergeStepsPerComponent();
    void aVariableDrawnTwiceGivesTheSamePictureEveryTime();
};

void TestExport::svgKeepsEveryNameAsText_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("teacup") << kTeacup;
    QTest::newRow("retry storm") << kRetryStorm;
    QTest::newRow("causal map") << kCausalMap;
}

// Without XDG_RUNTIME_DIR (containers, cron, CI) Qt announces the folder it uses instead on
// every offscreen start: a picture export that went well prints nothing at all.
void TestExport::pictureExportPrintsNoQtNotice()
{
    QTemporaryDir dir;
    const QByteArray runtimeDir = qgetenv("XDG_RUNTIME_DIR");
    qunsetenv("XDG_RUNTIME_DIR");
    const Outcome o = exportModel({kRetryStorm, QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("-o"),
                                   dir.filePath(QStringLiteral("d.svg"))});
    if (!runtimeDir.isNull())
        qputenv("XDG_RUNTIME_DIR", runtimeDir);
    QCOMPARE(o.code, 0);
    QCOMPARE(o.err, QString());
    QVERIFY(svgText(readAll(dir.filePath(QStringLiteral("d.svg")))).contains(QLatin1String("Latency")));
}

void TestExport::svgKeepsEveryNameAsText()
{
    QFETCH(QString, model);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("d.svg"));
    const Outcome o = exportModel({model, QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("-o"), out});
    QCOMPARE(o.code, 0);
    const QString all = svgText(readAll(out));
    QVERIFY(!all.isEmpty());
    for (const QString &name : drawnNames(load(model)))
        QVERIFY2(all.contains(name.simplified()), qPrintable(name + QStringLiteral(" not in: ") + all));
}

void TestExport::svgOfAModelWithoutDiagramShowsEveryName_data()
{
    QTest::addColumn<QString>("model"); // empty: a generated model written without a view
    QTest::newRow("generated, 24 variables") << QString();
    QTest::newRow("mermaid import") << kExamples + QStringLiteral("mermaid/retry-storm.mmd");
}

// A model without a diagram is laid out before it is drawn (it used to be a blank 40 x 40
// picture): every variable's name is in the SVG, and the picture is diagram-sized.
void TestExport::svgOfAModelWithoutDiagramShowsEveryName()
{
    QFETCH(QString, model);
    QTemporaryDir dir;
    if (model.isEmpty()) {
        model = dir.filePath(QStringLiteral("generated.xmile"));
        QFile f(model);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(writeXmile(test::generatedStockFlowModel(24)));
    }
    const XmileReadResult read = readModelFile(model);
    QVERIFY(read.project);
    QVERIFY(diagram::needsLayout(read.project->mainModel()));
    const QString out = dir.filePath(QStringLiteral("d.svg"));
    const Outcome o = exportModel({model, QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("-o"), out});
    QVERIFY2(o.code == 0, qPrintable(o.err));
    const QByteArray svg = readAll(out);
    const QString all = svgText(svg);
    for (const Variable &v : read.project->mainModel().variables) {
        const QString name = displayName(v.name).replace(u'_', u' ').simplified();
        QVERIFY2(all.contains(name), qPrintable(name + QStringLiteral(" not in: ") + all));
    }
    // The picture's extent in diagram units (the blank picture was 40 x 40).
    const QRegularExpressionMatch box = QRegularExpression(QStringLiteral("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"")).match(QString::fromUtf8(svg));
    QVERIFY(box.hasMatch());
    QVERIFY2(box.captured(1).toDouble() > 200 && box.captured(2).toDouble() > 200, qPrintable(box.captured(0)));
}

void TestExport::pngFollowsTheScale()
{
    QTemporaryDir dir;
    const QString one = dir.filePath(QStringLiteral("one.png")), two = dir.filePath(QStringLiteral("two.png"));
    const QString svg = dir.filePath(QStringLiteral("d.svg"));
    QCOMPARE(exportModel({kRetryStorm, QStringLiteral("-o"), one, QStringLiteral("--scale"), QStringLiteral("1")}).code, 0);
    QCOMPARE(exportModel({kRetryStorm, QStringLiteral("-o"), two}).code, 0); // default scale 2
    QCOMPARE(exportModel({kRetryStorm, QStringLiteral("-o"), svg}).code, 0);
    const QImage a(one), b(two);
    QVERIFY(!a.isNull());
    QVERIFY(!b.isNull());
    // At scale 1 one pixel per diagram unit: the SVG's size.
    QXmlStreamReader xml(readAll(svg));
    while (xml.readNext() != QXmlStreamReader::StartElement) {}
    const QRegularExpression viewBox(QStringLiteral("^0 0 (\\d+) (\\d+)$"));
    const QRegularExpressionMatch m = viewBox.match(xml.attributes().value(QLatin1String("viewBox")).toString());
    QVERIFY2(m.hasMatch(), qPrintable(xml.attributes().value(QLatin1String("viewBox")).toString()));
    QVERIFY(std::abs(a.width() - m.captured(1).toInt()) <= 1);
    QVERIFY(std::abs(a.height() - m.captured(2).toInt()) <= 1);
    QVERIFY(std::abs(b.width() - 2 * a.width()) <= 2);
    QVERIFY(std::abs(b.height() - 2 * a.height()) <= 2);
    // The diagram is drawn: white background, and ink somewhere.
    QCOMPARE(a.pixelColor(0, 0), QColor(Qt::white));
    int ink = 0;
    for (int y = 0; y < a.height(); y += 2)
        for (int x = 0; x < a.width(); x += 2)
            ink += a.pixelColor(x, y).lightness() < 128;
    QVERIFY(ink > 100);
}

void TestExport::pdfHasAPage()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("d.pdf"));
    QCOMPARE(exportModel({kCausalMap, QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("-o"), out}).code, 0);
    const QByteArray pdf = readAll(out);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page ") + pdf.count("/Type /Page/"), qsizetype(1));
    // A wide diagram goes on a landscape A4 page: 297 x 210 mm in points.
    const QRegularExpression mediaBox(QStringLiteral("/MediaBox \\[0 0 ([\\d.]+) ([\\d.]+)\\]"));
    const QRegularExpressionMatch m = mediaBox.match(QString::fromLatin1(pdf));
    QVERIFY(m.hasMatch());
    QVERIFY(std::abs(m.captured(1).toDouble() - 841.9) < 2);
    QVERIFY(std::abs(m.captured(2).toDouble() - 595.3) < 2);
}

// A Vensim model whose data variable is given by --data draws as any other: --data (and
// --max-size) were refused before the picture export saw them, which then said this
// meadows had no GUI. Without --data the model does not read ('d' has no equation).
void TestExport::pictureOfAModelWithDataFromADatFile()
{
    QTemporaryDir dir;
    const QString model = dir.filePath(QStringLiteral("m.mdl"));
    const QString data = dir.filePath(QStringLiteral("in.dat"));
    QFile m(model), d(data);
    QVERIFY(m.open(QIODevice::WriteOnly) && d.open(QIODevice::WriteOnly));
    m.write("{UTF-8}\ndemand ~~|\ndoubled demand = demand * 2 ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\n"
            "TIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n");
    d.write("demand\n0\t1\n2\t3\n");
    m.close();
    d.close();
    const QString out = dir.filePath(QStringLiteral("m.svg"));
    const Outcome drawn = exportModel({model, QStringLiteral("--data"), data, QStringLiteral("--max-size=5000"),
                                       QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("-o"), out});
    QVERIFY2(drawn.code == 0, qPrintable(drawn.err));
    const QString text = svgText(readAll(out));
    QVERIFY2(text.contains(QLatin1String("doubled demand")) && text.contains(QLatin1String("demand")), qPrintable(text));
    const Outcome without = exportModel({model, QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("-o"), out});
    QCOMPARE(without.code, 1);
    QVERIFY2(without.err.contains(QLatin1String("'demand' has no equation")), qPrintable(without.err));
}

void TestExport::markdownBundleLinksItsFilesAndListsTheLoops_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("simulated");
    QTest::newRow("retry storm") << kRetryStorm << true;
    QTest::newRow("causal map") << kCausalMap << false;
    QTest::newRow("archetypes") << kExamples + QStringLiteral("incidents/12-archetypes.xmile") << false;
}

void TestExport::markdownBundleLinksItsFilesAndListsTheLoops()
{
    QFETCH(QString, model);
    QFETCH(bool, simulated);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("post mortem.md"));
    const Outcome o = exportModel({model, QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("-o"), out});
    QVERIFY2(o.code == 0, qPrintable(o.err));
    const QString md = QString::fromUtf8(readAll(out));
    QVERIFY(md.startsWith(QStringLiteral("# ") + load(model).title() + u'\n'));

    // Every picture it links is there, beside it, and loads.
    const QRegularExpression link(QStringLiteral("!\\[[^\\]]*\\]\\(([^)]+)\\)"));
    QStringList linked;
    for (const QRegularExpressionMatch &m : link.globalMatch(md)) {
        const QString file = QUrl::fromPercentEncoding(m.captured(1).toUtf8());
        QVERIFY2(!QFileInfo(file).isAbsolute(), qPrintable(file));
        QVERIFY2(QFileInfo::exists(dir.filePath(file)), qPrintable(file));
        linked << file;
    }
    QVERIFY(linked.contains(QStringLiteral("post mortem-diagram.svg")));
    QVERIFY(readAll(dir.filePath(QStringLiteral("post mortem-diagram.svg"))).contains("<text"));
    // The behaviour picture only for a model that runs (test_postmortem reads it).
    QCOMPARE(linked.contains(QStringLiteral("post mortem-behaviour.svg")), simulated);
    QCOMPARE(linked.size(), simulated ? 2 : 1);

    // The loop table has a row for every loop `meadows loops` finds.
    const Outcome loops = runMeadows({QStringLiteral("loops"), model, QStringLiteral("--json")});
    QCOMPARE(loops.code, 0);
    const QJsonArray list = QJsonDocument::fromJson(loops.out.toUtf8()).object().value(QStringLiteral("loops")).toArray();
    QVERIFY(!list.isEmpty());
    int dominating = 0;
    for (const QJsonValue &v : list) {
        const QJsonObject loop = v.toObject();
        QStringList names;
        for (const QJsonValue &n : loop.value(QStringLiteral("variables")).toArray())
            names << n.toString();
        const QString row = QStringLiteral("| %1 | %2 | %3 |")
                                .arg(loop.value(QStringLiteral("name")).toString(),
                                     loop.value(QStringLiteral("polarity")).toString().left(1).toUpper(),
                                     (names + QStringList{names[0]}).join(QStringLiteral(" → ")));
        QVERIFY2(md.contains(row), qPrintable(row));
        const qsizetype at = md.indexOf(row);
        const QString rest = md.mid(at + row.size(), md.indexOf(u'\n', at) - at - row.size());
        if (simulated && QRegularExpression(QStringLiteral("^ [\\d.]+")).match(rest).hasMatch())
            ++dominating;
    }
    // A simulated model says when loops dominate; the retry storm's R loop does at some point.
    QCOMPARE(md.contains(QLatin1String("| Dominates")), simulated);
    QCOMPARE(dominating > 0, simulated);
    QVERIFY(md.contains(QLatin1String("## Simulation specs")));
    // Which loop was in charge, in periods and plain words, with the names the story
    // uses: the retry storm is at rest until the dip at minute 20, B1 (the server dropping
    // abandoned requests) shapes the queue during the dip, R2 (the retries) carries it into
    // the storm, where it rests (`meadows loops --dominance --periods` prints "at rest 0–20",
    // "B1 20–24", "R2 24–33.5", "at rest 33.5–120").
    QCOMPARE(md.contains(QLatin1String("## Which loop was in charge")), simulated);
    if (simulated) {
        QVERIFY(md.contains(QStringLiteral("## Which loop was in charge\n\n"
                                           "- From 0 to 20 minutes, the system was at rest: no stock on a loop moved noticeably.\n"
                                           "- From 20 to 24 minutes, B1 was in charge (balancing: Backlog → Cancelled).\n"
                                           "- From 24 to 33.5 minutes, R2 was in charge (reinforcing: Backlog → Latency → "
                                           "Timeout Fraction → Timeouts → Retries Scheduled → Waiting to Retry → Retries → Load).\n"
                                           "- From 33.5 to 120 minutes, the system was at rest: no stock on a loop moved noticeably.\n")));
        QVERIFY(md.contains(QStringLiteral("| R2 | R | Backlog → Latency → Timeout Fraction → Timeouts → Retries Scheduled → "
                                           "Waiting to Retry → Retries → Load → Backlog | 24–33.5 |")));
        QVERIFY(md.contains(QLatin1String("the reinforcing loop R2 (Backlog, Latency, Timeout Fraction, Timeouts, Retries Scheduled, "
                                          "Waiting to Retry, Retries, Load)")));
        QVERIFY(md.contains(QLatin1String("| Stop | 120 |")));
        QVERIFY(md.contains(QLatin1String("| Retry Budget | 1000 | Requests/Minute |")));
    }
}

void TestExport::markdownListsParametersThatDifferFromTheBaseline()
{
    QTemporaryDir dir;
    QByteArray changed = readAll(kTeacup);
    QVERIFY(changed.contains("<eqn>10</eqn>"));
    changed.replace("<eqn>10</eqn>", "<eqn>25</eqn>");
    const QString variant = dir.filePath(QStringLiteral("variant.xmile"));
    QFile f(variant);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(changed);
    f.close();
    const QString out = dir.filePath(QStringLiteral("cmp.md"));
    const Outcome o = exportModel({variant, QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("-o"), out,
                                   QStringLiteral("--baseline"), kTeacup});
    QVERIFY2(o.code == 0, qPrintable(o.err));
    const QString md = QString::fromUtf8(readAll(out));
    QVERIFY(md.contains(QLatin1String("## Parameters that differ from `teacup.xmile`")));
    QVERIFY(md.contains(QLatin1String("| Characteristic Time | 10 | 25 |")));
    QVERIFY(!md.contains(QLatin1String("| Room Temperature |"))); // the same in both

    // Without a baseline every constant is listed with its value.
    QCOMPARE(exportModel({kTeacup, QStringLiteral("-o"), dir.filePath(QStringLiteral("t.md"))}).code, 0);
    const QString plain = QString::fromUtf8(readAll(dir.filePath(QStringLiteral("t.md"))));
    QVERIFY(plain.contains(QLatin1String("| Room Temperature | 70 |")));
    QVERIFY(plain.contains(QLatin1String("| Characteristic Time | 10 |")));
}

void TestExport::mermaidRoundTripsEveryExample()
{
    const QStringList examples = allExamples();
    QVERIFY(examples.size() >= 18);
    for (const QString &file : examples) {
        const Project project = load(file);
        const CausalModel causal = buildCausalModel(project);
        const QByteArray mermaid = mermaidFlowchart(project.title(), causal, findLoops(causal.graph));
        const MermaidReadResult back = readMermaid(mermaid, QStringLiteral("x.mmd"));
        QVERIFY2(back.project, qPrintable(file + u'\n' + QString::fromUtf8(mermaid)));
        const CausalModel reread = buildCausalModel(*back.project);
        QCOMPARE(canonicalNames(reread.graph), canonicalNames(causal.graph));
        QCOMPARE(signedLinks(reread), signedLinks(causal));
        QVERIFY(!causal.graph.links().empty());
    }
}

void TestExport::mermaidFromTheCommandLineRendersAsAFlowchart()
{
    const Outcome o = exportModel({kRetryStorm, QStringLiteral("--format"), QStringLiteral("mermaid")});
    QCOMPARE(o.code, 0);
    QVERIFY(o.out.startsWith(QLatin1String("flowchart LR\n")));
    QVERIFY(o.out.contains(QLatin1String("  Backlog[\"Backlog\"]\n"))); // a stock is a box
    QVERIFY(o.out.contains(QLatin1String("  New_Requests([\"New Requests\"])\n")) || o.out.contains(QLatin1String("  New_Requests(\"New Requests\")\n")));
    // The loops are drawn as a box of named nodes, which a Markdown renderer shows.
    QVERIFY(o.out.contains(QLatin1String("\n  subgraph meadows_loops [\"Feedback loops\"]\n")));
    QVERIFY(o.out.contains(QRegularExpression(QStringLiteral("\n    meadows_loops_R1\\[\"R1 reinforcing: Backlog → .* → Backlog\"\\]\n"))));
    QVERIFY(o.out.contains(QLatin1String("Backlog -- \"+\" --> Latency")));
    // Written to a file too, the same text.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("storm.mmd"));
    QCOMPARE(exportModel({kRetryStorm, QStringLiteral("-o"), out}).code, 0); // the format from the suffix
    QCOMPARE(QString::fromUtf8(readAll(out)), o.out);
}

void TestExport::dotHasEveryLinkWithItsSign()
{
    for (const QString &model : {kTeacup, kRetryStorm, kCausalMap}) {
        const Outcome o = exportModel({model, QStringLiteral("--format"), QStringLiteral("dot")});
        QCOMPARE(o.code, 0);
        QVERIFY(o.out.contains(QRegularExpression(QStringLiteral("^digraph \"[^\"]+\" \\{$"), QRegularExpression::MultilineOption)));
        QVERIFY(o.out.trimmed().endsWith(u'}'));
        QCOMPARE(o.out.count(u'{'), o.out.count(u'}'));
        const Project project = load(model);
        const CausalModel causal = buildCausalModel(project);
        for (const CausalLink &l : causal.graph.links()) {
            const QString edge = QStringLiteral("\"%1\" -> \"%2\" [label=\"%3\"")
                                     .arg(causal.graph.name(l.from), causal.graph.name(l.to), polaritySymbol(l.polarity));
            QVERIFY2(o.out.contains(edge), qPrintable(edge));
        }
        QCOMPARE(o.out.count(QLatin1String(" -> \"")), qsizetype(causal.graph.links().size()));
        for (std::size_t v = 0; v < causal.variables.size(); ++v) {
            if (causal.variables[v].kind == VariableKind::Stock)
                QVERIFY(o.out.contains(QStringLiteral("\"%1\" [shape=box").arg(causal.graph.name(int(v)))));
        }
        // Graphviz (installed by scripts/deps.sh) draws the file without complaint; its
        // absence fails the test rather than skipping the check silently.
        const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));
        QVERIFY2(!dot.isEmpty(), "Graphviz's dot is not installed: run scripts/deps.sh");
        QProcess graphviz;
        graphviz.start(dot, {QStringLiteral("-Tsvg")});
        graphviz.write(o.out.toUtf8());
        graphviz.closeWriteChannel();
        QVERIFY(graphviz.waitForFinished(30000));
        QCOMPARE(graphviz.exitCode(), 0);
        QVERIFY(graphviz.readAllStandardError().isEmpty());
        QVERIFY(graphviz.readAllStandardOutput().contains("<svg"));
    }
}

void TestExport::errorsExitOneOrTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString missing = QStringLiteral("/nonexistent/model.xmile");
    QTest::newRow("unknown format") << QStringList{kTeacup, QStringLiteral("--format"), QStringLiteral("jpeg"), QStringLiteral("-o"), QStringLiteral("x.jpeg")} << 2 << QStringLiteral("unknown format 'jpeg'");
    QTest::newRow("no format") << QStringList{kTeacup} << 2 << QStringLiteral("no --format given");
    QTest::newRow("png to stdout") << QStringList{kTeacup, QStringLiteral("--format"), QStringLiteral("png")} << 2 << QStringLiteral("needs an output file");
    QTest::newRow("bad scale") << QStringList{kTeacup, QStringLiteral("-o"), QStringLiteral("x.png"), QStringLiteral("--scale"), QStringLiteral("0")} << 2 << QStringLiteral("--scale");
    QTest::newRow("no model") << QStringList{QStringLiteral("--format"), QStringLiteral("dot")} << 2 << QStringLiteral("no model given");
    QTest::newRow("missing model, text") << QStringList{missing, QStringLiteral("--format"), QStringLiteral("dot")} << 1 << missing + QStringLiteral(": error: no such file");
    QTest::newRow("missing model, picture") << QStringList{missing, QStringLiteral("-o"), QStringLiteral("/tmp/export-never.svg")} << 1 << missing + QStringLiteral(": error: no such file");
    QTest::newRow("unwritable output") << QStringList{kTeacup, QStringLiteral("-o"), QStringLiteral("/nonexistent/dir/x.png")} << 1 << QStringLiteral("error: cannot write /nonexistent/dir/x.png: No such file or directory");
    QTest::newRow("broken model") << QStringList{QStringLiteral(MEADOWS_TEST_DATA "/broken/truncated.xmile"), QStringLiteral("-o"), QStringLiteral("/tmp/export-never.pdf")} << 1 << QStringLiteral("error:");
}

void TestExport::errorsExitOneOrTwo()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Outcome o = exportModel(args);
    QCOMPARE(o.code, code);
    QVERIFY2(o.err.contains(message), qPrintable(o.err));
    QVERIFY(o.out.isEmpty());
}

// Two loops sharing b (one component) and one loop apart (its own component).
void TestExport::dominancePeriodsMergeStepsPerComponent()
{
    CausalGraph graph;
    const int a = graph.addVariable(QStringLiteral("a")), b = graph.addVariable(QStringLiteral("b")),
              c = graph.addVariable(QStringLiteral("c")), x = graph.addVariable(QStringLiteral("x")),
              y = graph.addVariable(QStringLiteral("y"));
    graph.addLink(a, b, LinkPolarity::Positive);
    graph.addLink(b, a, LinkPolarity::Positive);
    graph.addLink(b, c, LinkPolarity::Positive);
    graph.addLink(c, b, LinkPolarity::Negative);
    graph.addLink(x, y, LinkPolarity::Positive);
    graph.addLink(y, x, LinkPolarity::Negative);
    const LoopList loops = findLoops(graph);
    QCOMPARE(loops.size(), std::size_t(3));
    std::size_t ab = 0, bc = 0, xy = 0;
    for (std::size_t i = 0; i < loops.size(); ++i) {
        const int first = loops.variables(i)[0];
        (first == a ? ab : first == b ? bc : xy) = i;
    }
    DominanceResult d;
    d.times = {0, 1, 2, 3, 4, 5};
    d.loopCount = 3;
    d.loopNames = {loops.name(0), loops.name(1), loops.name(2)};
    for (std::size_t l = 0; l < 3; ++l)
        d.loopComponent.push_back(loops.component(l));
    d.componentCount = 2;
    d.resting.assign(d.times.size() * 2, 0);
    d.relativeScores.assign(d.times.size() * 3, 0.0);
    const auto set = [&](std::size_t step, std::size_t loop, double score) { d.relativeScores[step * 3 + loop] = score; };
    // ab dominates 1-2, bc 3-4 (negative scores count by size), nobody at 0 and 5 (< 0.5);
    // xy, alone in its component, dominates whenever it scores.
    for (std::size_t t : {1, 2}) { set(t, ab, 0.8); set(t, bc, -0.2); }
    for (std::size_t t : {3, 4}) { set(t, ab, 0.3); set(t, bc, -0.7); }
    set(5, ab, 0.4); set(5, bc, -0.4);
    for (std::size_t t : {0, 1, 4}) set(t, xy, -1.0);
    // The run is 5 long: periods under 5/40 would merge; every period here is 1 or more.
    // A period runs to the next one's start, and the initial time (never scored) opens
    // the period after it: ab's steps 0 to 2 are 0–3.
    const std::vector<std::vector<TimePeriod>> periods = dominancePeriods(d, loops);
    QCOMPARE(formatPeriods(periods[ab]), QStringLiteral("0–3"));
    QCOMPARE(formatPeriods(periods[bc]), QStringLiteral("3–5"));
    QCOMPARE(formatPeriods(periods[xy]), QStringLiteral("0–2, 4–5"));
    QCOMPARE(formatPeriods(periods[xy], 1), QStringLiteral("0–2, …"));
}

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"

// A variable a view draws several times (Stella allows it) is linked from its first drawing.
// Which copy a connector used had depended on QHash's order, which Qt seeds anew in every
// process: World3's diagram came out different on each export.
void TestExport::aVariableDrawnTwiceGivesTheSamePictureEveryTime()
{
    QTemporaryDir dir;
    const auto model = [&](const QString &file, const QString &copies) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(f.fileName()));
        f.write(QStringLiteral(R"(<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><name>twice</name><vendor>test</vendor></header>
<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
<model><variables><aux name="a"><eqn>1</eqn></aux><aux name="b"><eqn>a*2</eqn></aux></variables>
<views><view><aux name="a" x="100" y="100"/>%1<aux name="b" x="300" y="200"/>
<connector uid="9"><from>a</from><to>b</to></connector></view></views></model></xmile>)")
                    .arg(copies)
                    .toUtf8());
        return f.fileName();
    };
    const auto paths = [&](const QString &path) {
        const QString svg = dir.filePath(QFileInfo(path).baseName() + QStringLiteral(".svg"));
        const Outcome o = exportModel({path, QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("-o"), svg});
        if (o.code != 0)
            qFatal("export failed: %s", qPrintable(o.err));
        QStringList d;
        static const QRegularExpression pathData(QStringLiteral(R"re(<path[^>]* d="([^"]+)")re"));
        for (const auto &m : pathData.globalMatch(QString::fromUtf8(readAll(svg))))
            d << m.captured(1);
        return d;
    };
    const QString once = model(QStringLiteral("once.xmile"), QString());
    const QString many = model(QStringLiteral("many.xmile"), QStringLiteral(R"(<aux name="a" x="100" y="300"/>
<aux name="a" x="300" y="400"/><aux name="a" x="500" y="300"/>)"));
    const QStringList first = paths(many);
    for (int run = 0; run < 5; ++run)
        QCOMPARE(paths(many), first);
    // The connector leaves the first drawing, as it does when a is drawn once.
    for (const QString &d : paths(once))
        QVERIFY2(first.contains(d), qPrintable(d));
}

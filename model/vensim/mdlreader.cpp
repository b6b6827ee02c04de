#include "mdlreader.h"

#include "mdldefinition.h"
#include "mdlgetdata.h"
#include "mdlleftside.h"
#include "mdldatfile.h"
#include "mdldatatransforms.h"
#include "mdllevels.h"
#include "mdlshift.h"
#include "mdlsettings.h"
#include "mdlsinteg.h"
#include "mdlsketch.h"
#include "mdlsketchlines.h"
#include "model/inputfiles.h"
#include "mdltranslate.h"
#include "model/names.h"
#include "model/sizelimit.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>
#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows {

namespace vensim {

void Reporter::add(Severity s, qsizetype offset, const QString &message)
{
    Diagnostic d;
    d.severity = s;
    d.file = m_source->fileName();
    d.pos = m_source->position(offset);
    d.message = message;
    // An equation expanded per element reports once.
    const QString key = QStringLiteral("%1:%2:").arg(d.pos.line).arg(d.pos.column) + message;
    if (m_said.contains(key))
        return;
    m_said.insert(key);
    m_diags.push_back(std::move(d));
}

namespace {

QString decode(const QByteArray &data)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(data);
    if (utf8.hasError()) // older files are in the Windows code page
        text = QString::fromLatin1(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

std::optional<double> constantOf(const Expr &e, const QHash<QString, const Definition *> &defs, int depth)
{
    if (depth > 32)
        return std::nullopt;
    switch (e.kind) {
    case Expr::Kind::Number:
        return e.number;
    case Expr::Kind::Unary:
        if (e.text == QLatin1String("-"))
            if (auto a = constantOf(e.args[0], defs, depth + 1))
                return -*a;
        return std::nullopt;
    case Expr::Kind::Binary: {
        const auto a = constantOf(e.args[0], defs, depth + 1), b = constantOf(e.args[1], defs, depth + 1);
        if (!a || !b)
            return std::nullopt;
        if (e.text == QLatin1String("+")) return *a + *b;
        if (e.text == QLatin1String("-")) return *a - *b;
        if (e.text == QLatin1String("*")) return *a * *b;
        if (e.text == QLatin1String("/")) return *a / *b;
        if (e.text == QLatin1String("^")) return std::pow(*a, *b);
        return std::nullopt;
    }
    case Expr::Kind::Name: {
        const Definition *d = defs.value(canonicalName(e.text));
        if (!d || !d->rhs || !e.subscripts.empty())
            return std::nullopt;
        return constantOf(*d->rhs, defs, depth + 1);
    }
    default:
        return std::nullopt;
    }
}

// Whether an expression names `key` (canonical), directly or through the variables it names.
bool namesVariable(const Expr &e, const QString &key, const QHash<QString, const Definition *> &defs, int depth)
{
    if (depth > 32)
        return false;
    if (e.kind == Expr::Kind::Name) {
        const QString name = canonicalName(e.text);
        if (name == key)
            return true;
        const Definition *d = defs.value(name);
        return d && d->rhs && namesVariable(*d->rhs, key, defs, depth + 1);
    }
    return std::any_of(e.args.begin(), e.args.end(), [&](const Expr &a) { return namesVariable(a, key, defs, depth + 1); });
}

// INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER, by canonical name.
bool isControl(const QString &key)
{
    return key == QLatin1String("initial_time") || key == QLatin1String("final_time")
           || key == QLatin1String("time_step") || key == QLatin1String("saveper");
}

// Whether e reads a variable of the model other than the control settings (INITIAL TIME,
// FINAL TIME, TIME STEP, SAVEPER), through them too: "INITIAL TIME = start year" does.
bool readsModelVariable(const Expr &e, const QHash<QString, const Definition *> &defs, int depth)
{
    if (depth > 32)
        return false;
    if (e.kind == Expr::Kind::Name) {
        const QString name = canonicalName(e.text);
        const Definition *d = defs.value(name);
        if (!isControl(name))
            return d != nullptr;
        return d && d->rhs && readsModelVariable(*d->rhs, defs, depth + 1);
    }
    return std::any_of(e.args.begin(), e.args.end(), [&](const Expr &a) { return readsModelVariable(a, defs, depth + 1); });
}

// The file a GET function names through "?name", as the settings give it. A name the
// settings do not give is the file of that name beside the model, when there is one (said
// in a warning); else it is left for the GET function to report.
void resolveFileAliases(Expr &e, const QHash<QString, QString> &aliases, const QString &folder, Reporter &report)
{
    if (e.kind == Expr::Kind::Call && e.text.simplified().startsWith(QLatin1String("GET "), Qt::CaseInsensitive)
        && !e.args.empty() && e.args.front().kind == Expr::Kind::Name) {
        QString &file = e.args.front().text;
        if (const auto it = aliases.constFind(file.trimmed().toLower()); it != aliases.constEnd()) {
            file = *it;
        } else if (const QString beside = file.trimmed().mid(1).trimmed();
                   file.trimmed().startsWith(u'?') && !beside.isEmpty() && QFileInfo(QDir(folder).filePath(beside)).isFile()) {
            report.warning(e.args.front().offset, QStringLiteral("the settings give no file for '%1': Meadows reads '%2' "
                                                                 "beside the model").arg(file.trimmed(), beside));
            file = beside;
        }
    }
    for (Expr &a : e.args)
        resolveFileAliases(a, aliases, folder, report);
}

// A macro's parameter named like the simulation's clock (the Beer Game's PINK NOISE takes
// "time step") is the macro's own, not Time or TIME STEP: renamed, in the header and in
// the macro's equations, to a name the reader does not take for the clock.
void renameIn(Expr &e, const QString &from, const QString &to)
{
    if (e.kind == Expr::Kind::Name && canonicalName(e.text) == from)
        e.text = to;
    for (Expr &a : e.args)
        renameIn(a, from, to);
}

QStringList ownParameters(QStringList parameters, std::vector<Definition> &defs, int macro)
{
    static const QStringList clock = {QStringLiteral("time"), QStringLiteral("time_step"), QStringLiteral("initial_time"),
                                      QStringLiteral("final_time")};
    for (QString &p : parameters) {
        const QString key = canonicalName(p);
        if (!clock.contains(key))
            continue;
        const QString own = p.simplified() + QStringLiteral(" argument");
        for (Definition &d : defs)
            if (d.record.macro == macro && d.rhs)
                renameIn(*d.rhs, key, own);
        p = own;
    }
    return parameters;
}

class Reader {
public:
    Reader(std::shared_ptr<const SourceText> source) : m_report(source) {}

    std::optional<Project> read()
    {
        const QString &text = m_report.source()->text();
        const MdlLayout layout = splitSections(text);
        for (const auto &p : layout.errors)
            m_report.error(p.offset, p.message);
        // An empty file, or one of blanks or a sketch alone, is not a model to run with the
        // settings' defaults (it had been read, with three warnings about them).
        if (layout.records.empty() && layout.macros.empty() && layout.errors.empty()) {
            m_report.error(0, QStringLiteral("the file holds no equations"));
            return std::nullopt;
        }
        std::vector<Definition> defs;
        QStringList realityChecks;
        for (const Record &r : layout.records) {
            if (auto d = parseLeftSide(text, r, m_report, &realityChecks))
                defs.push_back(std::move(*d));
        }
        const Warn error = [this](qsizetype at, const QString &m) { m_report.error(at, m); };
        for (const Definition &d : defs) {
            if (d.op == Tok::Colon && readSubscriptFromFile(d))
                continue;
            if (d.op == Tok::Colon || d.op == Tok::Equiv)
                m_ranges.addDefinition(d.name, text, d.rhsBegin, d.record.end, d.op == Tok::Equiv, error);
        }
        m_ranges.resolve(error);
        std::erase_if(defs, [this](const Definition &d) { return !withinSizeLimit(d); });
        const QString folder = QFileInfo(m_report.source()->fileName()).absolutePath();
        const QHash<QString, QString> aliases = fileAliases(text);
        for (Definition &d : defs)
            if (d.rhs)
                resolveFileAliases(*d.rhs, aliases, folder, m_report);
        // The method first: what Runge-Kutta does not hold as Vensim does is found before data
        // equations are rewritten into lookups of Time.
        SimSpecs integration;
        readIntegrationMethod(text, integration, m_report);
        warnWhereRungeKuttaDiffers(defs, integration, m_report);
        readExternalData(defs, m_ranges, folder, m_report);
        supplyDataFromFiles(defs, m_ranges, m_report);
        rewriteDataTransforms(defs, m_ranges, m_report);
        rewriteSinteg(defs, m_report);
        const std::vector<DelayMaterialConveyor> conveyors = rewriteLevels(defs, m_ranges, m_report);
        rewriteShifts(defs, m_ranges, m_report);

        Project p = makeNewProject(QFileInfo(m_report.source()->fileName()).completeBaseName());
        // The solver keeps Vensim's meaning of PULSE and friends for models from Vensim.
        for (XmlNode &child : p.header.children)
            if (child.name == QLatin1String("vendor") && !child.children.empty())
                child.children[0].text = QStringLiteral("Meadows, read from Vensim");
        p.hasDimensionsElement = !m_ranges.dimensions().empty();
        p.dimensions = m_ranges.dimensions();

        QHash<QString, QStringList> macroNames; // canonical name -> extra outputs
        for (const MacroHeader &h : layout.macros)
            macroNames.insert(canonicalName(h.name), h.outputs);
        readControl(defs, p.simSpecs);
        p.simSpecs.method = integration.method;
        p.simSpecs.vensimRungeKutta = integration.vensimRungeKutta;
        if (integration.places.method.line > 0) {
            p.simSpecs.places.file = integration.places.file;
            p.simSpecs.places.method = integration.places.method;
        }
        TimeLabels labels;
        labels.unit = p.simSpecs.timeUnits;
        readStartDate(text, labels, m_report);
        // Stocks the sketch hides are built last: a rate two share is the flow of the one shown.
        auto main = groups(defs, -1);
        std::stable_partition(main.begin(), main.end(), [hidden = namesShownOnlyHidden(text, layout.sketchBegin)](const auto &g) {
            return !hidden.contains(canonicalName(g.front()->name));
        });
        p.mainModel() = buildModel(main, m_ranges, macroNames, labels, m_report);
        markConveyors(p.mainModel(), -1, conveyors);
        for (int m = 0; m < int(layout.macros.size()); ++m) {
            const MacroHeader &h = layout.macros[m];
            Macro macro;
            macro.name = h.name;
            macro.parameters = ownParameters(h.parameters, defs, m);
            macro.equation = equationName(h.name);
            macro.equationSource = m_report.ref(h.offset);
            macro.body = buildModel(groups(defs, m), m_ranges, macroNames, labels, m_report);
            markConveyors(macro.body, m, conveyors);
            // One macro per extra output, its result that output (see macroOutputName).
            for (const QString &output : h.outputs) {
                Macro giving = macro;
                giving.name = macroOutputName(h.name, output);
                giving.equation = equationName(output);
                p.macros.push_back(std::move(giving));
            }
            p.macros.push_back(std::move(macro));
        }
        if (layout.sketchBegin >= 0)
            readSketch(text, layout.sketchBegin, p.mainModel(), m_report, realityChecks);
        return p;
    }

    std::vector<Diagnostic> diagnostics() { return m_report.take(); }

private:
    // "dim: GET DIRECT SUBSCRIPT(...) -> mapping": the elements read from the file, then
    // the rest of the definition as usual. False when the range is not read from a file.
    bool readSubscriptFromFile(const Definition &d)
    {
        const QString &text = m_report.source()->text();
        ExprParser parser(text, d.rhsBegin, d.record.end);
        if (parser.lexer().peek().kind != Tok::Name || parser.lexer().peek(1).kind != Tok::LParen)
            return false;
        const std::optional<Expr> call = parser.expression();
        if (!call || !isGetSubscript(*call))
            return false;
        const Warn error = [this](qsizetype at, const QString &m) { m_report.error(at, m); };
        const auto elements = readSubscriptElements(*call, QFileInfo(m_report.source()->fileName()).absolutePath(), m_report);
        const Token next = parser.lexer().peek(); // a mapping "-> other" may follow
        const qsizetype rest = next.kind == Tok::End ? d.record.end : next.offset;
        if (elements)
            m_ranges.addDefinition(d.name, text, rest, d.record.end, false, error, *elements);
        return true;
    }

    // Equations' elements are counted before any is made, as the solver counts a model's
    // values: a few short ranges multiply into more than memory holds, and an equation that
    // would take the model past the limit is refused before that.
    bool withinSizeLimit(const Definition &d)
    {
        // Ranges are bounded when they are read; a scalar is one value, as long as the file.
        if (d.op == Tok::Colon || d.op == Tok::Equiv || d.subscripts.empty())
            return true;
        const auto count = [this](const std::vector<Subscript> &subs) {
            double n = 1;
            for (const Subscript &s : subs)
                n *= double(m_ranges.elementsOf(s.name).size());
            return n;
        };
        double n = count(d.subscripts);
        for (const auto &except : d.excepts)
            n = std::max(n, count(except));
        if (m_tooLarge)
            return false; // said once; the equations after it are dropped too
        if (m_values + n <= double(maxModelSize())) {
            m_values += n;
            return true;
        }
        m_report.error(d.nameOffset, QStringLiteral("'%1' would make the model %2 values large, more than the limit of %3 "
                                                    "(raise it with --max-size)")
                                         .arg(d.name, QString::number(m_values + n, 'f', 0)).arg(maxModelSize()));
        m_tooLarge = true;
        return false;
    }

    // Equations grouped by variable, in the order each variable first appears.
    std::vector<std::vector<const Definition *>> groups(const std::vector<Definition> &defs, int macro)
    {
        std::vector<std::vector<const Definition *>> out;
        QHash<QString, std::size_t> index;
        for (const Definition &d : defs) {
            if (d.record.macro != macro || d.op == Tok::Colon || d.op == Tok::Equiv)
                continue;
            const QString key = canonicalName(d.name);
            if (macro < 0 && isControl(key) && !m_computedControls.contains(key))
                continue; // a number in the sim specs
            const auto it = index.constFind(key);
            if (it == index.constEnd()) {
                index.insert(key, out.size());
                out.push_back({&d});
            } else {
                out[*it].push_back(&d);
            }
        }
        return out;
    }

    // INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER. Each is a number when it is an
    // expression of numbers; otherwise (it reads Time or a variable of the model, or calls a
    // function) the model computes it as a variable, as Vensim does, and the setting names
    // it; one computed from constants alone is settled before the run (computedclock.cpp).
    void readControl(const std::vector<Definition> &defs, SimSpecs &specs)
    {
        QHash<QString, const Definition *> byName;
        for (const Definition &d : defs)
            if (d.record.macro < 0 && d.rhs && d.op != Tok::LParen)
                byName.insert(canonicalName(d.name), &d);
        const auto value = [&](const char *key, double fallback, bool required, QString &computedBy) -> std::optional<double> {
            const Definition *d = byName.value(QLatin1String(key));
            if (!d) {
                if (required)
                    m_report.warning(0, QStringLiteral("the model has no %1; using %2")
                                            .arg(QString::fromLatin1(key).toUpper().replace(u'_', u' ')).arg(fallback));
                return std::nullopt;
            }
            const std::optional<double> v = constantOf(*d->rhs, byName, 0);
            if (!v && namesVariable(*d->rhs, QLatin1String(key), byName, 0)) {
                // Read as DT and the like, it would take its own last value: Vensim calls it circular.
                m_report.error(d->rhsBegin, QStringLiteral("%1 depends on itself (circular)").arg(d->name));
                return std::nullopt;
            }
            // Computed by the model: from Time (a clock that changes), or from a variable, which
            // --set, a slider or a sweep may change ("INITIAL TIME = start year": the clock
            // follows start year); v, when there is one, is its value as the file stands.
            if (!v || readsModelVariable(*d->rhs, byName, 0)) {
                computedBy = d->name;
                m_computedControls.insert(QLatin1String(key));
            }
            return v;
        };
        VaryingSpecs &varying = specs.varying;
        if (auto v = value("initial_time", 0, true, varying.start))
            specs.start = *v;
        if (auto v = value("final_time", 100, true, varying.stop))
            specs.stop = *v;
        if (auto v = value("time_step", 1, true, varying.dt))
            specs.dt = *v;
        // "SAVEPER = TIME STEP" saves every step, whatever the step the run is given
        // (--dt, the settings dialog): no number of its own.
        const Definition *saveper = byName.value(QStringLiteral("saveper"));
        const bool everyStep = saveper && saveper->rhs->kind == Expr::Kind::Name
                               && canonicalName(saveper->rhs->text) == QLatin1String("time_step");
        if (everyStep)
            specs.saveStep.reset();
        else if (auto v = value("saveper", specs.dt, false, varying.saveStep))
            specs.saveStep = *v;
        if (const Definition *d = byName.value(QStringLiteral("time_step")))
            specs.timeUnits = unitsOf(d->record.units);
        // Each setting that cannot run is said at its equation, all of them at once.
        const auto at = [&](const char *key) {
            const Definition *d = byName.value(QLatin1String(key));
            return d ? d->rhsBegin : 0;
        };
        if (specs.dt <= 0) {
            m_report.error(at("time_step"), QStringLiteral("TIME STEP must be positive (it is %1)").arg(specs.dt));
            specs.dt = 1;
        }
        if (specs.saveStep && *specs.saveStep <= 0) {
            m_report.error(at("saveper"), QStringLiteral("SAVEPER must be positive (it is %1)").arg(*specs.saveStep));
            specs.saveStep.reset();
        }
        if (varying.start.isEmpty() && varying.stop.isEmpty() && specs.stop < specs.start)
            m_report.error(at("final_time"), QStringLiteral("FINAL TIME (%1) is before INITIAL TIME (%2)").arg(specs.stop).arg(specs.start));
    }

    Reporter m_report;
    SubscriptRanges m_ranges;
    QSet<QString> m_computedControls; // the control variables the model computes (readControl)
    double m_values = 0; // the elements of the equations read so far (withinSizeLimit)
    bool m_tooLarge = false;
};

} // namespace

} // namespace vensim

bool isVensimFile(const QString &path)
{
    return path.endsWith(QLatin1String(".mdl"), Qt::CaseInsensitive);
}

XmileReadResult readVensim(const QByteArray &data, const QString &fileName)
{
    XmileReadResult result;
    auto source = std::make_shared<const SourceText>(fileName, vensim::decode(data));
    vensim::Reader reader(source);
    std::optional<Project> project = reader.read();
    result.diagnostics = reader.diagnostics();
    const bool failed = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                                    [](const Diagnostic &d) { return d.severity == Severity::Error; });
    if (project && !failed) {
        project->fileName = fileName;
        result.project = std::move(project);
    }
    return result;
}

XmileReadResult readVensimFile(const QString &path)
{
    QString problem;
    const std::optional<QByteArray> read = readRegularFile(path, &problem);
    if (!read) {
        XmileReadResult result;
        result.diagnostics.push_back({Severity::Error, path, {}, problem});
        return result;
    }
    return readVensim(*read, path);
}

} // namespace meadows

#include "xmilereader.h"
#include "xmileresources.h"

#include "conveyoroptions.h"
#include "inputfiles.h"
#include "meadowsxml.h"
#include "names.h"
#include "sizelimit.h"
#include "xmileelements.h"
#include "xmilereading.h"

#include <QFile>
#include <algorithm>
#include "xmlrepair.h"

#include <QXmlStreamReader>

namespace meadows {

namespace xmile {

void Reader::keepUnknown(XmlExtras &extras, QStringView parent)
{
    const QString name = elementName(m_reader);
    const XmileElementRule *rule = xmileElementRule(parent, name);
    if (rule && rule->support == XmileSupport::NotImplemented)
        warnAt(startTagOffset(), QStringLiteral("<%1> in <%2> is not implemented: %3").arg(name, parent.toString(),
                                                                                         QLatin1String(rule->effect)));
    extras.children.push_back(XmlNode::read(m_reader));
}

// XMILE allows one <eqn>, <init_eqn> and <gf> in a variable or an array element; a second
// one replaces the first, and says so.
void Reader::warnIfRepeated(FirstWritten &seen, const QString &tag, const QString &variable, const QString *subscript)
{
    qsizetype *first = tag == QLatin1String("eqn") ? &seen.eqn
                       : tag == QLatin1String("init_eqn") ? &seen.initEqn
                       : tag == QLatin1String("gf") ? &seen.gf
                                                    : nullptr;
    if (!first)
        return;
    const qsizetype at = startTagOffset();
    if (*first >= 0) {
        const SourcePos was = m_source->position(*first);
        const QString owner = subscript ? QStringLiteral("'%1[%2]'").arg(variable, *subscript)
                                        : QStringLiteral("'%1'").arg(variable);
        warnAt(at, QStringLiteral("%1 has a second <%2> (the first is at line %3, column %4); XMILE allows one: "
                                  "this last one is used")
                       .arg(owner, tag).arg(was.line).arg(was.column));
        return;
    }
    *first = at;
}

// <conveyor> or an oven (<oven>, <isee:oven>) of a stock, kept whole; each option Meadows
// does not implement is a warning at its place (an element, else an attribute).
void Reader::readBatchStock(XmlExtras &extras, const QString &tag)
{
    const qsizetype start = startTagOffset();
    extras.children.push_back(XmlNode::read(m_reader));
    Variable probe;
    probe.kind = VariableKind::Stock;
    probe.extras.children.push_back(extras.children.back());
    const bool oven = tag != QLatin1String("conveyor");
    const QStringList unimplemented = oven ? ovenOptions(probe)->unimplemented : conveyorOptions(probe)->unimplemented;
    for (const QString &name : unimplemented) {
        qsizetype at = m_source->text().indexOf(QLatin1Char('<') + name, start);
        if (at < 0)
            at = m_source->text().indexOf(name + QLatin1Char('='), start);
        m_diags.push_back({Severity::Warning, m_source->fileName(), m_source->position(at >= 0 ? at : start),
                           QStringLiteral("<%1> in <%2> is not implemented: the %3 runs without it")
                               .arg(name, tag, oven ? QStringLiteral("oven") : QStringLiteral("conveyor"))});
    }
}

// The header is metadata, kept whole; <includes> (other files' content) is read by
// readXmileFile, which knows where this file is (model/xmileresources.h).
void Reader::readHeader(Project &p)
{
    const qsizetype start = m_reader.characterOffset();
    p.header = XmlNode::read(m_reader);
    for (const XmlNode &child : p.header.children) {
        const XmileElementRule *rule = xmileElementRule(u"header", elementNameOf(child.name));
        if (!rule || rule->support != XmileSupport::NotImplemented)
            continue;
        const qsizetype at = m_source->text().indexOf(QLatin1Char('<') + child.name, start);
        m_diags.push_back({Severity::Warning, m_source->fileName(), m_source->position(std::max<qsizetype>(at, 0)),
                           QStringLiteral("<%1> in <header> is not implemented: %2")
                               .arg(elementNameOf(child.name), QLatin1String(rule->effect))});
    }
}

namespace {
// "true" unless the text says false: <non_negative/> and <non_negative>true</non_negative>.
bool flag(const XmlNode &node)
{
    for (const XmlNode &c : node.children) {
        if (c.isText() && c.text.trimmed().compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
    }
    return true;
}
} // namespace

// XMILE 1.0 writes <behavior><non_negative/></behavior> (every stock and flow) or
// <behavior><stock><non_negative/></stock></behavior>; Stella writes
// <behavior><non_negative><stock>true</stock><flow>true</flow></non_negative></behavior>.
void Reader::readBehavior(XmlExtras &extras)
{
    const XmlNode behavior = XmlNode::read(m_reader);
    for (const XmlNode &child : behavior.children) {
        const QString name = elementNameOf(child.name);
        if (name == QLatin1String("non_negative")) {
            bool byKind = false;
            for (const XmlNode &kind : child.children) {
                const QString k = elementNameOf(kind.name);
                if (k == QLatin1String("stock") || k == QLatin1String("flow")) {
                    (k == QLatin1String("stock") ? m_nonNegative.stocks : m_nonNegative.flows) = flag(kind);
                    byKind = true;
                }
            }
            if (!byKind)
                m_nonNegative.stocks = m_nonNegative.flows = flag(child);
        } else if (name == QLatin1String("stock") || name == QLatin1String("flow")) {
            for (const XmlNode &setting : child.children) {
                if (elementNameOf(setting.name) == QLatin1String("non_negative"))
                    (name == QLatin1String("stock") ? m_nonNegative.stocks : m_nonNegative.flows) = flag(setting);
            }
        }
    }
    extras.children.push_back(behavior);
}

bool Reader::nextChild()
{
    while (!m_reader.atEnd()) {
        m_reader.readNext();
        if (m_reader.isStartElement())
            return true;
        if (m_reader.isEndElement())
            return false;
    }
    return false;
}

XmlAttributes Reader::attributes(std::initializer_list<QStringView> known, std::vector<QString> *values)
{
    XmlAttributes rest;
    if (values)
        values->assign(known.size(), QString());
    for (const QXmlStreamAttribute &a : m_reader.attributes()) {
        const QStringView q = a.qualifiedName();
        std::size_t i = 0;
        bool matched = false;
        for (QStringView k : known) {
            if (q == k) {
                (*values)[i] = a.value().toString();
                matched = true;
                break;
            }
            ++i;
        }
        if (!matched)
            rest.push_back({q.toString(), a.value().toString()});
    }
    return rest;
}

QString Reader::equationText(SourceRef *ref)
{
    const qsizetype start = m_reader.characterOffset();
    const QString t = readElementTextFlat(m_reader);
    const qsizetype end = m_reader.characterOffset();
    const qsizetype close = m_source->text().lastIndexOf(u'<', end - 1);
    ref->source = m_source;
    ref->offset = start;
    ref->length = std::max<qsizetype>(0, (close >= start ? close : end) - start);
    return t;
}

std::optional<Project> Reader::read(XmileRole role)
{
    Project p;
    while (!m_reader.atEnd() && !m_reader.isStartElement()) {
        m_reader.readNext();
        // Qt drops a reference to an external entity without a trace: an <eqn> using one
        // would silently lose its text, so a file that declares one is refused.
        for (const QXmlStreamEntityDeclaration &e : m_reader.entityDeclarations()) {
            if (!e.systemId().isEmpty())
                m_reader.raiseError(QStringLiteral("the entity '%1' refers to the external file '%2', which Meadows does not read")
                                        .arg(e.name(), e.systemId()));
        }
    }
    if (m_reader.hasError() || !m_reader.isStartElement())
        return fail();
    if (elementName(m_reader) != QLatin1String("xmile")) {
        m_diags.push_back({Severity::Error, m_source->fileName(), m_source->position(m_reader.characterOffset()),
                           QStringLiteral("not an XMILE file: the root element is <%1>, expected <xmile>")
                               .arg(m_reader.qualifiedName().toString())});
        return std::nullopt;
    }
    p.extras.attributes = attributes({}, nullptr);
    bool sawModel = false, sawSimSpecs = false;
    while (nextChild()) {
        const QString tag = elementName(m_reader);
        if (tag == QLatin1String("header")) {
            readHeader(p);
        } else if (tag == QLatin1String("sim_specs")) {
            readSimSpecs(p.simSpecs);
            sawSimSpecs = true;
        } else if (tag == QLatin1String("model_units")) {
            readUnits(p);
        } else if (tag == QLatin1String("dimensions")) {
            readDimensions(p);
        } else if (tag == QLatin1String("model")) {
            Model m;
            const qsizetype at = m_reader.characterOffset();
            readModel(m);
            // Two unnamed models would both be "the main model"; the second was dropped.
            if (m.name.isEmpty() && std::any_of(p.models.begin(), p.models.end(), [](const Model &o) { return o.name.isEmpty(); }))
                errorAt(at, QStringLiteral("a second <model> without a name: only the main model may be unnamed"));
            // The main model is the one without a name; keep it first.
            if (m.name.isEmpty() && sawModel && !p.models.empty() && !p.models.front().name.isEmpty())
                p.models.insert(p.models.begin(), std::move(m));
            else
                p.models.push_back(std::move(m));
            sawModel = true;
        } else if (tag == QLatin1String("macro")) {
            p.macros.push_back(readMacro());
        } else if (tag == QLatin1String("behavior")) {
            readBehavior(p.extras);
        } else {
            keepUnknown(p.extras, u"xmile");
        }
    }
    if (m_reader.hasError())
        return fail();
    // What follows </xmile> (a second document pasted after the first, stray text) is not
    // read: said where it starts. Comments and processing instructions there are fine.
    const qsizetype afterRoot = m_reader.characterOffset();
    while (!m_reader.atEnd())
        m_reader.readNext();
    if (m_reader.hasError() && m_reader.error() != QXmlStreamReader::PrematureEndOfDocumentError)
        m_diags.push_back({Severity::Warning, m_source->fileName(), m_source->position(firstContentFrom(m_source->text(), afterRoot)),
                           QStringLiteral("the content after </xmile> is not read (%1)").arg(m_reader.errorString())});
    if (!sawSimSpecs && role == XmileRole::Main) // XMILE requires it: the run takes Meadows' defaults, said
        m_diags.push_back({Severity::Warning, m_source->fileName(), {},
                           QStringLiteral("the file has no <sim_specs>: the run goes from %1 to %2 by %3")
                               .arg(p.simSpecs.start).arg(p.simSpecs.stop).arg(p.simSpecs.dt)});
    if (p.models.empty() && role == XmileRole::Main) {
        m_diags.push_back({Severity::Error, m_source->fileName(), {}, QStringLiteral("the file has no <model>")});
        return std::nullopt;
    }
    return p;
}

void Reader::readSimSpecs(SimSpecs &s)
{
    std::vector<QString> v;
    s.places.file = m_source->fileName();
    const qsizetype end = m_reader.characterOffset();
    const SourcePos element = m_source->position(std::max<qsizetype>(m_source->text().lastIndexOf(u'<', end > 0 ? end - 1 : 0), 0));
    s.extras.attributes = attributes({u"method", u"time_units", u"isee:save_interval", kVaryingStartAttribute,
                                      kVaryingStopAttribute, kVaryingDtAttribute, kVaryingSaveStepAttribute,
                                      kRungeKuttaAttribute},
                                     &v);
    s.varying = {v[3], v[4], v[5], v[6]};
    if (v[7].trimmed().compare(QLatin1String("vensim"), Qt::CaseInsensitive) == 0)
        s.vensimRungeKutta = true;
    else if (!v[7].isEmpty())
        m_diags.push_back({Severity::Warning, m_source->fileName(), element,
                           QStringLiteral("meadows:runge_kutta=\"%1\" is not one Meadows knows (only \"vensim\"): "
                                          "Runge-Kutta runs as Stella's").arg(v[7])});
    if (!v[0].isEmpty())
        s.method = v[0];
    s.places.method = element;
    s.timeUnits = v[1];
    if (!v[2].isEmpty()) {
        s.saveStep = toNumber(v[2]);
        s.places.saveStep = element;
    }
    while (nextChild()) {
        const QString tag = elementName(m_reader);
        if (tag == QLatin1String("start")) {
            s.start = specNumber(tag, s.start, &s.places.start);
        } else if (tag == QLatin1String("stop")) {
            s.stop = specNumber(tag, s.stop, &s.places.stop);
        } else if (tag == QLatin1String("dt")) {
            const bool reciprocal = m_reader.attributes().value(QLatin1String("reciprocal")) == QLatin1String("true");
            const double d = specNumber(tag, s.dt, &s.places.dt);
            s.dt = reciprocal && d != 0 ? 1.0 / d : d;
        } else if (tag == QLatin1String("save_step") || tag == QLatin1String("savestep")) {
            s.saveStep = specNumber(tag, s.effectiveSaveStep(), &s.places.saveStep);
        } else {
            keepUnknown(s.extras, u"sim_specs");
        }
    }
    // XMILE requires <start>, <stop> and <dt>: one missing runs on Meadows' default, said.
    const std::pair<const SourcePos *, std::pair<const char *, double>> required[] = {
        {&s.places.start, {"start", s.start}}, {&s.places.stop, {"stop", s.stop}}, {&s.places.dt, {"dt", s.dt}}};
    for (const auto &[place, what] : required)
        if (place->line == 0)
            m_diags.push_back({Severity::Warning, m_source->fileName(), element,
                               QStringLiteral("<sim_specs> has no <%1>: it is %2").arg(QLatin1String(what.first)).arg(what.second)});
}

double Reader::specNumber(const QString &tag, double fallback, SourcePos *place)
{
    const qsizetype at = m_reader.characterOffset();
    *place = m_source->position(at);
    const QString t = text();
    if (const std::optional<double> d = parseSpecNumber(t))
        return *d;
    errorAt(at, QStringLiteral("<%1> must be a number, not '%2'").arg(tag, t.trimmed()));
    return fallback;
}

void Reader::readUnits(Project &p)
{
    p.unitsExtras.attributes = attributes({}, nullptr);
    while (nextChild()) {
        // <unit>, or <units> as the specification's own practitioners.xmile example writes it
        const QString tag = elementName(m_reader);
        if (tag != QLatin1String("unit") && tag != QLatin1String("units")) {
            keepUnknown(p.unitsExtras, u"model_units");
            continue;
        }
        Unit u;
        std::vector<QString> v;
        u.extras.attributes = attributes({u"name"}, &v);
        u.name = v[0];
        while (nextChild()) {
            const QString tag = elementName(m_reader);
            if (tag == QLatin1String("eqn"))
                u.equation = text();
            else if (tag == QLatin1String("alias"))
                u.aliases << text();
            else
                keepUnknown(u.extras, u"unit");
        }
        p.units.push_back(std::move(u));
    }
}

void Reader::readModel(Model &m)
{
    std::vector<QString> v;
    m.extras.attributes = attributes({u"name"}, &v);
    m.name = v[0];
    const NonNegativeDefaults fileDefaults = m_nonNegative; // a model's <behavior> is its own
    while (nextChild()) {
        const QString tag = elementName(m_reader);
        if (tag == QLatin1String("behavior")) {
            readBehavior(m.extras);
        } else if (tag == QLatin1String("variables")) {
            readVariables(m);
        } else if (tag == QLatin1String("views")) {
            readViews(m);
        } else if (tag == QLatin1String("gf")) {
            m.graphicalFunctions.push_back(readGraphicalFunction());
        } else {
            // Stella 10 writes variables directly under <model>, with no <variables> around them.
            Variable var;
            if (readVariable(var, tag))
                m.variables.push_back(std::move(var));
            else
                keepUnknown(m.extras, u"model");
        }
    }
    m_nonNegative = fileDefaults;
}

void Reader::readVariables(Model &m)
{
    m.variablesExtras.attributes = attributes({}, nullptr);
    while (nextChild()) {
        const QString tag = elementName(m_reader);
        if (tag == QLatin1String("gf")) {
            m.graphicalFunctions.push_back(readGraphicalFunction());
            continue;
        }
        Variable var;
        if (readVariable(var, tag))
            m.variables.push_back(std::move(var));
        else
            keepUnknown(m.variablesExtras, u"variables");
    }
}

bool Reader::readVariable(Variable &v, const QString &tag)
{
    if (tag == QLatin1String("stock"))
        v.kind = VariableKind::Stock;
    else if (tag == QLatin1String("flow"))
        v.kind = VariableKind::Flow;
    else if (tag == QLatin1String("aux"))
        v.kind = VariableKind::Aux;
    else if (tag == QLatin1String("module"))
        v.kind = VariableKind::Module;
    else
        return false;
    v.elementSource = {m_source, m_reader.characterOffset(), 0, nullptr};
    std::vector<QString> a;
    v.extras.attributes = attributes({u"name", u"access", u"model"}, &a);
    v.name = a[0];
    if (v.name.trimmed().isEmpty())
        errorAt(v.elementSource.offset, QStringLiteral("a <%1> without a name").arg(tag));
    v.access = a[1];
    v.modelName = a[2];
    v.nonNegative = (v.kind == VariableKind::Stock && m_nonNegative.stocks)
                    || (v.kind == VariableKind::Flow && m_nonNegative.flows);
    FirstWritten seen;
    while (nextChild()) {
        const QString child = elementName(m_reader);
        warnIfRepeated(seen, child, v.name);
        if (child == QLatin1String("eqn")) {
            v.equation = equationText(&v.equationSource);
        } else if (child == QLatin1String("init_eqn") && v.kind != VariableKind::Stock) {
            v.initEquation = text();
        } else if (child == QLatin1String("units")) {
            v.units = text();
        } else if (child == QLatin1String("doc")) {
            v.doc = text();
        } else if (child == QLatin1String("inflow") || child == QLatin1String("outflow")) {
            // A flow named twice would be counted twice: it is counted once, and said.
            const qsizetype at = startTagOffset();
            const QString flow = text().trimmed();
            QStringList &flows = child == QLatin1String("inflow") ? v.inflows : v.outflows;
            if (flows.contains(flow))
                warnAt(at, QStringLiteral("'%1' names '%2' as its %3 twice: it is counted once").arg(v.name, flow, child));
            else
                flows << flow;
        } else if (child == QLatin1String("non_negative")) {
            v.nonNegative = text().trimmed().compare(QLatin1String("false"), Qt::CaseInsensitive) != 0;
        } else if (child == QLatin1String("gf")) {
            v.gf = readGraphicalFunction();
        } else if (child == QLatin1String("dimensions")) {
            while (nextChild()) {
                if (elementName(m_reader) == QLatin1String("dim"))
                    v.dimensions << m_reader.attributes().value(QLatin1String("name")).toString();
                m_reader.skipCurrentElement();
            }
        } else if (child == QLatin1String("element")) {
            v.elements.push_back(readArrayElement(v.name));
        } else if (v.kind == VariableKind::Stock && (child == QLatin1String("conveyor") || child == QLatin1String("oven")
                                                     || child.endsWith(QLatin1String(":oven")))) {
            readBatchStock(v.extras, child);
        } else if (child == QLatin1String("connect") && v.kind == VariableKind::Module) {
            const auto at = m_reader.attributes();
            v.connections.push_back({at.value(QLatin1String("to")).toString(), at.value(QLatin1String("from")).toString()});
            m_reader.skipCurrentElement();
        } else {
            keepUnknown(v.extras, tag);
        }
    }
    // The flattener reads a variable's <init_eqn> only where one equation gives every element.
    if (!v.initEquation.trimmed().isEmpty() && !v.elements.empty() && seen.initEqn >= 0)
        warnAt(seen.initEqn, QStringLiteral("'%1' gives its elements equations of their own: its <init_eqn> is not used, "
                                            "each element starts at its <eqn>").arg(v.name));
    if (v.kind == VariableKind::Module && v.modelName.isEmpty())
        v.modelName = v.name;
    return true;
}

GraphicalFunction Reader::readGraphicalFunction()
{
    GraphicalFunction gf;
    const qsizetype at = m_reader.characterOffset();
    std::vector<QString> a;
    gf.extras.attributes = attributes({u"name", u"type"}, &a);
    gf.name = a[0];
    if (a[1] == QLatin1String("extrapolate"))
        gf.kind = GraphicalFunction::Kind::Extrapolate;
    else if (a[1] == QLatin1String("discrete"))
        gf.kind = GraphicalFunction::Kind::Discrete;
    while (nextChild()) {
        const QString tag = elementName(m_reader);
        if (tag == QLatin1String("xscale") || tag == QLatin1String("yscale")) {
            const auto at = m_reader.attributes();
            const Scale s{toNumber(at.value(QLatin1String("min")).toString()),
                          toNumber(at.value(QLatin1String("max")).toString())};
            (tag == QLatin1String("xscale") ? gf.xscale : gf.yscale) = s;
            m_reader.skipCurrentElement();
        } else if (tag == QLatin1String("xpts") || tag == QLatin1String("ypts")) {
            const QString sep = m_reader.attributes().value(QLatin1String("sep")).toString();
            const qsizetype pointsAt = m_reader.characterOffset();
            QString bad;
            if (std::optional<std::vector<double>> points = parseNumberList(text(), sep, &bad))
                (tag == QLatin1String("xpts") ? gf.xpts : gf.ypts) = std::move(*points);
            else
                errorAt(pointsAt, QStringLiteral("<%1>: '%2' is not a number").arg(tag, bad));
        } else {
            keepUnknown(gf.extras, u"gf");
        }
    }
    if (const QString problem = gf.problem(); !problem.isEmpty())
        errorAt(at, problem);
    return gf;
}

ArrayElement Reader::readArrayElement(const QString &variable)
{
    ArrayElement e;
    std::vector<QString> a;
    e.extras.attributes = attributes({u"subscript"}, &a);
    e.subscript = a[0];
    FirstWritten seen;
    while (nextChild()) {
        const QString tag = elementName(m_reader);
        warnIfRepeated(seen, tag, variable, &e.subscript);
        if (tag == QLatin1String("eqn"))
            e.equation = equationText(&e.equationSource);
        else if (tag == QLatin1String("gf"))
            e.gf = readGraphicalFunction();
        else
            keepUnknown(e.extras, u"element");
    }
    return e;
}

Macro Reader::readMacro()
{
    Macro m;
    std::vector<QString> a;
    m.extras.attributes = attributes({u"name"}, &a);
    m.name = a[0];
    while (nextChild()) {
        const QString tag = elementName(m_reader);
        if (tag == QLatin1String("eqn"))
            m.equation = equationText(&m.equationSource);
        else if (tag == QLatin1String("parm")) {
            std::vector<QString> parm;
            attributes({u"default"}, &parm); // the equation a call that leaves the parameter out gives it
            m.defaults << parm[0].trimmed();
            m.parameters << text().trimmed();
        }
        else if (tag == QLatin1String("variables"))
            readVariables(m.body);
        else if (tag == QLatin1String("views"))
            readViews(m.body);
        else
            keepUnknown(m.extras, u"macro");
    }
    return m;
}

} // namespace xmile

using xmile::Reader;


XmileReadResult readXmile(const QByteArray &data, const QString &fileName, XmileRole role)
{
    XmileReadResult result;
    const QString text = decodeXml(data);
    auto source = std::make_shared<const SourceText>(fileName, text);
    Reader reader(source, result.diagnostics);
    result.project = reader.read(role);
    // A file that is not well-formed XML is read again repaired, as Stella would read it
    // (xmlrepair.h), with a warning for each repair; when that fails too, the first
    // reading's errors stand.
    if (!result.project) {
        if (std::optional<RepairedXml> repaired = repairXml(text)) {
            XmileReadResult lenient;
            for (const auto &[offset, note] : repaired->notes)
                lenient.diagnostics.push_back({Severity::Warning, fileName, source->position(offset), note});
            auto fixed = std::make_shared<const SourceText>(fileName, repaired->text, repaired->inserted);
            Reader again(fixed, lenient.diagnostics);
            lenient.project = again.read(role);
            if (lenient.project)
                result = std::move(lenient);
        }
    }
    if (result.project)
        result.project->fileName = fileName;
    return result;
}

XmileReadResult readXmileFile(const QString &path)
{
    QString problem;
    const std::optional<QByteArray> read = readRegularFile(path, &problem);
    if (!read) {
        XmileReadResult result;
        result.diagnostics.push_back({Severity::Error, path, {}, problem});
        return result;
    }
    const QByteArray &text = *read;
    XmileReadResult result = readXmile(text, path);
    if (result.project) {
        loadIncludes(*result.project, path, text, result.diagnostics);
        loadModuleResources(*result.project, path, result.diagnostics);
    }
    return result;
}

} // namespace meadows

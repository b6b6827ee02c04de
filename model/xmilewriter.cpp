#include "xmilewriter.h"

#include "meadowsxml.h"

#include "outputfile.h"

#include <QLocale>
#include <QXmlStreamWriter>

namespace meadows {

QString formatNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

namespace {

class Writer {
public:
    explicit Writer(QByteArray *out) : m_w(out)
    {
        m_w.setAutoFormatting(true);
        m_w.setAutoFormattingIndent(4);
    }

    void write(const Project &p);

private:
    void text(const QString &tag, const QString &value) { m_w.writeTextElement(tag, value); }
    void simSpecs(const SimSpecs &s);
    void units(const Project &p);
    void dimensions(const Project &p);
    void model(const Model &m);
    void variables(const Model &m);
    void variable(const Variable &v);
    void gf(const GraphicalFunction &g);
    void views(const Model &m);
    void viewElement(const ViewElement &e);
    void connectorEnd(const QString &tag, const ConnectorEnd &end);
    void macro(const Macro &m);

    QXmlStreamWriter m_w;
};

// Whether an element or attribute in Meadows' namespace is among these, at any depth.
static bool inMeadowsNamespace(const XmlAttributes &attributes, const std::vector<XmlNode> &children)
{
    for (const XmlAttribute &a : attributes)
        if (a.name.startsWith(QLatin1String("meadows:")))
            return true;
    for (const XmlNode &c : children)
        if (c.name.startsWith(QLatin1String("meadows:")) || inMeadowsNamespace(c.attributes, c.children))
            return true;
    return false;
}

// Whether anything in Meadows' namespace is written (a variable's attribute, or an element
// or attribute inside it: <range meadows:step>, <conveyor><meadows:signed/>, in the models
// and the macros' bodies), which the root must then declare.
static bool usesMeadowsNamespace(const Project &p)
{
    if (p.simSpecs.varying.any() || p.simSpecs.vensimRungeKutta)
        return true;
    for (const Model *m : p.allModels())
        for (const Variable &v : m->variables)
            if (inMeadowsNamespace(v.extras.attributes, v.extras.children))
                return true;
    return false;
}

void Writer::write(const Project &p)
{
    m_w.writeStartDocument();
    m_w.writeStartElement(QStringLiteral("xmile"));
    if (p.extras.attributes.empty()) {
        m_w.writeAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
        m_w.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"));
        m_w.writeAttribute(QStringLiteral("xmlns:isee"), QStringLiteral("http://iseesystems.com/XMILE"));
    }
    p.extras.writeAttributes(m_w);
    if (usesMeadowsNamespace(p) && !findAttribute(p.extras.attributes, u"xmlns:meadows"))
        m_w.writeAttribute(QStringLiteral("xmlns:meadows"), QLatin1String(kMeadowsNamespace));
    if (!p.header.name.isEmpty()) {
        p.header.write(m_w);
    } else {
        m_w.writeStartElement(QStringLiteral("header"));
        text(QStringLiteral("vendor"), QStringLiteral("Meadows"));
        m_w.writeStartElement(QStringLiteral("product"));
        m_w.writeAttribute(QStringLiteral("version"), QStringLiteral(MEADOWS_VERSION_STRING));
        m_w.writeCharacters(QStringLiteral("Meadows"));
        m_w.writeEndElement();
        m_w.writeEndElement();
    }
    simSpecs(p.simSpecs);
    p.extras.writeChildren(m_w);
    units(p);
    dimensions(p);
    for (const Model &m : p.models)
        model(m);
    for (const Macro &m : p.macros)
        macro(m);
    m_w.writeEndElement();
    m_w.writeEndDocument();
}

void Writer::simSpecs(const SimSpecs &s)
{
    m_w.writeStartElement(QStringLiteral("sim_specs"));
    m_w.writeAttribute(QStringLiteral("method"), s.method);
    if (!s.timeUnits.isEmpty())
        m_w.writeAttribute(QStringLiteral("time_units"), s.timeUnits);
    if (s.saveStep)
        m_w.writeAttribute(QStringLiteral("isee:save_interval"), formatNumber(*s.saveStep));
    const std::pair<const char16_t *, const QString *> varying[] = {{kVaryingStartAttribute, &s.varying.start},
                                                                   {kVaryingStopAttribute, &s.varying.stop},
                                                                   {kVaryingDtAttribute, &s.varying.dt},
                                                                   {kVaryingSaveStepAttribute, &s.varying.saveStep}};
    for (const auto &[name, variable] : varying)
        if (!variable->isEmpty())
            m_w.writeAttribute(QString::fromUtf16(name), *variable);
    if (s.vensimRungeKutta)
        m_w.writeAttribute(QString::fromUtf16(kRungeKuttaAttribute), QStringLiteral("vensim"));
    s.extras.writeAttributes(m_w);
    text(QStringLiteral("start"), formatNumber(s.start));
    text(QStringLiteral("stop"), formatNumber(s.stop));
    text(QStringLiteral("dt"), formatNumber(s.dt));
    s.extras.writeChildren(m_w);
    m_w.writeEndElement();
}

void Writer::units(const Project &p)
{
    if (p.units.empty() && p.unitsExtras.isEmpty())
        return;
    m_w.writeStartElement(QStringLiteral("model_units"));
    p.unitsExtras.writeAttributes(m_w);
    for (const Unit &u : p.units) {
        m_w.writeStartElement(QStringLiteral("unit"));
        m_w.writeAttribute(QStringLiteral("name"), u.name);
        u.extras.writeAttributes(m_w);
        if (!u.equation.isEmpty())
            text(QStringLiteral("eqn"), u.equation);
        for (const QString &a : u.aliases)
            text(QStringLiteral("alias"), a);
        u.extras.writeChildren(m_w);
        m_w.writeEndElement();
    }
    p.unitsExtras.writeChildren(m_w);
    m_w.writeEndElement();
}

void Writer::dimensions(const Project &p)
{
    if (p.dimensions.empty() && p.dimensionsExtras.isEmpty() && !p.hasDimensionsElement)
        return;
    m_w.writeStartElement(QStringLiteral("dimensions"));
    p.dimensionsExtras.writeAttributes(m_w);
    for (const Dimension &d : p.dimensions) {
        m_w.writeStartElement(QStringLiteral("dim"));
        m_w.writeAttribute(QStringLiteral("name"), d.name);
        if (d.numbered)
            m_w.writeAttribute(QStringLiteral("size"), QString::number(d.elements.size()));
        d.extras.writeAttributes(m_w);
        if (!d.numbered) {
            for (const QString &e : d.elements) {
                m_w.writeEmptyElement(QStringLiteral("elem"));
                m_w.writeAttribute(QStringLiteral("name"), e);
            }
        }
        for (const QString &target : d.mapsTo)
            text(QStringLiteral("isee:maps_to"), target);
        d.extras.writeChildren(m_w);
        m_w.writeEndElement();
    }
    p.dimensionsExtras.writeChildren(m_w);
    m_w.writeEndElement();
}

void Writer::model(const Model &m)
{
    m_w.writeStartElement(QStringLiteral("model"));
    if (!m.name.isEmpty())
        m_w.writeAttribute(QStringLiteral("name"), m.name);
    m.extras.writeAttributes(m_w);
    variables(m);
    views(m);
    m.extras.writeChildren(m_w);
    m_w.writeEndElement();
}

void Writer::variables(const Model &m)
{
    m_w.writeStartElement(QStringLiteral("variables"));
    m.variablesExtras.writeAttributes(m_w);
    for (const Variable &v : m.variables)
        variable(v);
    for (const GraphicalFunction &g : m.graphicalFunctions)
        gf(g);
    m.variablesExtras.writeChildren(m_w);
    m_w.writeEndElement();
}

void Writer::variable(const Variable &v)
{
    static const char *const tags[] = {"stock", "flow", "aux", "module"};
    m_w.writeStartElement(QLatin1String(tags[int(v.kind)]));
    m_w.writeAttribute(QStringLiteral("name"), v.name);
    if (!v.access.isEmpty())
        m_w.writeAttribute(QStringLiteral("access"), v.access);
    if (v.kind == VariableKind::Module && !v.modelName.isEmpty() && v.modelName != v.name)
        m_w.writeAttribute(QStringLiteral("model"), v.modelName);
    v.extras.writeAttributes(m_w);
    if (!v.dimensions.isEmpty()) {
        m_w.writeStartElement(QStringLiteral("dimensions"));
        for (const QString &d : v.dimensions) {
            m_w.writeEmptyElement(QStringLiteral("dim"));
            m_w.writeAttribute(QStringLiteral("name"), d);
        }
        m_w.writeEndElement();
    }
    if (!v.equation.isEmpty() || (v.kind != VariableKind::Module && v.elements.empty()))
        text(QStringLiteral("eqn"), v.equation);
    for (const ArrayElement &e : v.elements) {
        m_w.writeStartElement(QStringLiteral("element"));
        m_w.writeAttribute(QStringLiteral("subscript"), e.subscript);
        e.extras.writeAttributes(m_w);
        text(QStringLiteral("eqn"), e.equation);
        if (e.gf)
            gf(*e.gf);
        e.extras.writeChildren(m_w);
        m_w.writeEndElement();
    }
    for (const QString &f : v.inflows)
        text(QStringLiteral("inflow"), f);
    for (const QString &f : v.outflows)
        text(QStringLiteral("outflow"), f);
    if (v.nonNegative)
        m_w.writeEmptyElement(QStringLiteral("non_negative"));
    if (v.gf)
        gf(*v.gf);
    for (const ModuleConnection &c : v.connections) {
        m_w.writeEmptyElement(QStringLiteral("connect"));
        m_w.writeAttribute(QStringLiteral("to"), c.to);
        m_w.writeAttribute(QStringLiteral("from"), c.from);
    }
    if (!v.initEquation.isEmpty() && v.kind != VariableKind::Stock)
        text(QStringLiteral("init_eqn"), v.initEquation);
    if (!v.units.isEmpty())
        text(QStringLiteral("units"), v.units);
    if (!v.doc.isEmpty())
        text(QStringLiteral("doc"), v.doc);
    v.extras.writeChildren(m_w);
    m_w.writeEndElement();
}

void Writer::gf(const GraphicalFunction &g)
{
    m_w.writeStartElement(QStringLiteral("gf"));
    if (!g.name.isEmpty())
        m_w.writeAttribute(QStringLiteral("name"), g.name);
    if (g.kind == GraphicalFunction::Kind::Extrapolate)
        m_w.writeAttribute(QStringLiteral("type"), QStringLiteral("extrapolate"));
    else if (g.kind == GraphicalFunction::Kind::Discrete)
        m_w.writeAttribute(QStringLiteral("type"), QStringLiteral("discrete"));
    g.extras.writeAttributes(m_w);
    const auto scale = [this](const QString &tag, const Scale &s) {
        m_w.writeEmptyElement(tag);
        m_w.writeAttribute(QStringLiteral("min"), formatNumber(s.min));
        m_w.writeAttribute(QStringLiteral("max"), formatNumber(s.max));
    };
    if (g.xscale)
        scale(QStringLiteral("xscale"), *g.xscale);
    if (g.yscale)
        scale(QStringLiteral("yscale"), *g.yscale);
    const auto points = [this](const QString &tag, const std::vector<double> &pts) {
        QStringList parts;
        for (double d : pts)
            parts << formatNumber(d);
        text(tag, parts.join(QLatin1Char(',')));
    };
    if (!g.xpts.empty())
        points(QStringLiteral("xpts"), g.xpts);
    points(QStringLiteral("ypts"), g.ypts);
    g.extras.writeChildren(m_w);
    m_w.writeEndElement();
}

void Writer::views(const Model &m)
{
    if (m.views.empty() && m.viewsExtras.isEmpty())
        return;
    m_w.writeStartElement(QStringLiteral("views"));
    m.viewsExtras.writeAttributes(m_w);
    // Styles come first in Stella's files; they are among the kept children.
    m.viewsExtras.writeChildren(m_w);
    for (const View &v : m.views) {
        m_w.writeStartElement(QStringLiteral("view"));
        if (!v.type.isEmpty())
            m_w.writeAttribute(QStringLiteral("type"), v.type);
        v.extras.writeAttributes(m_w);
        for (const ViewElement &e : v.elements)
            viewElement(e);
        v.extras.writeChildren(m_w);
        m_w.writeEndElement();
    }
    m_w.writeEndElement();
}

void Writer::connectorEnd(const QString &tag, const ConnectorEnd &end)
{
    m_w.writeStartElement(tag);
    if (end.aliasUid) {
        m_w.writeEmptyElement(QStringLiteral("alias"));
        m_w.writeAttribute(QStringLiteral("uid"), QString::number(*end.aliasUid));
    } else {
        m_w.writeCharacters(end.name);
    }
    m_w.writeEndElement();
}

void Writer::viewElement(const ViewElement &e)
{
    using T = ViewElement::Type;
    if (e.type == T::Other) {
        e.raw.write(m_w);
        return;
    }
    m_w.writeStartElement(xmileTag(e.type));
    const auto number = [this](const char *name, const std::optional<double> &v) {
        if (v)
            m_w.writeAttribute(QLatin1String(name), formatNumber(*v));
    };
    if (e.uid)
        m_w.writeAttribute(QStringLiteral("uid"), QString::number(*e.uid));
    if (!e.name.isEmpty())
        m_w.writeAttribute(QStringLiteral("name"), e.name);
    number("x", e.x);
    number("y", e.y);
    number("width", e.width);
    number("height", e.height);
    if (!e.labelSide.isEmpty())
        m_w.writeAttribute(QStringLiteral("label_side"), e.labelSide);
    number("angle", e.angle);
    if (!e.polarity.isEmpty())
        m_w.writeAttribute(QStringLiteral("polarity"), e.polarity);
    e.extras.writeAttributes(m_w);
    if (e.type == T::TextBox) {
        m_w.writeCharacters(e.text);
        m_w.writeEndElement();
        return;
    }
    if (e.type == T::Connector) {
        connectorEnd(QStringLiteral("from"), e.from);
        connectorEnd(QStringLiteral("to"), e.to);
    }
    if (e.type == T::Alias)
        text(QStringLiteral("of"), e.aliasOf);
    if (!e.points.empty()) {
        m_w.writeStartElement(QStringLiteral("pts"));
        for (const ViewPoint &p : e.points) {
            m_w.writeEmptyElement(QStringLiteral("pt"));
            m_w.writeAttribute(QStringLiteral("x"), formatNumber(p.x));
            m_w.writeAttribute(QStringLiteral("y"), formatNumber(p.y));
            for (const XmlAttribute &a : p.extraAttributes)
                m_w.writeAttribute(a.name, a.value);
        }
        m_w.writeEndElement();
    }
    e.extras.writeChildren(m_w);
    m_w.writeEndElement();
}

void Writer::macro(const Macro &m)
{
    m_w.writeStartElement(QStringLiteral("macro"));
    m_w.writeAttribute(QStringLiteral("name"), m.name);
    m.extras.writeAttributes(m_w);
    text(QStringLiteral("eqn"), m.equation);
    for (qsizetype i = 0; i < m.parameters.size(); ++i) {
        m_w.writeStartElement(QStringLiteral("parm"));
        if (i < m.defaults.size() && !m.defaults[i].isEmpty())
            m_w.writeAttribute(QStringLiteral("default"), m.defaults[i]);
        m_w.writeCharacters(m.parameters[i]);
        m_w.writeEndElement();
    }
    if (!m.body.variables.empty() || !m.body.graphicalFunctions.empty() || !m.body.variablesExtras.isEmpty())
        variables(m.body);
    views(m.body);
    m.extras.writeChildren(m_w);
    m_w.writeEndElement();
}

} // namespace

QByteArray writeXmile(const Project &project)
{
    QByteArray out;
    Writer(&out).write(project);
    return out;
}

QString saveXmileFile(const Project &project, const QString &path)
{
    return writeOutputFile(path, writeXmile(project), Durability::SyncToDisk);
}

} // namespace meadows

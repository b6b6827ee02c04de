#include "xmilereader.h"

#include "names.h"
#include "sizelimit.h"
#include "xmilenumbers.h"

#include <QFile>
#include <QXmlStreamReader>

namespace meadows {

namespace {

// XMILE's own elements may carry a prefix bound to the XMILE namespace; vendor elements
// (isee:, simlin:) keep theirs and so never match a known name.
QString elementName(const QXmlStreamReader &r)
{
    const QStringView q = r.qualifiedName();
    const qsizetype colon = q.indexOf(u':');
    if (colon < 0)
        return q.toString();
    const QStringView prefix = q.left(colon);
    if (prefix == u"xmile" || prefix == u"smile")
        return q.mid(colon + 1).toString();
    return q.toString();
}

double toNumber(const QString &s, bool *ok = nullptr)
{
    return s.trimmed().toDouble(ok);
}

class Reader {
public:
    Reader(std::shared_ptr<const SourceText> source, std::vector<Diagnostic> &diags)
        : m_source(std::move(source)), m_reader(m_source->text()), m_diags(diags)
    {
        // Stella writes isee: without declaring it; namespace processing would reject that.
        m_reader.setNamespaceProcessing(false);
    }

    std::optional<Project> read();

private:
    // Splits the reader's attributes into the ones asked for and the rest.
    XmlAttributes attributes(std::initializer_list<QStringView> known, std::vector<QString> *values);
    void keepUnknown(XmlExtras &extras) { extras.children.push_back(XmlNode::read(m_reader)); }
    QString text() { return readElementTextFlat(m_reader); }
    QString equationText(SourceRef *ref);
    bool nextChild(); // advances to the next child StartElement of the current element

    void readHeader(Project &p) { p.header = XmlNode::read(m_reader); }
    void readSimSpecs(SimSpecs &s);
    void readUnits(Project &p);
    void readDimensions(Project &p);
    void readModel(Model &m);
    void readVariables(Model &m);
    bool readVariable(Variable &v, const QString &tag);
    GraphicalFunction readGraphicalFunction();
    ArrayElement readArrayElement();
    void readViews(Model &m);
    View readView();
    ViewElement readViewElement(const QString &tag);
    ConnectorEnd readConnectorEnd();
    std::vector<ViewPoint> readPoints();
    Macro readMacro();

    void errorAt(qsizetype offset, const QString &message)
    {
        m_diags.push_back({Severity::Error, m_source->fileName(), m_source->position(offset), message});
    }
    // The text of a sim-spec element as a number; text that is not one is an error.
    double specNumber(const QString &tag, double fallback);

    // The stream reader stopped: malformed or truncated XML, or no element at all.
    std::nullopt_t fail()
    {
        const SourcePos pos{int(m_reader.lineNumber()), int(m_reader.columnNumber()) + 1};
        QString what = m_reader.errorString();
        if (m_source->text().trimmed().isEmpty())
            what = QStringLiteral("the file is empty, not XMILE");
        else if (m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError)
            what = QStringLiteral("the file ends early (truncated?): %1").arg(m_reader.errorString());
        else if (!m_reader.hasError())
            what = QStringLiteral("no XML element found: not an XMILE file");
        m_diags.push_back({Severity::Error, m_source->fileName(), pos, what});
        return std::nullopt;
    }

    std::shared_ptr<const SourceText> m_source;
    QXmlStreamReader m_reader;
    std::vector<Diagnostic> &m_diags;
};

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

std::optional<Project> Reader::read()
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
    bool sawModel = false;
    while (nextChild()) {
        const QString tag = elementName(m_reader);
        if (tag == QLatin1String("header")) {
            readHeader(p);
        } else if (tag == QLatin1String("sim_specs")) {
            readSimSpecs(p.simSpecs);
        } else if (tag == QLatin1String("model_units")) {
            readUnits(p);
        } else if (tag == QLatin1String("dimensions")) {
            readDimensions(p);
        } else if (tag == QLatin1String("model")) {
            Model m;
            readModel(m);
            // The main model is the one without a name; keep it first.
            if (m.name.isEmpty() && sawModel && !p.models.empty() && !p.models.front().name.isEmpty())
                p.models.insert(p.models.begin(), std::move(m));
            else
                p.models.push_back(std::move(m));
            sawModel = true;
        } else if (tag == QLatin1String("macro")) {
            p.macros.push_back(readMacro());
        } else {
            keepUnknown(p.extras);
        }
    }
    if (m_reader.hasError())
        return fail();
    if (p.models.empty()) {
        m_diags.push_back({Severity::Error, m_source->fileName(), {}, QStringLiteral("the file has no <model>")});
        return std::nullopt;
    }
    return p;
}

void Reader::readSimSpecs(SimSpecs &s)
{
    std::vector<QString> v;
    s.extras.attributes = attributes({u"method", u"time_units", u"isee:save_interval"}, &v);
    if (!v[0].isEmpty())
        s.method = v[0];
    s.timeUnits = v[1];
    if (!v[2].isEmpty())
        s.saveStep = toNumber(v[2]);
    while (nextChild()) {
        const QString tag = elementName(m_reader);
        if (tag == QLatin1String("start")) {
            s.start = specNumber(tag, s.start);
        } else if (tag == QLatin1String("stop")) {
            s.stop = specNumber(tag, s.stop);
        } else if (tag == QLatin1String("dt")) {
            const bool reciprocal = m_reader.attributes().value(QLatin1String("reciprocal")) == QLatin1String("true");
            const double d = specNumber(tag, s.dt);
            s.dt = reciprocal && d != 0 ? 1.0 / d : d;
        } else if (tag == QLatin1String("save_step") || tag == QLatin1String("savestep")) {
            s.saveStep = specNumber(tag, s.effectiveSaveStep());
        } else {
            keepUnknown(s.extras);
        }
    }
}

double Reader::specNumber(const QString &tag, double fallback)
{
    const qsizetype at = m_reader.characterOffset();
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
        if (elementName(m_reader) != QLatin1String("unit")) {
            keepUnknown(p.unitsExtras);
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
                keepUnknown(u.extras);
        }
        p.units.push_back(std::move(u));
    }
}

void Reader::readDimensions(Project &p)
{
    p.hasDimensionsElement = true;
    p.dimensionsExtras.attributes = attributes({}, nullptr);
    while (nextChild()) {
        if (elementName(m_reader) != QLatin1String("dim")) {
            keepUnknown(p.dimensionsExtras);
            continue;
        }
        Dimension d;
        std::vector<QString> v;
        d.extras.attributes = attributes({u"name", u"size"}, &v);
        d.name = v[0];
        const qsizetype at = m_reader.characterOffset();
        if (!v[1].isEmpty()) {
            d.numbered = true;
            QString why;
            const std::optional<std::int64_t> size = parseDimensionSize(v[1], maxModelSize(), &why);
            if (!size)
                errorAt(at, QStringLiteral("dimension '%1': %2").arg(d.name, why));
            for (std::int64_t i = 1; i <= size.value_or(0); ++i)
                d.elements << QString::number(i);
        }
        while (nextChild()) {
            if (elementName(m_reader) == QLatin1String("elem")) {
                if (d.numbered) { // named elements win over a size
                    d.numbered = false;
                    d.elements.clear();
                }
                d.elements << m_reader.attributes().value(QLatin1String("name")).toString();
                m_reader.skipCurrentElement();
            } else {
                keepUnknown(d.extras);
            }
        }
        if (d.elements.isEmpty() && v[1].isEmpty())
            errorAt(at, QStringLiteral("dimension '%1' has neither a size nor elements").arg(d.name));
        p.dimensions.push_back(std::move(d));
    }
}

void Reader::readModel(Model &m)
{
    std::vector<QString> v;
    m.extras.attributes = attributes({u"name"}, &v);
    m.name = v[0];
    while (nextChild()) {
        const QString tag = elementName(m_reader);
        if (tag == QLatin1String("variables"))
            readVariables(m);
        else if (tag == QLatin1String("views"))
            readViews(m);
        else
            keepUnknown(m.extras);
    }
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
            keepUnknown(m.variablesExtras);
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
    v.elementSource = {m_source, m_reader.characterOffset(), 0};
    std::vector<QString> a;
    v.extras.attributes = attributes({u"name", u"access", u"model"}, &a);
    v.name = a[0];
    v.access = a[1];
    v.modelName = a[2];
    while (nextChild()) {
        const QString child = elementName(m_reader);
        if (child == QLatin1String("eqn")) {
            v.equation = equationText(&v.equationSource);
        } else if (child == QLatin1String("init_eqn") && v.kind != VariableKind::Stock) {
            v.initEquation = text();
        } else if (child == QLatin1String("units")) {
            v.units = text();
        } else if (child == QLatin1String("doc")) {
            v.doc = text();
        } else if (child == QLatin1String("inflow")) {
            v.inflows << text().trimmed();
        } else if (child == QLatin1String("outflow")) {
            v.outflows << text().trimmed();
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
            v.elements.push_back(readArrayElement());
        } else if (child == QLatin1String("connect") && v.kind == VariableKind::Module) {
            const auto at = m_reader.attributes();
            v.connections.push_back({at.value(QLatin1String("to")).toString(), at.value(QLatin1String("from")).toString()});
            m_reader.skipCurrentElement();
        } else {
            keepUnknown(v.extras);
        }
    }
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
            keepUnknown(gf.extras);
        }
    }
    if (const QString problem = gf.problem(); !problem.isEmpty())
        errorAt(at, problem);
    return gf;
}

ArrayElement Reader::readArrayElement()
{
    ArrayElement e;
    std::vector<QString> a;
    e.extras.attributes = attributes({u"subscript"}, &a);
    e.subscript = a[0];
    while (nextChild()) {
        const QString tag = elementName(m_reader);
        if (tag == QLatin1String("eqn"))
            e.equation = equationText(&e.equationSource);
        else if (tag == QLatin1String("gf"))
            e.gf = readGraphicalFunction();
        else
            keepUnknown(e.extras);
    }
    return e;
}

void Reader::readViews(Model &m)
{
    m.viewsExtras.attributes = attributes({}, nullptr);
    while (nextChild()) {
        if (elementName(m_reader) == QLatin1String("view"))
            m.views.push_back(readView());
        else
            keepUnknown(m.viewsExtras);
    }
}

View Reader::readView()
{
    View view;
    std::vector<QString> a;
    view.extras.attributes = attributes({u"type"}, &a);
    view.type = a[0];
    while (nextChild())
        view.elements.push_back(readViewElement(elementName(m_reader)));
    return view;
}

ConnectorEnd Reader::readConnectorEnd()
{
    ConnectorEnd end;
    while (!m_reader.atEnd()) {
        m_reader.readNext();
        if (m_reader.isCharacters()) {
            end.name += m_reader.text();
        } else if (m_reader.isStartElement()) {
            if (elementName(m_reader) == QLatin1String("alias")) {
                bool ok = false;
                const int uid = m_reader.attributes().value(QLatin1String("uid")).toInt(&ok);
                if (ok)
                    end.aliasUid = uid;
            }
            m_reader.skipCurrentElement();
        } else if (m_reader.isEndElement()) {
            break;
        }
    }
    end.name = end.name.trimmed();
    return end;
}

std::vector<ViewPoint> Reader::readPoints()
{
    std::vector<ViewPoint> pts;
    while (nextChild()) {
        if (elementName(m_reader) != QLatin1String("pt")) {
            m_reader.skipCurrentElement();
            continue;
        }
        ViewPoint p;
        std::vector<QString> a;
        p.extraAttributes = attributes({u"x", u"y"}, &a);
        p.x = toNumber(a[0]);
        p.y = toNumber(a[1]);
        pts.push_back(std::move(p));
        m_reader.skipCurrentElement();
    }
    return pts;
}

ViewElement Reader::readViewElement(const QString &tag)
{
    ViewElement e;
    using T = ViewElement::Type;
    if (tag == QLatin1String("stock")) e.type = T::Stock;
    else if (tag == QLatin1String("flow")) e.type = T::Flow;
    else if (tag == QLatin1String("aux")) e.type = T::Aux;
    else if (tag == QLatin1String("module")) e.type = T::Module;
    else if (tag == QLatin1String("connector")) e.type = T::Connector;
    else if (tag == QLatin1String("alias")) e.type = T::Alias;
    else if (tag == QLatin1String("text_box")) e.type = T::TextBox;
    else {
        e.raw = XmlNode::read(m_reader);
        return e;
    }
    std::vector<QString> a;
    e.extras.attributes = attributes({u"name", u"uid", u"x", u"y", u"width", u"height", u"label_side", u"angle", u"polarity"}, &a);
    e.name = a[0];
    const auto optNumber = [](const QString &s) -> std::optional<double> {
        bool ok = false;
        const double d = s.toDouble(&ok);
        return ok ? std::optional<double>(d) : std::nullopt;
    };
    if (const auto uid = optNumber(a[1]))
        e.uid = int(*uid);
    else if (!a[1].isEmpty())
        e.extras.attributes.push_back({QStringLiteral("uid"), a[1]});
    e.x = optNumber(a[2]);
    e.y = optNumber(a[3]);
    e.width = optNumber(a[4]);
    e.height = optNumber(a[5]);
    e.labelSide = a[6];
    e.angle = optNumber(a[7]);
    e.polarity = a[8];
    if (e.type == T::TextBox) {
        e.text = text();
        return e;
    }
    while (nextChild()) {
        const QString child = elementName(m_reader);
        if (child == QLatin1String("pts"))
            e.points = readPoints();
        else if (child == QLatin1String("from") && e.type == T::Connector)
            e.from = readConnectorEnd();
        else if (child == QLatin1String("to") && e.type == T::Connector)
            e.to = readConnectorEnd();
        else if (child == QLatin1String("of") && e.type == T::Alias)
            e.aliasOf = text().trimmed();
        else
            keepUnknown(e.extras);
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
        else if (tag == QLatin1String("parm"))
            m.parameters << text().trimmed();
        else if (tag == QLatin1String("variables"))
            readVariables(m.body);
        else if (tag == QLatin1String("views"))
            readViews(m.body);
        else
            keepUnknown(m.extras);
    }
    return m;
}

} // namespace

XmileReadResult readXmile(const QByteArray &data, const QString &fileName)
{
    XmileReadResult result;
    auto source = std::make_shared<const SourceText>(fileName, decodeXml(data));
    Reader reader(source, result.diagnostics);
    result.project = reader.read();
    if (result.project)
        result.project->fileName = fileName;
    return result;
}

XmileReadResult readXmileFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        XmileReadResult result;
        result.diagnostics.push_back({Severity::Error, path, {}, QStringLiteral("cannot open: %1").arg(file.errorString())});
        return result;
    }
    return readXmile(file.readAll(), path);
}

} // namespace meadows

#include "xmilereader.h"

#include "names.h"

#include <QFile>
#include <QStringDecoder>
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

std::vector<double> parseNumberList(const QString &text, const QString &sep)
{
    std::vector<double> out;
    const QString separator = sep.isEmpty() ? QStringLiteral(",") : sep;
    for (const QString &part : text.split(separator, Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out.push_back(t.toDouble());
    }
    return out;
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
    QString text() { return m_reader.readElementText(QXmlStreamReader::IncludeChildElements); }
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
    const QString t = m_reader.readElementText(QXmlStreamReader::IncludeChildElements);
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
    while (!m_reader.atEnd() && !m_reader.isStartElement())
        m_reader.readNext();
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
            s.start = toNumber(text());
        } else if (tag == QLatin1String("stop")) {
            s.stop = toNumber(text());
        } else if (tag == QLatin1String("dt")) {
            const bool reciprocal = m_reader.attributes().value(QLatin1String("reciprocal")) == QLatin1String("true");
            const double d = toNumber(text());
            s.dt = reciprocal && d != 0 ? 1.0 / d : d;
        } else if (tag == QLatin1String("save_step") || tag == QLatin1String("savestep")) {
            s.saveStep = toNumber(text());
        } else {
            keepUnknown(s.extras);
        }
    }
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
        if (!v[1].isEmpty()) {
            d.numbered = true;
            const int size = v[1].toInt();
            for (int i = 1; i <= size; ++i)
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
            (tag == QLatin1String("xpts") ? gf.xpts : gf.ypts) = parseNumberList(text(), sep);
        } else {
            keepUnknown(gf.extras);
        }
    }
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

QString decode(const QByteArray &data)
{
    // The XML declaration may name another encoding; honour it when Qt knows it.
    QByteArray encoding = "UTF-8";
    if (data.startsWith("<?xml")) {
        const qsizetype end = data.indexOf("?>");
        const QByteArray decl = data.left(end);
        const qsizetype at = decl.indexOf("encoding=");
        if (at >= 0 && at + 10 < decl.size()) {
            const char quote = decl[at + 9];
            const qsizetype close = decl.indexOf(quote, at + 10);
            if (close > at)
                encoding = decl.mid(at + 10, close - at - 10);
        }
    }
    QStringDecoder decoder(encoding.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        decoder = QStringDecoder(QStringDecoder::Utf8);
    QString text = decoder(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

} // namespace

XmileReadResult readXmile(const QByteArray &data, const QString &fileName)
{
    XmileReadResult result;
    auto source = std::make_shared<const SourceText>(fileName, decode(data));
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

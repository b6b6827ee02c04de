#include "conveyoroptions.h"

#include "xmilenumbers.h"
#include "xmlnode.h"

namespace meadows {

namespace {

// XMILE's own elements may carry the xmile: or smile: prefix.
QString localName(const QString &qualified)
{
    if (qualified.startsWith(QLatin1String("xmile:")) || qualified.startsWith(QLatin1String("smile:")))
        return qualified.mid(6);
    return qualified;
}

QString textOf(const XmlNode &node)
{
    QString s;
    for (const XmlNode &c : node.children) {
        if (c.isText())
            s += c.text;
    }
    return s.trimmed();
}

// <flag/> and <flag>true</flag> are set; <flag>false</flag> is not.
bool flagSet(const XmlNode &node)
{
    return textOf(node).compare(QLatin1String("false"), Qt::CaseInsensitive) != 0;
}

const XmlNode *child(const std::vector<XmlNode> &children, QStringView name)
{
    for (const XmlNode &c : children) {
        if (!c.isText() && localName(c.name) == name)
            return &c;
    }
    return nullptr;
}

std::optional<double> fractionAt(const Variable &flow, const QString &name)
{
    if (const QString *a = findAttribute(flow.extras.attributes, name))
        return parseSpecNumber(*a);
    if (const XmlNode *n = child(flow.extras.children, name))
        return parseSpecNumber(textOf(*n));
    return std::nullopt;
}

} // namespace

bool isQueue(const Variable &stock)
{
    const XmlNode *queue = child(stock.extras.children, u"queue");
    return stock.kind == VariableKind::Stock && queue && flagSet(*queue);
}

bool isOverflow(const Variable &flow)
{
    const XmlNode *overflow = child(flow.extras.children, u"overflow");
    return flow.kind == VariableKind::Flow && overflow && flagSet(*overflow);
}

std::optional<ConveyorOptions> conveyorOptions(const Variable &stock)
{
    if (stock.kind != VariableKind::Stock)
        return std::nullopt;
    const XmlNode *conveyor = child(stock.extras.children, u"conveyor");
    if (!conveyor)
        return std::nullopt;
    ConveyorOptions o;
    for (const XmlNode &c : conveyor->children) {
        if (c.isText())
            continue;
        const QString name = localName(c.name);
        if (name == QLatin1String("len"))
            o.transitTime = textOf(c);
        else if (name == QLatin1String("capacity"))
            o.capacity = textOf(c);
        else if (name == QLatin1String("in_limit"))
            o.inflowLimit = textOf(c);
        else if (name == QLatin1String("arrest"))
            o.arrest = textOf(c);
        else if (name == QLatin1String("sample"))
            o.sample = textOf(c);
        else if (name == QLatin1String("exponential_leak"))
            o.exponentialLeak = flagSet(c);
        else if (name == QLatin1String("discrete"))
            o.discrete = flagSet(c);
        else if (name == QLatin1String("one_at_a_time"))
            o.oneAtATime = flagSet(c);
        else if (name == QLatin1String("batch_integrity"))
            o.batchIntegrity = flagSet(c);
        else if (c.name == QLatin1String("meadows:signed"))
            o.signedMaterial = flagSet(c);
        else if (!name.contains(u':')) // vendor elements (isee:...) are display settings
            o.unimplemented << name;
    }
    // Stella writes the options as attributes too (<conveyor discrete="true">).
    for (const XmlAttribute &a : conveyor->attributes) {
        const bool set = a.value.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0;
        if (a.name == QLatin1String("exponential_leak"))
            o.exponentialLeak = set;
        else if (a.name == QLatin1String("discrete"))
            o.discrete = set;
        else if (a.name == QLatin1String("one_at_a_time"))
            o.oneAtATime = set;
        else if (a.name == QLatin1String("batch_integrity"))
            o.batchIntegrity = set;
        else if (!a.name.contains(u':') && set)
            o.unimplemented << a.name;
    }
    return o;
}

std::optional<OvenOptions> ovenOptions(const Variable &stock)
{
    if (stock.kind != VariableKind::Stock)
        return std::nullopt;
    const XmlNode *oven = nullptr;
    for (const XmlNode &c : stock.extras.children) {
        const QString name = localName(c.name);
        if (!c.isText() && (name == QLatin1String("oven") || name.endsWith(QLatin1String(":oven"))))
            oven = &c;
    }
    if (!oven)
        return std::nullopt;
    OvenOptions o;
    const auto set = [&o](const QString &name, const QString &value) {
        QString *field = name == QLatin1String("fill_time")    ? &o.fillTime
                         : name == QLatin1String("cook_time")  ? &o.cookTime
                         : name == QLatin1String("capacity")   ? &o.capacity
                         : name == QLatin1String("in_limit")   ? &o.inflowLimit
                         : name == QLatin1String("clean_time") ? &o.cleanTime
                                                               : nullptr;
        if (field)
            *field = value;
        else if (!name.contains(u':')) // vendor elements (isee:...) are display settings
            o.unimplemented << name;
    };
    for (const XmlNode &c : oven->children) {
        if (!c.isText())
            set(localName(c.name), textOf(c));
    }
    for (const XmlAttribute &a : oven->attributes)
        set(a.name, a.value.trimmed());
    return o;
}

std::optional<LeakOptions> leakOptions(const Variable &flow)
{
    if (flow.kind != VariableKind::Flow)
        return std::nullopt;
    const XmlNode *leak = child(flow.extras.children, u"leak");
    if (!leak || !flagSet(*leak))
        return std::nullopt;
    LeakOptions o;
    const QString text = textOf(*leak);
    if (!text.isEmpty() && text.compare(QLatin1String("true"), Qt::CaseInsensitive) != 0)
        o.fraction = text;
    if (const XmlNode *n = child(flow.extras.children, u"leak_integers"))
        o.integers = flagSet(*n);
    o.start = fractionAt(flow, QStringLiteral("leak_start")).value_or(0.0);
    o.end = fractionAt(flow, QStringLiteral("leak_end")).value_or(1.0);
    return o;
}

} // namespace meadows

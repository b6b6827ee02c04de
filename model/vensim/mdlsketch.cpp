#include "mdlsketch.h"

#include "model/connectorangle.h"
#include "model/names.h"

#include <QHash>
#include <QSet>

namespace meadows::vensim {

namespace {

// A sketch line's comma-separated fields; a quoted name may hold commas.
QStringList fields(QStringView line)
{
    QStringList out;
    QString cur;
    bool quoted = false;
    for (const QChar c : line) {
        if (c == u'"')
            quoted = !quoted;
        if (c == u',' && !quoted) {
            out << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    out << cur;
    return out;
}

// "(x,y)|(x,y)|" after the '|' of an arrow line.
std::vector<QPointF> points(QStringView tail)
{
    std::vector<QPointF> out;
    for (const QStringView part : tail.split(u'|', Qt::SkipEmptyParts)) {
        const QStringView p = part.trimmed();
        if (!p.startsWith(u'(') || !p.endsWith(u')'))
            continue;
        const auto xy = p.mid(1, p.size() - 2).split(u',');
        if (xy.size() == 2)
            out.emplace_back(xy[0].toDouble(), xy[1].toDouble());
    }
    return out;
}

struct SketchItem {
    int type = 0;
    QString name;
    QPointF at;
    double w = 0, h = 0;
    bool shadow = false;
    int valveFlow = -1; // a valve: the id of its flow's variable
    qsizetype offset = 0;
};

struct Arrow {
    int id = 0, from = 0, to = 0;
    int shape = 0;
    int polarity = 0;
    bool pipe = false;
    std::vector<QPointF> pts;
};

class SketchReader {
public:
    SketchReader(Model &model, Reporter &report) : m_model(model), m_report(report) {}

    void line(QStringView text, qsizetype offset)
    {
        if (text.startsWith(u"*")) {
            finishView();
            m_view = View{};
            m_view.type = QStringLiteral("stock_flow");
            m_open = true;
            return;
        }
        if (text.startsWith(u"$")) {
            if (!m_warnedStyle) // the first style line of the first view
                m_report.warning(offset, QStringLiteral("the sketch's fonts and colours are not read"));
            m_warnedStyle = true;
            return;
        }
        const qsizetype bar = text.indexOf(u'|');
        const QStringList f = fields(bar < 0 ? text : text.left(bar));
        bool ok = false;
        const int type = f.value(0).toInt(&ok);
        if (!ok || f.size() < 4)
            return;
        const int id = f.value(1).toInt();
        if (type == 1) {
            Arrow a;
            a.id = id;
            a.from = f.value(2).toInt();
            a.to = f.value(3).toInt();
            a.shape = f.value(4).toInt();
            a.polarity = f.value(6).toInt();
            a.pipe = f.value(7).toInt() == 22;
            if (bar >= 0)
                a.pts = points(text.mid(bar));
            m_arrows.push_back(std::move(a));
            return;
        }
        if (type != 10 && type != 11 && type != 12)
            return;
        SketchItem item;
        item.type = type;
        item.name = f.value(2).trimmed();
        if (item.name.startsWith(u'"') && item.name.endsWith(u'"') && item.name.size() >= 2)
            item.name = item.name.mid(1, item.name.size() - 2);
        item.at = QPointF(f.value(3).toDouble(), f.value(4).toDouble());
        item.w = f.value(5).toDouble();
        item.h = f.value(6).toDouble();
        const int bits = f.value(8).toInt();
        item.shadow = type == 10 && (bits & 1) == 0;
        item.offset = offset;
        if (type == 10 && m_lastValve >= 0 && (f.value(7).toInt() & 32))
            m_items[m_lastValve].valveFlow = id; // the flow's name sits on the valve before it
        m_lastValve = type == 11 ? id : -1;
        m_items.insert(id, item);
        m_order.push_back(id);
    }

    void finish() { finishView(); }

private:
    // The variable a sketch item names. Indexed once: Model::findVariable compares every
    // variable's canonical name, and a sketch names each of thousands of variables.
    const Variable *variable(const QString &name)
    {
        if (m_byName.isEmpty()) {
            for (qsizetype i = 0; i < qsizetype(m_model.variables.size()); ++i) {
                const QString key = canonicalName(m_model.variables[std::size_t(i)].name);
                if (!m_byName.contains(key)) // the first of a name, as findVariable
                    m_byName.insert(key, i);
            }
        }
        const auto it = m_byName.constFind(canonicalName(name));
        return it == m_byName.constEnd() ? nullptr : &m_model.variables[std::size_t(*it)];
    }

    // The name a connector end stands for: a variable, or a valve's flow.
    ConnectorEnd end(int id) const
    {
        ConnectorEnd e;
        const auto it = m_items.constFind(id);
        if (it == m_items.constEnd())
            return e;
        if (it->type == 11) {
            const auto flow = m_items.constFind(it->valveFlow);
            if (flow != m_items.constEnd())
                e.name = flow->name;
            return e;
        }
        if (it->shadow)
            e.aliasUid = id;
        else
            e.name = it->name;
        return e;
    }

    void finishView()
    {
        if (!m_open)
            return;
        using T = ViewElement::Type;
        QSet<int> flowLabels;
        for (int id : m_order)
            if (m_items[id].type == 11 && m_items[id].valveFlow >= 0)
                flowLabels.insert(m_items[id].valveFlow);
        for (int id : m_order) {
            const SketchItem &item = m_items[id];
            if (item.type == 12 || flowLabels.contains(id))
                continue; // clouds are where a pipe ends; a flow's label is drawn with its valve
            ViewElement e;
            e.uid = id;
            e.x = item.at.x();
            e.y = item.at.y();
            QString name = item.name;
            if (item.type == 11) {
                const auto flow = m_items.constFind(item.valveFlow);
                if (flow == m_items.constEnd())
                    continue;
                name = flow->name;
            }
            const Variable *v = variable(name);
            if (!v) {
                const QString key = canonicalName(name);
                if (key != QLatin1String("time") && key != QLatin1String("time_step") && key != QLatin1String("initial_time")
                    && key != QLatin1String("final_time") && key != QLatin1String("saveper"))
                    m_report.warning(item.offset, QStringLiteral("the sketch shows '%1', which the equations do not define").arg(name));
                continue;
            }
            if (item.shadow) {
                e.type = T::Alias;
                e.aliasOf = v->name;
            } else {
                e.type = v->kind == VariableKind::Stock ? T::Stock : v->kind == VariableKind::Flow ? T::Flow : T::Aux;
                e.name = v->name;
                if (e.type == T::Stock) {
                    e.width = 2 * item.w;
                    e.height = 2 * item.h;
                }
            }
            if (item.type == 11)
                e.points = pipe(id);
            m_view.elements.push_back(std::move(e));
        }
        for (const Arrow &a : m_arrows) {
            if (a.pipe)
                continue;
            ViewElement c;
            c.type = T::Connector;
            c.uid = a.id;
            c.from = end(a.from);
            c.to = end(a.to);
            if ((c.from.name.isEmpty() && !c.from.aliasUid) || (c.to.name.isEmpty() && !c.to.aliasUid))
                continue;
            if (a.polarity == 43 || a.polarity == 83)
                c.polarity = QStringLiteral("+");
            else if (a.polarity == 45 || a.polarity == 79)
                c.polarity = QStringLiteral("-");
            const auto from = m_items.constFind(a.from), to = m_items.constFind(a.to);
            if (from != m_items.constEnd() && to != m_items.constEnd())
                c.angle = a.pts.empty() ? straightAngle(from->at, to->at) : angleThrough(from->at, a.pts.front(), to->at);
            m_view.elements.push_back(std::move(c));
        }
        m_model.views.push_back(std::move(m_view));
        m_items.clear();
        m_order.clear();
        m_arrows.clear();
        m_open = false;
    }

    // A flow's pipe: from the end it comes from (the arrow Vensim marks 100) to the end it
    // goes to, through the valve's bends.
    std::vector<ViewPoint> pipe(int valve) const
    {
        std::vector<QPointF> source, target;
        for (const Arrow &a : m_arrows) {
            if (!a.pipe || a.from != valve)
                continue;
            if (a.shape == 100)
                source = a.pts;
            else
                target = a.pts;
        }
        std::vector<ViewPoint> out;
        for (auto it = source.rbegin(); it != source.rend(); ++it)
            out.push_back({it->x(), it->y(), {}});
        for (const QPointF &p : target)
            out.push_back({p.x(), p.y(), {}});
        return out;
    }

    Model &m_model;
    Reporter &m_report;
    View m_view;
    bool m_open = false;
    bool m_warnedStyle = false;
    QHash<int, SketchItem> m_items;
    QHash<QString, qsizetype> m_byName; // canonical name -> index in m_model.variables; the sketch adds none
    std::vector<int> m_order;
    std::vector<Arrow> m_arrows;
    int m_lastValve = -1;
};

} // namespace

void readSketch(const QString &text, qsizetype begin, Model &model, Reporter &report)
{
    SketchReader reader(model, report);
    qsizetype at = begin;
    while (at < text.size()) {
        qsizetype end = text.indexOf(u'\n', at);
        if (end < 0)
            end = text.size();
        const QStringView line = QStringView(text).mid(at, end - at).trimmed();
        if (line.startsWith(u"///---"))
            break;
        if (!line.startsWith(u"V300") && !line.startsWith(u"V364"))
            reader.line(line, at);
        at = end + 1;
    }
    reader.finish();
}

} // namespace meadows::vensim

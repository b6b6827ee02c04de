#include "mdlsketch.h"

#include "mdllexer.h"
#include "mdlsketchitems.h"
#include "mdlsketchlines.h"
#include "mdlsketchstyle.h"
#include "mdlviewtiling.h"
#include "model/connectorangle.h"
#include "model/elementtype.h"
#include "model/names.h"
#include "model/viewstyle.h"

#include <QHash>
#include <QRectF>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace meadows::vensim {

namespace {

class SketchReader {
public:
    SketchReader(Model &model, Reporter &report, const QStringList &realityChecks) : m_model(model), m_report(report)
    {
        for (const QString &name : realityChecks)
            m_realityChecks.insert(canonicalName(name));
    }

    void line(QStringView text, qsizetype offset)
    {
        if (m_textOf != -1) {
            // The line after a comment's or an object's is its words or its object's name,
            // whatever they look like ("1,2,3" is not an arrow there), unless the file ends
            // the view there: a comment whose words are missing must not take the next view.
            const auto it = m_textOf >= 0 ? m_items.find(m_textOf) : m_items.end();
            m_textOf = -1;
            if (text.startsWith(u'*')) {
                m_report.warning(offset, QStringLiteral("the sketch's comment before this line has no words"));
            } else {
                if (it != m_items.end() && it->comment)
                    it->text = commentText(text, offset);
                else if (it != m_items.end()) // bits 4 and 8: a graph, a table or a slider, named here
                    m_graphs.add(it->offset, text.toString());
                return;
            }
        }
        if (text.startsWith(u"*")) {
            finishView();
            m_view = View{};
            m_view.type = QStringLiteral("stock_flow");
            m_viewName = text.mid(1).trimmed().toString();
            m_viewStyle = {};
            m_fontScale = 1;
            m_open = true;
            return;
        }
        if (text.startsWith(u"$")) {
            if (!m_oldFormat) { // V160's line and fields are laid out otherwise, and not read
                m_viewStyle = viewStyleFromVensim(text.mid(1));
                m_fontScale = sketchFontScale(text.mid(1));
            }
            return;
        }
        // An arrow's points follow a '|'; a word's font holds '|'s and comes last.
        const qsizetype bar = text.startsWith(u"1,") ? text.indexOf(u'|') : -1;
        const QStringList f = fields(bar < 0 ? text : text.left(bar));
        bool ok = false;
        const int type = f.value(0).toInt(&ok);
        if (text.isEmpty() || text.startsWith(u"\\\\\\---///")) // a view's own copy of the sketch's first line
            return;
        // What is left out is said: a line of no kind Meadows reads, an object of another
        // type (Vensim's bitmaps and buttons), one cut short before its place and size.
        const int needed = type == 1 ? 4 : 7;
        if (!ok || (type != 1 && type != 10 && type != 11 && type != 12) || f.size() < needed) {
            leftOut(offset, !ok ? QStringLiteral("this line of the sketch is no object Meadows reads: left out")
                            : f.size() < needed && type >= 1 && type <= 12
                                ? QStringLiteral("the sketch's object %1 is cut short (%2 fields): left out")
                                      .arg(f.value(1)).arg(f.size())
                                : QStringLiteral("the sketch's object %1 is of type %2, which Meadows does not "
                                                 "draw: left out").arg(f.value(1)).arg(type));
            return;
        }
        const int id = f.value(1).toInt();
        if (type == 1) {
            Arrow a;
            a.id = id;
            a.offset = offset;
            a.from = f.value(2).toInt();
            a.to = f.value(3).toInt();
            a.shape = f.value(4).toInt();
            a.polarity = f.value(6).toInt();
            a.pipe = f.value(7).toInt() == 22;
            a.hidden = !m_oldFormat && !a.pipe && f.value(5).toInt() != 0; // its hide field, as an object's
            if (a.from == a.to && !a.pipe)
                m_report.warning(offset, QStringLiteral("the sketch's arrow %1 runs from object %2 to itself: left out")
                                             .arg(id).arg(a.from));
            if (!m_oldFormat)
                a.style = arrowStyleFromVensim(f);
            if (bar >= 0)
                a.pts = points(text.mid(bar));
            if (!std::all_of(a.pts.begin(), a.pts.end(),
                             [](QPointF p) { return isDrawableCoordinate(p.x()) && isDrawableCoordinate(p.y()); })) {
                m_report.warning(offset, QStringLiteral("the sketch's arrow %1 bends through a point no diagram can show: "
                                                        "it is drawn straight").arg(id));
                a.pts.clear();
            }
            m_arrows.push_back(std::move(a));
            return;
        }
        if (type != 10 && type != 11 && type != 12)
            return;
        SketchItem item;
        item.type = type;
        item.name = f.value(2).trimmed();
        if (item.name.startsWith(u'"') && item.name.endsWith(u'"') && item.name.size() >= 2)
            item.name = quotedNameAsXmile(QStringView(item.name).mid(1, item.name.size() - 2));
        item.at = QPointF(f.value(3).toDouble(), f.value(4).toDouble());
        item.w = f.value(5).toDouble();
        item.h = f.value(6).toDouble();
        const bool drawable = isDrawableCoordinate(item.at.x()) && isDrawableCoordinate(item.at.y())
                              && isDrawableSize(2 * item.w) && isDrawableSize(2 * item.h);
        const bool repeated = m_items.contains(id);
        if (!drawable || repeated) {
            m_report.warning(offset, repeated ? QStringLiteral("the sketch numbers two objects %1 in one view: the second is "
                                                               "left out").arg(id)
                                              : QStringLiteral("the sketch's object %1 is placed or sized where no diagram "
                                                               "can show it: it is left out").arg(id));
            if (type == 12 && (f.value(8).toInt() & 4))
                m_textOf = -2; // its words, on the next line, go with it
            return;
        }
        const int bits = f.value(8).toInt();
        item.shadow = type == 10 && (bits & 1) == 0;
        item.shape = f.value(7).toInt();
        item.hidden = !m_oldFormat && f.value(9).toInt() != 0;
        item.offset = offset;
        if (!m_oldFormat)
            item.style = wordStyleFromVensim(f, m_fontScale);
        // Bit 4: the words are on the next line. Read off files: graphs, tables and
        // sliders set 8 as well, and their next line names what they show.
        if (type == 12 && (bits & 4) && !m_oldFormat) {
            m_textOf = id;
            item.comment = (bits & 8) == 0;
        }
        if (type == 10 && m_lastValve >= 0 && (f.value(7).toInt() & 32))
            m_items[m_lastValve].valveFlow = id; // the flow's name sits on the valve before it
        m_lastValve = type == 11 ? id : -1;
        m_items.insert(id, item);
        m_order.push_back(id);
    }

    // A line left out, said: the first few, then how many more (finish); a damaged sketch
    // may hold thousands.
    void leftOut(qsizetype offset, const QString &message)
    {
        m_lastLeftOut = std::max(m_lastLeftOut, offset);
        if (++m_leftOut <= kSaidLeftOut)
            m_report.warning(offset, message);
    }

    void finish()
    {
        finishView();
        if (m_leftOut > kSaidLeftOut)
            m_report.warning(m_lastLeftOut, QStringLiteral("and %1 more lines of the sketch left out, the last here")
                                                .arg(m_leftOut - kSaidLeftOut));
        // Said once each, at the first: World3-03 shows Time in 23 places and 10 graphs.
        m_clockShadows.say(m_report,
                           QStringLiteral("the sketch's '%1' is not drawn, nor its arrows: Meadows keeps the clock built "
                                          "in, not as a variable on the diagram"),
                           QStringLiteral("the sketch's %2 shadows of Time and the clock's settings ('%1' here, the first) "
                                          "are not drawn, nor their arrows: Meadows keeps the clock built in, not as a "
                                          "variable on the diagram"));
        m_graphs.say(m_report,
                     QStringLiteral("the sketch's graph, table or slider '%1' is not drawn: Meadows draws none in the diagram"),
                     QStringLiteral("the sketch's %2 graphs, tables and sliders ('%1' here, the first) are not drawn: "
                                    "Meadows draws none in the diagram"));
    }

    // A comment's words as a text box holds them: Vensim writes a line break as \n or
    // <<NnN>>; control characters, which no picture can hold, are left out; and at most
    // kMaxCommentLength characters, since a comment is a note, not a document.
    QString commentText(QStringView line, qsizetype offset)
    {
        constexpr qsizetype kMaxCommentLength = 10000;
        QString text = line.toString().replace(QLatin1String("\\n"), QLatin1String("\n"))
                           .replace(QLatin1String("<<NnN>>"), QLatin1String("\n"));
        text.removeIf([](QChar c) { return c.unicode() < 0x20 && c != u'\n' && c != u'\t'; });
        if (text.size() > kMaxCommentLength) {
            m_report.warning(offset, QStringLiteral("the sketch's comment is %1 characters long: its first %2 are kept")
                                         .arg(text.size()).arg(kMaxCommentLength));
            text.truncate(kMaxCommentLength);
        }
        return text;
    }
    // V160's sketch, turned into V300's lines (asVersion300) but for their styles.
    void setOldFormat(bool old) { m_oldFormat = old; }
    // The names of the views finished, in order ("*Demographics" gives "Demographics").
    const QStringList &viewNames() const { return m_viewNames; }

private:
    // The variable a sketch item names. Indexed once: Model::findVariable compares every
    // variable's canonical name, and a sketch names each of thousands of variables.
    const Variable *variable(const QString &name) const
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
            e.name = flow != m_items.constEnd() ? flow->name : unnamedValveFlow(id);
            return e;
        }
        if (it->shadow || m_demoted.contains(id))
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
        // The first view's defaults are the model's; a later view's that differ are given
        // to each of its elements, since its elements may end up in one diagram with others.
        const bool ownStyle = m_styled && !(m_viewStyle == m_firstStyle);
        if (!m_styled) {
            m_firstStyle = m_viewStyle;
            if (!m_viewStyle.attributes.empty() || !m_viewStyle.children.empty())
                m_model.viewsExtras.children.push_back(m_viewStyle);
            m_styled = true;
        }
        // A view's defaults for an element of a type: its general ones, then its type's.
        const auto defaults = [](const XmlNode &style, ViewElement::Type type) {
            XmlAttributes out = style.attributes;
            for (const XmlNode &child : style.children)
                if (child.name == xmileTag(type))
                    out.insert(out.end(), child.attributes.begin(), child.attributes.end());
            return out;
        };
        // `type`: what the element is drawn as (a shadow, as what it stands for).
        const auto styled = [&](ViewElement::Type type, const XmlAttributes &own) {
            XmlAttributes out;
            if (ownStyle) {
                // What the first view sets and this one does not (a fill) is unset here.
                const XmlAttributes mine = defaults(m_viewStyle, type);
                for (const XmlAttribute &a : defaults(m_firstStyle, type))
                    if (std::none_of(mine.begin(), mine.end(), [&](const XmlAttribute &m) { return m.name == a.name; }))
                        out.push_back({a.name, QString()});
                out.insert(out.end(), mine.begin(), mine.end());
            }
            // The element's own style replaces the view's for the same attribute.
            for (const XmlAttribute &a : own) {
                const auto same = std::find_if(out.begin(), out.end(), [&a](const XmlAttribute &o) { return o.name == a.name; });
                if (same != out.end())
                    same->value = a.value;
                else
                    out.push_back(a);
            }
            return out;
        };
        QSet<int> flowLabels, placed; // placed: the ids of the items that became elements
        for (int id : m_order)
            if (m_items[id].type == 11 && m_items[id].valveFlow >= 0)
                flowLabels.insert(m_items[id].valveFlow);
        for (int id : m_order) {
            const SketchItem &item = m_items[id];
            if (item.hidden)
                continue; // Vensim does not draw it, nor its connectors (placed)
            if (item.comment && !item.text.trimmed().isEmpty()) {
                ViewElement box; // placed by its top-left corner, as text boxes are
                box.type = T::TextBox;
                box.uid = id;
                // Vensim's box is its words'; a text box holds a margin of 4 round them (the
                // editor's), so it is 8 wider, or its last word wraps where Vensim's did not.
                box.x = item.at.x() - item.w - 4;
                box.y = item.at.y() - item.h;
                box.width = 2 * item.w + 8;
                box.height = 2 * item.h;
                box.text = item.text;
                // A comment's box is its frame: XMILE's border, drawn only when it has a style.
                XmlAttributes own;
                for (const XmlAttribute &a : item.style) {
                    if (a.name == QLatin1String("color")) {
                        own.push_back({QStringLiteral("border_color"), a.value});
                        own.push_back({QStringLiteral("border_style"), QStringLiteral("solid")});
                    } else {
                        own.push_back(a);
                    }
                }
                box.extras.attributes = styled(T::TextBox, own);
                m_view.elements.push_back(std::move(box));
                continue;
            }
            if (item.type == 12 || flowLabels.contains(id))
                continue; // clouds are where a pipe ends; a flow's label is drawn with its valve
            ViewElement e;
            e.uid = id;
            e.x = item.at.x();
            e.y = item.at.y();
            QString name = item.name;
            if (item.type == 11) {
                const auto flow = m_items.constFind(item.valveFlow);
                name = flow != m_items.constEnd() ? flow->name : unnamedValveFlow(id);
                if (name.isEmpty())
                    continue;
            }
            const Variable *v = variable(name);
            if (!v) {
                const QString key = canonicalName(name);
                const bool perElement = std::any_of(m_model.variables.begin(), m_model.variables.end(), [&](const Variable &other) {
                    return other.name.startsWith(name.simplified() + QLatin1Char('['), Qt::CaseInsensitive);
                });
                if (m_realityChecks.contains(key))
                    m_report.warning(item.offset, QStringLiteral("the sketch's '%1' is a Reality Check, which Meadows leaves "
                                                                 "out (said at its equation): not drawn").arg(name));
                else if (perElement)
                    m_report.warning(item.offset, QStringLiteral("the sketch shows '%1', a lookup defined element by element: "
                                                                 "each element is a table of its own, and the diagram does "
                                                                 "not show them").arg(name));
                else if (key != QLatin1String("time") && key != QLatin1String("time_step") && key != QLatin1String("initial_time")
                         && key != QLatin1String("final_time") && key != QLatin1String("saveper"))
                    m_report.warning(item.offset, QStringLiteral("the sketch shows '%1', which the equations do not define").arg(name));
                else
                    m_clockShadows.add(item.offset, name);
                continue;
            }
            // Vensim lets a variable be shown in full in two views (World3-03's POLICY
            // YEAR); the diagram keeps one and shows the others as shadows, with the
            // connectors in their views drawn from the shadow.
            const QString key = canonicalName(v->name);
            const bool demoted = !item.shadow && m_placedNames.contains(key);
            if (demoted)
                m_demoted.insert(id);
            else if (!item.shadow)
                m_placedNames.insert(key);
            const T drawnAs = elementTypeOf(v->kind);
            if (item.shadow || demoted) {
                e.type = T::Alias;
                e.aliasOf = v->name;
            } else {
                e.type = drawnAs;
                e.name = v->name;
                if (e.type == T::Stock) {
                    e.width = 2 * item.w;
                    e.height = 2 * item.h;
                    e.labelSide = QStringLiteral("center"); // Vensim writes a stock's name in its box
                } else if (item.type == 11 && item.valveFlow >= 0) {
                    e.labelSide = flowLabelSide(item.at, m_items.value(item.valveFlow).at);
                }
            }
            XmlAttributes own = item.style;
            if (item.type == 11 && item.valveFlow >= 0) { // the valve's colours, then its name's font (what the valve does not set)
                for (const XmlAttribute &a : m_items.value(item.valveFlow).style)
                    if (std::none_of(own.begin(), own.end(), [&a](const XmlAttribute &o) { return o.name == a.name; }))
                        own.push_back(a);
            }
            e.extras.attributes = styled(drawnAs, own);
            // Vensim writes a variable, and any shadow, as its name alone, centred there, unless
            // its shape's low bits ask for one: 8 (the words its tools make) and 0 (World3's 180
            // converted variables, whose names drawn under circles ran into their neighbours').
            if ((drawnAs == T::Aux || e.type == T::Alias) && (item.shape & 7) == 0)
                setDrawnAsName(e);
            // A name breaks where it breaks in Vensim: at the width of its word's box, where
            // Meadows draws the name as Vensim does, alone or by its valve (not under a
            // circle, where a wide box would run into its neighbours' names, nor in a stock,
            // which wraps its name in the box as resized).
            if (drawnAsName(e) || item.type == 11)
                setLabelWrapWidth(e, 2 * (item.type == 11 ? m_items.value(item.valveFlow).w : item.w));
            if (item.type == 11)
                e.points = pipeThroughValve(id, m_items, m_arrows, [this](const QString &n) { return variable(n); });
            placed.insert(id);
            if (item.type == 11 && item.valveFlow >= 0)
                placed.insert(item.valveFlow); // connectors may end on the flow's label
            m_view.elements.push_back(std::move(e));
        }
        for (const Arrow &a : m_arrows) {
            // An arrow from or to an object the view does not have (or left out as no kind
            // Meadows reads): said, where it had been dropped without a word.
            if (const int missing = !m_items.contains(a.from) ? a.from : !m_items.contains(a.to) ? a.to : -1; missing >= 0)
                leftOut(a.offset, QStringLiteral("the sketch's arrow %1 runs %2 object %3, which the view does not "
                                                          "draw: left out").arg(a.id).arg(missing == a.from ? QStringLiteral("from")
                                                                                                           : QStringLiteral("to"))
                                                                           .arg(missing));
            // A connector from an item that is not drawn (a shadow of Time, which Meadows
            // keeps built in) would have no end on the diagram.
            if (a.pipe || a.hidden || a.from == a.to || !placed.contains(a.from) || !placed.contains(a.to))
                continue;
            ViewElement c;
            c.type = T::Connector;
            c.uid = a.id;
            c.from = end(a.from);
            c.to = end(a.to);
            if ((c.from.name.isEmpty() && !c.from.aliasUid) || (c.to.name.isEmpty() && !c.to.aliasUid))
                continue;
            c.extras.attributes = styled(T::Connector, a.style);
            // An arrow to or from a flow's name word (shape bit 32: on its valve), not its valve.
            for (const bool atTarget : {false, true})
                if (const SketchItem end = m_items.value(atTarget ? a.to : a.from); end.type == 10 && (end.shape & 32))
                    setConnectorAtFlowName(c, atTarget);
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
        m_viewNames.push_back(m_viewName);
        m_items.clear();
        m_unnamedFlows.clear();
        m_demoted.clear();
        m_order.clear();
        m_arrows.clear();
        m_open = false;
    }

    // A valve with no name of its own: the rate of "position = INTEG(speed, ...)" where speed
    // is a stock, which the reader made a flow of its own (position net flow). It is the flow
    // of a stock the valve's pipe reaches that no object of this view names and no other
    // valve took, the same each time it is asked.
    QString unnamedValveFlow(int valve) const
    {
        if (const auto known = m_unnamedFlows.constFind(valve); known != m_unnamedFlows.constEnd())
            return *known;
        QSet<QString> named = m_flowsTaken;
        for (const SketchItem &i : m_items)
            if (i.type == 10)
                named.insert(canonicalName(i.name));
        QString found;
        for (const Arrow &a : m_arrows) {
            const auto end = m_items.constFind(a.to);
            if (!a.pipe || a.from != valve || end == m_items.constEnd() || end->type != 10)
                continue;
            const Variable *stock = variable(end->name);
            if (!stock || stock->kind != VariableKind::Stock)
                continue;
            for (const QString &f : stock->inflows + stock->outflows)
                if (found.isEmpty() && !named.contains(canonicalName(f)))
                    found = f;
        }
        m_unnamedFlows.insert(valve, found);
        if (!found.isEmpty())
            m_flowsTaken.insert(canonicalName(found));
        return found;
    }

    Model &m_model;
    Reporter &m_report;
    View m_view;
    QString m_viewName;
    QStringList m_viewNames;
    bool m_open = false;
    bool m_oldFormat = false;
    XmlNode m_viewStyle;  // this view's '$' line
    double m_fontScale = 1; // and its font sizes' scale
    XmlNode m_firstStyle; // the first view's
    bool m_styled = false; // the first view's style is the model's (<views><style>)
    int m_textOf = -1;    // the comment or object whose words are the next line; -2 one left out, -1 none
    QHash<int, SketchItem> m_items;
    QSet<QString> m_placedNames; // canonical names of the variables shown in full so far, any view
    QSet<int> m_demoted;         // this view's items shown as shadows because shown in full before
    mutable QHash<QString, qsizetype> m_byName; // filled on first use; canonical name -> index in m_model.variables; the sketch adds none
    std::vector<int> m_order;
    static constexpr int kSaidLeftOut = 20; // lines left out said one by one (leftOut)
    int m_leftOut = 0;           // the sketch's lines left out so far (line)
    qsizetype m_lastLeftOut = 0; // where the last of them is
    // Objects of a kind Meadows leaves out, said once for all (finish).
    struct Tally {
        int count = 0;
        qsizetype first = 0;
        QString name; // the first's
        void add(qsizetype at, const QString &what)
        {
            if (count++ == 0) {
                first = at;
                name = what;
            }
        }
        // `one` names the only one (%1); `many` the first (%1) and how many (%2).
        void say(Reporter &report, const QString &one, const QString &many) const
        {
            if (count > 0)
                report.warning(first, count == 1 ? one.arg(name) : many.arg(name, QString::number(count))); // one pass: a name may hold "%2"
        }
    };
    Tally m_clockShadows, m_graphs;
    QSet<QString> m_realityChecks; // canonical names
    mutable QHash<int, QString> m_unnamedFlows; // this view's valves with no name: their flows
    mutable QSet<QString> m_flowsTaken;          // canonical names of those flows, every view
    std::vector<Arrow> m_arrows;
    int m_lastValve = -1;
};

} // namespace

void readSketch(const QString &text, qsizetype begin, Model &model, Reporter &report, const QStringList &realityChecks)
{
    const std::size_t first = model.views.size();
    SketchReader reader(model, report, realityChecks);
    qsizetype at = begin;
    bool oldFormat = false;
    int arrowId = 1000000; // V160 arrows have no ids; these stay clear of its objects'
    while (at < text.size()) {
        qsizetype end = text.indexOf(u'\n', at);
        if (end < 0)
            end = text.size();
        const QStringView line = QStringView(text).mid(at, end - at).trimmed();
        if (line.startsWith(u"///---"))
            break;
        if (line.size() > 1 && line[0] == u'V' && line[1].isDigit()) {
            oldFormat = line.startsWith(u"V160");
            reader.setOldFormat(oldFormat);
            if (!oldFormat && !line.startsWith(u"V300") && !line.startsWith(u"V364"))
                report.warning(at, QStringLiteral("the sketch's version %1 is not one Meadows reads (V160, V300, V364): "
                                                  "what it draws may be missing").arg(line.left(4).toString()));
        } else if (oldFormat && (line.startsWith(u'|') || line.startsWith(u'>'))) {
            const QString converted = asVersion300(line, arrowId);
            if (!converted.isEmpty())
                reader.line(converted, at);
        } else {
            reader.line(line, at);
        }
        at = end + 1;
    }
    reader.finish();
    tileViews(model, first, reader.viewNames());
}

} // namespace meadows::vensim

#include "mdlsubscripts.h"

#include "model/names.h"
#include "model/sizelimit.h"

#include <algorithm>

#include <QRegularExpression>

namespace meadows::vensim {

void SubscriptRanges::addDefinition(const QString &name, const QString &text, qsizetype begin, qsizetype end,
                                    bool equivalence, const Warn &error, const QStringList &read)
{
    Raw raw;
    raw.name = name;
    raw.items = read;
    raw.offset = begin;
    Lexer lex(text, begin, end);
    for (;;) {
        Token t = lex.next();
        if (t.kind == Tok::End)
            break;
        if (t.kind == Tok::Map) {
            // "-> other": this range's elements correspond to other's, in order. "-> (other:
            // x, y)": to the items listed, each an element or a subrange of other.
            while ((t = lex.next()).kind != Tok::End) {
                if (t.kind == Tok::Name) {
                    m_maps.append({canonicalName(name), canonicalName(t.text)});
                } else if (t.kind == Tok::LParen) {
                    const Token target = lex.next();
                    if (target.kind != Tok::Name || lex.next().kind != Tok::Colon) {
                        error(t.offset, QStringLiteral("a subscript mapping lists its elements as (range: item, item, ...)"));
                        return;
                    }
                    QStringList items;
                    while ((t = lex.next()).kind != Tok::End && t.kind != Tok::RParen)
                        if (t.kind == Tok::Name)
                            items << t.text;
                    m_maps.append({canonicalName(name), canonicalName(target.text)});
                    m_listed.insert({canonicalName(name), canonicalName(target.text)}, items);
                }
            }
            break;
        }
        if (t.kind == Tok::Name && lex.peek().kind == Tok::LParen) {
            error(t.offset, QStringLiteral("%1 is not supported: subscript ranges must be listed in the model").arg(t.text));
            return;
        }
        if (t.kind == Tok::LParen) {
            // (a1-a10): a numeric range.
            const Token from = lex.next();
            const Token dash = lex.next();
            const Token to = lex.next();
            const Token close = lex.next();
            static const QRegularExpression tail(QStringLiteral("^(.*?)(\\d+)$"));
            const auto a = tail.match(from.text), b = tail.match(to.text);
            if (dash.kind != Tok::Minus || close.kind != Tok::RParen || !a.hasMatch() || !b.hasMatch()
                || a.captured(1) != b.captured(1)) {
                error(t.offset, QStringLiteral("a numeric subscript range is written (a1-a10)"));
                return;
            }
            bool firstRead = false, lastRead = false;
            const qint64 first = a.captured(2).toLongLong(&firstRead), last = b.captured(2).toLongLong(&lastRead);
            if (!firstRead || !lastRead || last - first + 1 > maxModelSize()) {
                error(t.offset, QStringLiteral("the numeric subscript range (%1-%2) has more than %3 elements (raise "
                                               "the limit with --max-size)").arg(from.text, to.text).arg(maxModelSize()));
                return;
            }
            if (last < first) {
                error(t.offset, QStringLiteral("the numeric subscript range (%1-%2) is empty: it counts down")
                                    .arg(from.text, to.text));
                return;
            }
            for (qint64 k = first; k <= last; ++k)
                raw.items << a.captured(1) + QString::number(k);
        } else if (t.kind == Tok::Name || t.kind == Tok::Number) {
            raw.items << t.text;
        } else if (t.kind != Tok::Comma) {
            error(t.offset, QStringLiteral("unexpected text in the subscript range %1").arg(name));
            return;
        }
    }
    if (equivalence && raw.items.size() != 1) {
        error(begin, QStringLiteral("an equivalence names one other subscript range"));
        return;
    }
    m_raw.push_back(std::move(raw));
}

// A range named inside another stands for its elements. Each range is expanded once and
// remembered: a chain of ranges that each name the next twice would otherwise take time
// and memory exponential in its length. A range reached again while it is being expanded
// is a cycle; the total size is bounded like every other part of a model.
QStringList SubscriptRanges::expand(std::size_t index, const QHash<QString, std::size_t> &byKey, const Warn &error)
{
    Raw &raw = m_raw[index];
    if (raw.state == Raw::Done)
        return raw.elements;
    if (raw.state == Raw::Expanding) {
        error(raw.offset, QStringLiteral("the subscript range %1 is defined in terms of itself").arg(raw.name));
        return {};
    }
    raw.state = Raw::Expanding;
    QStringList out;
    for (const QString &item : raw.items) {
        const auto inner = byKey.constFind(canonicalName(item));
        if (inner != byKey.constEnd() && *inner != index)
            out << expand(*inner, byKey, error);
        else
            out << item;
        if (out.size() > maxModelSize()) {
            error(raw.offset, QStringLiteral("the subscript range %1 has more than %2 elements (raise the limit with "
                                             "--max-size)").arg(raw.name).arg(maxModelSize()));
            out.clear();
            break;
        }
    }
    raw.elements = out;
    raw.state = Raw::Done;
    return out;
}

void SubscriptRanges::resolve(const Warn &error)
{
    QHash<QString, std::size_t> byKey; // the last definition of a name wins, as it always has
    for (std::size_t i = 0; i < m_raw.size(); ++i)
        byKey.insert(canonicalName(m_raw[i].name), i);
    for (std::size_t i = 0; i < m_raw.size(); ++i) {
        const Raw &raw = m_raw[i];
        Dimension d;
        d.name = raw.name;
        d.elements = expand(i, byKey, error);
        d.elements.removeDuplicates();
        const QString key = canonicalName(raw.name);
        if (m_index.contains(key)) {
            error(raw.offset, QStringLiteral("the subscript range %1 is defined twice").arg(raw.name));
            continue;
        }
        m_index.insert(key, int(m_dims.size()));
        QSet<QString> keys;
        for (const QString &e : d.elements)
            keys.insert(canonicalName(e));
        for (const QString &e : keys)
            m_elementKeys[e]++;
        m_dims.push_back(std::move(d));
        m_dimKeys.push_back(std::move(keys));
    }
}

bool SubscriptRanges::mapped(const QString &a, const QString &b) const
{
    const QString ka = canonicalName(a), kb = canonicalName(b);
    return m_maps.contains({ka, kb}) || m_maps.contains({kb, ka});
}

QString SubscriptRanges::correspondingElement(const QString &range, const QString &onto, const QString &element) const
{
    const QString kr = canonicalName(range), ko = canonicalName(onto);
    const QStringList ours = elementsOf(range), theirs = elementsOf(onto);
    // range -> (onto: items): the element of range whose item holds `element`.
    if (const auto it = m_listed.constFind({kr, ko}); it != m_listed.constEnd()) {
        for (qsizetype i = 0; i < it->size() && i < ours.size(); ++i)
            if (elementsOf(it->at(i)).contains(element, Qt::CaseInsensitive))
                return ours[i];
        return {};
    }
    // onto -> (range: items): the item `element` is listed with, when it is one element.
    if (const auto it = m_listed.constFind({ko, kr}); it != m_listed.constEnd()) {
        const qsizetype at = theirs.indexOf(element, Qt::CaseInsensitive);
        if (at < 0 || at >= it->size())
            return {};
        const QStringList items = elementsOf(it->at(at));
        return items.size() == 1 ? items.front() : QString();
    }
    const qsizetype at = theirs.indexOf(element, Qt::CaseInsensitive);
    return at >= 0 && at < ours.size() ? ours[at] : QString();
}

bool SubscriptRanges::isRange(const QString &name) const
{
    return m_index.contains(canonicalName(name));
}

bool SubscriptRanges::isElement(const QString &name) const
{
    return m_elementKeys.contains(canonicalName(name));
}

QStringList SubscriptRanges::elementsOf(const QString &name) const
{
    const auto it = m_index.constFind(canonicalName(name));
    if (it != m_index.constEnd())
        return m_dims[*it].elements;
    return {name};
}

QString SubscriptRanges::rangeHolding(const QStringList &elements) const
{
    QStringList keys;
    for (const QString &e : elements)
        keys << canonicalName(e);
    const Dimension *best = nullptr;
    for (std::size_t i = 0; i < m_dims.size(); ++i) {
        const Dimension &d = m_dims[i];
        const bool all = std::all_of(keys.cbegin(), keys.cend(), [&](const QString &k) { return m_dimKeys[i].contains(k); });
        if (all && (!best || d.elements.size() > best->elements.size()))
            best = &d;
    }
    return best ? best->name : QString();
}

QHash<QString, QStringList> SubscriptRanges::byCanonicalName() const
{
    QHash<QString, QStringList> out;
    for (const Dimension &d : m_dims)
        out.insert(canonicalName(d.name), d.elements);
    return out;
}

// Every combination of the elements the subscripts stand for, the last varying fastest.
std::vector<QStringList> tuples(const std::vector<Subscript> &subs, const SubscriptRanges &ranges)
{
    std::vector<QStringList> out{{}};
    for (const Subscript &s : subs) {
        std::vector<QStringList> next;
        for (const QStringList &t : out)
            for (const QString &e : ranges.elementsOf(s.name))
                next.push_back(t + QStringList{e});
        out = std::move(next);
    }
    return out;
}

QString tupleKey(const QStringList &t)
{
    QStringList keys;
    for (const QString &e : t)
        keys << canonicalName(e);
    return keys.join(u',');
}

} // namespace meadows::vensim

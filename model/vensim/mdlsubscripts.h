#pragma once
// Vensim's subscript ranges: "dim: a, b, c", numeric ranges "(a1-a10)", ranges built from
// subranges, mappings "-> other" and equivalences "a <-> b"; and how an equation's
// left-hand subscripts expand into the elements it defines.
#include "mdlexpr.h"
#include "model/project.h"

#include <QHash>
#include <QSet>
#include <functional>

namespace meadows::vensim {

using Warn = std::function<void(qsizetype offset, const QString &message)>;

class SubscriptRanges {
public:
    // A definition "name: items" (or "name <-> other" when equivalent is set), read from
    // text[begin, end) just after the ':' or '<->'.
    // `read` holds elements read from a file (GET DIRECT SUBSCRIPT), before those in the text.
    void addDefinition(const QString &name, const QString &text, qsizetype begin, qsizetype end, bool equivalence,
                       const Warn &error, const QStringList &read = {});
    // Expands ranges named inside ranges; call once every definition is in.
    void resolve(const Warn &error);

    const std::vector<Dimension> &dimensions() const { return m_dims; }
    bool isRange(const QString &name) const;
    // The elements a subscript stands for: a range's, or the element itself.
    QStringList elementsOf(const QString &name) const;
    bool isElement(const QString &name) const;
    // One range maps onto the other ("a: ... -> b" or "b: ... -> a"), element by element.
    bool mapped(const QString &a, const QString &b) const;
    // The element of `range` that a mapping between it and `onto` pairs with `element` of
    // `onto`: by position, or as the mapping lists them ("b: b1, b2 -> (a: SubA, a3)" pairs
    // b1 with each element of SubA). Empty when there is none, or not just one.
    QString correspondingElement(const QString &range, const QString &onto, const QString &element) const;
    // The largest range that holds every one of `elements` (the first defined on a tie):
    // the family an equation written on elements and subranges belongs to;
    // empty when none does.
    QString rangeHolding(const QStringList &elements) const;
    QHash<QString, QStringList> byCanonicalName() const;

private:
    struct Raw {
        QString name;
        QStringList items;
        qsizetype offset = 0;
        enum State { Waiting, Expanding, Done } state = Waiting;
        QStringList elements; // once Done
    };
    QStringList expand(std::size_t index, const QHash<QString, std::size_t> &byKey, const Warn &error);

    std::vector<Raw> m_raw;
    std::vector<Dimension> m_dims;
    std::vector<QSet<QString>> m_dimKeys; // each dimension's canonical element names, beside m_dims
    QHash<QString, int> m_index; // canonical name -> index in m_dims
    QHash<QString, int> m_elementKeys; // canonical element -> count of ranges holding it
    QList<QPair<QString, QString>> m_maps; // canonical (range, the range it maps to)
    QHash<QPair<QString, QString>, QStringList> m_listed; // a mapping's items, as written, where it lists them
};

// Every combination of the elements the subscripts stand for, the last varying fastest.
std::vector<QStringList> tuples(const std::vector<Subscript> &subs, const SubscriptRanges &ranges);
// One combination as a key that ignores how its elements are spelled.
QString tupleKey(const QStringList &tuple);

} // namespace meadows::vensim

#pragma once
// A causal graph: named variables and the signed links between them. It is what loop
// analysis works on, whether it came from a causal-loop diagram's connectors or from a
// stock-and-flow model's equations. Plain value, QtCore only, safe to hand to a worker.
#include <QHash>
#include <QString>
#include <cstdint>
#include <vector>

namespace meadows {

enum class LinkPolarity : std::int8_t { Positive, Negative, Unknown };

struct CausalLink {
    int from = -1;
    int to = -1;
    LinkPolarity polarity = LinkPolarity::Unknown;
    QString reason; // why the polarity is unknown; empty when it is known
};

class CausalGraph {
public:
    // Returns the variable's index, adding it when the name is new. Names are kept as
    // given (the model's display names) and compared exactly.
    int addVariable(const QString &name);
    int findVariable(const QString &name) const; // -1 when absent

    // Adds the link from -> to. A second link between the same two variables (an
    // equation that uses a name twice, two connectors) merges into the first: equal
    // polarities stay, differing ones become Unknown, since the net effect then depends
    // on values.
    void addLink(int from, int to, LinkPolarity polarity, const QString &reason = {});
    // Sets the polarity of an existing link, whatever it was (a connector's marked
    // polarity overrides the inferred one). Returns false when there is no such link.
    bool overridePolarity(int from, int to, LinkPolarity polarity);

    const CausalLink *findLink(int from, int to) const;
    int variableCount() const { return int(m_names.size()); }
    const QString &name(int variable) const { return m_names[std::size_t(variable)]; }
    const std::vector<QString> &names() const { return m_names; }
    const std::vector<CausalLink> &links() const { return m_links; }

private:
    static quint64 key(int from, int to) { return (quint64(quint32(from)) << 32) | quint32(to); }

    std::vector<QString> m_names;
    QHash<QString, int> m_index;
    std::vector<CausalLink> m_links;
    QHash<quint64, int> m_linkIndex;
};

// "+", "-" or "?", as diagrams mark links.
QString polaritySymbol(LinkPolarity polarity);

} // namespace meadows

#include "solver/analysis/causalgraph.h"

namespace meadows {

int CausalGraph::addVariable(const QString &name)
{
    if (auto it = m_index.constFind(name); it != m_index.constEnd())
        return *it;
    const int index = int(m_names.size());
    m_names.push_back(name);
    m_index.insert(name, index);
    return index;
}

int CausalGraph::findVariable(const QString &name) const
{
    return m_index.value(name, -1);
}

void CausalGraph::addLink(int from, int to, LinkPolarity polarity, const QString &reason)
{
    if (from < 0 || to < 0 || from >= variableCount() || to >= variableCount())
        return;
    if (auto it = m_linkIndex.constFind(key(from, to)); it != m_linkIndex.constEnd()) {
        CausalLink &existing = m_links[std::size_t(*it)];
        if (existing.polarity == polarity || existing.polarity == LinkPolarity::Unknown)
            return;
        existing.reason = polarity == LinkPolarity::Unknown
                              ? reason
                              : QStringLiteral("'%1' affects '%2' both positively and negatively")
                                    .arg(m_names[std::size_t(from)], m_names[std::size_t(to)]);
        existing.polarity = LinkPolarity::Unknown;
        return;
    }
    m_linkIndex.insert(key(from, to), int(m_links.size()));
    m_links.push_back({from, to, polarity, polarity == LinkPolarity::Unknown ? reason : QString()});
}

bool CausalGraph::overridePolarity(int from, int to, LinkPolarity polarity)
{
    auto it = m_linkIndex.constFind(key(from, to));
    if (it == m_linkIndex.constEnd())
        return false;
    CausalLink &link = m_links[std::size_t(*it)];
    link.polarity = polarity;
    if (polarity != LinkPolarity::Unknown)
        link.reason.clear();
    return true;
}

const CausalLink *CausalGraph::findLink(int from, int to) const
{
    auto it = m_linkIndex.constFind(key(from, to));
    return it == m_linkIndex.constEnd() ? nullptr : &m_links[std::size_t(*it)];
}

QString polaritySymbol(LinkPolarity polarity)
{
    switch (polarity) {
    case LinkPolarity::Positive: return QStringLiteral("+");
    case LinkPolarity::Negative: return QStringLiteral("-");
    case LinkPolarity::Unknown: break;
    }
    return QStringLiteral("?");
}

} // namespace meadows

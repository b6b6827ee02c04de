// Reading <dimensions>: each <dim> with its elements or size, and Stella's <isee:maps_to>
// (a dimension whose elements stand, in order, for another's).
#include "names.h"
#include "sizelimit.h"
#include "xmilereading.h"

namespace meadows::xmile {

namespace {
// Where a mapping was written, for the warnings checked once every dimension is read.
struct MappingPlace {
    std::size_t dimension;
    QString target;
    qsizetype offset;
};
} // namespace

void Reader::readDimensions(Project &p)
{
    p.hasDimensionsElement = true;
    p.dimensionsExtras.attributes = attributes({}, nullptr);
    std::vector<MappingPlace> mappings;
    while (nextChild()) {
        if (elementName(m_reader) != QLatin1String("dim")) {
            keepUnknown(p.dimensionsExtras, u"dimensions");
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
            const QString tag = elementName(m_reader);
            if (tag == QLatin1String("elem")) {
                if (d.numbered) { // named elements win over a size
                    d.numbered = false;
                    d.elements.clear();
                }
                d.elements << m_reader.attributes().value(QLatin1String("name")).toString();
                // Whatever an element holds (a mapping of that one element) is not read:
                // said, not dropped in silence.
                while (nextChild()) {
                    warnAt(startTagOffset(), QStringLiteral("<%1> in <elem> of dimension '%2' is not implemented: it is ignored")
                                                 .arg(elementName(m_reader), d.name));
                    m_reader.skipCurrentElement();
                }
            } else if (tag == QLatin1String("isee:maps_to")) {
                const qsizetype where = startTagOffset();
                const QString target = text().trimmed();
                mappings.push_back({p.dimensions.size(), target, where});
                d.mapsTo << target;
            } else {
                keepUnknown(d.extras, u"dim");
            }
        }
        if (d.elements.isEmpty() && v[1].isEmpty())
            errorAt(at, QStringLiteral("dimension '%1' has neither a size nor elements").arg(d.name));
        p.dimensions.push_back(std::move(d));
    }
    // A mapping pairs elements in order: it needs a dimension of as many elements.
    for (const MappingPlace &m : mappings) {
        const Dimension &from = p.dimensions[m.dimension];
        const Dimension *to = p.findDimension(m.target);
        if (!to)
            warnAt(m.offset, QStringLiteral("dimension '%1' maps to '%2', which is no dimension: the mapping is not used")
                                 .arg(from.name, m.target));
        else if (to->elements.size() != from.elements.size())
            warnAt(m.offset, QStringLiteral("dimension '%1' (%2 elements) maps to '%3' (%4 elements): a mapping pairs elements "
                                            "in order and needs as many; it is not used")
                                 .arg(from.name).arg(from.elements.size()).arg(to->name).arg(to->elements.size()));
    }
}

} // namespace meadows::xmile

#include "arranger.h"

#include "commands/movevariables.h"
#include "commands/tidydiagram.h"
#include "diagram/diagramgeometry.h"
#include "diagramscene.h"
#include "document.h"

#include <QUndoStack>
#include <algorithm>
#include <memory>

namespace meadows {

QList<const ViewElement *> Arranger::selectedPlacedElements() const
{
    QList<const ViewElement *> elements;
    for (int uid : m_scene->selectedUids())
        if (const ViewElement *e = m_document->element(uid); e && e->x && e->y && e->type != ViewElement::Type::Connector)
            elements << e;
    return elements;
}

void Arranger::align(Qt::Alignment alignment) const
{
    QList<const ViewElement *> elements = selectedPlacedElements();
    if (elements.size() < 2)
        return;
    const auto key = [alignment](const ViewElement *e) {
        const QRectF r = diagram::boxRect(*e);
        if (alignment & Qt::AlignLeft) return r.left();
        if (alignment & Qt::AlignRight) return r.right();
        if (alignment & Qt::AlignHCenter) return r.center().x();
        if (alignment & Qt::AlignTop) return r.top();
        if (alignment & Qt::AlignBottom) return r.bottom();
        return r.center().y();
    };
    const bool horizontal = alignment & (Qt::AlignLeft | Qt::AlignRight | Qt::AlignHCenter);
    double target = key(elements.first());
    for (const ViewElement *e : elements)
        target = (alignment & (Qt::AlignLeft | Qt::AlignTop)) ? std::min(target, key(e))
                 : (alignment & (Qt::AlignRight | Qt::AlignBottom)) ? std::max(target, key(e))
                                                                      : target;
    QHash<int, QPointF> offsets;
    for (const ViewElement *e : elements) {
        const double d = target - key(e);
        offsets.insert(*e->uid, horizontal ? QPointF(d, 0) : QPointF(0, d));
    }
    m_document->undoStack()->push(new MoveVariablesCommand(m_document, offsets));
}

void Arranger::distribute(Qt::Orientation orientation) const
{
    QList<const ViewElement *> elements = selectedPlacedElements();
    if (elements.size() < 3)
        return;
    const bool h = orientation == Qt::Horizontal;
    std::sort(elements.begin(), elements.end(), [h](auto *a, auto *b) { return h ? *a->x < *b->x : *a->y < *b->y; });
    const double first = h ? *elements.first()->x : *elements.first()->y;
    const double last = h ? *elements.last()->x : *elements.last()->y;
    const double step = (last - first) / (elements.size() - 1);
    QHash<int, QPointF> offsets;
    for (int i = 0; i < elements.size(); ++i) {
        const double d = first + i * step - (h ? *elements[i]->x : *elements[i]->y);
        offsets.insert(*elements[i]->uid, h ? QPointF(d, 0) : QPointF(0, d));
    }
    m_document->undoStack()->push(new MoveVariablesCommand(m_document, offsets));
}

void Arranger::tidy() const
{
    auto command = std::make_unique<TidyDiagramCommand>(m_document);
    if (!command->isEmpty())
        m_document->undoStack()->push(command.release());
}

} // namespace meadows

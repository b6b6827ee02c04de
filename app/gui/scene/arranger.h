#pragma once
// Edit → Arrange: lines up the selected elements, spaces them evenly, or tidies the whole
// diagram, each in one undo step.
// Only elements with a place of their own take part (connectors follow their ends).
#include <QList>
#include <Qt>

namespace meadows {

class DiagramScene;
class Document;
struct ViewElement;

class Arranger {
public:
    Arranger(Document *document, DiagramScene *scene) : m_document(document), m_scene(scene) {}

    // Left, right, top or bottom edges line up with the outermost; centres with the element
    // made first. Needs two elements.
    void align(Qt::Alignment alignment) const;
    // Equal steps between the first and last centres, in their order. Needs three elements.
    void distribute(Qt::Orientation orientation) const;
    // The whole diagram tidied (diagram/tidy.h), selection untouched; nothing to do pushes nothing.
    void tidy() const;

private:
    QList<const ViewElement *> selectedPlacedElements() const;

    Document *m_document;
    DiagramScene *m_scene;
};

} // namespace meadows

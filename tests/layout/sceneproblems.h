#pragma once
// What a reader of a diagram in the editor would see collide, measured from the scene's own
// items: bodies, name labels, polarity signs and loop markers that overlap, connectors and
// pipes through names and markers, pipes through bodies, and loop markers that are missing,
// doubled, or not wholly inside their loop's drawn outline. Shared by the layout tests (after
// automatic layout) and the shipped-diagram test (the examples as drawn in their files).
#include <QStringList>

namespace meadows {
class DiagramScene;
}

namespace meadows::test {

// Each loop has one marker, shown, and its box (ring and arrowhead) lies wholly inside the
// loop's closed outline as the scene draws it.
QStringList markerProblems(DiagramScene &scene);

// Every collision the scene shows, one line each (markerProblems included); empty when the
// diagram reads cleanly.
QStringList sceneProblems(DiagramScene &scene);

} // namespace meadows::test

#pragma once
// Marks the variables whose equations do not compile, in red on the diagram with the
// message `meadows check` gives as tooltip; a variable that only lacks its equation (a new
// one) gets the quiet mark instead, and does not count as a problem. Rechecks a moment after the model changes,
// so typing and dragging never wait for the compiler.
#include <QObject>
#include <QStringList>

class QTimer;

namespace meadows {

class Document;
class DiagramScene;

class ProblemMarks : public QObject {
    Q_OBJECT
public:
    ProblemMarks(Document *document, DiagramScene *scene, QObject *parent = nullptr);
    void recheckNow();
    // The marked variables (canonical names) and how many problems the model has in all.
    int problemCount() const { return m_count; }
    // How many variables still need an equation.
    int needsEquationCount() const { return m_needsEquation; }
    // What compiling warned of, as `meadows check` prints it (a method Meadows lacks...).
    const QStringList &warnings() const { return m_warnings; }

signals:
    void checked(int problemCount);

private:
    Document *m_document;
    DiagramScene *m_scene;
    QTimer *m_timer;
    QStringList m_marked;
    QStringList m_warnings;
    int m_count = 0;
    int m_needsEquation = 0;
};

} // namespace meadows

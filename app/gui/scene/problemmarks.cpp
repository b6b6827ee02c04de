#include "problemmarks.h"

#include "diagramscene.h"
#include "document.h"
#include "elementitem.h"
#include "model/names.h"
#include "panels/equationchecker.h"
#include "solver/compiler.h"

#include <QHash>
#include <QSet>
#include <QTimer>

namespace meadows {

ProblemMarks::ProblemMarks(Document *document, DiagramScene *scene, QObject *parent)
    : QObject(parent), m_document(document), m_scene(scene), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(400);
    connect(m_timer, &QTimer::timeout, this, &ProblemMarks::recheckNow);
    connect(document, &Document::modelEdited, m_timer, qOverload<>(&QTimer::start));
    connect(document, &Document::projectReset, m_timer, qOverload<>(&QTimer::start));
}

void ProblemMarks::recheckNow()
{
    m_timer->stop();
    // A causal-loop diagram has no equations by design: nothing in it is a problem.
    const CompileResult compiled = m_document->model().isCausalLoopDiagram() ? CompileResult{}
                                                                             : compileProject(m_document->project());
    QHash<QString, QStringList> messages;
    QSet<QString> missing; // variables whose only problem is a missing equation
    m_count = 0;
    m_warnings.clear();
    for (const Diagnostic &d : compiled.diagnostics) {
        if (d.severity == Severity::Warning)
            m_warnings << d.format();
        if (d.severity != Severity::Error)
            continue;
        if (const QString name = missingEquationOf(d); !name.isEmpty()) {
            missing.insert(canonicalName(name));
            continue;
        }
        ++m_count;
        if (!d.variable.isEmpty()) // the variable the problem belongs to
            messages[canonicalName(d.variable)] << d.message;
    }
    for (const QString &name : std::as_const(missing))
        if (!messages.contains(name))
            messages[name] = QStringList();
    for (const QString &name : std::as_const(m_marked))
        if (!messages.contains(name))
            if (ElementItem *item = m_scene->itemForName(name))
                item->setProblem(QString());
    m_marked.clear();
    m_needsEquation = 0;
    for (auto it = messages.begin(); it != messages.end(); ++it) {
        const bool quiet = it.value().isEmpty();
        m_needsEquation += quiet;
        if (ElementItem *item = m_scene->itemForName(it.key())) {
            item->setProblem(quiet ? tr("Needs an equation") : it.value().join(QLatin1Char('\n')), quiet);
            m_marked << it.key();
        }
    }
    emit checked(m_count);
}

} // namespace meadows

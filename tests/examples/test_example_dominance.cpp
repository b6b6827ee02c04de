// Every example whose story names a loop: the loop that its story says is in charge is in
// charge (Loops That Matter, as periods: `meadows loops --dominance --periods`) in the
// period the story gives, and its name in the story is the name Meadows gives it (the
// name on the diagram, in the Loops panel and in the export).
#include "examplesupport.h"

#include "solver/analysis/causalmodel.h"
#include "solver/analysis/dominanceperiods.h"
#include "solver/analysis/loopdominance.h"
#include "solver/compiler.h"

#include <QtTest>

using namespace meadows;
using namespace meadows::examples;

namespace {

struct Story {
    QStringList lines;      // "R2 20–120" as --periods prints them
    QString text;           // the story on the diagram
    QStringList loopNames;  // Meadows' names, in LoopList order
    std::vector<QStringList> loopVariables;
};

Story storyOf(const QString &file)
{
    Story s;
    const std::optional<Project> project = load(file);
    if (!project)
        qFatal("%s does not load", qPrintable(file));
    const CausalModel causal = buildCausalModel(*project);
    const LoopList loops = findLoops(causal.graph);
    const CompileResult compiled = compileProject(*project);
    if (!compiled.model)
        qFatal("%s does not compile", qPrintable(file));
    const DominanceResult d = computeDominance(causal, loops, *compiled.model);
    s.lines = QString::fromUtf8(periodLines(dominanceStory(d), d)).trimmed().split(u'\n');
    for (const View &view : project->mainModel().views)
        for (const ViewElement &e : view.elements)
            if (e.type == ViewElement::Type::TextBox)
                s.text += e.text + u'\n';
    for (std::size_t l = 0; l < loops.size(); ++l) {
        s.loopNames << loops.name(l);
        s.loopVariables.push_back(loopVariableNames(causal.graph, loops, l));
    }
    return s;
}

// The name Meadows gives the loop through exactly these variables.
QString nameOf(const Story &s, const QStringList &variables)
{
    for (std::size_t l = 0; l < s.loopVariables.size(); ++l) {
        QStringList sorted = s.loopVariables[l], wanted = variables;
        sorted.sort();
        wanted.sort();
        if (sorted == wanted)
            return s.loopNames[qsizetype(l)];
    }
    return {};
}

} // namespace

class TestExampleDominance : public QObject {
    Q_OBJECT
private slots:
    void retryStorm();
    void circuitBreaker();
    void autoscalerDelay();
    void connectionPool();
    void queuesWithoutFeedback_data();
    void queuesWithoutFeedback();
    void sir();
};

// Vensim's QUEUE FIFO and the QUEUE AGE functions (solver/agedqueue.h): the queue's arguments
// as hidden variables the runner reads after every step, and the functions as reads of the
// queue the variable they name defines.
#include "flattener.h"

#include "solver/agedqueue.h"
#include "solver/equationorder.h"
#include "solver/parser.h"
#include "solver/profileparts.h"

#include <QStringList>

namespace meadows::flattening {

namespace {
bool isQueueFunction(const QString &f)
{
    return f == QLatin1String("queue_fifo") || f == QLatin1String("queue_age_average")
           || f == QLatin1String("queue_age_in_range") || f == QLatin1String("queue_age_oldest");
}
} // namespace

std::optional<Node> Flattener::agedQueueCall(Context &c, const Expr &e)
{
    const QString &f = e.name;
    if (!isQueueFunction(f))
        return std::nullopt;
    const auto arg = [&](int i) { return expr(c, e.args[std::size_t(i)]); };
    if (f == QLatin1String("queue_fifo")) {
        // "QUEUE FIFO must appear directly after the = sign" (Vensim's help): the variable is
        // the queue, which the QUEUE AGE functions name.
        if (c.self < 0 || !m_parsed || !m_parsed->expr || &*m_parsed->expr != &e)
            fail(e, QStringLiteral("%1 must be the whole of a variable's equation: the variable is the queue").arg(calledAs(e)));
        FlatAgedQueue q;
        q.variable = c.self;
        q.profile = profileArgument(c, e, 2);
        holdArguments(c, e, {{0, false, &q.inflow}, {1, false, &q.outflow}, {3, true, &q.initial}, {4, true, &q.ageRange}});
        // An age range written as a number that the layout cannot honour (solver/agedqueue.h).
        const double dt = m_out.specs.dt;
        if (const std::optional<double> range = numberValue(e.args[4]); range && m_out.specs.varying.dt.isEmpty()) {
            if (*range <= dt)
                warnOnce(c, e.args[4], QStringLiteral("%1's age range %2 is not more than TIME STEP %3: the initial contents are "
                                                      "all one step old").arg(calledAs(e)).arg(*range).arg(dt));
            else if (*range > kLongestLayout * dt)
                warnOnce(c, e.args[4], QStringLiteral("%1's age range %2 is more than 1e15 steps: the initial contents are "
                                                      "laid over 1e15 steps").arg(calledAs(e)).arg(*range)); // kLongestLayout
        }
        Node n = Node::of(Node::Kind::AgedQueue);
        n.index = int(m_out.agedQueues.size());
        m_out.agedQueues.push_back(std::move(q));
        return n;
    }
    // A QUEUE AGE function: its first argument one element of a queue, checked once every
    // variable is lowered (finishAgedQueues).
    const Node queue = arg(0);
    if (queue.kind != Node::Kind::Var)
        fail(e.args[0], QStringLiteral("%1 takes the name of a variable defined by QUEUE FIFO, one element of it when "
                                       "it is subscripted").arg(calledAs(e)));
    m_agedQueueReads.push_back({queue.index, calledAs(e), m_equationVariable, m_equationRef ? *m_equationRef : SourceRef{},
                                e.args[0].offset, e.args[0].length});
    Node n = Node::of(Node::Kind::AgedQueueAge);
    n.index = queue.index;
    for (std::size_t i = 1; i < e.args.size(); ++i)
        n.args.push_back(arg(int(i)));
    if (f == QLatin1String("queue_age_in_range")) {
        n.value = double(AgedQueue::Query::AgeInRange);
        return n;
    }
    warnOnce(c, e, QStringLiteral("%1 of an empty queue is 0: Vensim's help does not say what it is").arg(calledAs(e)));
    if (f == QLatin1String("queue_age_oldest")) {
        n.value = double(AgedQueue::Query::AgeOldest);
        return n;
    }
    if (e.args.size() == 1) { // the help's own example leaves the quantity out
        warnOnce(c, e, QStringLiteral("%1 has no quantity: the average is over all of the queue, as with a quantity of 0")
                           .arg(calledAs(e)));
        n.args.push_back(Node::constant(0));
    }
    n.value = double(AgedQueue::Query::AgeAverage);
    return n;
}

void Flattener::finishAgedQueues()
{
    QSet<int> queues;
    for (const FlatAgedQueue &q : m_out.agedQueues)
        queues.insert(q.variable);
    for (const AgedQueueRead &read : m_agedQueueReads) {
        if (!queues.contains(read.variable))
            error(read.ref, read.offset, read.length, read.reader,
                  QStringLiteral("in '%1': %2 reads '%3', which is not defined by QUEUE FIFO")
                      .arg(read.reader, read.function, m_out.vars[std::size_t(read.variable)].name));
    }
    // Ages are counted in steps (solver/agedqueue.h), as the help says the functions assume a
    // constant TIME STEP: with one computed while running, each step counts as the current.
    if (!m_agedQueueReads.empty() && !m_out.specs.varying.dt.isEmpty()) {
        const AgedQueueRead &first = m_agedQueueReads.front();
        error(first.ref, first.offset, first.length, first.reader,
              QStringLiteral("TIME STEP is an equation: where it changes while the model runs, %1 counts a part's age "
                             "in steps of the TIME STEP then, as Vensim's help says the QUEUE AGE functions assume a "
                             "constant TIME STEP")
                  .arg(first.function),
              Severity::Warning);
    }
    m_agedQueueReads.clear();
    checkStartingLoops();
}

void Flattener::checkStartingLoops()
{
    const std::size_t queues = m_out.agedQueues.size(), containers = queues + m_out.delayConveyors.size();
    if (containers == 0)
        return;
    QHash<int, int> queueOf; // a QUEUE FIFO's variable -> its container
    for (std::size_t q = 0; q < queues; ++q)
        queueOf.insert(m_out.agedQueues[q].variable, int(q));
    // The containers a value at the start reads: through its variables' initial values.
    const auto startReads = [&](const std::vector<int> &from) {
        std::vector<int> read;
        std::vector<char> seen(m_out.vars.size(), 0);
        std::vector<const Node *> work;
        for (int v : from)
            work.push_back(&m_out.vars[std::size_t(v)].equation);
        while (!work.empty()) {
            const Node *n = work.back();
            work.pop_back();
            if (n->kind == Node::Kind::AgedQueue)
                read.push_back(n->index);
            else if (n->kind == Node::Kind::AgedQueueAge && queueOf.contains(n->index))
                read.push_back(queueOf.value(n->index));
            else if (n->kind == Node::Kind::DelayConveyor)
                read.push_back(int(queues) + n->index);
            else if (n->kind == Node::Kind::Var && !seen[std::size_t(n->index)]) {
                seen[std::size_t(n->index)] = 1;
                const FlatVar &v = m_out.vars[std::size_t(n->index)];
                work.push_back(v.initial ? &*v.initial : &v.equation);
            }
            for (const Node &a : n->args)
                work.push_back(&a);
        }
        return read;
    };
    std::vector<std::vector<int>> reads(containers);
    for (std::size_t q = 0; q < queues; ++q)
        reads[q] = startReads({m_out.agedQueues[q].initial, m_out.agedQueues[q].ageRange});
    for (std::size_t d = 0; d < m_out.delayConveyors.size(); ++d) {
        const FlatDelayConveyor &conveyor = m_out.delayConveyors[d];
        reads[queues + d] = startReads({conveyor.total, conveyor.initialTime, conveyor.time});
    }
    // The variable that holds a container, for the message.
    const auto holder = [&](int container) -> int {
        if (std::size_t(container) < queues)
            return m_out.agedQueues[std::size_t(container)].variable;
        for (std::size_t v = 0; v < m_out.vars.size(); ++v) {
            const Node &n = m_out.vars[v].equation;
            if (n.kind == Node::Kind::DelayConveyor && n.index == container - int(queues))
                return int(v);
        }
        return -1;
    };
    std::vector<int> cycle;
    const std::vector<bool> all(containers, true);
    if (cycle = order(reads, all).cycle; cycle.empty())
        return;
    QStringList names;
    for (int container : cycle) {
        const int v = holder(container);
        names << (v >= 0 ? m_out.vars[std::size_t(v)].name : QStringLiteral("(a DELAY CONVEYOR)"));
    }
    names << names.first();
    const int first = holder(cycle.front());
    const SourceRef at = first >= 0 ? m_out.vars[std::size_t(first)].source : SourceRef{};
    error(at, 0, 0, names.first(),
          QStringLiteral("in '%1': the start of a QUEUE FIFO or DELAY CONVEYOR reads its own contents: %2 (each is laid "
                         "out from what the next holds at the start)").arg(names.first(), names.join(QStringLiteral(" -> "))));
}

} // namespace meadows::flattening

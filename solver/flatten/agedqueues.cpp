// Vensim's QUEUE FIFO and the QUEUE AGE functions (solver/agedqueue.h): the queue's arguments
// as hidden variables the runner reads after every step, and the functions as reads of the
// queue the variable they name defines.
#include "flattener.h"

#include "solver/agedqueue.h"

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
              QStringLiteral("TIME STEP changes while the model runs: %1 counts a part's age in steps of the TIME STEP "
                             "now, as Vensim's help says the QUEUE AGE functions assume a constant TIME STEP")
                  .arg(first.function),
              Severity::Warning);
    }
    m_agedQueueReads.clear();
}

} // namespace meadows::flattening

// Vensim's QUEUE FIFO and the QUEUE AGE functions (solver/agedqueue.h): the queue's arguments
// as hidden variables the runner reads after every step, and the functions as reads of the
// queue the variable they name defines.
#include "flattener.h"

#include "solver/agedqueue.h"

#include <algorithm>

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
        const GraphicalFunction *profile = tableNamed(c, e.args[2]);
        const bool negative = profile && std::any_of(profile->ypts.begin(), profile->ypts.end(), [](double y) { return y < 0; });
        if (!profile || profile->size() == 0 || negative || !(profile->area(profile->x(0), profile->x(profile->size() - 1)) > 0))
            fail(e.args[2], QStringLiteral("%1's profile must be a lookup with no value below 0 and a positive area over "
                                           "its x range").arg(calledAs(e)));
        FlatAgedQueue q;
        q.variable = c.self;
        q.inflow = addHidden(FlatVar::Kind::Aux, f, arg(0));
        q.outflow = addHidden(FlatVar::Kind::Aux, f, arg(1));
        q.initial = addHidden(FlatVar::Kind::Aux, f, fixedAtStart(f, arg(3)));
        q.ageRange = addHidden(FlatVar::Kind::Aux, f, fixedAtStart(f, arg(4)));
        q.profile = *profile;
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
    m_agedQueueReads.clear();
}

} // namespace meadows::flattening

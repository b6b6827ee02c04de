#pragma once
// Node: the resolved form of one scalar equation, made from an Expr (expr.h) by
// flattening (solver/flatten/). Names are bound to flat variable indices, arrays are
// expanded element by element, builtins are identified by id, stateful builtins have
// become hidden variables and recorded series, and source positions are gone. The
// compiler (compiler.cpp) turns Nodes into VM instructions. Use Expr to reason about
// what the modeller wrote; use Node to compute.
#include "builtins.h"
#include "expr.h"

#include <vector>

namespace meadows {

struct Node {
    enum class Kind {
        Const,   // value
        Var,     // index: a flat variable
        Time,    // the current time
        InputTime, // the time test inputs and pure delays read (InputTimeSlot in program.h)
        TimeStep,
        StartTime,
        StopTime,
        Unary,   // unaryOp, args[0]
        Binary,  // binaryOp, args[0..1]
        If,      // args[0] condition, args[1], args[2]
        Call,    // builtin, args
        Lookup,  // index: a table; args[0] the input
        LookupArea, // index: a table; the area under it from args[0] to args[1]
        History, // index: a recorded series; args[0] the time asked for, args[1] the value before the record starts;
                 // value 1: Stella's HISTORY, args[1] the input now, 0 before the record and after now
        Belt,    // index: a conveyor (FlatModel::conveyors); value: the leak it is, -1 its outflow;
                 // args: what it depends on (the conveyor, its leak fractions), read by ordering only
        Oven,    // index: an oven (FlatModel::ovens): what it releases; args[0] the oven, for ordering only
        InformationDelay, // index: FlatModel::informationDelays; args[0] the value before any input is due
        DelayConveyor, // index: FlatModel::delayConveyors; args[0] the conveyance time now
        AgedQueue, // index: FlatModel::agedQueues: what a Vensim QUEUE FIFO holds now
        AgedQueueAge, // index: the flat variable a QUEUE FIFO defines; value: the AgedQueue::Query;
                      // args: the query's own (QUEUE AGE AVERAGE's quantity, IN RANGE's bounds)
        Container, // index: the flat variable of a conveyor or queue stock, read as the container XMILE
                   // makes it; value: the Builtin reducing its slats (a queue: its batches), or -1 for
                   // one of them: args[0] its number from the exit (the front); the last arg the stock,
                   // for ordering only
    };

    Kind kind = Kind::Const;
    double value = 0;
    int index = -1;
    Builtin builtin = Builtin::Abs;
    UnaryOp unaryOp = UnaryOp::Negate;
    BinaryOp binaryOp = BinaryOp::Add;
    std::vector<Node> args;

    static Node constant(double v)
    {
        Node n;
        n.value = v;
        return n;
    }
    static Node var(int index)
    {
        Node n;
        n.kind = Kind::Var;
        n.index = index;
        return n;
    }
    static Node of(Kind kind)
    {
        Node n;
        n.kind = kind;
        return n;
    }
    static Node call(Builtin b, std::vector<Node> args)
    {
        Node n;
        n.kind = Kind::Call;
        n.builtin = b;
        n.args = std::move(args);
        return n;
    }
    static Node ifThenElse(Node condition, Node then, Node otherwise)
    {
        Node n;
        n.kind = Kind::If;
        n.args = {std::move(condition), std::move(then), std::move(otherwise)};
        return n;
    }
    static Node binary(BinaryOp op, Node a, Node b)
    {
        Node n;
        n.kind = Kind::Binary;
        n.binaryOp = op;
        n.args.push_back(std::move(a));
        n.args.push_back(std::move(b));
        return n;
    }
};

// Calls f on every variable index the node reads.
template<typename F>
void forEachVar(const Node &n, F &&f)
{
    if (n.kind == Node::Kind::Var)
        f(n.index);
    for (const Node &a : n.args)
        forEachVar(a, f);
}

// True when the node reads time or a builtin whose value changes without its inputs.
bool readsTime(const Node &n);

} // namespace meadows

#pragma once
// Helpers shared by the loop-analysis tests (test_loops, test_polarity): small causal graphs
// written as edge lists, loops described as text, parsed equations, causal models of files.
#include "solver/analysis/circuitsearch.h"
#include "solver/analysis/loopfinder.h"
#include "model/xmilereader.h"
#include "solver/analysis/causalmodel.h"
#include "solver/compiler.h"
#include "solver/analysis/loopdominance.h"
#include "solver/parser.h"
#include "solver/analysis/polarity.h"

#include <QtTest>
#include <random>
#include <set>

namespace meadows::loopstest {


inline const QString kData = QStringLiteral(MEADOWS_TEST_DATA "/loops");

constexpr LinkPolarity P = LinkPolarity::Positive;
constexpr LinkPolarity N = LinkPolarity::Negative;
constexpr LinkPolarity U = LinkPolarity::Unknown;

struct Edge {
    const char *from;
    const char *to;
    LinkPolarity polarity;
};

inline CausalGraph graphOf(std::initializer_list<Edge> edges)
{
    CausalGraph g;
    for (const Edge &e : edges)
        g.addLink(g.addVariable(QString::fromLatin1(e.from)), g.addVariable(QString::fromLatin1(e.to)), e.polarity);
    return g;
}

// "R1: A B C" for each loop, in named order.
inline QStringList describe(const CausalGraph &g, const LoopList &loops)
{
    QStringList out;
    for (std::size_t i = 0; i < loops.size(); ++i) {
        QStringList names;
        for (int v : loops.variables(i))
            names << g.name(v);
        out << loops.name(i) + QStringLiteral(": ") + names.join(u' ');
    }
    return out;
}

inline CausalGraph completeDigraph(int n, bool selfLoops)
{
    CausalGraph g;
    for (int i = 0; i < n; ++i)
        g.addVariable(QStringLiteral("v%1").arg(i));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            if (i != j || selfLoops)
                g.addLink(i, j, (i + j) % 3 ? P : N);
    return g;
}

inline CausalGraph randomGraph(int variables, int links, unsigned seed)
{
    CausalGraph g;
    for (int i = 0; i < variables; ++i)
        g.addVariable(QStringLiteral("x%1").arg((i * 7919) % variables, 3, 10, QLatin1Char('0')));
    std::mt19937 rng(seed);
    for (int i = 0; i < variables; ++i)
        g.addLink(i, (i + 1) % variables, rng() % 2 ? P : N);
    while (int(g.links().size()) < links) {
        const int a = int(rng() % unsigned(variables)), b = int(rng() % unsigned(variables));
        g.addLink(a, b, rng() % 5 == 0 ? U : rng() % 2 ? P : N);
    }
    return g;
}

inline Expr parsed(const QString &text)
{
    const ParseResult r = parseEquation(text);
    if (!r.ok() || !r.expr)
        qFatal("cannot parse %s", qPrintable(text));
    return *r.expr;
}

inline InferredPolarity infer(const QString &equation, const QString &input, const PolarityContext &context = {})
{
    return inferPolarity(parsed(equation), input, input, context);
}

inline CausalModel causalModelOf(const QString &file)
{
    const XmileReadResult read = readXmileFile(kData + QLatin1Char('/') + file);
    if (!read.project)
        qFatal("cannot read %s", qPrintable(file));
    return buildCausalModel(*read.project);
}

inline CausalModel causalModelOfText(const QByteArray &xml)
{
    const XmileReadResult read = readXmile(xml, QStringLiteral("inline.xmile"));
    if (!read.project)
        qFatal("cannot read inline model");
    return buildCausalModel(*read.project);
}

inline LinkPolarity linkPolarity(const CausalModel &m, const QString &from, const QString &to)
{
    const CausalLink *l = m.graph.findLink(m.graph.findVariable(from), m.graph.findVariable(to));
    if (!l)
        qFatal("no link %s -> %s", qPrintable(from), qPrintable(to));
    return l->polarity;
}


} // namespace meadows::loopstest

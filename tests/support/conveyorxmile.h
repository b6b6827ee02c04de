#pragma once
// XMILE conveyors for inline test models (test_conveyors, test_conveyoroptions), and the
// comparisons their hand-worked values are checked by.
#include "inlinemodel.h"

#include <QString>
#include <QtTest>
#include <cmath>

namespace meadows::test {

// A conveyor stock: `options` go inside <conveyor> after <len>, `attributes` into its tag
// (discrete="true"...).
inline QString conveyor(const QString &name, const QString &init, const QString &transit, const QString &in,
                        const QString &out, const QString &options = {}, const QString &attributes = {})
{
    QString s = QStringLiteral("<stock name=\"%1\"><eqn>%2</eqn>").arg(name, init);
    for (const QString &f : in.split(u',', Qt::SkipEmptyParts))
        s += QStringLiteral("<inflow>%1</inflow>").arg(f);
    for (const QString &f : out.split(u',', Qt::SkipEmptyParts))
        s += QStringLiteral("<outflow>%1</outflow>").arg(f);
    return s + QStringLiteral("<conveyor %1><len>%2</len>%3</conveyor></stock>").arg(attributes, transit, options);
}

// A flow without an equation: a conveyor's exit, or a queue's outflow the conveyor takes from.
inline QString exitFlow(const QString &name)
{
    return QStringLiteral("<flow name=\"%1\"/>").arg(name);
}

inline bool near(double a, double b)
{
    return std::fabs(a - b) < 1e-9;
}

} // namespace meadows::test

// `name`'s value at `time` in `result` (an InlineRun), against `expected` to 1e-9.
#define EXPECT_AT(result, name, time, expected)                                                              \
    QVERIFY2(meadows::test::near((result).at(QStringLiteral(name), time), expected),                         \
             qPrintable(QStringLiteral("%1 at %2: %3, expected %4")                                          \
                            .arg(QStringLiteral(name)).arg(time).arg((result).at(QStringLiteral(name), time), 0, 'g', 17) \
                            .arg(expected)))

#define RUN_CLEAN(result) QVERIFY2((result).run.results, qPrintable((result).firstError()))

#pragma once
// Small models whose equilibria, folds and Hopf points are known in closed form.
#include "support/inlinemodel.h"

#include "model/xmilereader.h"

namespace meadows::test {

inline Project projectFrom(const QByteArray &text)
{
    return *readXmile(text, QStringLiteral("inline.xmile")).project;
}

// dx/dt = r x (1 - x/K) - H, with r = 1, K = 100.
inline QByteArray logisticHarvest(double harvest)
{
    return xmile(QStringLiteral(
        "<stock name=\"X\"><eqn>60</eqn><inflow>Growth</inflow><outflow>Harvest</outflow></stock>"
        "<flow name=\"Growth\"><eqn>r * X * (1 - X / K)</eqn></flow>"
        "<flow name=\"Harvest\"><eqn>H</eqn></flow>"
        "<aux name=\"r\"><eqn>1</eqn></aux><aux name=\"K\"><eqn>100</eqn></aux>"
        "<aux name=\"H\"><eqn>%1</eqn></aux>").arg(harvest),
        QStringLiteral("<start>0</start><stop>20</stop><dt>0.125</dt>"));
}

// dX/dt = V, dV/dt = -k X - c V: a spring with damping c.
inline QByteArray oscillator(double k, double c)
{
    return xmile(QStringLiteral(
        "<stock name=\"X\"><eqn>1</eqn><inflow>Velocity</inflow></stock>"
        "<stock name=\"V\"><eqn>0</eqn><inflow>Acceleration</inflow></stock>"
        "<flow name=\"Velocity\"><eqn>V</eqn></flow>"
        "<flow name=\"Acceleration\"><eqn>-k * X - c * V</eqn></flow>"
        "<aux name=\"k\"><eqn>%1</eqn></aux><aux name=\"c\"><eqn>%2</eqn></aux>").arg(k).arg(c),
        QStringLiteral("<start>0</start><stop>10</stop><dt>0.01</dt>"), QStringLiteral("RK4"));
}

// dx/dt = r x + m (m: immigration); `nonNegative` makes x a non-negative stock.
inline QByteArray exponential(double r, double m, bool nonNegative)
{
    return xmile(QStringLiteral(
        "<stock name=\"Population\"><eqn>100</eqn><inflow>Births</inflow><inflow>Immigration</inflow>%3</stock>"
        "<flow name=\"Births\"><eqn>%1 * Population</eqn></flow>"
        "<flow name=\"Immigration\"><eqn>%2</eqn></flow>").arg(r).arg(m).arg(nonNegative ? QStringLiteral("<non_negative/>") : QString()),
        QStringLiteral("<start>0</start><stop>10</stop><dt>0.25</dt>"));
}

// dx/dt = 10 - MIN(x, 0.5 x + 5): the outflow's two sides are equal at x = 10, where the
// inflow balances it.
inline QByteArray minKink()
{
    return xmile(QStringLiteral(
        "<stock name=\"Level\"><eqn>3</eqn><inflow>Fill</inflow><outflow>Drain</outflow></stock>"
        "<flow name=\"Fill\"><eqn>10</eqn></flow>"
        "<flow name=\"Drain\"><eqn>MIN(Level, 0.5 * Level + 5)</eqn></flow>"),
        QStringLiteral("<start>0</start><stop>10</stop><dt>0.25</dt>"));
}

// S(t) = S0 + rate * t: every percentile of S is S0 + t times that of rate.
inline QByteArray linearRamp()
{
    return xmile(QStringLiteral(
        "<stock name=\"S\"><eqn>S0</eqn><inflow>Inflow</inflow></stock>"
        "<flow name=\"Inflow\"><eqn>rate</eqn></flow>"
        "<aux name=\"rate\"><eqn>1</eqn></aux><aux name=\"S0\"><eqn>0</eqn></aux>"),
        QStringLiteral("<start>0</start><stop>10</stop><dt>0.5</dt><save_step>1</save_step>"));
}

} // namespace meadows::test

namespace meadows::test {

// A stock that holds only above a threshold: above A = 52 it regrows to K = 100, below it
// collapses to 0; during the dip (Dip per time unit from t = 10 for Length) nothing but
// the dip acts, so a dip removes exactly Dip * DT * ceil(Length / DT) (Euler, DT = 0.25).
// The run recovers when that is at most K - A = 48: the boundary is Length = 48 / Dip.
inline QByteArray thresholdDip()
{
    return xmile(QStringLiteral(
        "<stock name=\"X\"><eqn>100</eqn><inflow>Regrowth</inflow><outflow>Loss</outflow></stock>"
        "<flow name=\"Regrowth\"><eqn>IF Loss &gt; 0 THEN 0 ELSE IF X &gt;= A THEN r * (K - X) ELSE -c * X</eqn></flow>"
        "<flow name=\"Loss\"><eqn>STEP(Dip, 10) - STEP(Dip, 10 + Length)</eqn></flow>"
        "<aux name=\"A\"><eqn>52</eqn></aux><aux name=\"K\"><eqn>100</eqn></aux>"
        "<aux name=\"r\"><eqn>1</eqn></aux><aux name=\"c\"><eqn>1</eqn></aux>"
        "<aux name=\"Dip\"><eqn>0</eqn></aux><aux name=\"Length\"><eqn>0</eqn></aux>"),
        QStringLiteral("<start>0</start><stop>60</stop><dt>0.25</dt>"));
}

} // namespace meadows::test

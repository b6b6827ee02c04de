#pragma once
// The benchmark ring model in memory, the same as make_ring.py writes: N stocks, each fed
// by a saturating flow from its neighbour at a rate of 0.1 + 0.05 SIN(TIME/k), leaking 1 %
// per time unit. 4N variables.
#include "model/xmilereader.h"

#include <QByteArray>
#include <optional>

namespace meadows::bench {

inline QByteArray ringModel(int n, double stop, double dt, std::optional<double> save = std::nullopt)
{
    QByteArray x = "<xmile version=\"1.0\"><header/><sim_specs method=\"Euler\"><start>0</start><stop>"
                   + QByteArray::number(stop) + "</stop><dt>" + QByteArray::number(dt) + "</dt>"
                   + (save ? "<save_step>" + QByteArray::number(*save) + "</save_step>" : QByteArray())
                   + "</sim_specs><model><variables>";
    for (int i = 0; i < n; ++i) {
        const QByteArray s = QByteArray::number(i);
        x += "<stock name=\"s" + s + "\"><eqn>" + QByteArray::number(100 + i % 10) + "</eqn><inflow>f" + s
             + "</inflow><outflow>f" + QByteArray::number((i + 1) % n) + "</outflow><outflow>leak" + s + "</outflow></stock>"
             + "<aux name=\"rate" + s + "\"><eqn>0.1 + 0.05 * SIN(TIME / " + QByteArray::number(10 + i % 7) + ")</eqn></aux>"
             + "<flow name=\"f" + s + "\"><eqn>MIN(s" + QByteArray::number((i + n - 1) % n) + " * rate" + s + ", 50)</eqn></flow>"
             + "<flow name=\"leak" + s + "\"><eqn>s" + s + " * 0.01</eqn></flow>";
    }
    return x + "</variables></model></xmile>";
}

inline Project ringProject(int n, double stop, double dt, std::optional<double> save = std::nullopt)
{
    return *readXmile(ringModel(n, stop, dt, save), QStringLiteral("ring.xmile")).project;
}

} // namespace meadows::bench

#include "generatedmodel.h"

#include <random>

namespace meadows::test {

namespace {

Variable variable(VariableKind kind, const QString &name, const QString &equation)
{
    Variable v;
    v.kind = kind;
    v.name = name;
    v.equation = equation;
    return v;
}

} // namespace

Project generatedStockFlowModel(int variables, std::uint64_t seed)
{
    Project p = makeNewProject(QStringLiteral("Generated"));
    Model &m = p.mainModel();
    std::mt19937_64 random(seed);
    const int chains = std::max(1, variables / 12);
    for (int c = 0; c < chains; ++c) {
        const QString chain = QString::number(c + 1);
        const auto stock = [&](int k) { return QStringLiteral("Stock %1 %2").arg(chain).arg(k); };
        const QStringList flows{QStringLiteral("Inflow %1").arg(chain), QStringLiteral("Transfer %1 a").arg(chain),
                                QStringLiteral("Transfer %1 b").arg(chain), QStringLiteral("Outflow %1").arg(chain)};
        for (int k = 1; k <= 3; ++k) {
            Variable s = variable(VariableKind::Stock, stock(k), QStringLiteral("100"));
            s.inflows << QString(flows[k - 1]).replace(u' ', u'_');
            s.outflows << QString(flows[k]).replace(u' ', u'_');
            m.variables.push_back(s);
        }
        const int other = chains > 1 ? int((c + 1 + random() % std::uint64_t(chains - 1)) % std::uint64_t(chains)) : c;
        const QString pressure = QStringLiteral("Pressure %1").arg(chain);
        m.variables.push_back(variable(VariableKind::Aux, pressure,
                                       QStringLiteral("Stock_%1_3 / (1 + Stock_%2_1)").arg(chain).arg(other + 1)));
        for (int k = 0; k < 4; ++k) {
            const QString rate = QStringLiteral("Rate %1 %2").arg(chain).arg(k + 1);
            m.variables.push_back(variable(VariableKind::Aux, rate, QString::number(0.01 * double(1 + random() % 9))));
            const QString from = k == 0 ? QString() : QString(stock(k)).replace(u' ', u'_');
            const QString equation = k == 0 ? QStringLiteral("%1 * 10 * %2").arg(QString(rate).replace(u' ', u'_'),
                                                                                   QString(pressure).replace(u' ', u'_'))
                                            : QStringLiteral("%1 * %2").arg(from, QString(rate).replace(u' ', u'_'));
            m.variables.push_back(variable(VariableKind::Flow, flows[k], equation));
        }
    }
    return p;
}

} // namespace meadows::test

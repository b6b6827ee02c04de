#include "commonoptions.h"

#include "model/sizelimit.h"
#include "model/vensim/mdldatfile.h"

#include <cmath>

namespace meadows {

// --max-size N (or --max-size=N), taken out of the arguments here so that every
// subcommand honours it: the limit on how large a model may expand (model/sizelimit.h).
static QString takeMaxSize(QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString value;
        if (arguments[i] == QLatin1String("--max-size")) {
            if (i + 1 >= arguments.size())
                return QStringLiteral("--max-size needs a number");
            value = arguments[i + 1];
            arguments.remove(i, 2);
        } else if (arguments[i].startsWith(QLatin1String("--max-size="))) {
            value = arguments[i].mid(11);
            arguments.remove(i);
        } else {
            continue;
        }
        bool ok = false;
        const double n = value.toDouble(&ok); // "1e8" is allowed
        if (!ok || !(n >= 1) || n > 1e15 || n != std::floor(n))
            return QStringLiteral("--max-size needs a whole number of at least 1, not '%1'").arg(value);
        setMaxModelSize(std::int64_t(n));
        --i;
    }
    return {};
}

// --data FILE (or --data=FILE), as many as given: the .dat files Vensim models take their
// equation-less data variables from (model/vensim/mdldatfile.h), for every subcommand.
static QString takeDataFiles(QStringList &arguments)
{
    QStringList paths;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--data")) {
            if (i + 1 >= arguments.size())
                return QStringLiteral("--data needs a file");
            paths << arguments[i + 1];
            arguments.remove(i, 2);
            --i;
        } else if (arguments[i].startsWith(QLatin1String("--data="))) {
            paths << arguments[i].mid(7);
            arguments.remove(i);
            --i;
        }
    }
    return vensim::setDataFiles(paths);
}

QString takeCommonOptions(QStringList &arguments)
{
    const QString refused = takeMaxSize(arguments);
    return refused.isEmpty() ? takeDataFiles(arguments) : refused;
}

} // namespace meadows

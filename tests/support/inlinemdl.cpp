#include "inlinemdl.h"

#include "model/vensim/mdlreader.h"
#include "model/xmilewriter.h"

namespace meadows::test {

QString mdlControl(double finalTime, const QString &unit)
{
    const QString u = unit.isEmpty() ? QString() : QLatin1Char(' ') + unit + QLatin1Char(' ');
    return QStringLiteral("INITIAL TIME = 0 ~%1~ |\nFINAL TIME = %2 ~%1~ |\nTIME STEP = 1 ~%1~ |\n"
                          "SAVEPER = TIME STEP ~%1~ |\n")
        .arg(u)
        .arg(finalTime);
}

XmileReadResult readMdl(const QString &equations, const QString &control, const QString &path)
{
    return readVensim((QStringLiteral("{UTF-8}\n") + equations + control).toUtf8(), path);
}

MdlRun runMdl(const QString &equations, const QString &control, bool viaXmile, const RunOptions &options)
{
    MdlRun out;
    XmileReadResult read = readMdl(equations, control);
    if (viaXmile && read.project)
        read = readXmile(writeXmile(*read.project), QStringLiteral("saved.xmile"));
    out.messages = formatted(read.diagnostics);
    if (!read.project)
        return out;
    static_cast<InlineRun &>(out) = simulateRead(read, {}, options);
    out.messages << formatted(out.compiled.diagnostics) << formatted(out.run.warnings);
    if (out.run.firstNonFinite)
        out.messages << out.run.firstNonFinite->format();
    return out;
}

} // namespace meadows::test

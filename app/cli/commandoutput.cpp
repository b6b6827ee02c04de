#include "commandoutput.h"

#include "commandline.h"

#include "model/outputfile.h"

namespace meadows {

void reportWriteError(QTextStream &err, const QString &error)
{
    err << "meadows: error: " << error << '\n';
    err.flush();
}

int writeCommandOutput(QTextStream &err, const QByteArray &bytes, const QString &path)
{
    QString error;
    if (path.isEmpty() || path == QLatin1String("-")) {
        error = writeStandardOutput(bytes.constData(), std::size_t(bytes.size()));
        if (error.isEmpty())
            error = flushStandardOutput();
    } else {
        error = writeOutputFile(path, bytes);
    }
    if (error.isEmpty())
        return ExitOk;
    reportWriteError(err, error);
    return ExitModelError;
}

int refuseOutputOverInput(QTextStream &err, const QString &command, const QString &output, const QStringList &inputs)
{
    const QString refusal = outputOverwritesInput(output, inputs);
    if (refusal.isEmpty())
        return -1;
    err << "meadows " << command << ": " << refusal << '\n';
    err.flush();
    return ExitUsage;
}

} // namespace meadows

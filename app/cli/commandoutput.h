#pragma once
// What a subcommand prints or writes, checked: a full disk, /dev/full or a closed pipe is
// "meadows: error: cannot write OUT: why" and exit code 1, never a truncated success.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace meadows {

// `path` empty or "-": standard output; else the file, written as model/outputfile.h
// says. Returns the exit code: ExitOk, or ExitModelError with the message on `err`.
int writeCommandOutput(QTextStream &err, const QByteArray &bytes, const QString &path = {});

// Exit code 2 with a message when `output` is one of `inputs` (see outputOverwritesInput);
// -1 when it may be written.
int refuseOutputOverInput(QTextStream &err, const QString &command, const QString &output, const QStringList &inputs);

// The message for a failed write, as every subcommand prints it.
void reportWriteError(QTextStream &err, const QString &error);

} // namespace meadows

#pragma once
// Every file a reader took data from besides the model it was asked to read: the
// spreadsheets and delimited text Vensim's GET functions name, and the model files XMILE
// modules and <includes> bring in. No output may replace one (outputOverwritesInput in
// outputfile.h): `meadows run model.mdl -o numbers.xlsx` would otherwise destroy the workbook
// the model reads its constants from.
//
// Process-wide, as the files given with --data are (vensim/mdldatfile.h): a command reads
// one model, and in the editor a file read by a model opened earlier stays protected, which
// errs on the side of the user's data.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace meadows {

void noteInputFile(const QString &path);
QStringList inputFilesRead(); // every path noted, as noted, each once

// The most a model file, or any file a model names, may hold: a model of C-LEARN's size is
// 1.4 MB. Read whole, a larger file takes memory many times its size.
constexpr qint64 kLargestInputFile = qint64(256) << 20;

// The bytes of a model file or a file a model names, read only when it is a regular file of
// at most kLargestInputFile bytes: a pipe would wait for ever for a writer, /dev/zero never
// end. Otherwise nullopt, with what is wrong in *problem ("not a file").
std::optional<QByteArray> readRegularFile(const QString &path, QString *problem);

} // namespace meadows

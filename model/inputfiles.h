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
#include <QString>
#include <QStringList>

namespace meadows {

void noteInputFile(const QString &path);
QStringList inputFilesRead(); // every path noted, as noted, each once

} // namespace meadows

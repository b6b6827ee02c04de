#pragma once
// Vensim's GET XLS / GET DIRECT CONSTANTS, LOOKUPS and DATA: the spreadsheet (.xls,
// .xlsx, or delimited text) is read when the model is, and each such equation is
// replaced, element by element, by what it read:
//   - constants by their numbers;
//   - lookups by their tables;
//   - data (":=") by a table of Time, which interpolates between the points and holds
//     the first and last values outside them, as Vensim does for data.
// A missing file, sheet, cell or named range is an error at the function's line and
// column; the file is named relative to the model's folder.
#include "mdldefinition.h"

namespace meadows::vensim {

void readExternalData(std::vector<Definition> &defs, const SubscriptRanges &ranges, const QString &modelFolder,
                      Reporter &report);

} // namespace meadows::vensim

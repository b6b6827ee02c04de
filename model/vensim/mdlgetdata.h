#pragma once
// Vensim's GET XLS / GET DIRECT CONSTANTS, LOOKUPS and DATA: the spreadsheet (.xls,
// .xlsx, or delimited text) is read when the model is, and each such equation is
// replaced, element by element, by what it read:
//   - constants by their numbers;
//   - lookups by their tables;
//   - data (":=") by a table of Time, read between the points as the equation's keyword
//     says (interpolated, held, looked forward or raw: mdldatareading.h), and the first and
//     last values held outside them, as Vensim does for data.
// A missing file, sheet, cell or named range is an error at the function's line and
// column; the file is named relative to the model's folder.
#include "mdldefinition.h"

namespace meadows::vensim {

// A subscript range's elements from GET DIRECT SUBSCRIPT or GET XLS SUBSCRIPT('file',
// 'tab', 'firstcell', 'lastcell', 'prefix'): the cells from firstcell to lastcell, read
// across and then down, empty ones left out, each with the prefix before it. Empty,
// with an error reported, when they cannot be read. `call` is that function.
std::optional<QStringList> readSubscriptElements(const Expr &call, const QString &modelFolder, Reporter &report);
bool isGetSubscript(const Expr &call);

void readExternalData(std::vector<Definition> &defs, const SubscriptRanges &ranges, const QString &modelFolder,
                      Reporter &report);

} // namespace meadows::vensim

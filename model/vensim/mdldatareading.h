#pragma once
// How a data variable (":=") read from a file gives values between its points, by the
// keyword written with it (Vensim's reference, "Data Equations" and "Keywords"):
//   :INTERPOLATE: (the default)  linear between the points;
//   :HOLD BACKWARD:              each point's value held until the next point;
//   :LOOK FORWARD:               the next point's value (a point's own at its time);
//   :RAW:                        a point's value at its time, :NA: at every other time.
// Before the first point and after the last, the first and last values are held, except
// with :RAW:, which has no value there (:NA:).
// And GET DATA BETWEEN TIMES(data, time, mode) on such a variable: its value at `time`,
// interpolated (mode 0), the later point's (1) or the earlier point's (-1); :NA: before
// its first point and after its last (Vensim's reference, "GET DATA BETWEEN TIMES").
// The other GET DATA functions read its points alone, through the functions of a table's
// points (solver/tablepoints.h), its table in its place:
//   GET DATA MIN, MAX, MEAN, MEDIAN(data, start, end)  over the points with start <= time <= end
//   GET DATA AT TIME(data, time)                        the point's value at that time
//   GET DATA TOTAL POINTS(data), GET DATA LAST TIME(data)
// each :NA: where no point qualifies, as Vensim gives it.
//
// Where the points must be read at other times than the variable's own, they are kept in
// three tables of each element, named from a base no variable has ("<name> data"):
//   "<base>"             the points, interpolated;
//   "<base> times"       each point's time held until the next (x_i -> x_i, discrete);
//   "<base> next times"  the next point's time (x_i -> x_i+1, discrete; the last to itself).
#include "mdldefinition.h"

#include <QSet>

namespace meadows::vensim {

// The equations of one element of a data variable: `element` (its name, subscripts and
// record) read through `points` by its keyword, and after it the element's tables when
// `withTables` (which :LOOK FORWARD: and :RAW: need whatever it says).
std::vector<Definition> dataEquations(const Definition &element, LookupTable points, const QString &tableBase,
                                      bool withTables);

// The keyword's name as written (":RAW:"), for messages.
QString readingKeyword(DataReading reading);

// How many arguments the GET DATA function `function` (upper case, words apart) takes when
// it is one of those read from the points (not BETWEEN TIMES); 0 for any other name.
int dataPointsArity(const QString &function);

// Whether `function` (upper case, words apart) is a function of the points that GET DATA
// calls are rewritten as ("POINTS MIN"): the solver's, which reads its first argument's table.
bool writesDataPoints(const QString &function);

// The variables (canonical names) that GET DATA calls in `defs` read.
QSet<QString> variablesReadByDataFunctions(const std::vector<Definition> &defs);

// The base of the tables each data variable of `defs` is read through ("<name> data",
// numbered when that or one of its tables' names is another variable's), one per variable,
// and whether GET DATA functions read it (then its tables are made whatever its keyword).
class DataTableNames {
public:
    explicit DataTableNames(const std::vector<Definition> &defs);
    QString baseOf(const QString &variable);
    bool readByFunctions(const QString &variable) const;
    // The bases given out to the variables GET DATA functions read: replaceDataFunctions' input.
    QHash<QString, QString> readBases() const;

private:
    QSet<QString> m_names;                // canonical names of the variables, and of the tables given out
    QHash<QString, QString> m_bases;      // a data variable (canonical) -> its tables' base
    QSet<QString> m_readByFunctions;      // the variables GET DATA functions read (canonical)
};

// Replaces each GET DATA call in `defs` on a variable of `tableBases` (a data
// variable read from a file, canonical name -> the base of its tables, made with
// withTables) by what it computes; calls it cannot replace stay, for the translation to
// report.
void replaceDataFunctions(std::vector<Definition> &defs, const QHash<QString, QString> &tableBases);

} // namespace meadows::vensim

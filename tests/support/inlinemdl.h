#pragma once
// Small Vensim models written inline in tests: equations in, diagnostics and trajectories
// out. The text starts with "{UTF-8}" on line 1, so the first equation is on line 2 and the
// positions tests expect in messages are easy to count.
#include "inlinemodel.h"
#include "model/xmilereader.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace meadows::test {

// The lines that open a sketch (its view's name and the rest follow), as Vensim writes them.
inline constexpr const char *kMdlSketchHead = "\\\\\\---/// Sketch information - do not modify anything except names\n"
                                             "V300  Do not put anything below this section - it will be ignored\n";

// A control section: INITIAL TIME 0, FINAL TIME `finalTime`, TIME STEP 1 and SAVEPER TIME
// STEP, all in `unit` (none when empty).
QString mdlControl(double finalTime, const QString &unit = QStringLiteral("Month"));

// "{UTF-8}\n" + `equations` + `control`, read as the file `path` (data files named in the
// equations are looked for beside it).
XmileReadResult readMdl(const QString &equations, const QString &control = mdlControl(4),
                        const QString &path = QStringLiteral("m.mdl"));

// The run of an inline .mdl model, with every message it gave on the way.
struct MdlRun : InlineRun {
    QStringList messages; // reading's, compiling's, the run's warnings, and the first value that was not finite
};

// Reads, compiles and runs (with `options`: a seed, ...); with `viaXmile`, the model is first
// written as XMILE (Save As) and read back from that, so the run shows what the saved file holds.
MdlRun runMdl(const QString &equations, const QString &control = mdlControl(4), bool viaXmile = false,
              const RunOptions &options = {});

// A model that is not run: the run has no results and this is among its messages.
inline bool refusedWith(const MdlRun &r, const QString &message)
{
    return !r.run.results && r.messages.contains(message);
}

} // namespace meadows::test

#pragma once
// Vensim's depreciation of an investment stream, written as the stream's accumulation read
// back through HISTORY at the starts of fiscal periods: DEPRECIATE STRAIGHTLINE and
// DEPRECIATE BY SCHEDULE, which generalises it to a schedule of fractions.
#include "mdlrewrite.h"

namespace meadows::vensim {

// "y = DEPRECIATE STRAIGHTLINE(str, dtime, fisc, init)" as the stream "y DEPRECIATE
// STRAIGHTLINE stream = str", its accumulation beyond init "y DEPRECIATE STRAIGHTLINE
// invested", and y computed from the two.
void depreciateStraightline(Rewrite &r);

// "y = DEPRECIATE BY SCHEDULE(str, sch, init, dtime, fs)", `schedule` the elements of sch
// from the one written (vectorFrom), `initial` init's when it is a vector as well (else
// init is one value for every period): the stream, its accumulation "y DEPRECIATE BY
// SCHEDULE invested", and y computed from the two. Says at the call which readings of the
// reference Meadows takes.
void depreciateBySchedule(Rewrite &r, const QStringList &schedule, const std::optional<QStringList> &initial, Reporter &report);

} // namespace meadows::vensim

#pragma once
// Vensim's GET TIME VALUE(relative to, offset, measure) written in the solver's terms.
#include "mdltranslate.h"

namespace meadows::vensim {

// The call's equation text: measure 0 is the time itself (Time + offset, or INITIAL TIME +
// offset), measures 1 to 10 its calendar reading (the solver's CALENDAR, solver/calendar.h)
// from the date and time unit `c.timeLabels` gives. What Meadows does not read (the
// computer's clock, a time unit no calendar has) is a warning, and the call is kept by name
// so that the run stops there.
QString translateTimeValue(const Expr &call, TranslateContext &c);

} // namespace meadows::vensim

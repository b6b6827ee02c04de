#pragma once
// The settings Vensim writes at the end of a .mdl, after the sketch: lines "N:value" after
// the marker ":L<%^E!@". Meadows reads the integration method (type 15), the files data
// functions name through "?name" (type 30) and the date time is labelled from (37 to 39).
#include "mdldefinition.h"
#include "mdltranslate.h"

#include <QHash>
#include <QString>

namespace meadows::vensim {

// The date at INITIAL TIME Vensim labels time with (Model > Settings > Time Bounds), which
// GET TIME VALUE reads, into `labels`: lines "37:year", "38:month" and "39:day". That they
// are the date at INITIAL TIME, not at time 0, is read off public models (SDEverywhere's
// depreciate.mdl starts in 2020 with INITIAL TIME 2020 and 37:2020); Vensim's reference
// does not say.
// A date that is not one (38:13, 39:31 of February, 37:abc) is a warning at its line, and
// the date is 1 January 2000.
void readStartDate(const QString &text, TimeLabels &labels, Reporter &report);

// "?name" -> the file, from lines "30:?name=file".
QHash<QString, QString> fileAliases(const QString &text);

// The integration method of line "15:a,b,c,m,...", its fourth field m: 0 Euler, 2 Vensim's
// Difference (Euler's arithmetic), 1 and 5 Runge-Kutta 4, 3 and 4 Runge-Kutta 2 (which of
// each pair is Vensim's step-adapting "auto" is not documented: both take fixed steps). The codes are as Vensim's author's own converter (xmutil) reads them;
// Vensim's documentation does not list them. Sets the method, and where it was read, in
// `specs`, and marks its Runge-Kutta as Vensim's; a code Meadows does not know is a warning
// at the line.
void readIntegrationMethod(const QString &text, SimSpecs &specs, Reporter &report);

// Under Runge-Kutta, Vensim's reference says DELAY N "is treated as a discrete delay
// function, so that its output is constant for each Time Step", and that Vensim "holds all
// exogenous ... inputs constant over the integration interval". Meadows integrates DELAY N's
// stages like any stock and reads data at each stage's time: a warning at the first of each,
// for a model whose method is RK2 or RK4.
void warnWhereRungeKuttaDiffers(const std::vector<Definition> &defs, const SimSpecs &specs, Reporter &report);

} // namespace meadows::vensim

#pragma once
// Which stock each constant drives: the first stock its influence reaches, through the
// equations that use it and the flows that fill or drain a stock. The Sliders panel groups
// its sliders by it ("Backlog: Arrival Rate, Service Time"), so the knobs of one part of the
// model sit together.
#include <QHash>
#include <QString>

namespace meadows {

struct Model;

// Constant (canonical name) -> the display name of the stock it reaches first; constants
// that reach none are left out.
QHash<QString, QString> stocksDrivenBy(const Model &model);

} // namespace meadows

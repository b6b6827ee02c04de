#pragma once
// The numbers an XMILE file writes as text (sim specs, graphical-function points,
// dimension sizes), read strictly: text that is not a number is reported, never read as 0.
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace meadows {

// A number, or a quotient of two ("1/4"): Stella writes a DT as a fraction.
std::optional<double> parseSpecNumber(const QString &text);

// Numbers separated by sep (default ","); on a part that is not a number, returns
// nullopt and sets *bad to it.
std::optional<std::vector<double>> parseNumberList(const QString &text, const QString &sep, QString *bad);

// A dimension's size: a whole number from 1 to limit. On failure says why in *error.
std::optional<std::int64_t> parseDimensionSize(const QString &text, std::int64_t limit, QString *error);

} // namespace meadows

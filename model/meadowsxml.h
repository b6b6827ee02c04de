#pragma once
// Meadows' own XML namespace, for what only Meadows reads in an XMILE file; other tools keep
// or ignore it. Today: a variable's chart colour, as meadows:color="#0072b2" on the variable.
namespace meadows {

inline constexpr char kMeadowsNamespace[] = "urn:x-meadows:xmile:1";
inline constexpr char kSeriesColorAttribute[] = "meadows:color";

} // namespace meadows

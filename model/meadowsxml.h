#pragma once
// Meadows' own XML namespace, for what only Meadows reads in an XMILE file; other tools keep
// or ignore it. Today: a variable's chart colour, as meadows:color="#0072b2" on the variable,
// and the Vensim settings that change with Time (VaryingSpecs), as meadows:start, meadows:stop,
// meadows:dt and meadows:save_step on <sim_specs>, each naming the variable that computes it,
// and meadows:runge_kutta there.
namespace meadows {

inline constexpr char kMeadowsNamespace[] = "urn:x-meadows:xmile:1";
inline constexpr char kSeriesColorAttribute[] = "meadows:color";
inline constexpr char16_t kVaryingStartAttribute[] = u"meadows:start";
inline constexpr char16_t kVaryingStopAttribute[] = u"meadows:stop";
inline constexpr char16_t kVaryingDtAttribute[] = u"meadows:dt";
inline constexpr char16_t kVaryingSaveStepAttribute[] = u"meadows:save_step";
// Whose Runge-Kutta the model was made for (SimSpecs::vensimRungeKutta): "vensim", or absent.
inline constexpr char16_t kRungeKuttaAttribute[] = u"meadows:runge_kutta";

} // namespace meadows

#pragma once
// How large a model may grow once expanded (array elements, module copies, macro
// bodies, saved values): one number a hostile 3 KB file cannot talk past. The command
// line's --max-size raises it for a run; everything else uses the default.
#include <cstdint>

namespace meadows {

constexpr std::int64_t kDefaultMaxModelSize = 1'000'000;

std::int64_t maxModelSize();
void setMaxModelSize(std::int64_t limit);

} // namespace meadows

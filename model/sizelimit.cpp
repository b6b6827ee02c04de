#include "sizelimit.h"

#include <atomic>

namespace meadows {

namespace {
std::atomic<std::int64_t> limit{kDefaultMaxModelSize};
}

std::int64_t maxModelSize()
{
    return limit.load(std::memory_order_relaxed);
}

void setMaxModelSize(std::int64_t value)
{
    limit.store(value, std::memory_order_relaxed);
}

} // namespace meadows

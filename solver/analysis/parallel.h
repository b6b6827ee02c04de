#pragma once
// Independent jobs spread over the machine's cores: sweeps and sensitivity runs.
#include <atomic>
#include <cstddef>
#include <functional>

namespace meadows {

// The number of workers `threads` asks for: 0 means one per core.
unsigned workerCount(unsigned threads, std::size_t jobs);

// Calls job(i, worker) for every i in [0, count), on workerCount(threads, count) threads;
// `worker` (0 .. workers-1) lets a job reuse state of its own. Stops handing out jobs once
// `cancel` is set. `progress(done, count)` is called from the workers, at most ~100 times.
void parallelFor(std::size_t count, unsigned threads, const std::function<void(std::size_t, unsigned)> &job,
                 const std::atomic<bool> *cancel = nullptr,
                 const std::function<void(std::size_t, std::size_t)> &progress = {});

} // namespace meadows

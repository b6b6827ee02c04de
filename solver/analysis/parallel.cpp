#include "parallel.h"

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

namespace meadows {

unsigned workerCount(unsigned threads, std::size_t jobs)
{
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned wanted = threads == 0 ? cores : threads;
    return unsigned(std::max<std::size_t>(1, std::min<std::size_t>(wanted, jobs)));
}

void parallelFor(std::size_t count, unsigned threads, const std::function<void(std::size_t, unsigned)> &job,
                 const std::atomic<bool> *cancel, const std::function<void(std::size_t, std::size_t)> &progress)
{
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::mutex reporting;
    const std::size_t every = std::max<std::size_t>(1, count / 100);
    const auto work = [&](unsigned worker) {
        for (;;) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return;
            const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
            if (i >= count)
                return;
            job(i, worker);
            const std::size_t finished = done.fetch_add(1, std::memory_order_relaxed) + 1;
            if (progress && (finished % every == 0 || finished == count)) {
                std::lock_guard lock(reporting);
                progress(finished, count);
            }
        }
    };
    const unsigned workers = workerCount(threads, count);
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < workers; ++w)
        pool.emplace_back(work, w);
    work(0); // this thread is worker 0
    for (std::thread &t : pool)
        t.join();
}

} // namespace meadows

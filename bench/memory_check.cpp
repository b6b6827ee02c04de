// Memory of stored results: 1000 variables saved 100,000 times must not take more than
// 1.5 times the results' own size. Prints the figures; exits 1 when over.
#include "ringmodel.h"

#include "model/sizelimit.h"
#include "model/xmilereader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <sys/resource.h>

#include <cstdio>

namespace {
long peakKilobytes()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}
} // namespace

int main()
{
    using namespace meadows;
    // The ring of make_ring.py with 250 stocks: 1000 variables; 99,999 steps of 1, all saved.
    // 1e8 saved values is over the default guard against hostile files; this run means it
    // (the command line's --max-size does the same).
    setMaxModelSize(10'000'000);
    const CompileResult compiled = compileProject(bench::ringProject(250, 99999, 1));
    const long before = peakKilobytes();
    const RunResult r = simulate(*compiled.model);
    const long after = peakKilobytes();
    if (!r.results) {
        std::fprintf(stderr, "memory_check: the run did not start: %s\n", qPrintable(r.error));
        return 1;
    }
    const double resultsMb = double(r.results->data.size() * sizeof(double)) / (1024.0 * 1024.0);
    const double grownMb = double(after - before) / 1024.0;
    std::printf("rows %zu, columns %zu\n", r.results->rows(), r.results->columns);
    std::printf("results block: %.1f MiB\n", resultsMb);
    std::printf("peak memory grew by: %.1f MiB during the run (%.2fx the results)\n", grownMb, grownMb / resultsMb);
    std::printf("peak memory of the process: %.1f MiB\n", double(after) / 1024.0);
    return grownMb <= 1.5 * resultsMb ? 0 : 1;
}

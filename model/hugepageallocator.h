#pragma once
// An allocator for large arrays written once, front to back: loop analysis (half a million
// loops fill tens of megabytes) and simulation results (a million values per run); with 4 KiB pages, taking each page's fault
// costs more than finding the loops (on a virtual machine, ten times more). Blocks of
// 2 MiB and up are aligned to 2 MiB and marked for transparent huge pages, which takes
// that cost away where the kernel allows it (`madvise` mode) and changes nothing
// elsewhere.
#include <cstddef>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace meadows {

template<typename T>
struct HugePageAllocator {
    using value_type = T;
    static constexpr std::size_t kHugePage = std::size_t(2) << 20;

    HugePageAllocator() = default;
    template<typename U>
    HugePageAllocator(const HugePageAllocator<U> &) noexcept {}

    T *allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePage) {
            if (void *p = std::malloc(bytes ? bytes : 1))
                return static_cast<T *>(p);
            throw std::bad_alloc();
        }
        const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        void *p = std::aligned_alloc(kHugePage, rounded);
        if (!p)
            throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        madvise(p, rounded, MADV_HUGEPAGE); // advice only: failure leaves ordinary pages
#endif
        return static_cast<T *>(p);
    }
    void deallocate(T *p, std::size_t) noexcept { std::free(p); }

    template<typename U>
    bool operator==(const HugePageAllocator<U> &) const noexcept { return true; }
};

} // namespace meadows

#pragma once
// A C library that only some commands need (Graphviz to lay a diagram out, FreeXL and
// libzip to read spreadsheets), opened the first time it is used instead of being linked.
// Linked, the dynamic loader maps each of them and their own dependencies (libzip brings
// libcrypto) at every start, which cost `meadows run` 5 ms and 200 page faults whether or
// not it laid anything out (BENCHMARKS.md, "The ring against C since issue 12").
//
// The caller still compiles against the library's header, so every function it takes is
// typed by its declaration there. A caller lists its functions once, in an X-macro, and
// declares and takes them with the two macros at the end of this file:
//
//     #define FREEXL_FUNCTIONS(X) X(freexl_open) X(freexl_close)
//     struct FreeXl { FREEXL_FUNCTIONS(MEADOWS_LAZY_FIELD) QString error; };
//     const FreeXl &xl = functionsOf<FreeXl>(MEADOWS_FREEXL_LIBRARY,
//         [](FreeXl &api, LazyLibrary &library) { FREEXL_FUNCTIONS(MEADOWS_LAZY_TAKE) });
//
// dlopen() is used directly (QLibrary would do the same through more layers).
#include <QString>

namespace meadows {

class LazyLibrary {
public:
    // `path`: the library as CMake found it (meadows_runtime_library() in the top-level
    // CMakeLists.txt), such as /usr/lib/x86_64-linux-gnu/libgvc.so.6. It is opened by its
    // file name first, so that the loader finds it where it would find a linked library
    // (LD_LIBRARY_PATH, the system's directories), then at that path, for a library
    // installed where the loader does not look (/opt, an unregistered /usr/local).
    explicit LazyLibrary(const char *path);
    ~LazyLibrary(); // the library stays loaded: functions taken from it may still be held
    LazyLibrary(const LazyLibrary &) = delete;
    LazyLibrary &operator=(const LazyLibrary &) = delete;

    // The address of `symbol`, or nullptr with error() saying why (the library or the
    // symbol is missing). A data symbol (Graphviz's Agdirected) is resolved the same way.
    void *address(const char *symbol);
    template <class Pointer> Pointer resolve(const char *symbol)
    {
        return reinterpret_cast<Pointer>(address(symbol));
    }

    // Empty while everything asked for was found.
    const QString &error() const { return m_error; }

private:
    void *m_handle = nullptr;
    QString m_name;
    QString m_error;
};

} // namespace meadows

namespace meadows {

// The functions of one library as `Api` lists them (MEADOWS_LAZY_FIELDs and a QString error),
// taken the first time they are asked for, by `take` (MEADOWS_LAZY_TAKEs over `api` and
// `library`); api.error says what was missing. One set per call site: the lambda makes each
// instantiation its own.
template <class Api, class Take> const Api &functionsOf(const char *path, Take take)
{
    static const Api loaded = [&] {
        Api api;
        LazyLibrary library(path);
        take(api, library);
        api.error = library.error();
        return api;
    }();
    return loaded;
}

} // namespace meadows

// A member holding function `name`, typed by its declaration in the library's header.
#define MEADOWS_LAZY_FIELD(name) decltype(&::name) name = nullptr;
// Takes `name` from the LazyLibrary `library` into `api.name` (both named so in the caller).
#define MEADOWS_LAZY_TAKE(name) api.name = library.resolve<decltype(&::name)>(#name);

#pragma once
// A C library that only some commands need (Graphviz to lay a diagram out, FreeXL and
// libzip to read spreadsheets), opened the first time it is used instead of being linked.
// Linked, the dynamic loader maps each of them and their own dependencies (libzip brings
// libcrypto) at every start, which cost `meadows run` 5 ms and 200 page faults whether or
// not it laid anything out (BENCHMARKS.md, "The ring against C since issue 12").
//
// The caller still compiles against the library's header, so every function it takes is
// typed by its declaration there:
//
//     LazyLibrary freexl(MEADOWS_FREEXL_SONAME);
//     auto open = freexl.resolve<decltype(&::freexl_open)>("freexl_open");
//
// dlopen() is used directly (QLibrary would do the same through more layers): the library
// is opened with its soname, which CMake reads from the library it found (meadows_soname()
// in the top-level CMakeLists.txt), so the version loaded is the version compiled against.
#include <QString>

namespace meadows {

class LazyLibrary {
public:
    explicit LazyLibrary(const char *soname);
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
    QString m_soname;
    QString m_error;
};

} // namespace meadows

// Takes `name` from `library` into `api.name`, typed by its declaration in the header.
#define MEADOWS_RESOLVE(library, api, name) ((api).name = (library).resolve<decltype(&::name)>(#name))

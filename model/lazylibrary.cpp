#include "lazylibrary.h"

#include <dlfcn.h>

namespace meadows {

LazyLibrary::LazyLibrary(const char *soname)
    : m_soname(QString::fromLocal8Bit(soname))
{
    // RTLD_LOCAL: nothing else in the process should bind to these symbols by accident.
    m_handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!m_handle)
        m_error = QStringLiteral("cannot load %1: %2").arg(m_soname, QString::fromLocal8Bit(dlerror()));
}

LazyLibrary::~LazyLibrary() = default;

void *LazyLibrary::address(const char *symbol)
{
    if (!m_handle)
        return nullptr;
    dlerror(); // clear a previous failure, so that a null below is this lookup's
    void *found = dlsym(m_handle, symbol);
    if (!found && m_error.isEmpty())
        m_error = QStringLiteral("%1 has no %2").arg(m_soname, QString::fromLatin1(symbol));
    return found;
}

} // namespace meadows

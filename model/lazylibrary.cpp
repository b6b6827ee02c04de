#include "lazylibrary.h"

#include <dlfcn.h>

namespace meadows {

LazyLibrary::LazyLibrary(const char *path)
{
    const QString full = QString::fromLocal8Bit(path);
    m_name = full.mid(full.lastIndexOf(u'/') + 1);
    // RTLD_LOCAL: nothing else in the process should bind to these symbols by accident.
    m_handle = dlopen(m_name.toLocal8Bit().constData(), RTLD_NOW | RTLD_LOCAL);
    if (m_handle)
        return;
    const QString byName = QString::fromLocal8Bit(dlerror());
    if (full != m_name)
        m_handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!m_handle)
        m_error = QStringLiteral("cannot load %1: %2").arg(m_name, byName);
}

LazyLibrary::~LazyLibrary() = default;

void *LazyLibrary::address(const char *symbol)
{
    if (!m_handle)
        return nullptr;
    dlerror(); // clear a previous failure, so that the one read below is this lookup's
    void *found = dlsym(m_handle, symbol);
    if (!found && m_error.isEmpty()) {
        const char *why = dlerror();
        m_error = QStringLiteral("%1 has no %2").arg(m_name, QString::fromLatin1(symbol));
        if (why)
            m_error += QStringLiteral(" (%1)").arg(QString::fromLocal8Bit(why));
    }
    return found;
}

} // namespace meadows

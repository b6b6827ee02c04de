#include "outputfile.h"
#include "inputfiles.h"
#include "vensim/mdldatfile.h"

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

namespace meadows {

namespace {

QByteArray encoded(const QString &path) { return QFile::encodeName(path); }
QString decoded(const char *path) { return QFile::decodeName(path); }

QString strerrorText(int errorNumber) { return QString::fromLocal8Bit(std::strerror(errorNumber)); }

// The mode a new file gets: what open(2) with 0666 would give under the process's umask.
// The umask is read from /proc (Linux 4.7+) because umask(2) can only be read by setting
// it, which would race with other threads creating files.
mode_t newFileMode()
{
    if (FILE *status = std::fopen("/proc/self/status", "re")) {
        char line[256];
        unsigned mask = 0;
        bool found = false;
        while (!found && std::fgets(line, sizeof line, status))
            found = std::sscanf(line, "Umask: %o", &mask) == 1;
        std::fclose(status);
        if (found)
            return mode_t(0666 & ~mask);
    }
    const mode_t mask = ::umask(022);
    ::umask(mask);
    return mode_t(0666 & ~mask);
}

// The path with its symlinks followed, also when the last link dangles (writing creates
// its target). At most 40 links, as the kernel allows.
QString followLinks(const QString &path)
{
    QByteArray current = encoded(path);
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st;
        if (::lstat(current.constData(), &st) != 0 || !S_ISLNK(st.st_mode))
            return decoded(current.constData());
        char buffer[PATH_MAX];
        const ssize_t n = ::readlink(current.constData(), buffer, sizeof buffer - 1);
        if (n < 0)
            return decoded(current.constData());
        const QByteArray link(buffer, n);
        if (link.startsWith('/')) {
            current = link;
        } else {
            const qsizetype slash = current.lastIndexOf('/');
            current = (slash >= 0 ? current.left(slash + 1) : QByteArray()) + link;
        }
    }
    return decoded(current.constData());
}

QString directoryOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    if (slash < 0)
        return QStringLiteral(".");
    return slash == 0 ? QStringLiteral("/") : path.left(slash);
}

QString fileNameOf(const QString &path) { return path.mid(path.lastIndexOf(u'/') + 1); }

} // namespace

QString outputOverwritesInput(const QString &output, const QStringList &givenInputs)
{
    // The .dat files Vensim models read their data from (--data) are inputs of every command,
    // and so is every file a model read took data from (inputfiles.h).
    const QStringList inputs = givenInputs + vensim::dataFiles() + inputFilesRead();
    struct stat out;
    if (output.isEmpty() || output == QLatin1String("-") || ::stat(encoded(output).constData(), &out) != 0)
        return {};
    if (!S_ISREG(out.st_mode))
        return {}; // a device or a FIFO is written in place, and no model is read from one twice
    for (const QString &input : inputs) {
        struct stat in;
        if (!input.isEmpty() && ::stat(encoded(input).constData(), &in) == 0 && in.st_dev == out.st_dev
            && in.st_ino == out.st_ino)
            return QStringLiteral("%1 is the input file %2: refusing to overwrite it").arg(output, input);
    }
    return {};
}

OutputFile::OutputFile(QString path, Durability durability) : m_path(std::move(path)), m_durability(durability) {}

OutputFile::~OutputFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_temporary.isEmpty() && !m_committed)
        ::unlink(encoded(m_temporary).constData());
}

bool OutputFile::fail(int errorNumber)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("cannot write %1: %2").arg(m_path, strerrorText(errorNumber));
    return false;
}

bool OutputFile::open()
{
    if (m_path.isEmpty())
        return fail(ENOENT);
    m_target = followLinks(m_path);
    const QByteArray target = encoded(m_target);
    struct stat st;
    const bool exists = ::stat(target.constData(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        return fail(EISDIR);
    if (exists && !S_ISREG(st.st_mode)) {
        // A device, FIFO or socket: written in place, never replaced.
        m_fd = ::open(target.constData(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
        return m_fd >= 0 || fail(errno);
    }
    QByteArray pattern = encoded(directoryOf(m_target) + QStringLiteral("/.") + fileNameOf(m_target)
                                 + QStringLiteral(".XXXXXX"));
    m_fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (m_fd < 0)
        return fail(errno);
    m_temporary = decoded(pattern.constData());
    // Keep the permissions of the file being replaced; a new one gets what the umask allows.
    const mode_t mode = exists ? mode_t(st.st_mode & 07777) : newFileMode();
    if (::fchmod(m_fd, mode) != 0)
        return fail(errno);
    return true;
}

bool OutputFile::write(const char *data, std::size_t size)
{
    if (m_fd < 0 || !m_error.isEmpty())
        return m_error.isEmpty() ? fail(EBADF) : false;
    while (size > 0) {
        const ssize_t n = ::write(m_fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(errno);
        }
        data += n;
        size -= std::size_t(n);
    }
    return true;
}

bool OutputFile::finish()
{
    if (m_finished)
        return m_error.isEmpty();
    m_finished = true;
    if (m_fd < 0)
        return m_error.isEmpty() ? fail(EBADF) : false;
    if (!m_error.isEmpty())
        return false;
    if (m_durability == Durability::SyncToDisk && !m_temporary.isEmpty() && ::fsync(m_fd) != 0)
        return fail(errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        return fail(errno);
    return true;
}

bool OutputFile::commit()
{
    if (!finish())
        return false;
    if (!m_temporary.isEmpty()
        && ::rename(encoded(m_temporary).constData(), encoded(m_target).constData()) != 0)
        return fail(errno);
    m_committed = true;
    return true;
}

QString writeOutputFile(const QString &path, const QByteArray &bytes, Durability durability)
{
    OutputFile file(path, durability);
    if (!file.open() || !file.write(bytes) || !file.commit())
        return file.error();
    return {};
}

QString writeOutputFiles(const std::vector<std::pair<QString, QByteArray>> &files)
{
    std::vector<std::unique_ptr<OutputFile>> staged;
    for (const auto &[path, bytes] : files) {
        staged.push_back(std::make_unique<OutputFile>(path));
        OutputFile &file = *staged.back();
        if (!file.open() || !file.write(bytes) || !file.finish())
            return file.error(); // the destructors remove every staged temporary
    }
    // Hard links keep the previous contents until every new file is in place.
    struct Placed {
        QByteArray target, backup;
    };
    std::vector<Placed> placed;
    auto undo = [&placed] {
        for (const Placed &p : placed) {
            if (p.backup.isEmpty())
                ::unlink(p.target.constData());
            else
                ::rename(p.backup.constData(), p.target.constData());
        }
    };
    for (const auto &file : staged) {
        Placed p{encoded(file->target()), {}};
        if (file->m_temporary.isEmpty()) { // a device: written already, nothing to rename
            file->m_committed = true;
            continue;
        }
        struct stat st;
        if (::stat(p.target.constData(), &st) == 0) {
            QByteArray backup = p.target + ".meadows-old.XXXXXX";
            const int fd = ::mkstemp(backup.data());
            if (fd >= 0) {
                ::close(fd);
                ::unlink(backup.constData());
                if (::link(p.target.constData(), backup.constData()) == 0)
                    p.backup = backup;
            }
        }
        if (::rename(encoded(file->m_temporary).constData(), p.target.constData()) != 0) {
            const int error = errno;
            if (!p.backup.isEmpty())
                ::unlink(p.backup.constData());
            undo();
            file->fail(error);
            return file->error();
        }
        file->m_committed = true;
        placed.push_back(p);
    }
    for (const Placed &p : placed)
        if (!p.backup.isEmpty())
            ::unlink(p.backup.constData());
    return {};
}

QString writeStandardOutput(const char *data, std::size_t size)
{
    errno = 0;
    if (std::fwrite(data, 1, size, stdout) != size)
        return QStringLiteral("cannot write standard output: %1").arg(strerrorText(errno ? errno : EIO));
    return {};
}

QString flushStandardOutput()
{
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout))
        return QStringLiteral("cannot write standard output: %1").arg(strerrorText(errno ? errno : EIO));
    return {};
}

} // namespace meadows

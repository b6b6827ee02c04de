#pragma once
// Writing what Meadows produces without ever losing what the user has. Every file Meadows
// writes (a saved model, a run's CSV, an exported picture or page, the autosave) goes
// through here, so the rules hold everywhere:
// - an output that is the same file as an input (same device and inode, symlinks
//   followed) is refused before any work is done;
// - a regular file is written beside its target and renamed over it, so a reader never
//   sees half a file and a failed write leaves the old contents; the old file's
//   permissions are kept, and a new file gets the mode the umask allows (0666 & ~umask);
// - a symlink is followed: its target is replaced and the link stays a link;
// - a device, FIFO or socket (/dev/null, /dev/stdout, a pipe) is written in place, never
//   replaced by a plain file;
// - every write, the final flush and the close are checked, and a failure reads
//   "cannot write PATH: <strerror>".
// POSIX calls rather than QSaveFile: QSaveFile renames over a device node (as root,
// `-o /dev/null` would replace the system's /dev/null), forces its own mode on new files,
// and always fsyncs, which costs a results CSV as much as the simulation.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <utility>
#include <vector>

namespace meadows {

// Empty when `output` may be written; else why not ("OUT is the input file IN").
QString outputOverwritesInput(const QString &output, const QStringList &inputs);

enum class Durability {
    Rename,      // atomic replacement only (results, exports: cheap to make again)
    SyncToDisk,  // also fsync before the rename (the user's model, the autosave)
};

class OutputFile {
public:
    explicit OutputFile(QString path, Durability durability = Durability::Rename);
    ~OutputFile(); // an uncommitted temporary is removed
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    bool open();
    bool write(const char *data, std::size_t size);
    bool write(const QByteArray &bytes) { return write(bytes.constData(), std::size_t(bytes.size())); }
    // Finishes writing (flush, close) without putting the file in place: staging, for
    // several files that are committed together.
    bool finish();
    // Puts the file in place (finishing it first when needed).
    bool commit();
    // "cannot write PATH: why"; empty while nothing failed.
    QString error() const { return m_error; }
    // Where the bytes land: the path with symlinks followed.
    QString target() const { return m_target; }

private:
    friend QString writeOutputFiles(const std::vector<std::pair<QString, QByteArray>> &files);
    bool fail(int errorNumber);

    QString m_path;
    QString m_target;
    QString m_temporary; // empty when written in place (a device, a FIFO)
    Durability m_durability;
    int m_fd = -1;
    bool m_finished = false;
    bool m_committed = false;
    QString m_error;
};

// One file, whole: empty on success, else "cannot write PATH: why".
QString writeOutputFile(const QString &path, const QByteArray &bytes, Durability durability = Durability::Rename);

// Several files (a page and its pictures), all or none: each is staged beside its
// target, and only when every one is written are they renamed into place. A failure
// while renaming puts back what was there before. Empty on success.
QString writeOutputFiles(const std::vector<std::pair<QString, QByteArray>> &files);

// Standard output, checked: writes and flushes, "cannot write standard output: why" on
// failure (a full disk, /dev/full, a closed pipe). Empty on success.
QString writeStandardOutput(const char *data, std::size_t size);
QString flushStandardOutput();

} // namespace meadows

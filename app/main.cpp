// meadows: the GUI when started with no arguments or a file; a headless tool when the
// first argument names a subcommand (run, check, ...), which needs no display.
#include "cli/commandline.h"

#include <QCoreApplication>
#include <cstdio>

namespace {

// Qt warns when XDG_RUNTIME_DIR is unset (containers, cron, CI) and then makes a private
// folder of its own, which is all a command-line run needs: that one notice is dropped,
// and every other message goes where it went before.
QtMessageHandler g_previousHandler = nullptr;

void dropRuntimeDirNotice(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    if (g_previousHandler) {
        g_previousHandler(type, context, message);
        return;
    }
    std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

} // namespace

#ifdef MEADOWS_WITH_GUI
#include <dlfcn.h>
#include <limits.h>
#include <string>
#include <unistd.h>

namespace {

// The GUI module sits beside the executable (a build tree) or in ../lib/meadows (an install).
// `entryName`: meadowsRunGui (the editor) or meadowsExport (pictures of the diagram).
int runGuiModule(int argc, char **argv, const char *entryName)
{
    char self[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    std::string dir = n > 0 ? std::string(self, std::size_t(n)) : std::string(argv[0]);
    dir = dir.substr(0, dir.find_last_of('/') + 1);
    std::string tried;
    for (const char *relative : {"libmeadows-gui.so", "../lib/meadows/libmeadows-gui.so"}) {
        const std::string path = dir + relative;
        if (void *module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) {
            using Entry = int (*)(int, char **);
            if (auto entry = reinterpret_cast<Entry>(dlsym(module, entryName)))
                return entry(argc, argv);
        }
        tried += "\n  " + path + ": " + dlerror();
    }
    std::fprintf(stderr, "meadows: cannot load the editor's module:%s\n"
                         "The headless commands still work (meadows help).\n", tried.c_str());
    return 2;
}

} // namespace
#endif

int main(int argc, char **argv)
{
    g_previousHandler = qInstallMessageHandler(dropRuntimeDirNotice);
#ifdef MEADOWS_WITH_GUI
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (meadows::exportRunsInGui(arguments)) {
        // Drawing needs the scene items, not a display: never ask for X or Wayland.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return runGuiModule(argc, argv, "meadowsExport");
    }
#endif
    if (meadows::isHeadlessCommand(argc, argv)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("meadows"));
        QCoreApplication::setApplicationVersion(QStringLiteral(MEADOWS_VERSION_STRING));
        return meadows::runHeadless(QCoreApplication::arguments());
    }
#ifdef MEADOWS_WITH_GUI
    if (const int refused = meadows::refuseGuiArguments(argc, argv); refused >= 0)
        return refused;
    return runGuiModule(argc, argv, "meadowsRunGui");
#else
    std::fputs("meadows was built without its GUI; use a subcommand (meadows help)\n", stderr);
    return 2;
#endif
}

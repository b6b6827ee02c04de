// meadows: the GUI when started with no arguments or a file; a headless tool when the
// first argument names a subcommand (run, check, ...), which needs no display.
#include "cli/commandline.h"

#ifdef MEADOWS_WITH_GUI
#include "gui/guimain.h"
#endif

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char **argv)
{
    if (meadows::isHeadlessCommand(argc, argv)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("meadows"));
        QCoreApplication::setApplicationVersion(QStringLiteral(MEADOWS_VERSION_STRING));
        return meadows::runHeadless(QCoreApplication::arguments());
    }
#ifdef MEADOWS_WITH_GUI
    return meadows::runGui(argc, argv);
#else
    std::fputs("meadows was built without its GUI; use a subcommand (meadows help)\n", stderr);
    return 2;
#endif
}

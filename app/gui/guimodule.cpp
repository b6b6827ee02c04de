// The entry points `meadows` looks up after loading the GUI module.
#include "export/pictures/headlessexport.h"
#include "guimain.h"

#include <QtGlobal>

extern "C" Q_DECL_EXPORT int meadowsRunGui(int argc, char **argv)
{
    return meadows::runGui(argc, argv);
}

// `meadows export` of a picture or the md bundle: needs the scene items, not a display.
extern "C" Q_DECL_EXPORT int meadowsExport(int argc, char **argv)
{
    return meadows::runHeadlessExport(argc, argv);
}

// The entry point `meadows` looks up after loading the GUI module.
#include "guimain.h"

#include <QtGlobal>

extern "C" Q_DECL_EXPORT int meadowsRunGui(int argc, char **argv)
{
    return meadows::runGui(argc, argv);
}

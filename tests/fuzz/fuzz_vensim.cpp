// Any bytes through the Vensim .mdl reader, then the XMILE writer and the compiler:
// nothing may crash, hang or recurse without bound, and whatever reads must be a project
// the writer can write and the compiler can judge.
#include "model/vensim/mdlreader.h"
#include "model/xmilewriter.h"
#include "solver/compiler.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace meadows;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const XmileReadResult read = readVensim(bytes, QStringLiteral("fuzz.mdl"));
    if (!read.project)
        return 0;
    writeXmile(*read.project);
    compileProject(*read.project);
    return 0;
}

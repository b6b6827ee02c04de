// Any bytes through the Vensim .mdl reader, then the XMILE writer and the compiler:
// nothing may crash, hang or recurse without bound, and whatever reads must be a project
// the writer can write and the compiler can judge.
#include "model/vensim/mdlreader.h"
#include "model/xmilewriter.h"
#include "model/sizelimit.h"
#include "solver/compiler.h"

// Models are held to 256 values here (the default is a million): the point is the code
// paths, and an input that builds a million-element array takes a thousand times longer
// than one that does not. The limit itself, and what lies far beyond it, are tested by the
// hostile cases in tests/data/hostile/.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    meadows::setMaxModelSize(256);
    return 0;
}

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

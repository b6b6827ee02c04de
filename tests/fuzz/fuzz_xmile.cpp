// Any bytes through the XMILE reader, then the writer, the compiler and a short run:
// nothing may crash, hang or leak, and whatever reads must write back to an equal model.
#include "model/xmilereader.h"
#include "model/xmilewriter.h"
#include "model/sizelimit.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <cstdlib>

// Models are held to 4,096 values here (the default is a million): the point is the code
// paths, and an input that builds a million-element array takes a thousand times longer
// than one that does not. The limit itself, and what lies far beyond it, are tested by the
// hostile cases in tests/data/hostile/.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    meadows::setMaxModelSize(4096);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace meadows;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const XmileReadResult read = readXmile(bytes, QStringLiteral("fuzz.xmile"));
    if (!read.project)
        return 0;
    const QByteArray written = writeXmile(*read.project);
    const XmileReadResult again = readXmile(written, QStringLiteral("fuzz.xmile"));
    if (!again.project)
        std::abort(); // what Meadows wrote, it cannot read
    // A file without a <header> is written with Meadows' own, and a root without attributes
    // with XMILE's version and namespaces (XMILE requires both): those are the differences
    // allowed.
    Project expected = *read.project;
    if (expected.header.name.isEmpty())
        expected.header = again.project->header;
    if (expected.extras.attributes.empty())
        expected.extras.attributes = again.project->extras.attributes;
    if (!(*again.project == expected))
        std::abort(); // the round trip lost something
    const CompileResult compiled = compileProject(*read.project);
    if (compiled.model) {
        RunOptions options; // a short run: the point is the code paths, not the horizon
        options.start = 0;
        options.stop = 4;
        options.dt = 1;
        simulate(*compiled.model, options);
    }
    return 0;
}

// Any bytes through the Mermaid reader, then the XMILE writer: nothing may crash or hang,
// and whatever reads must be a project the writer can write.
#include "model/mermaidreader.h"
#include "model/xmilewriter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace meadows;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const MermaidReadResult read = readMermaid(bytes, QStringLiteral("fuzz.mmd"));
    if (read.project)
        writeXmile(*read.project);
    return 0;
}

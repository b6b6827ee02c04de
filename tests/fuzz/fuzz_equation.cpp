// Any text through the equation parser. What parses must print back to text that parses
// to the same tree (compared through its printed form).
#include "solver/parser.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace meadows;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParseResult r = parseEquation(text);
    if (r.error && (r.error->offset < 0 || r.error->offset > text.size()))
        std::abort(); // an error must point inside the equation
    if (!r.expr)
        return 0;
    const QString printed = toString(*r.expr);
    const ParseResult again = parseEquation(printed);
    if (!again.expr || toString(*again.expr) != printed)
        std::abort();
    return 0;
}

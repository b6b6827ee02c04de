// Any text through the units parser, both as a variable's units and as the definition of
// a named unit it uses (so definitions that refer to themselves or do not parse are
// exercised too): nothing may crash, hang or recurse without bound.
#include "model/project.h"
#include "solver/units.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace meadows;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    Project project;
    Unit defined;
    defined.name = QStringLiteral("widget");
    defined.equation = text;
    project.units.push_back(defined);
    const UnitContext context(project);
    QString error;
    context.parse(text, &error);
    context.parse(QStringLiteral("widget/(") + text + u')', &error);
    return 0;
}

#pragma once
// Reads XMILE (.xmile, .stmx, .itmx) leniently: Stella's undeclared isee: prefix, vendor
// elements, CRLF line ends, inline and named graphical functions. What it does not
// understand it keeps, so the writer can put it back.
#include "project.h"
#include "source.h"

#include <QByteArray>
#include <optional>
#include <vector>

namespace meadows {

struct XmileReadResult {
    std::optional<Project> project;   // empty when the file could not be read
    std::vector<Diagnostic> diagnostics; // errors (fatal) and warnings
};

XmileReadResult readXmileFile(const QString &path);
XmileReadResult readXmile(const QByteArray &data, const QString &fileName);

} // namespace meadows

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

// What a file is read as: the model to run, or a file another one includes (its <includes>),
// which may hold only macros, units or dimensions (XMILE's "Macros": macros "MAY be the only
// thing in a file"), so needs no <model> or <sim_specs> of its own: the including file's run.
enum class XmileRole { Main, Included };

XmileReadResult readXmileFile(const QString &path);
XmileReadResult readXmile(const QByteArray &data, const QString &fileName, XmileRole role = XmileRole::Main);

} // namespace meadows

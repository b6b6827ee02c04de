#pragma once
// Writes a Vensim expression in the XMILE syntax Meadows' solver reads, with Vensim's
// meaning kept where the two differ (INTEGER truncates, SMOOTHI's argument order, ...).
// Functions Meadows lacks are reported (with their position) and kept by name, so the
// solver names them too instead of computing something else.
#include "mdlexpr.h"
#include "model/source.h"

#include <QHash>
#include <QSet>
#include <functional>

namespace meadows::vensim {

struct TranslateContext {
    QHash<QString, QStringList> dimensions; // canonical dimension name -> its elements
    QSet<QString> macros;                   // canonical macro names
    QString self;                           // the variable being defined, in equation spelling
    std::function<void(qsizetype offset, const QString &message)> warn;
};

// An equation in XMILE syntax, with where its names and calls came from in the .mdl file,
// so that an error the solver finds in it points into the file.
struct Translation {
    QString text;
    std::shared_ptr<const RewrittenOffsets> offsets;
};
Translation translate(const Expr &e, TranslateContext &c);

// The text of one part of an equation, with position marks that translate() takes out:
// for the translators of functions (mdlarrayfunctions.cpp) that build equations of parts.
QString translateMarked(const Expr &e, TranslateContext &c);

// A name as the solver spells it: Vensim's control variables become XMILE's
// (TIME STEP -> DT, INITIAL TIME -> STARTTIME, FINAL TIME -> STOPTIME).
QString variableName(const QString &vensimName);

// The table of one element of a subscripted lookup, "name[a,b]": Meadows keeps each
// element's table as a variable of its own.
QString elementTableName(const QString &name, const std::vector<Subscript> &subscripts);

// Vensim's :NA: (-2^109).
constexpr double kNotAvailable = -6.4903710731685345e+32;

} // namespace meadows::vensim

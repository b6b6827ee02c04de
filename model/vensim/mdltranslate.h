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
#include <optional>

namespace meadows::vensim {

// How Vensim labels a model's time, for GET TIME VALUE: the model's time unit and the date
// at INITIAL TIME (mdlsettings.h readStartDate).
struct TimeLabels {
    QString unit;
    int year = 2000;
    int month = 1;
    int day = 1;
    bool dated = false;       // the settings give the date
    bool saidUndated = false; // that they do not is said already
    bool saidDay31 = false;   // that a 360-day year reads the 31st as the 30th
};

struct TranslateContext {
    QHash<QString, QStringList> dimensions; // canonical dimension name -> its elements
    QHash<QString, QStringList> macros;     // canonical macro name -> its extra outputs (after ':')
    QString self;                           // the variable being defined, in equation spelling
    // Inside SAMPLE IF TRUE: the initial value's text. The variable named in its own
    // condition or input is the value it holds (its value a step before), not an
    // algebraic loop.
    std::optional<QString> sampledFrom;
    std::function<void(qsizetype offset, const QString &message)> warn;
    std::function<void(qsizetype offset, const QString &message)> error; // the model is not read
    // What a macro call's names after ':' take: each a variable whose equation calls the
    // macro made for that output (macroOutputName). The caller adds them to the model.
    struct MacroOutput {
        QString variable;
        QString equation;
        qsizetype offset = 0;
    };
    std::vector<MacroOutput> macroOutputs;
    TimeLabels timeLabels;
};

// The macro that gives one of a macro's extra outputs: the same parameters and body, with
// the output as its result. Called with the same arguments, its states follow the same
// path as the macro's own, so the output is the value the call computes.
QString macroOutputName(const QString &macro, const QString &output);

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

// A call of a lookup function whose first argument names a table (LOOKUP FORWARD, BACKWARD,
// EXTRAPOLATE, INVERT, AREA): with a subscripted name there, it reads that element's table.
bool readsTableFirst(const Expr &call);

// Vensim's :NA: (-2^109).
constexpr double kNotAvailable = -6.4903710731685345e+32;

} // namespace meadows::vensim

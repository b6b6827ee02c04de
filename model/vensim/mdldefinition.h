#pragma once
// One equation of a .mdl file, its left-hand side parsed ("name[subs] :EXCEPT: [..] op"),
// and what building a model from such equations needs to share.
#include "mdlexpr.h"
#include "mdlsections.h"
#include "mdlsubscripts.h"
#include "mdltranslate.h"
#include "model/project.h"
#include "model/source.h"

#include <QSet>

#include <memory>

namespace meadows::vensim {

// How a data variable's values between its points are found (mdldatareading.h).
enum class DataReading { Interpolate, Raw, HoldBackward, LookForward };

struct Definition {
    Record record;
    QString name;
    qsizetype nameOffset = 0;
    std::vector<Subscript> subscripts;
    std::vector<std::vector<Subscript>> excepts;
    Tok op = Tok::End;      // Eq, EqEq, Assign, LParen (a lookup), Colon (a range), Equiv, End (no equation)
    qsizetype rhsBegin = 0; // just after the operator
    std::optional<Expr> rhs;
    bool incomplete = false; // "x = ~ ~ |" or A FUNCTION OF(...): a variable not written yet
    DataReading reading = DataReading::Interpolate; // a data keyword (:RAW: ...), where one is written
    qsizetype readingOffset = -1;                   // that keyword's position; -1: none written
    // A data variable's element read from points (a file, GET DATA): the points, which the
    // data functions that make new series from them read (mdldatatransforms.h).
    std::optional<LookupTable> points;
};

// The equation's subscripts as a reference to its own element writes them: what a variable
// added beside it (a rewrite's stock or flow) is read with.
inline std::vector<Subscript> ownSubscripts(const Definition &d)
{
    std::vector<Subscript> own;
    for (const Subscript &s : d.subscripts)
        own.push_back({s.name, false});
    return own;
}

// The elements `d` defines: every combination of its subscripts' elements but those its
// :EXCEPT: clauses leave out, the last varying fastest.
inline std::vector<QStringList> definedElements(const Definition &d, const SubscriptRanges &ranges)
{
    QSet<QString> excluded;
    for (const auto &except : d.excepts)
        for (const QStringList &t : tuples(except, ranges))
            excluded.insert(tupleKey(t));
    std::vector<QStringList> out = tuples(d.subscripts, ranges);
    std::erase_if(out, [&](const QStringList &t) { return excluded.contains(tupleKey(t)); });
    return out;
}

// One element's equation: `d` narrowed to the elements `tuple` (one per subscript).
inline Definition elementOf(const Definition &d, const QStringList &tuple)
{
    Definition e = d;
    e.subscripts.clear();
    for (const QString &name : tuple)
        e.subscripts.push_back({name, false});
    e.excepts.clear();
    return e;
}

// Where diagnostics go, with positions in the .mdl text.
class Reporter {
public:
    explicit Reporter(std::shared_ptr<const SourceText> source) : m_source(std::move(source)) {}
    void error(qsizetype offset, const QString &message) { add(Severity::Error, offset, message); }
    void warning(qsizetype offset, const QString &message) { add(Severity::Warning, offset, message); }
    const std::shared_ptr<const SourceText> &source() const { return m_source; }
    std::vector<Diagnostic> take() { return std::move(m_diags); }
    SourceRef ref(qsizetype offset) const { return SourceRef{m_source, offset, 0, nullptr}; }

private:
    void add(Severity s, qsizetype offset, const QString &message);
    std::shared_ptr<const SourceText> m_source;
    std::vector<Diagnostic> m_diags;
    QSet<QString> m_said; // line:column:message of each said, to say it once (a hash: a file may hold 200,000)
};

// Variables from the equations of one model (the main model or a macro's body), each
// group holding every equation of one variable in file order.
// `labels` says how GET TIME VALUE labels time.
Model buildModel(const std::vector<std::vector<const Definition *>> &groups, const SubscriptRanges &ranges,
                 const QHash<QString, QStringList> &macros, const TimeLabels &labels, Reporter &report);

} // namespace meadows::vensim

#include "mdldatatransforms.h"

#include "mdldatareading.h"
#include "model/names.h"

#include <QHash>
#include <cmath>
#include <deque>

namespace meadows::vensim {

namespace {

enum class Transform { None, TimeShift, Cumulate, CumulateFinal };

Transform transformOf(const Definition &d)
{
    if (!d.rhs)
        return Transform::None;
    if (isCall(*d.rhs, "TIME SHIFT"))
        return Transform::TimeShift;
    if (isCall(*d.rhs, "CUMULATE"))
        return Transform::Cumulate;
    if (isCall(*d.rhs, "CUMULATEF"))
        return Transform::CumulateFinal;
    return Transform::None;
}

QString pointsKey(const QString &name, const QStringList &elements)
{
    return canonicalName(name) + u'|' + tupleKey(elements);
}

QStringList subscriptNames(const std::vector<Subscript> &subs)
{
    QStringList names;
    for (const Subscript &s : subs)
        names << s.name;
    return names;
}

struct Failure {
    qsizetype offset = 0;
    QString message;
};

class Transformer {
public:
    Transformer(std::vector<Definition> &defs, const SubscriptRanges &ranges, Reporter &report)
        : m_defs(defs), m_ranges(ranges), m_report(report), m_tables(defs)
    {
        for (const Definition &d : defs)
            if (d.points)
                m_points.insert(pointsKey(d.name, subscriptNames(d.subscripts)), &*d.points);
    }

    void run()
    {
        // A series may be made from another that is made here too: each pass makes those
        // whose data is known, until a pass makes none.
        std::vector<std::size_t> pending;
        for (std::size_t i = 0; i < m_defs.size(); ++i)
            if (transformOf(m_defs[i]) != Transform::None)
                pending.push_back(i);
        QHash<std::size_t, std::vector<Definition>> made;
        for (bool progress = true; progress && !pending.empty();) {
            progress = false;
            std::vector<std::size_t> left;
            for (std::size_t i : pending) {
                Failure f;
                if (std::optional<std::vector<Definition>> series = make(m_defs[i], f)) {
                    for (const Definition &e : *series)
                        if (e.points) {
                            m_made.push_back(*e.points);
                            m_points.insert(pointsKey(e.name, subscriptNames(e.subscripts)), &m_made.back());
                        }
                    made.insert(i, std::move(*series));
                    progress = true;
                } else if (f.message.isEmpty()) {
                    left.push_back(i); // its data is not known yet
                } else {
                    fail(m_defs[i], f);
                }
            }
            pending = std::move(left);
        }
        for (std::size_t i : pending) {
            const Expr &data = m_defs[i].rhs->args[0];
            fail(m_defs[i], {data.offset, QStringLiteral("%1 reads the points of a data variable read from a file or a GET "
                                                         "DATA function; '%2' is not one")
                                              .arg(m_defs[i].rhs->text, data.text)});
        }
        std::vector<Definition> out;
        for (std::size_t i = 0; i < m_defs.size(); ++i) {
            if (const auto it = made.constFind(i); it != made.constEnd())
                out.insert(out.end(), it->begin(), it->end());
            else
                out.push_back(std::move(m_defs[i]));
        }
        replaceDataFunctions(out, m_tables.readBases()); // GET DATA functions on the series made
        m_defs = std::move(out);
    }

private:
    // The equations of the series `d` makes; nullopt with `f` empty while its data is not
    // known, with `f` set when it cannot be made.
    std::optional<std::vector<Definition>> make(const Definition &d, Failure &f)
    {
        const Transform kind = transformOf(d);
        const Expr &call = *d.rhs;
        const int arity = kind == Transform::TimeShift ? 2 : 1;
        f.offset = call.offset;
        if (d.op != Tok::Assign) {
            f.message = QStringLiteral("%1 makes a data series: write the equation with ':='").arg(call.text);
            return std::nullopt;
        }
        if (int(call.args.size()) != arity) {
            f.message = QStringLiteral("%1 takes %2 argument(s), not %3").arg(call.text).arg(arity).arg(call.args.size());
            return std::nullopt;
        }
        const Expr &data = call.args[0];
        if (data.kind != Expr::Kind::Name) {
            f.offset = data.offset;
            f.message = QStringLiteral("%1 reads one data variable by its name, not an expression").arg(call.text);
            return std::nullopt;
        }
        double shift = 0;
        if (kind == Transform::TimeShift && !constantValue(call.args[1], shift, f))
            return std::nullopt;
        std::vector<Definition> out;
        for (const QStringList &t : definedElements(d, m_ranges)) {
            const std::optional<QStringList> source = sourceElements(d, t, data, f);
            if (!source)
                return std::nullopt;
            const auto points = m_points.constFind(pointsKey(data.text, *source));
            if (points == m_points.constEnd())
                return std::nullopt; // not known (yet)
            std::optional<LookupTable> series = transformed(**points, kind, shift, f);
            if (!series)
                return std::nullopt;
            for (Definition &e : dataEquations(elementOf(d, t), std::move(*series), m_tables.baseOf(d.name),
                                               m_tables.readByFunctions(d.name)))
                out.push_back(std::move(e));
        }
        return out;
    }

    // The elements of the data that element `t` of `d` reads: a range the left side also
    // has stands for t's element of it; any other subscript is an element.
    std::optional<QStringList> sourceElements(const Definition &d, const QStringList &t, const Expr &data, Failure &f) const
    {
        QStringList elements;
        for (const Subscript &s : data.subscripts) {
            const QString key = canonicalName(s.name);
            qsizetype at = -1;
            for (std::size_t k = 0; k < d.subscripts.size() && at < 0; ++k)
                if (canonicalName(d.subscripts[k].name) == key)
                    at = qsizetype(k);
            if (at >= 0) {
                elements << t[at];
            } else if (m_ranges.isRange(s.name)) {
                f.offset = data.offset;
                f.message = QStringLiteral("'%1' in %2's data is a range the left side does not have").arg(s.name, d.rhs->text);
                return std::nullopt;
            } else {
                elements << s.name;
            }
        }
        return elements;
    }

    // TIME SHIFT's shift: "a number or a constant" (Vensim's reference).
    bool constantValue(const Expr &e, double &value, Failure &f) const
    {
        f.offset = e.offset;
        if (const std::optional<double> v = number(e)) {
            value = *v;
        } else if (e.kind == Expr::Kind::Name && e.subscripts.empty()) {
            const Definition *c = nullptr;
            for (const Definition &d : m_defs)
                if (d.subscripts.empty() && d.rhs && (d.op == Tok::Eq || d.op == Tok::EqEq)
                    && canonicalName(d.name) == canonicalName(e.text))
                    c = &d;
            const std::optional<double> v = c ? number(*c->rhs) : std::nullopt;
            if (!v) {
                f.message = QStringLiteral("TIME SHIFT's shift must be a number or a constant; '%1' is not a constant").arg(e.text);
                return false;
            }
            value = *v;
        } else {
            f.message = QStringLiteral("TIME SHIFT's shift must be a number or a constant");
            return false;
        }
        if (!std::isfinite(value)) {
            f.message = QStringLiteral("TIME SHIFT's shift must be a finite number");
            return false;
        }
        return true;
    }

    static std::optional<double> number(const Expr &e)
    {
        if (e.kind == Expr::Kind::Number)
            return e.number;
        if (e.kind == Expr::Kind::Unary && e.text == QLatin1String("-") && e.args.size() == 1
            && e.args[0].kind == Expr::Kind::Number)
            return -e.args[0].number;
        return std::nullopt;
    }

    static std::optional<LookupTable> transformed(const LookupTable &data, Transform kind, double shift, Failure &f)
    {
        LookupTable out;
        out.hold = data.hold;
        double sum = 0;
        for (std::size_t i = 0; i < data.xs.size(); ++i) {
            sum += data.ys[i];
            if (kind == Transform::TimeShift) {
                out.xs.push_back(data.xs[i] - shift);
                out.ys.push_back(data.ys[i]);
                // A shift so large that two times become one (or infinite) has no series.
                if (!std::isfinite(out.xs.back()) || (i > 0 && !(out.xs.back() > out.xs[i - 1]))) {
                    f.message = QStringLiteral("TIME SHIFT by %1 makes the data's times %2 and %3 one (a number cannot "
                                               "hold them apart so far away)").arg(shift).arg(data.xs[i > 0 ? i - 1 : 0]).arg(data.xs[i]);
                    return std::nullopt;
                }
            } else if (kind == Transform::Cumulate) {
                out.xs.push_back(data.xs[i]);
                out.ys.push_back(sum);
            }
        }
        if (kind == Transform::CumulateFinal && !data.xs.empty()) {
            out.xs.push_back(data.xs.back());
            out.ys.push_back(sum);
        }
        return out;
    }

    void fail(Definition &d, const Failure &f)
    {
        m_report.error(f.offset, f.message);
        d.rhs = numberAt(0, d.rhs->offset); // said once, here, not again as an unknown function
        d.op = Tok::Eq;
    }

    std::vector<Definition> &m_defs;
    const SubscriptRanges &m_ranges;
    Reporter &m_report;
    DataTableNames m_tables;
    QHash<QString, const LookupTable *> m_points;
    std::deque<LookupTable> m_made; // the series made, which m_points points into (a deque never moves them)
};

} // namespace

bool makesDataSeries(const Expr &rhs)
{
    return isCall(rhs, "TIME SHIFT") || isCall(rhs, "CUMULATE") || isCall(rhs, "CUMULATEF");
}

void rewriteDataTransforms(std::vector<Definition> &defs, const SubscriptRanges &ranges, Reporter &report)
{
    Transformer(defs, ranges, report).run();
}

} // namespace meadows::vensim

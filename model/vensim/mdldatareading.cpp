#include "mdldatareading.h"

#include "model/names.h"

#include <algorithm>
#include <iterator>

namespace meadows::vensim {

namespace {

Expr at(qsizetype offset)
{
    Expr e;
    e.offset = offset;
    return e;
}

Expr ifThenElse(Expr condition, Expr then, Expr otherwise)
{
    const qsizetype offset = condition.offset;
    return callAt(QStringLiteral("IF THEN ELSE"), {std::move(condition), std::move(then), std::move(otherwise)}, offset);
}

Expr notAvailable(qsizetype offset)
{
    Expr e = at(offset);
    e.kind = Expr::Kind::NotAvailable;
    return e;
}

Expr lookup(LookupTable table, qsizetype offset)
{
    Expr e = at(offset);
    e.kind = Expr::Kind::Lookup;
    e.table = std::move(table);
    return e;
}

// The tables of one data variable's element (or, with ranges in `subscripts`, of the
// element an equation over those ranges stands for), read as lookups: a call with the
// element's subscripts is that element's table (Builder keeps each as a variable).
struct Tables {
    QString base;
    std::vector<Subscript> subscripts;
    qsizetype offset = 0;

    Expr read(const QString &suffix, Expr x) const
    {
        Expr e = callAt(base + suffix, {std::move(x)}, offset);
        e.subscripts = subscripts;
        return e;
    }
    Expr values(Expr x) const { return read(QString(), std::move(x)); }
    // The time of the last point at or before t (the first point's before it).
    Expr timeAtOrBefore(const Expr &t) const { return read(QStringLiteral(" times"), t); }
    // The time of the first point at or after t (the last point's after it): the held time
    // when that is t itself or later (t at a point, or before the first), else the next.
    Expr timeAtOrAfter(const Expr &t) const
    {
        return ifThenElse(binaryOf(QStringLiteral(">="), timeAtOrBefore(t), t), timeAtOrBefore(t),
                          read(QStringLiteral(" next times"), t));
    }
    // t before the first point or after the last.
    Expr outside(const Expr &t) const
    {
        return binaryOf(QStringLiteral("OR"), binaryOf(QStringLiteral(">"), timeAtOrBefore(t), t),
                      binaryOf(QStringLiteral("<"), read(QStringLiteral(" next times"), t), t));
    }
};

Definition table(const Definition &element, const QString &tableName, LookupTable points, qsizetype offset)
{
    Definition t = element;
    t.name = tableName;
    t.op = Tok::LParen;
    t.reading = DataReading::Interpolate;
    t.readingOffset = -1;
    t.rhs = lookup(std::move(points), offset);
    return t;
}

// The points' times as a discrete table: each time to itself, or (`next`) to the next one
// (in time: a file may list them in any order, and a table is read in order of x).
LookupTable timeTable(std::vector<double> xs, bool next)
{
    std::sort(xs.begin(), xs.end());
    LookupTable t;
    t.hold = true;
    t.xs = xs;
    t.ys = xs;
    if (next && !xs.empty()) {
        std::rotate(t.ys.begin(), t.ys.begin() + 1, t.ys.end());
        t.ys.back() = xs.back();
    }
    return t;
}

bool isBetweenTimes(const Expr &e)
{
    return isCall(e, "GET DATA BETWEEN TIMES");
}

// The GET DATA functions Vensim's reference lists besides BETWEEN TIMES (fn_get_data_*),
// each written as the function of the points (solver/tablepoints.h) that computes it. Each
// reads the data's points, not values between them: GET DATA MIN "returns the minimum value
// that a Data variable takes over a time range. If there is no data in the time range [...]
// :NA: is returned". The pages of the others were not at hand: MAX, MEAN and MEDIAN are read
// as MIN's kin over the same range, AT TIME, TOTAL POINTS and LAST TIME by their names. With
// `none`, :NA: is passed as the value when no point qualifies.
struct PointsFunction {
    const char *vensim;
    const char *points;
    int arity; // Vensim's arguments, the data variable first
    bool none;
};
constexpr PointsFunction kPointsFunctions[] = {
    {"GET DATA MIN", "POINTS MIN", 3, true},     // (data, start time, end time)
    {"GET DATA MAX", "POINTS MAX", 3, true},
    {"GET DATA MEAN", "POINTS MEAN", 3, true},
    {"GET DATA MEDIAN", "POINTS MEDIAN", 3, true},
    {"GET DATA STDV", "POINTS STDV", 3, true},
    {"GET DATA AT TIME", "POINTS AT", 2, true},  // (data, time): the point at that time
    {"GET DATA TOTAL POINTS", "POINTS COUNT", 1, false},
    {"GET DATA LAST TIME", "POINTS LAST X", 1, false},
};

const PointsFunction *pointsFunctionOf(const Expr &e)
{
    for (const PointsFunction &f : kPointsFunctions)
        if (isCall(e, f.vensim))
            return &f;
    return nullptr;
}

bool isDataFunction(const Expr &e)
{
    return isBetweenTimes(e) || pointsFunctionOf(e);
}

// The mode of GET DATA BETWEEN TIMES when written as -1, 0 or 1.
std::optional<int> modeOf(const Expr &e)
{
    double v = 0;
    if (e.kind == Expr::Kind::Number)
        v = e.number;
    else if (e.kind == Expr::Kind::Unary && e.text == QLatin1String("-") && e.args[0].kind == Expr::Kind::Number)
        v = -e.args[0].number;
    else
        return std::nullopt;
    if (v != -1 && v != 0 && v != 1)
        return std::nullopt;
    return int(v);
}

void collectRead(const Expr &e, QSet<QString> &out)
{
    if (isDataFunction(e) && !e.args.empty() && e.args[0].kind == Expr::Kind::Name)
        out.insert(canonicalName(e.args[0].text));
    for (const Expr &a : e.args)
        collectRead(a, out);
}

bool callsBetweenTimes(const Expr &e)
{
    return isBetweenTimes(e) || std::any_of(e.args.begin(), e.args.end(), callsBetweenTimes);
}

// GET DATA MIN(data[subscripts], ...) -> POINTS MIN(<base>[subscripts], ..., :NA:): the
// element's table of points in the data's place.
void replacePointsFunction(Expr &e, const PointsFunction &f, const QHash<QString, QString> &tableBases)
{
    if (int(e.args.size()) != f.arity || e.args[0].kind != Expr::Kind::Name)
        return; // the translation reports it
    const auto base = tableBases.constFind(canonicalName(e.args[0].text));
    if (base == tableBases.constEnd())
        return;
    std::vector<Expr> args = std::move(e.args);
    args[0] = nameAt(*base, args[0].offset, std::move(args[0].subscripts));
    if (f.none)
        args.push_back(notAvailable(e.offset));
    e = callAt(QString::fromLatin1(f.points), std::move(args), e.offset);
}

void replaceIn(Expr &e, const QHash<QString, QString> &tableBases)
{
    // The time is written out several times in what replaces a call, so a call in another's
    // time would multiply with every level: such a call is left for the translation to report.
    const bool nested = isBetweenTimes(e) && e.args.size() == 3 && callsBetweenTimes(e.args[1]);
    for (Expr &a : e.args)
        replaceIn(a, tableBases);
    if (const PointsFunction *f = pointsFunctionOf(e)) {
        replacePointsFunction(e, *f, tableBases);
        return;
    }
    if (nested || !isBetweenTimes(e) || e.args.size() != 3 || e.args[0].kind != Expr::Kind::Name)
        return;
    const auto base = tableBases.constFind(canonicalName(e.args[0].text));
    const std::optional<int> mode = modeOf(e.args[2]);
    if (base == tableBases.constEnd() || !mode)
        return; // the translation reports it
    const Tables tables{*base, e.args[0].subscripts, e.offset};
    const Expr &t = e.args[1];
    Expr value = tables.values(*mode == 0 ? t : *mode < 0 ? tables.timeAtOrBefore(t) : tables.timeAtOrAfter(t));
    e = ifThenElse(tables.outside(t), notAvailable(e.offset), std::move(value));
}

} // namespace

QString readingKeyword(DataReading reading)
{
    switch (reading) {
    case DataReading::Interpolate: return QStringLiteral(":INTERPOLATE:");
    case DataReading::Raw: return QStringLiteral(":RAW:");
    case DataReading::HoldBackward: return QStringLiteral(":HOLD BACKWARD:");
    case DataReading::LookForward: return QStringLiteral(":LOOK FORWARD:");
    }
    return {};
}

std::vector<Definition> dataEquations(const Definition &element, LookupTable points, const QString &tableBase,
                                      bool withTables)
{
    const qsizetype offset = element.rhs ? element.rhs->offset : element.rhsBegin;
    std::vector<Definition> out(1, element);
    out.front().op = Tok::Eq;
    out.front().points = points;
    if (withTables || element.reading == DataReading::LookForward || element.reading == DataReading::Raw) {
        out.push_back(table(element, tableBase, points, offset));
        out.push_back(table(element, tableBase + QStringLiteral(" times"), timeTable(points.xs, false), offset));
        out.push_back(table(element, tableBase + QStringLiteral(" next times"), timeTable(points.xs, true), offset));
    }
    const Tables tables{tableBase, element.subscripts, offset};
    const Expr time = nameAt(QStringLiteral("Time"), offset);
    switch (element.reading) {
    case DataReading::Interpolate:
    case DataReading::HoldBackward:
        // The variable keeps its points as its own table, read at Time; held values are
        // XMILE's discrete table (each y until the next x, the ends held).
        points.hold = element.reading == DataReading::HoldBackward;
        out.front().rhs = callAt(QStringLiteral("WITH LOOKUP"), {time, lookup(std::move(points), offset)}, offset);
        break;
    case DataReading::LookForward:
        // Its own points, read at the time of the first point at or after Time.
        out.front().rhs = callAt(QStringLiteral("WITH LOOKUP"), {tables.timeAtOrAfter(time), lookup(std::move(points), offset)},
                               offset);
        break;
    case DataReading::Raw:
        // Time is a point's time when the last point's time at or before it is Time itself;
        // before the first point that is the first's, after the last the last's.
        out.front().rhs = ifThenElse(binaryOf(QStringLiteral("="), tables.timeAtOrBefore(time), time), tables.values(time),
                                     notAvailable(offset));
        break;
    }
    return out;
}

int dataPointsArity(const QString &function)
{
    for (const PointsFunction &f : kPointsFunctions)
        if (function == QLatin1String(f.vensim))
            return f.arity;
    return 0;
}

bool writesDataPoints(const QString &function)
{
    return std::any_of(std::begin(kPointsFunctions), std::end(kPointsFunctions),
                       [&](const PointsFunction &f) { return function == QLatin1String(f.points); });
}

QSet<QString> variablesReadByDataFunctions(const std::vector<Definition> &defs)
{
    QSet<QString> out;
    for (const Definition &d : defs)
        if (d.rhs)
            collectRead(*d.rhs, out);
    return out;
}

DataTableNames::DataTableNames(const std::vector<Definition> &defs)
    : m_readByFunctions(variablesReadByDataFunctions(defs))
{
    for (const Definition &d : defs)
        m_names.insert(canonicalName(d.name));
}

QString DataTableNames::baseOf(const QString &variable)
{
    const QString key = canonicalName(variable);
    if (const auto it = m_bases.constFind(key); it != m_bases.constEnd())
        return *it;
    const QString base = variable.simplified() + QStringLiteral(" data");
    QString name = base;
    const QStringList suffixes{QString(), QStringLiteral(" times"), QStringLiteral(" next times")};
    const auto taken = [&](const QString &candidate) {
        return std::any_of(suffixes.begin(), suffixes.end(),
                           [&](const QString &s) { return m_names.contains(canonicalName(candidate + s)); });
    };
    for (int k = 2; taken(name); ++k)
        name = QStringLiteral("%1 %2").arg(base).arg(k);
    for (const QString &s : suffixes)
        m_names.insert(canonicalName(name + s));
    m_bases.insert(key, name);
    return name;
}

bool DataTableNames::readByFunctions(const QString &variable) const
{
    return m_readByFunctions.contains(canonicalName(variable));
}

QHash<QString, QString> DataTableNames::readBases() const
{
    QHash<QString, QString> out;
    for (auto it = m_bases.constBegin(); it != m_bases.constEnd(); ++it)
        if (m_readByFunctions.contains(it.key()))
            out.insert(it.key(), it.value());
    return out;
}

void replaceDataFunctions(std::vector<Definition> &defs, const QHash<QString, QString> &tableBases)
{
    if (tableBases.isEmpty())
        return;
    for (Definition &d : defs)
        if (d.rhs)
            replaceIn(*d.rhs, tableBases);
}

} // namespace meadows::vensim

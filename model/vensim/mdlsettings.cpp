#include "mdlsettings.h"

#include <QStringList>
#include <chrono>
#include <algorithm>
#include <functional>

namespace meadows::vensim {

namespace {

constexpr QLatin1StringView kSettingsMarker(":L<%^E!@");

// Each settings line with the offset where it starts in `text`.
template <typename Visit>
void forEachSettingsLine(const QString &text, Visit visit)
{
    const qsizetype settings = text.lastIndexOf(kSettingsMarker);
    if (settings < 0)
        return;
    // Lines end with LF, CR LF or (old Macs) CR alone; each is passed trimmed, with the
    // offset of its first character that is not a space.
    qsizetype at = settings;
    while (at < text.size()) {
        qsizetype end = at;
        while (end < text.size() && text[end] != u'\n' && text[end] != u'\r')
            ++end;
        qsizetype first = at;
        while (first < end && text[first].isSpace())
            ++first;
        visit(text.mid(first, end - first).trimmed(), first);
        at = end + 1;
    }
}

} // namespace

QHash<QString, QString> fileAliases(const QString &text)
{
    QHash<QString, QString> aliases;
    forEachSettingsLine(text, [&](const QString &l, qsizetype) {
        const qsizetype eq = l.indexOf(u'=');
        if (l.startsWith(QLatin1String("30:?")) && eq > 4)
            aliases.insert(l.mid(3, eq - 3).trimmed().toLower(), l.mid(eq + 1).trimmed());
    });
    return aliases;
}


void readStartDate(const QString &text, TimeLabels &date, Reporter &report)
{
    struct Field {
        const char *line;
        const char *what;
        int value;
        qsizetype at = -1; // where its line is
        bool number = false;
    } fields[] = {{"37:", "year", 2000}, {"38:", "month", 1}, {"39:", "day", 1}};
    forEachSettingsLine(text, [&](const QString &l, qsizetype at) {
        for (Field &f : fields) {
            if (!l.startsWith(QLatin1String(f.line)))
                continue;
            if (f.at >= 0) {
                report.warning(at, QStringLiteral("a second settings line '%1' (the %2 of INITIAL TIME's date) is ignored")
                                       .arg(l.left(20), QLatin1String(f.what)));
                return;
            }
            f.at = at;
            f.value = l.mid(3).trimmed().toInt(&f.number);
        }
    });
    const Field *present = std::find_if(std::begin(fields), std::end(fields), [](const Field &f) { return f.at >= 0; });
    if (present == std::end(fields))
        return; // no date at all: said where GET TIME VALUE needs one
    // The first field missing, not a whole number, or out of its range (std::chrono's
    // calendar, which reads the date, holds years from -32767 to 32767).
    const auto inRange = [&](const Field &f) {
        if (&f == &fields[0])
            return f.value >= -20000 && f.value <= 20000;
        if (&f == &fields[1])
            return f.value >= 1 && f.value <= 12;
        using namespace std::chrono; // the calendar solver/calendar.cpp reads the date with
        return year_month_day(year(fields[0].value), month(unsigned(fields[1].value)), day(unsigned(std::max(0, f.value)))).ok();
    };
    const Field *bad = std::find_if(std::begin(fields), std::end(fields),
                                   [&](const Field &f) { return f.at < 0 || !f.number || !inRange(f); });
    if (bad == std::end(fields)) {
        date.year = fields[0].value;
        date.month = fields[1].value;
        date.day = fields[2].value;
        date.dated = true;
        return;
    }
    const QString problem = bad->at < 0 ? QStringLiteral("the settings give no %1 of INITIAL TIME's date (line %2)")
                                              .arg(QLatin1String(bad->what), QLatin1String(bad->line).chopped(1))
                                        : QStringLiteral("the settings line '%1' gives no %2 of INITIAL TIME's date")
                                              .arg(text.mid(bad->at, 20).section(u'\n', 0, 0).trimmed(), QLatin1String(bad->what));
    report.warning(bad->at >= 0 ? bad->at : present->at, problem + QStringLiteral(": GET TIME VALUE counts from 1 January 2000"));
    date.saidUndated = true;
}

void warnWhereRungeKuttaDiffers(const std::vector<Definition> &defs, const SimSpecs &specs, Reporter &report)
{
    if (specs.method != QLatin1String("RK2") && specs.method != QLatin1String("RK4"))
        return;
    const std::function<const Expr *(const Expr &, const char *)> callOf = [&](const Expr &e, const char *f) -> const Expr * {
        if (isCall(e, f))
            return &e;
        for (const Expr &a : e.args)
            if (const Expr *found = callOf(a, f))
                return found;
        return nullptr;
    };
    bool saidDelay = false, saidShift = false, saidData = false;
    for (const Definition &d : defs) {
        if (!saidDelay && d.rhs)
            if (const Expr *call = callOf(*d.rhs, "DELAY N")) {
                report.warning(call->offset, QStringLiteral("under Runge-Kutta Vensim holds DELAY N's output through each "
                                                            "step; Meadows integrates its stages as it does any stock's"));
                saidDelay = true;
            }
        // The shift is a flow over one step (mdlshift.cpp): the stages after the first, at
        // times the condition no longer holds, take only part of it.
        if (!saidShift && d.rhs)
            if (const Expr *call = callOf(*d.rhs, "SHIFT IF TRUE")) {
                report.warning(call->offset, QStringLiteral("under Runge-Kutta Meadows shifts SHIFT IF TRUE's level only in "
                                                            "part (the shift is a flow over one Euler step): run the model "
                                                            "with Euler's method"));
                saidShift = true;
            }
        // Data: ':=' (a GET ... DATA call, or points of its own), or no equation at all (a .dat file's).
        if (!saidData && (d.op == Tok::Assign || (d.op == Tok::End && !d.incomplete && d.subscripts.empty() && !d.rhs))) {
            report.warning(d.nameOffset, QStringLiteral("under Runge-Kutta Vensim holds data through each step; Meadows "
                                                        "reads '%1' at each stage's time").arg(d.name));
            saidData = true;
        }
    }
}

void readIntegrationMethod(const QString &text, SimSpecs &specs, Reporter &report)
{
    bool read = false;
    specs.vensimRungeKutta = true; // whichever method: the user may choose Runge-Kutta later
    forEachSettingsLine(text, [&](const QString &l, qsizetype at) {
        if (!l.startsWith(QLatin1String("15:")))
            return;
        if (read) { // Vensim writes one; the first is the one read
            report.warning(at, QStringLiteral("a second settings line 15 (the integration method) is ignored"));
            return;
        }
        read = true;
        const QStringList fields = l.mid(3).split(u',');
        bool ok = false;
        const int code = fields.size() > 3 ? fields[3].trimmed().toInt(&ok) : -1;
        specs.places.file = report.source()->fileName();
        specs.places.method = report.source()->position(at);
        switch (ok ? code : -1) {
        case 0:
        case 2:
            specs.method = QStringLiteral("Euler");
            break;
        case 1:
        case 5:
            specs.method = QStringLiteral("RK4");
            break;
        case 3:
        case 4:
            specs.method = QStringLiteral("RK2"); // Vensim's, the midpoint method (vensimRungeKutta)
            break;
        default:
            specs.method = QStringLiteral("Euler");
            report.warning(at, QStringLiteral("the settings line '%1' names no integration method Meadows knows: "
                                              "it is read as Euler's").arg(l.left(40)));
        }
    });
}

} // namespace meadows::vensim

#include "mdldelaymaterial.h"

#include "model/names.h"

#include <QHash>

namespace meadows::vensim {

// Vensim's reference: DELAY MATERIAL is "the same as DELAY FIXED except that delay time can
// be a variable. If delay time is decreasing, some values of the input will be added to
// more recent inputs for output. If delay time is increasing, missval will be used when no
// output is available at a time." So what enters at a step leaves a whole number of steps
// later, as many as the delay time then asked for; inputs that come due together leave
// together. That is Stella's conveyor exactly (solver/conveyor.h: material is put
// round(transit time / DT) slats from the exit, the transit time sampled as it enters), so
// the rewrite writes one, rather than a second pipeline beside it. At the start the belt
// holds the initial value for each of its slats' steps, so that it first releases the
// initial value per time unit, as DELAY FIXED does. Negative input travels as it is (the
// belt is marked meadows:signed), as it does through DELAY FIXED. Where nothing comes due,
// a conveyor releases 0: a missing value other than 0 is said not to be kept.
std::vector<DelayMaterialConveyor> rewriteDelayMaterial(std::vector<Definition> &defs, Reporter &report)
{
    QHash<QPair<int, QString>, int> equations; // per variable, how many equations define it
    for (const Definition &d : defs)
        ++equations[{d.record.macro, canonicalName(d.name)}];
    std::vector<DelayMaterialConveyor> conveyors;
    std::vector<Definition> added;
    for (Definition &d : defs) {
        if (!d.rhs || d.rhs->kind != Expr::Kind::Call
            || d.rhs->text.simplified().compare(QLatin1String("DELAY MATERIAL"), Qt::CaseInsensitive) != 0)
            continue;
        Expr &call = *d.rhs;
        if (call.args.size() != 4) {
            report.error(call.offset, QStringLiteral("DELAY MATERIAL takes 4 arguments (input, delay time, initial value, "
                                                     "missing value), not %1").arg(call.args.size()));
            continue;
        }
        if (equations.value({d.record.macro, canonicalName(d.name)}) != 1) {
            report.error(call.offset, QStringLiteral("DELAY MATERIAL in a variable defined element by element is not "
                                                     "supported: write '%1' as one equation over its ranges").arg(d.name));
            continue;
        }
        const Expr &missing = call.args[3];
        if (!(missing.kind == Expr::Kind::Number && missing.number == 0))
            report.warning(missing.offset, QStringLiteral("DELAY MATERIAL's missing value is not supported: when the delay "
                                                          "time rises and nothing comes due, '%1' is 0").arg(d.name));
        const qsizetype at = call.offset;
        std::vector<Subscript> own;
        for (const Subscript &s : d.subscripts)
            own.push_back({s.name, false});
        const QString base = d.name.simplified() + QStringLiteral(" DELAY MATERIAL ");
        const auto equation = [&](const QString &name, Expr rhs) {
            Definition e = d; // where the call is, so that what is said of it points there
            e.name = name;
            e.op = Tok::Eq;
            e.rhs = std::move(rhs);
            added.push_back(std::move(e));
        };
        const QString input = base + QStringLiteral("input"), time = base + QStringLiteral("time");
        const QString stock = base + QStringLiteral("in transit");
        // The steps the belt has at the start, as the conveyor counts its slats: the delay
        // time over TIME STEP, rounded, at least one.
        const Expr dt = nameAt(QStringLiteral("TIME STEP"), at);
        const Expr steps = callAt(QStringLiteral("MAX"), {numberAt(1, at), callAt(QStringLiteral("INTEGER"),
            {binaryOf("+", binaryOf("/", nameAt(time, at, own), dt), numberAt(0.5, at))}, at)}, at);
        equation(input, call.args[0]);
        equation(time, call.args[1]);
        equation(stock, callAt(QStringLiteral("INTEG"), {binaryOf("-", nameAt(input, at, own), nameAt(d.name, at, own)),
                                                         binaryOf("*", binaryOf("*", call.args[2], steps), dt)}, at));
        conveyors.push_back({d.record.macro, stock, time, d.name});
        d.rhs = numberAt(0, at); // the outflow: the belt gives its value
    }
    for (Definition &e : added)
        defs.push_back(std::move(e));
    return conveyors;
}

void markConveyors(Model &model, int macro, const std::vector<DelayMaterialConveyor> &conveyors)
{
    for (const DelayMaterialConveyor &c : conveyors) {
        if (c.macro != macro)
            continue;
        for (Variable &v : model.variables) {
            if (canonicalName(v.name) == canonicalName(c.outflow))
                v.equation.clear();
            if (v.kind != VariableKind::Stock || canonicalName(v.name) != canonicalName(c.stock))
                continue;
            XmlNode len;
            len.name = QStringLiteral("len");
            XmlNode text;
            text.text = equationName(c.transitTime);
            len.children.push_back(std::move(text));
            XmlNode conveyor;
            conveyor.name = QStringLiteral("conveyor");
            conveyor.children.push_back(std::move(len));
            XmlNode carriesNegatives;
            carriesNegatives.name = QStringLiteral("meadows:signed");
            conveyor.children.push_back(std::move(carriesNegatives));
            v.extras.children.push_back(std::move(conveyor));
        }
    }
}

} // namespace meadows::vensim

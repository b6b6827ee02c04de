#include "sliderrange.h"

#include "model/names.h"
#include "solver/units.h"

#include <cmath>

namespace meadows {

namespace {

bool isWhole(double v)
{
    return std::floor(v) == v;
}

// Words that name a share of a whole, not a quantity: the unit checker treats them as
// dimensionless too, but a slider can go further and bound them by 1.
bool namesAShare(const QString &units)
{
    const QString key = canonicalName(units);
    return key == QLatin1String("fraction") || key == QLatin1String("probability") || key == QLatin1String("share")
           || key == QLatin1String("ratio");
}

bool namesAPercentage(const QString &units)
{
    const QString key = canonicalName(units);
    return key == QLatin1String("%") || key == QLatin1String("percent") || key == QLatin1String("percentage");
}

// The range the file gives the variable: XMILE's <range min max> (Vensim's "[0,9,1]" after
// the units is read into it, its step as meadows:step), when it holds the value.
std::optional<SliderRange> declaredRange(const Variable &v, double value)
{
    for (const XmlNode &c : v.extras.children) {
        if (c.name != QLatin1String("range"))
            continue;
        const QString *minText = findAttribute(c.attributes, u"min"), *maxText = findAttribute(c.attributes, u"max");
        const QString *stepText = findAttribute(c.attributes, u"meadows:step");
        bool minOk = false, maxOk = false, stepOk = false;
        const double min = minText ? minText->toDouble(&minOk) : 0, max = maxText ? maxText->toDouble(&maxOk) : 0;
        const double step = stepText ? stepText->toDouble(&stepOk) : 0;
        if (!minOk || !maxOk || !(min < max) || !(value >= min && value <= max))
            return std::nullopt;
        return SliderRange{min, max, stepOk && step > 0 && step <= max - min ? step : (max - min) / 100};
    }
    return std::nullopt;
}

} // namespace

SliderRange rangeFor(const Variable &constant, double value, const Project &project)
{
    if (const std::optional<SliderRange> declared = declaredRange(constant, value))
        return *declared;
    SliderRange r = defaultRange(value);
    const QString units = constant.units.trimmed();
    if (units.isEmpty() || value < 0)
        return r;
    if (namesAPercentage(units) && value <= 100)
        return {0, 100, 1};
    const UnitContext context(project);
    const std::optional<UnitPowers> u = context.parse(units);
    if (!u)
        return r;
    if (u->isDimensionless()) {
        if ((namesAShare(units) && value <= 1) || (value > 0 && value < 1))
            return {0, 1, 0.01};
        return r;
    }
    const double runLength = project.simSpecs.stop - project.simSpecs.start;
    if (context.timeUnit() && *u == *context.timeUnit() && runLength > 0 && value <= runLength) {
        // A delay, a start time or a duration: nothing beyond the run's end shows.
        r.max = std::min(r.max, runLength);
        r.step = (r.max - r.min) / 100;
        return r;
    }
    // A whole number of a single countable thing ("pods", "servers"): whole steps, when
    // there are few enough of them for a slider to reach each one.
    const bool countable = u->powers.size() == 1 && u->powers.begin()->second == 1;
    if (countable && isWhole(value) && value >= 1 && r.max <= 200)
        r.step = 1;
    return r;
}

} // namespace meadows

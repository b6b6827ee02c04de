#pragma once
// Units of measure: parsing unit expressions ("Degrees Fahrenheit/Minute", "1/Month",
// "people*people/time^2") and checking that equations are dimensionally consistent.
#include "model/project.h"
#include "model/source.h"

#include <QString>
#include <map>
#include <optional>
#include <vector>

namespace meadows {

// A product of base units raised to whole powers; empty means dimensionless.
struct UnitPowers {
    std::map<QString, int> powers; // canonical base unit -> exponent (never 0)

    bool isDimensionless() const { return powers.empty(); }
    bool operator==(const UnitPowers &) const = default;
    UnitPowers operator*(const UnitPowers &other) const;
    UnitPowers operator/(const UnitPowers &other) const;
    UnitPowers power(int exponent) const;
    std::optional<UnitPowers> root(int n) const; // when every exponent divides by n
    QString toString() const;
};

// Resolves names through the model's unit definitions and aliases (Person/People),
// so that equivalent spellings compare equal.
class UnitContext {
public:
    explicit UnitContext(const Project &project);
    // Parses a unit expression; nullopt and a message on a malformed one.
    std::optional<UnitPowers> parse(const QString &text, QString *error = nullptr) const;
    const std::optional<UnitPowers> &timeUnit() const { return m_time; }

private:
    QString baseName(const QString &name) const;
    std::map<QString, QString> m_aliases; // canonical alias -> canonical unit name
    std::map<QString, QString> m_definitions; // canonical unit name -> its equation
    std::optional<UnitPowers> m_time;
    mutable int m_expanding = 0;
    mutable int m_nesting = 0; // parentheses open while parsing, definitions included
};

// Checks every equation of the project against the units declared on its variables.
// Problems come back as warnings with file, line and column.
std::vector<Diagnostic> checkUnits(const Project &project);

} // namespace meadows

#include "numberliteral.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace meadows {

NumberLiteral readNumberLiteral(QStringView text)
{
    NumberLiteral out;
    bool ok = false;
    // QLocale::c(): the decimal point is '.' whatever locale the application runs in.
    out.value = QLocale::c().toDouble(text, &ok);
    if (ok)
        return out;
    if (std::isinf(out.value)) {
        out.problem = QStringLiteral("the number '%1' is larger than any a double holds (about 1.8e308)").arg(text);
        return out;
    }
    // An underflow gives 0 and !ok; so does text that is not a number at all ("1.2.3e5").
    // A well-formed number with an exponent that still failed underflowed.
    static const QRegularExpression wellFormed(QStringLiteral("^(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+$"));
    if (out.value == 0 && wellFormed.match(text.toString()).hasMatch())
        return out;
    out.value = 0;
    out.problem = QStringLiteral("malformed number '%1'").arg(text);
    return out;
}

} // namespace meadows

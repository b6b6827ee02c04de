#include "numberliteral.h"

#include <QLocale>

#include <algorithm>

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
    // An underflow gives 0 and !ok; so does text that is not a number at all. A number of
    // ASCII digits, a point and an exponent that still failed underflowed.
    const bool plain = !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || c == u'.' || c == u'e' || c == u'E' || c == u'+' || c == u'-';
    });
    if (plain && out.value == 0 && (text.contains(u'e') || text.contains(u'E')))
        return out;
    out.value = 0;
    out.problem = QStringLiteral("malformed number '%1'").arg(text);
    return out;
}

} // namespace meadows

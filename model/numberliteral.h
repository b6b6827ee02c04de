#pragma once
// A number as an equation writes it, in XMILE or in Vensim: digits, a point, an exponent.
// Both equation lexers read their numbers here, so a number beyond a double's range is said
// the same way whichever file holds it.
#include <QString>
#include <QStringView>

namespace meadows {

struct NumberLiteral {
    double value = 0;
    // Empty when the text reads as a number; else what is wrong with it, ready for
    // "FILE:LINE:COL: error: ".
    QString problem;
};

// The nearest double to `text`. Too small a number (1e-999) is 0, the nearest double, as
// any rounding gives. Too large a one (1e999) is refused: no double is near it, and an
// infinity read silently would make everything built on it meaningless. Text that is not a
// number (digits of another script, which the lexers take as digits) is refused too.
NumberLiteral readNumberLiteral(QStringView text);

} // namespace meadows

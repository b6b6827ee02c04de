#include "labelgeometry.h"

#include "diagramgeometry.h"
#include "model/names.h"

#include <QStringList>
#include <algorithm>
#include <optional>
#include <vector>

namespace meadows::diagram {

namespace {

// DejaVu Sans advance widths in font units (2048 per em) for printable ASCII, from the font's
// tables (Qt measures the same at 12 px, to 1/64 px).
constexpr int kAsciiAdvance[95] = {
    651,  821,  947,  1716, 1303, 1946, 1597, 563,  800,  800,  1024, 1716, 651,  739,  651,  690,  // ' '../
    1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690,  690,  1716, 1716, 1716, 1087, // 0..?
    2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604,  604,  1343, 1141, 1767, 1532, 1612, // @..O
    1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 800,  690,  800,  1716, 1024, // P.._
    1024, 1255, 1300, 1126, 1300, 1260, 721,  1300, 1298, 569,  569,  1186, 569,  1995, 1298, 1253, // `..o
    1300, 1300, 842,  1067, 803,  1298, 1212, 1675, 1212, 1212, 1075, 1303, 690,  1303, 1716,       // p..~
};

// What a character may take, in font units: ASCII exactly; any other (accented letters,
// other scripts, symbols) somewhere between a narrow letter and an em.
struct Advance {
    double low, high;
};

Advance advance(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 32 && u < 127)
        return {double(kAsciiAdvance[u - 32]), double(kAsciiAdvance[u - 32])};
    return {569, 2048};
}

// 12 pixels to the em (kLabelFontPixels). Qt's width of a word lies between the sum of its
// advances less 3% (kerning pairs such as "Te" or "AV" draw closer) and that sum plus 4%
// (rounding); the box gets a pixel each side.
constexpr double kPixelsPerUnit = kLabelFontPixels / 2048.0;
constexpr double kKerning = 0.97, kMargin = 1.04;
constexpr double kLineHeight = 15; // DejaVu Sans' ascent + descent at 12 px (13.97), rounded up

Advance textWidth(QStringView text)
{
    Advance w{0, 0};
    for (QChar c : text) {
        const Advance a = advance(c);
        w.low += a.low;
        w.high += a.high;
    }
    return {w.low * kPixelsPerUnit * kKerning, w.high * kPixelsPerUnit * kMargin};
}

struct Wrapped {
    double widest = 0;
    int lines = 0;
};

// Greedy word wrap as Qt::TextWordWrap does it (a word wider than the line stays whole),
// when each width is only known to lie between its low and high bound: wherever the bounds
// disagree on whether the next word still fits the line, both outcomes are followed. A
// state is where the current line starts, so this stays quadratic in the words. Returns the
// widest line (by the high bounds) and the most lines any outcome takes.
Wrapped wrapParagraph(const QString &paragraph, double width)
{
    const QStringList words = paragraph.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {0, 1};
    const Advance space = textWidth(u" ");
    const std::size_t n = std::size_t(words.size());
    std::vector<Advance> sum(n + 1, {0, 0}); // sum[i]: words before i, with a space after each
    for (std::size_t i = 0; i < n; ++i) {
        const Advance w = textWidth(words[qsizetype(i)]);
        sum[i + 1] = {sum[i].low + w.low + space.low, sum[i].high + w.high + space.high};
    }
    // Words start..end-1 on one line.
    const auto line = [&](std::size_t start, std::size_t end) {
        return Advance{sum[end].low - sum[start].low - space.low, sum[end].high - sum[start].high - space.high};
    };
    // states[start]: the line holding word i so far began at `start`; what came before it.
    std::vector<std::optional<Wrapped>> states(n);
    states[0] = Wrapped{0, 0};
    const auto merge = [](std::optional<Wrapped> &into, Wrapped w) {
        if (!into)
            into = w;
        else
            into = Wrapped{std::max(into->widest, w.widest), std::max(into->lines, w.lines)};
    };
    for (std::size_t i = 1; i < n; ++i) {
        std::vector<std::optional<Wrapped>> next(n);
        for (std::size_t start = 0; start < i; ++start) {
            if (!states[start])
                continue;
            const Advance joined = line(start, i + 1);
            if (joined.low <= width) // it may fit: the line goes on
                merge(next[start], *states[start]);
            if (joined.high > width) // it may not: the line ends before word i
                merge(next[i], Wrapped{std::max(states[start]->widest, line(start, i).high), states[start]->lines + 1});
        }
        states = std::move(next);
    }
    Wrapped out;
    for (std::size_t start = 0; start < n; ++start)
        if (states[start])
            out = Wrapped{std::max({out.widest, states[start]->widest, line(start, n).high}),
                          std::max(out.lines, states[start]->lines + 1)};
    return out;
}

} // namespace

QSizeF estimateLabelSize(const QString &text)
{
    return estimateTextSize(text, kLabelWidth);
}

QSizeF estimateTextSize(const QString &text, double width)
{
    if (text.isEmpty())
        return {0, 0};
    double widest = 0;
    int lines = 0;
    for (const QString &paragraph : text.split(u'\n')) {
        const Wrapped w = wrapParagraph(paragraph, width);
        widest = std::max(widest, w.widest);
        lines += w.lines;
    }
    return {widest + 2, lines * kLineHeight};
}

QString editableLabel(const QString &name)
{
    QString s = unescapedName(name, u'\n');
    s.replace(u'_', u' ');
    if (s.size() >= 2 && s.startsWith(u'"') && s.endsWith(u'"'))
        s = s.mid(1, s.size() - 2);
    return s.trimmed();
}

QString diagramLabel(const QString &name)
{
    return shortenedLabel(editableLabel(name));
}

QString shortenedLabel(const QString &text)
{
    if (text.size() <= kLongestLabel)
        return text;
    // Not between the two halves of a character outside the BMP (an emoji).
    qsizetype head = kLongestLabel / 2;
    if (text[head - 1].isHighSurrogate())
        --head;
    qsizetype tail = kLongestLabel - head - 1;
    if (text[text.size() - tail].isLowSurrogate())
        --tail;
    return text.left(head) + QChar(0x2026) + text.right(tail);
}

QRectF labelRectBeside(const QRectF &b, const QString &side, QSizeF text)
{
    const double w = text.width(), h = text.height();
    const QPointF c = b.center();
    if (side == QLatin1String("center"))
        return {c.x() - w / 2, c.y() - h / 2, w, h};
    if (side == QLatin1String("top"))
        return {c.x() - w / 2, b.top() - kLabelGap - h, w, h};
    if (side == QLatin1String("left"))
        return {b.left() - kLabelGap - w, c.y() - h / 2, w, h};
    if (side == QLatin1String("right"))
        return {b.right() + kLabelGap, c.y() - h / 2, w, h};
    return {c.x() - w / 2, b.bottom() + kLabelGap, w, h};
}

QRectF flowLabelRect(QPointF valve, const QString &side, QSizeF text)
{
    const double r = kValveRadius + 2;
    if (side == QLatin1String("top"))
        return {valve.x() - text.width() / 2, valve.y() - r - text.height(), text.width(), text.height()};
    // Beside the valve: where a vertical pipe runs through the spots above and below it.
    if (side == QLatin1String("left"))
        return {valve.x() - r - text.width(), valve.y() - text.height() / 2, text.width(), text.height()};
    if (side == QLatin1String("right"))
        return {valve.x() + r, valve.y() - text.height() / 2, text.width(), text.height()};
    return {valve.x() - text.width() / 2, valve.y() + r, text.width(), text.height()};
}

} // namespace meadows::diagram

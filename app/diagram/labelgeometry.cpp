#include "labelgeometry.h"

#include "diagramgeometry.h"

#include <QStringList>
#include <algorithm>

namespace meadows::diagram {

namespace {

// DejaVu Sans advance widths in font units (2048 per em), for the letters names use most.
int advance(QChar c)
{
    static const int lower[26] = {1255, 1300, 1126, 1300, 1260, 721,  1300, 1298, 569,  569,  1186, 569,  1995,
                                  1298, 1253, 1300, 1300, 842,  1067, 803,  1298, 1212, 1675, 1212, 1212, 1075};
    static const int upper[26] = {1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604,  604,  1343, 1141, 1767,
                                  1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403};
    const char16_t u = c.unicode();
    if (u >= 'a' && u <= 'z')
        return lower[u - 'a'];
    if (u >= 'A' && u <= 'Z')
        return upper[u - 'A'];
    if (u == ' ')
        return 651;
    if (u >= '0' && u <= '9')
        return 1303;
    if (u == '.' || u == ',' || u == ':' || u == ';' || u == '\'' || u == '|')
        return 651;
    if (u == '(' || u == ')' || u == '-' || u == '/')
        return 800;
    return 1500; // accented and other letters: wide enough for most
}

// 9 points at 96 dots per inch: 12 pixels to the em. A 4% margin and a pixel each side
// keep the estimate at or above what Qt measures.
constexpr double kPixelsPerEm = 12;
constexpr double kLineHeight = 15; // DejaVu Sans' ascent + descent at 12 px, rounded up

double textWidth(QStringView text)
{
    double units = 0;
    for (QChar c : text)
        units += advance(c);
    return units / 2048 * kPixelsPerEm * 1.04;
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
    const double space = textWidth(u" ");
    for (const QString &paragraph : text.split(u'\n')) {
        // Greedy word wrap, as Qt::TextWordWrap does; a word wider than the line stays whole.
        double line = -1;
        for (const QString &word : paragraph.split(u' ', Qt::SkipEmptyParts)) {
            const double w = textWidth(word);
            if (line >= 0 && line + space + w <= width) {
                line += space + w;
            } else {
                if (line >= 0) {
                    widest = std::max(widest, line);
                    ++lines;
                }
                line = w;
            }
        }
        widest = std::max(widest, std::max(line, 0.0));
        ++lines;
    }
    return {widest + 2, lines * kLineHeight};
}

QString diagramLabel(const QString &name)
{
    QString s = name;
    s.replace(QLatin1String("\\n"), QLatin1String("\n"));
    s.replace(u'_', u' ');
    if (s.size() >= 2 && s.startsWith(u'"') && s.endsWith(u'"'))
        s = s.mid(1, s.size() - 2);
    return s.trimmed();
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
    return {valve.x() - text.width() / 2, valve.y() + r, text.width(), text.height()};
}

} // namespace meadows::diagram

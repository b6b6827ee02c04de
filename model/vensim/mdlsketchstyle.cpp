#include "mdlsketchstyle.h"

namespace meadows::vensim {

namespace {

// Vensim's font: face|size|attributes|colour (any part may be empty).
struct VensimFont {
    QString face;
    int size = 0; // points; 0 when not given
    QString attributes;
    QString color;
};

VensimFont fontFrom(QStringView text)
{
    const auto parts = text.split(u'|');
    VensimFont f;
    f.face = parts.value(0).trimmed().toString();
    if (f.face.startsWith(u'@')) // Windows' vertical form of a face: the face itself
        f.face.remove(0, 1);
    f.size = parts.value(1).trimmed().toInt();
    f.attributes = parts.value(2).trimmed().toString().toUpper();
    f.color = colorFromVensim(parts.value(3));
    return f;
}

void add(XmlAttributes &attributes, const char *name, const QString &value)
{
    if (!value.isEmpty())
        attributes.push_back({QString::fromLatin1(name), value});
}

// Bold, italic and underline each said outright, so that a word's plain attributes
// override a bold default.
void addAttributes(XmlAttributes &attributes, const QString &letters)
{
    add(attributes, "font_weight", letters.contains(u'B') ? QStringLiteral("bold") : QStringLiteral("normal"));
    add(attributes, "font_style", letters.contains(u'I') ? QStringLiteral("italic") : QStringLiteral("normal"));
    add(attributes, "text_decoration", letters.contains(u'U') ? QStringLiteral("underline") : QStringLiteral("none"));
}

// A size in Vensim's points, in XMILE's: scaled (sketchFontScale) so that the text keeps its
// size against the sketch's coordinates.
QString points(int size, double scale)
{
    return size > 0 ? QStringLiteral("%1pt").arg(size * scale) : QString();
}

} // namespace

QString colorFromVensim(QStringView rgb)
{
    const auto parts = rgb.trimmed().split(u'-');
    if (parts.size() != 3)
        return {}; // -1--1--1 splits into more parts, and means none
    int c[3];
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        c[i] = parts[i].toInt(&ok);
        if (!ok || c[i] < 0 || c[i] > 255)
            return {};
    }
    return QStringLiteral("#%1%2%3").arg(c[0], 2, 16, QLatin1Char('0')).arg(c[1], 2, 16, QLatin1Char('0')).arg(c[2], 2, 16, QLatin1Char('0'));
}

double sketchFontScale(QStringView line)
{
    // "...|ppix,ppiy,zoom,?": ppix ends the third comma field, after its last bar.
    const auto fields = line.split(u',');
    if (fields.size() < 3)
        return 1;
    const QStringView field = fields[2];
    bool ok = false;
    const double ppi = field.mid(field.lastIndexOf(u'|') + 1).trimmed().toDouble(&ok);
    return ok && ppi >= 36 && ppi <= 600 ? ppi / 96 : 1; // 0 or nonsense: Vensim's usual 96
}

XmlNode viewStyleFromVensim(QStringView line)
{
    XmlNode style;
    style.name = QStringLiteral("style");
    // "background,?,font|box|arrow|fill|page|ppix,ppiy,zoom,?": the font and the colours
    // after it are one comma field, joined by bars.
    const auto fields = line.split(u',');
    if (fields.size() < 3)
        return style;
    const auto parts = fields[2].split(u'|');
    const VensimFont font = fontFrom(fields[2]);
    add(style.attributes, "font_family", font.face);
    add(style.attributes, "font_size", points(font.size, sketchFontScale(line)));
    addAttributes(style.attributes, font.attributes);
    add(style.attributes, "font_color", font.color);
    // Boxes and fills are the words' that have them, stocks and variables; a comment's
    // box is its own. Arrows have their colour.
    const QString box = colorFromVensim(parts.value(4)), fill = colorFromVensim(parts.value(6));
    const QString arrows = colorFromVensim(parts.value(5));
    for (const char *tag : {"stock", "aux", "flow", "connector"}) {
        XmlNode child;
        child.name = QString::fromLatin1(tag);
        if (child.name == QLatin1String("connector")) {
            add(child.attributes, "color", arrows);
        } else {
            add(child.attributes, "color", box);
            add(child.attributes, "background", fill);
        }
        if (!child.attributes.empty())
            style.children.push_back(std::move(child));
    }
    return style;
}

XmlAttributes wordStyleFromVensim(const QStringList &fields, double fontScale)
{
    XmlAttributes out;
    const int has = fields.value(10).trimmed().toInt();
    if (has <= 0)
        return out;
    const VensimFont font = fontFrom(fields.value(17));
    if (has & 1)
        add(out, "color", colorFromVensim(fields.value(15)));
    if (has & 2)
        add(out, "font_color", font.color);
    if (has & 4)
        add(out, "background", colorFromVensim(fields.value(16)));
    if (has & 8)
        add(out, "font_size", points(font.size, fontScale));
    if (has & 16)
        addAttributes(out, font.attributes);
    if (has & 32)
        add(out, "font_family", font.face);
    return out;
}

XmlAttributes arrowStyleFromVensim(const QStringList &fields)
{
    XmlAttributes out;
    // "1,id,from,to,shape,hid,pol,thick,hasf,dtype,res,color,font,...": bit 1 of hasf
    // says the arrow has its own colour (Vensim's reference, "Objects").
    if (fields.value(8).trimmed().toInt() & 1)
        add(out, "color", colorFromVensim(fields.value(11)));
    return out;
}

} // namespace meadows::vensim

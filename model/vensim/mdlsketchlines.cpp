#include "mdlsketchlines.h"

#include "model/names.h"

namespace meadows::vensim {

// A sketch line's comma-separated fields; a quoted name may hold commas.
QStringList fields(QStringView line)
{
    QStringList out;
    QString cur;
    bool quoted = false;
    bool escaped = false; // \" inside a quoted name is a quote of the name
    for (const QChar c : line) {
        if (c == u'"' && !escaped)
            quoted = !quoted;
        escaped = quoted && c == u'\\' && !escaped;
        if (c == u',' && !quoted) {
            out << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    out << cur;
    return out;
}

// "(x,y)|(x,y)|" after the '|' of an arrow line.
std::vector<QPointF> points(QStringView tail)
{
    std::vector<QPointF> out;
    for (const QStringView part : tail.split(u'|', Qt::SkipEmptyParts)) {
        const QStringView p = part.trimmed();
        if (!p.startsWith(u'(') || !p.endsWith(u')'))
            continue;
        const auto xy = p.mid(1, p.size() - 2).split(u',');
        const QPointF at(xy.value(0).toDouble(), xy.value(1).toDouble());
        if (xy.size() == 2 && at != QPointF(0, 0)) // Vensim writes (0,0) for "no point": a straight connector
            out.push_back(at);
    }
    return out;
}

// The sketch of Vensim's older files (version V160): "|id,name,x,y,w,h,shape,bits,..." for
// an object and ">from,to,shape,hidden,polarity,..." for an arrow, where V300 writes
// "type,id,name,x,y,w,h,shape,bits,..." and "1,id,from,to,shape,hidden,polarity,...". The
// type is in the name: 48 a cloud, 2 a valve, text in quotes a comment (left out, as its
// text runs over several lines), anything else a variable (drawn as itself, not a shadow).
// Empty for a line that says nothing to draw.
QString asVersion300(QStringView line, int &arrowId)
{
    if (line.startsWith(u'>'))
        return QStringLiteral("1,%1,").arg(++arrowId) + line.mid(1).toString();
    if (!line.startsWith(u'|'))
        return {};
    QStringList f = line.mid(1).toString().split(u',');
    if (f.size() < 8 || f[1].startsWith(u'"'))
        return {};
    const QString type = f[1] == QLatin1String("48") ? QStringLiteral("12") : f[1] == QLatin1String("2") ? QStringLiteral("11")
                                                                                                        : QStringLiteral("10");
    if (type == QLatin1String("10"))
        f[7] = QStringLiteral("3");
    return type + u',' + f.join(u',');
}

QSet<QString> namesShownOnlyHidden(const QString &text, qsizetype begin)
{
    QSet<QString> hidden, shown;
    if (begin < 0)
        return hidden;
    for (const QStringView line : QStringView(text).mid(begin).split(u'\n')) {
        if (!line.startsWith(u"10,"))
            continue;
        const QStringList f = fields(line.trimmed());
        QString name = f.value(2).trimmed();
        if (name.startsWith(u'"') && name.endsWith(u'"') && name.size() >= 2)
            name = name.mid(1, name.size() - 2);
        (f.value(9).toInt() != 0 ? hidden : shown).insert(canonicalName(name));
    }
    return hidden.subtract(shown);
}

} // namespace meadows::vensim

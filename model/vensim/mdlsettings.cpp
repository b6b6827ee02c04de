#include "mdlsettings.h"

#include <QStringList>

namespace meadows::vensim {

namespace {

constexpr QLatin1StringView kSettingsMarker(":L<%^E!@");

// Each settings line with the offset where it starts in `text`.
template <typename Visit>
void forEachSettingsLine(const QString &text, Visit visit)
{
    const qsizetype settings = text.lastIndexOf(kSettingsMarker);
    if (settings < 0)
        return;
    qsizetype at = settings;
    while (at < text.size()) {
        qsizetype end = text.indexOf(u'\n', at);
        if (end < 0)
            end = text.size();
        visit(text.mid(at, end - at).trimmed(), at);
        at = end + 1;
    }
}

} // namespace

QHash<QString, QString> fileAliases(const QString &text)
{
    QHash<QString, QString> aliases;
    forEachSettingsLine(text, [&](const QString &l, qsizetype) {
        const qsizetype eq = l.indexOf(u'=');
        if (l.startsWith(QLatin1String("30:?")) && eq > 4)
            aliases.insert(l.mid(3, eq - 3).trimmed().toLower(), l.mid(eq + 1).trimmed());
    });
    return aliases;
}

void readIntegrationMethod(const QString &text, SimSpecs &specs, Reporter &report)
{
    forEachSettingsLine(text, [&](const QString &l, qsizetype at) {
        if (!l.startsWith(QLatin1String("15:")))
            return;
        const QStringList fields = l.mid(3).split(u',');
        bool ok = false;
        const int code = fields.size() > 3 ? fields[3].trimmed().toInt(&ok) : -1;
        specs.places.file = report.source()->fileName();
        specs.places.method = report.source()->position(at);
        switch (ok ? code : -1) {
        case 0:
        case 2:
            specs.method = QStringLiteral("Euler");
            break;
        case 1:
        case 5:
            specs.method = QStringLiteral("RK4");
            break;
        case 3:
        case 4:
            // Meadows has no Runge-Kutta 2: the run says so and uses Euler.
            specs.method = QStringLiteral("RK2");
            break;
        default:
            report.warning(at, QStringLiteral("the settings line '%1' names no integration method Meadows knows: "
                                              "the model runs with Euler's method").arg(l.left(40)));
        }
    });
}

} // namespace meadows::vensim

#include "language.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QPointer>
#include <QTranslator>

namespace meadows {

namespace {

// The translators in use, owned by the application (so they go before it does); replaced
// as a whole when the language changes.
QPointer<QTranslator> s_meadows;
QPointer<QTranslator> s_qt;

void removeTranslators()
{
    for (QPointer<QTranslator> *t : {&s_meadows, &s_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete t->data();
        }
    }
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString nativeLanguageName(const QString &code)
{
    // Not QLocale::nativeLanguageName(): that says "American English" and "français".
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("fr"))
        return QStringLiteral("Français");
    return QStringLiteral("English");
}

QString languageSetting()
{
    const QString code = QSettings().value(QLatin1String(kLanguageKey)).toString();
    return availableLanguages().contains(code) ? code : QString();
}

void setLanguageSetting(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QLatin1String(kLanguageKey));
    else
        settings.setValue(QLatin1String(kLanguageKey), code);
}

QString resolveLanguage(const QString &choice, const QStringList &uiLanguages)
{
    if (availableLanguages().contains(choice))
        return choice;
    // QTranslator picks the file for a locale as Qt does everywhere: "de-CH" tries
    // meadows_de_ch, then meadows_de. The first preferred language that has one wins.
    for (const QString &ui : uiLanguages) {
        QTranslator probe;
        if (probe.load(QLocale(ui), QStringLiteral("meadows"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            return QFileInfo(probe.filePath()).completeBaseName().section(QLatin1Char('_'), 1);
    }
    return QStringLiteral("en");
}

bool installTranslations(const QString &code)
{
    removeTranslators();
    // English has a translation too: only its plural forms ("%n loop(s)" -> "1 loop", "3 loops").
    auto *own = new QTranslator(QCoreApplication::instance());
    if (!own->load(QStringLiteral(":/i18n/meadows_%1.qm").arg(code))) {
        delete own;
        return code == QLatin1String("en");
    }
    QCoreApplication::installTranslator(own);
    s_meadows = own;
    if (code == QLatin1String("en"))
        return true;
    // Qt's own strings (standard buttons, file dialogs) only if the distribution installed
    // them (Debian: qt6-translations-l10n); without them those few stay English.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        s_qt = qt;
    } else {
        delete qt;
    }
    return true;
}

QString applyStartupLanguage(const QString &commandLineChoice)
{
    const QString choice = commandLineChoice.isEmpty() ? languageSetting() : commandLineChoice;
    const QString code = resolveLanguage(choice, QLocale::system().uiLanguages());
    return installTranslations(code) ? code : QStringLiteral("en");
}

} // namespace meadows

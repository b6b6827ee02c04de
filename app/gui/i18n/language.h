#pragma once
// The editor's language: English in the source, German and French from translations built
// into the GUI module (qt_add_translations, resource prefix :/i18n). The choice is kept in
// QSettings under kLanguageKey; empty means "follow the system".
#include <QString>
#include <QStringList>

namespace meadows {

inline constexpr char kLanguageKey[] = "ui/language";

// The languages the editor speaks, as two-letter codes; English first (it needs no file).
QStringList availableLanguages();
// A language's own name ("Deutsch", "Français"), as its speakers look for it in a list.
QString nativeLanguageName(const QString &code);

// The stored choice ("" for the system's language, else a code from availableLanguages()).
QString languageSetting();
void setLanguageSetting(const QString &code);

// The language to show: the choice when it is one we have, else the first of the system's
// preferred UI languages (QLocale::uiLanguages(), "de-CH" style) that we have, else English.
QString resolveLanguage(const QString &choice, const QStringList &uiLanguages);

// Replaces the installed translators by those for code: Meadows' own and, when present, Qt's
// qtbase_<code> for standard dialogs and buttons. English removes them. Returns false (and
// leaves English) when Meadows has no translation for code.
bool installTranslations(const QString &code);

// At start-up: the command line's --lang, else the stored choice, else the system's language.
// Installs it and returns the code in use.
QString applyStartupLanguage(const QString &commandLineChoice);

} // namespace meadows

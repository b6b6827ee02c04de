// The German and French translations: built into the GUI, complete, shown in the menus, and
// chosen at start from Preferences, the command line or the system's languages.
#include "document.h"
#include "i18n/language.h"
#include "i18n/preferencesdialog.h"
#include "mainwindow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QXmlStreamReader>
#include <set>

using namespace meadows;

namespace {

QMenu *menuTitled(QMainWindow &window, int index)
{
    const QList<QAction *> actions = window.menuBar()->actions();
    return index < actions.size() ? actions[index]->menu() : nullptr;
}

QAction *actionWithShortcut(QMenu *menu, QKeySequence::StandardKey key)
{
    for (QAction *a : menu->actions())
        if (!a->shortcuts().isEmpty() && a->shortcuts().contains(QKeySequence(key)))
            return a;
    return nullptr;
}

QString dockTitle(QMainWindow &window, const QString &objectName)
{
    auto *dock = window.findChild<QDockWidget *>(objectName);
    return dock ? dock->windowTitle() : QStringLiteral("<no dock %1>").arg(objectName);
}

struct TsCounts {
    int messages = 0;
    int unfinished = 0;
    int gone = 0; // vanished or obsolete: no longer in the code
    QStringList placeholderMismatches;
    QString error;
};

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    QSet<QString> found;
    for (const auto &m : re.globalMatch(text))
        found.insert(m.captured());
    return found;
}

TsCounts countTs(const QString &path)
{
    TsCounts counts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        counts.error = file.errorString();
        return counts;
    }
    QXmlStreamReader xml(&file);
    QString source;
    QStringList translations;
    QString type;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("message")) {
                source.clear();
                translations.clear();
                type.clear();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                type = xml.attributes().value(QLatin1String("type")).toString();
                if (!xml.attributes().hasAttribute(QLatin1String("type")) || type == QLatin1String("unfinished")) {
                    // Either plain text or <numerusform> children.
                    QString text;
                    while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                        xml.readNext();
                        if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                            translations << xml.readElementText();
                        else if (xml.isCharacters())
                            text += xml.text();
                    }
                    if (translations.isEmpty())
                        translations << text;
                }
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ++counts.messages;
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) {
                ++counts.gone;
            } else if (type == QLatin1String("unfinished")) {
                ++counts.unfinished;
            } else {
                for (const QString &t : translations)
                    if (placeholders(t) != placeholders(source))
                        counts.placeholderMismatches << source + QStringLiteral(" -> ") + t;
            }
        }
    }
    if (xml.hasError())
        counts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return counts;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Settings of this test only, never the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MeadowsTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_translations"));
        QVERIFY(m_recoveryDir.isValid());
        qputenv("MEADOWS_RECOVERY_DIR", m_recoveryDir.path().toUtf8());
        QSettings().clear();
    }

    void cleanup()
    {
        installTranslations(QStringLiteral("en"));
        QSettings().clear();
    }

    void menusAreTranslated_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("menus"); // File, Edit, View, Tools
        QTest::addColumn<QString>("undo");
        QTest::addColumn<QString>("save");
        QTest::addColumn<QString>("properties");
        QTest::addColumn<QString>("results");
        QTest::addColumn<QString>("stockTool");
        QTest::newRow("de") << "de" << QStringList{"&Datei", "&Bearbeiten", "&Ansicht", "&Werkzeuge"} << "&Rückgängig"
                            << "&Speichern" << "Eigenschaften" << "Ergebnisse" << "Bestand";
        QTest::newRow("fr") << "fr" << QStringList{"&Fichier", "É&dition", "&Affichage", "&Outils"} << "&Annuler"
                            << "&Enregistrer" << "Propriétés" << "Résultats" << "Stock";
        QTest::newRow("en") << "en" << QStringList{"&File", "&Edit", "&View", "&Tools"} << "&Undo" << "&Save"
                            << "Properties" << "Results" << "Stock";
    }

    void menusAreTranslated()
    {
        QFETCH(QString, lang);
        QFETCH(QStringList, menus);
        QVERIFY(installTranslations(lang));
        MainWindow window;
        for (int i = 0; i < menus.size(); ++i) {
            QMenu *menu = menuTitled(window, i);
            QVERIFY(menu);
            QCOMPARE(menu->title(), menus[i]);
        }
        QMenu *file = menuTitled(window, 0);
        QMenu *edit = menuTitled(window, 1);
        QAction *save = actionWithShortcut(file, QKeySequence::Save);
        QVERIFY(save);
        QTEST(save->text(), "save");
        QAction *undo = actionWithShortcut(edit, QKeySequence::Undo);
        QVERIFY(undo);
        QTEST(undo->text(), "undo");
        QTEST(dockTitle(window, QStringLiteral("propertiesDock")), "properties");
        QTEST(dockTitle(window, QStringLiteral("ResultsDock")), "results");
        auto *tools = window.findChild<QToolBar *>(QStringLiteral("toolsBar"));
        QVERIFY(tools);
        QTEST(tools->actions().value(1)->text(), "stockTool");
    }

    // Alt+letter must reach one entry: no two entries of a menu share a mnemonic.
    void mnemonicsUniquePerMenu_data()
    {
        QTest::addColumn<QString>("lang");
        for (const QString &lang : availableLanguages())
            QTest::newRow(qPrintable(lang)) << lang;
    }

    void mnemonicsUniquePerMenu()
    {
        QFETCH(QString, lang);
        QVERIFY(installTranslations(lang));
        MainWindow window;
        QList<QMenu *> menus;
        std::set<QKeySequence> bar;
        for (QAction *a : window.menuBar()->actions()) {
            const QKeySequence m = QKeySequence::mnemonic(a->text());
            QVERIFY2(!m.isEmpty(), qPrintable(a->text()));
            QVERIFY2(bar.insert(m).second, qPrintable(QStringLiteral("menu bar: %1").arg(a->text())));
            if (a->menu())
                menus << a->menu();
        }
        while (!menus.isEmpty()) {
            QMenu *menu = menus.takeFirst();
            std::set<QKeySequence> used;
            for (QAction *a : menu->actions()) {
                if (a->menu())
                    menus << a->menu();
                const QKeySequence m = QKeySequence::mnemonic(a->text());
                if (!m.isEmpty())
                    QVERIFY2(used.insert(m).second, qPrintable(QStringLiteral("%1: %2").arg(menu->title(), a->text())));
            }
        }
    }

    void translationFilesComplete_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("de") << QStringLiteral(MEADOWS_TRANSLATIONS_DIR "/meadows_de.ts");
        QTest::newRow("fr") << QStringLiteral(MEADOWS_TRANSLATIONS_DIR "/meadows_fr.ts");
    }

    void translationFilesComplete()
    {
        QFETCH(QString, path);
        const TsCounts counts = countTs(path);
        QVERIFY2(counts.error.isEmpty(), qPrintable(counts.error));
        const int live = counts.messages - counts.gone;
        QVERIFY2(live > 200, qPrintable(QStringLiteral("only %1 messages").arg(live))); // the GUI has more than that
        const double finished = double(live - counts.unfinished) / live;
        QVERIFY2(finished >= 0.95, qPrintable(QStringLiteral("%1 % finished").arg(finished * 100, 0, 'f', 1)));
        QVERIFY2(counts.placeholderMismatches.isEmpty(), qPrintable(counts.placeholderMismatches.join(QLatin1Char('\n'))));
    }

    void plurals()
    {
        QVERIFY(installTranslations(QStringLiteral("de")));
        QCOMPARE(QCoreApplication::translate("meadows::MainWindow", "%n problem(s): hover the red names", nullptr, 1),
                 QStringLiteral("1 Problem: Mauszeiger über die roten Namen halten"));
        QCOMPARE(QCoreApplication::translate("meadows::MainWindow", "%n problem(s): hover the red names", nullptr, 3),
                 QStringLiteral("3 Probleme: Mauszeiger über die roten Namen halten"));
        QVERIFY(installTranslations(QStringLiteral("fr")));
        // French counts zero as singular.
        QCOMPARE(QCoreApplication::translate("DeleteVariablesCommand", "Delete %n element(s)", nullptr, 0),
                 QStringLiteral("Supprimer 0 élément"));
        QCOMPARE(QCoreApplication::translate("DeleteVariablesCommand", "Delete %n element(s)", nullptr, 2),
                 QStringLiteral("Supprimer 2 éléments"));
    }

    void englishHasItsPluralForms()
    {
        QVERIFY(installTranslations(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("meadows::LoopsPanel", "%n loop(s): %1 reinforcing, %2 balancing", nullptr, 1)
                     .arg(1).arg(0),
                 QStringLiteral("1 loop: 1 reinforcing, 0 balancing"));
        QCOMPARE(QCoreApplication::translate("meadows::LoopsPanel", "%n loop(s): %1 reinforcing, %2 balancing", nullptr, 0)
                     .arg(0).arg(0),
                 QStringLiteral("0 loops: 0 reinforcing, 0 balancing"));
        // Every plural the editor has is in the English file (refreshed by the update script).
        const auto plurals = [](const char *lang) {
            QFile f(QStringLiteral(MEADOWS_TRANSLATIONS_DIR "/meadows_%1.ts").arg(QLatin1String(lang)));
            return f.open(QIODevice::ReadOnly) ? f.readAll().count("numerus=\"yes\"") : -1;
        };
        QVERIFY(plurals("en") > 0);
        QCOMPARE(plurals("en"), plurals("de"));
    }

    void languageResolution()
    {
        QCOMPARE(resolveLanguage(QString(), {"de-CH", "en"}), QStringLiteral("de"));
        QCOMPARE(resolveLanguage(QString(), {"es-ES", "fr-FR"}), QStringLiteral("fr"));
        QCOMPARE(resolveLanguage(QString(), {"fr_CA"}), QStringLiteral("fr"));
        QCOMPARE(resolveLanguage(QString(), {"en-US", "de-DE"}), QStringLiteral("en"));
        QCOMPARE(resolveLanguage(QString(), {"ja-JP"}), QStringLiteral("en"));
        QCOMPARE(resolveLanguage(QString(), {}), QStringLiteral("en"));
        QCOMPARE(resolveLanguage(QStringLiteral("fr"), {"de-DE"}), QStringLiteral("fr"));
        QCOMPARE(resolveLanguage(QStringLiteral("en"), {"de-DE"}), QStringLiteral("en"));
        QCOMPARE(resolveLanguage(QStringLiteral("xx"), {"de-DE"}), QStringLiteral("de"));
        QVERIFY(!installTranslations(QStringLiteral("xx")));
    }

    // Choosing Français in Preferences (real clicks) stores it; the next start shows French.
    void preferencesChoiceHonouredAtStart()
    {
        {
            PreferencesDialog dialog;
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QComboBox *box = dialog.languageBox();
            QCOMPARE(box->currentIndex(), 0); // nothing stored: follow the system
            box->setFocus();
            QTest::keyClick(box, Qt::Key_End); // the last entry: Français
            QCOMPARE(box->currentText(), QStringLiteral("Français"));
            auto *buttons = dialog.findChild<QDialogButtonBox *>();
            QVERIFY(buttons);
            QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QVERIFY(dialog.languageChanged());
        }
        QCOMPARE(QSettings().value(QLatin1String(kLanguageKey)).toString(), QStringLiteral("fr"));

        QCOMPARE(applyStartupLanguage(QString()), QStringLiteral("fr"));
        {
            MainWindow window;
            QCOMPARE(menuTitled(window, 0)->title(), QStringLiteral("&Fichier"));
            // Reopened, the dialog shows the stored choice; OK without a change changes nothing.
            PreferencesDialog again;
            QCOMPARE(again.languageBox()->currentData().toString(), QStringLiteral("fr"));
            again.accept();
            QVERIFY(!again.languageChanged());
        }

        // The command line's --lang wins over the stored choice.
        QCOMPARE(applyStartupLanguage(QStringLiteral("de")), QStringLiteral("de"));
        {
            MainWindow window;
            QCOMPARE(menuTitled(window, 0)->title(), QStringLiteral("&Datei"));
        }

        // Back to "System language": the setting is removed, and English stays English.
        setLanguageSetting(QString());
        QVERIFY(!QSettings().contains(QLatin1String(kLanguageKey)));
        setLanguageSetting(QStringLiteral("en"));
        QCOMPARE(applyStartupLanguage(QString()), QStringLiteral("en"));
        MainWindow window;
        QCOMPARE(menuTitled(window, 0)->title(), QStringLiteral("&File"));
    }

private:
    QTemporaryDir m_recoveryDir;
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"

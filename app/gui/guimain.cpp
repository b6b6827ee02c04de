#include "guimain.h"

#include "model/outputfile.h"
#include "model/vensim/mdldatfile.h"

#include "analysis/analysisrequest.h"
#include "document.h"
#include "i18n/language.h"
#include "live/livepanels.h"
#include "mainwindow.h"
#include "scene/diagramscene.h"
#include "scene/problemmarks.h"

#include <QApplication>
#include <QScreen>
#include <QBuffer>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>
#include <cstdio>

namespace meadows {

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Meadows"));
    QApplication::setOrganizationName(QStringLiteral("Meadows"));
    QApplication::setApplicationVersion(QStringLiteral(MEADOWS_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Meadows: system-dynamics models"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("screenshot"), QStringLiteral("Render the window to a PNG and exit."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("select"), QStringLiteral("Select a variable (its properties show at the side)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("analysis"),
                      QStringLiteral("Open the Analysis panel and run it: equilibria, bifurcation:NAME=FROM:TO:N, "
                                     "recovery:NAME=FROM:TO:N[,NAME=FROM:TO:N] or sensitivity:NAME=FROM:TO:RUNS."),
                      QStringLiteral("spec")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Show the editor in this language (en, de, fr) instead of the one chosen in Preferences."),
                      QStringLiteral("code")});
    parser.addOption({QStringLiteral("data"), QStringLiteral("A Vensim .dat file holding the data of a .mdl model's "
                                                             "equation-less data variables (may be repeated)."),
                      QStringLiteral("file")});
    parser.addPositionalArgument(QStringLiteral("model"), QStringLiteral("An XMILE model to open."));
    if (!parser.parse(QApplication::arguments())) {
        std::fprintf(stderr, "meadows: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    const QString lang = parser.value(QStringLiteral("lang"));
    if (!lang.isEmpty() && !availableLanguages().contains(lang)) {
        std::fprintf(stderr, "meadows: unknown language '%s' (use %s)\n", qPrintable(lang),
                     qPrintable(availableLanguages().join(QStringLiteral(", "))));
        return 2;
    }
    // Before any window exists: the windows take their texts from the translators once.
    applyStartupLanguage(lang);
    if (const QString refused = vensim::setDataFiles(parser.values(QStringLiteral("data"))); !refused.isEmpty()) {
        std::fprintf(stderr, "meadows: %s\n", qPrintable(refused)); // before any model is read
        return 2;
    }

    MainWindow window;
    window.setQuiet(parser.isSet(QStringLiteral("screenshot")));
    // Room for the diagram and its panels, within the screen (a laptop's 1366 x 768 had the
    // right and bottom panels off it); a screenshot is a picture of that size on any screen.
    const QSize room(1500, 940);
    window.resize(parser.isSet(QStringLiteral("screenshot")) || !window.screen()
                      ? room
                      : room.boundedTo(window.screen()->availableGeometry().size()));
    window.show();
    const QStringList files = parser.positionalArguments();
    // A screenshot of a file that did not open says so in its exit code too.
    const bool openFailed = !files.isEmpty() && !window.openFile(files.first());
    if (parser.isSet(QStringLiteral("select"))) {
        const int uid = window.document()->elementUidForName(parser.value(QStringLiteral("select")));
        if (uid >= 0)
            window.scene()->selectUids({uid});
    }
    if (parser.isSet(QStringLiteral("analysis"))) {
        const QString error = startAnalysis(&window, window.live()->analysisDock(), window.live()->analysis(),
                                            parser.value(QStringLiteral("analysis")));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "meadows: %s\n", qPrintable(error));
            return 2;
        }
    }
    // Work left by an editor that crashed is offered back (not while taking screenshots).
    if (!parser.isSet(QStringLiteral("screenshot")))
        QTimer::singleShot(0, &window, &MainWindow::offerRecovery);

    if (parser.isSet(QStringLiteral("screenshot"))) {
        const QString out = parser.value(QStringLiteral("screenshot"));
        // The status is decided inside the timer: nothing of this block's stack may be
        // captured by reference, it is gone by the time the timer fires.
        // After the first run and any analysis asked for (checked every 100 ms, for at most
        // two minutes).
        auto *waiting = new QTimer(&window);
        auto started = std::make_shared<QElapsedTimer>();
        started->start();
        waiting->start(100);
        QObject::connect(waiting, &QTimer::timeout, &window, [&window, out, waiting, started, openFailed]() {
            if (started->elapsed() < 400 || (analysisBusy(window.live()->analysis()) && started->elapsed() < 120000))
                return;
            waiting->stop();
            window.prepareForPicture(); // problems marked, the overview fitted
            // One more turn of the event loop lays out what the check changed.
            QTimer::singleShot(50, &window, [&window, out, openFailed]() {
                QByteArray png;
                QBuffer buffer(&png);
                buffer.open(QIODevice::WriteOnly);
                QString error = window.grab().save(&buffer, "PNG") ? QString()
                                                                   : QStringLiteral("cannot encode %1 as PNG").arg(out);
                if (error.isEmpty())
                    error = outputOverwritesInput(out, {window.document()->filePath()});
                if (error.isEmpty())
                    error = writeOutputFile(out, png);
                if (!error.isEmpty())
                    std::fprintf(stderr, "meadows: error: %s\n", qPrintable(error));
                else if (openFailed)
                    std::fprintf(stderr, "meadows: %s\n", qPrintable(window.statusText()));
                QApplication::exit(error.isEmpty() && !openFailed ? 0 : 1);
            });
        });
    }
    return QApplication::exec();
}

} // namespace meadows

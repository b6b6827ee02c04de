#include "commandline.h"
#include "commonoptions.h"

#include "model/names.h"

#include <QFileInfo>
#include <QTextStream>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace meadows {

namespace {
struct Subcommand {
    const char *name;
    int (*run)(const QStringList &);
};
const Subcommand kSubcommands[] = {
    {"run", runCommand},
    {"check", checkCommand},
    {"loops", loopsCommand},
    {"export", exportCommand},
    {"equilibria", equilibriaCommand},
    {"sweep", sweepCommand},
    {"sensitivity", sensitivityCommand},
    {"layout", layoutCommand},
};
} // namespace

QString usageText()
{
    return QStringLiteral(
        "usage: meadows [MODEL] [--lang en|de|fr] [--screenshot OUT.png [--select NAME]]\n"
        "                                       open the editor (on MODEL: XMILE, Vensim .mdl, or Mermaid .mmd);\n"
        "                                       --screenshot writes a picture of the window and exits\n"
        "                                       --analysis SPEC opens the Analysis panel and runs it\n"
        "                                       (equilibria, bifurcation:NAME=FROM:TO:N, recovery:...)\n"
        "       meadows run MODEL [-o OUT.csv] [--method euler|rk2|rk4|rk45|rosenbrock] [--dt X]\n"
        "                         [--start X] [--stop X] [--save-step X] [--seed N] [--set NAME=VALUE]...\n"
        "       meadows check [--units] MODEL   parse and compile; list every problem\n"
        "       meadows loops MODEL [--json | --summary | --dominance [--periods]] [--max-loops N]\n"
        "                                       list the feedback loops, R/B/U (unknown)\n"
        "       meadows export MODEL --format svg|png|pdf|md|mermaid|dot [-o OUT] [--scale N]\n"
        "                         [--baseline OTHER.xmile] [--bifurcation NAME=FROM:TO:N]\n"
        "                                       the diagram as a picture, a postmortem page (md),\n"
        "                                       or the causal links as Mermaid / Graphviz text\n"
        "       meadows equilibria MODEL [--set NAME=VALUE]... [--at T] [--json]\n"
        "                                       steady states (time-driven inputs held at T), their\n"
        "                                       eigenvalues and stability\n"
        "       meadows sweep MODEL --vary NAME=FROM:TO:N [--vary ...] [--threads N]\n"
        "                         [--measure final|max|min|time-above:NAME:LEVEL]\n"
        "                                       one run per grid point, every variable measured, CSV\n"
        "       meadows sweep MODEL --vary NAME=FROM:TO:N --equilibria [--at T] [--json]\n"
        "                                       equilibrium branches along NAME, folds (tipping\n"
        "                                       points) and Hopf points\n"
        "       meadows sweep MODEL --vary NAME=FROM:TO:N [--vary ...] --recovery [--tolerance X]\n"
        "                                       which runs recover from a disturbance, and the\n"
        "                                       boundary between recovers and does not recover\n"
        "       meadows sensitivity MODEL --vary NAME=uniform(A,B)|normal(MEAN,SD)|triangular(MIN,MODE,MAX)\n"
        "                         [--vary ...] --runs N [--seed S] [--sampling lhs|mc] [-o OUT.csv]\n"
        "                                       percentile bands p5 p25 p50 p75 p95 of every variable\n"
        "                                       over time, CSV\n"
        "       meadows layout MODEL [-o OUT.xmile]\n"
        "                                       the model with its diagram laid out afresh (Graphviz)\n"
        "       every command takes --max-size N: how many values a model may expand to\n"
        "                                       (array elements, module copies; default 1000000)\n"
        "       and --data FILE.dat (repeatable): Vensim data for the data variables a .mdl\n"
        "                                       model writes with no equation\n"
        "       meadows help | --help | --version\n"
        "Exit codes: 0 ok, 1 model error, 2 usage error.\n");
}

bool isHeadlessCommand(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const char *first = argv[1];
    for (const Subcommand &s : kSubcommands) {
        if (std::strcmp(first, s.name) == 0)
            return true;
    }
    return std::strcmp(first, "help") == 0 || std::strcmp(first, "--help") == 0 || std::strcmp(first, "-h") == 0
           || std::strcmp(first, "--version") == 0;
}

int refuseGuiArguments(int argc, char **argv)
{
    if (argc >= 2) {
        const QString first = QString::fromLocal8Bit(argv[1]);
        const bool looksLikeACommand = !first.startsWith(u'-') && !first.contains(u'.') && !first.contains(u'/');
        if (looksLikeACommand && !QFileInfo::exists(first)) {
            QStringList names{QStringLiteral("help")};
            for (const Subcommand &s : kSubcommands)
                names << QLatin1String(s.name);
            const QString guess = closest(first.toLower(), names);
            std::fprintf(stderr, "meadows: '%s' is not a command%s, nor a model file\n%s", qPrintable(first),
                         guess.isEmpty() ? "" : qPrintable(QStringLiteral(" (did you mean '%1'?)").arg(guess)),
                         qPrintable(usageText()));
            return ExitUsage;
        }
    }
    const bool display = qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
                         || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0)
            return -1; // Qt's own option chooses where to draw
    }
    if (!display) {
        std::fputs("meadows: there is no display to open the editor on (DISPLAY is not set); the subcommands "
                   "run without one (meadows help)\n", stderr);
        return ExitUsage;
    }
    return -1;
}

int runHeadless(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    QTextStream out(stdout);
    if (command == QLatin1String("help") || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out << usageText();
        return ExitOk;
    }
    if (command == QLatin1String("--version")) {
        out << "meadows " << MEADOWS_VERSION_STRING << "\n";
        return ExitOk;
    }
    for (const Subcommand &s : kSubcommands) {
        if (command == QLatin1String(s.name)) {
            QStringList rest = arguments.mid(2);
            // "meadows run --help" is a question, not a mistake: the usage, on standard output.
            // "-h" only first, where no option can take it as its value (run m.xmile -o -h).
            if (rest.value(0) == QLatin1String("--help") || rest.value(0) == QLatin1String("-h")
                || rest.mid(0, rest.indexOf(QLatin1String("--"))).contains(QLatin1String("--help"))) {
                out << usageText();
                return ExitOk;
            }
            if (const QString refused = takeCommonOptions(rest); !refused.isEmpty()) {
                QTextStream(stderr) << "meadows " << s.name << ": " << refused << '\n' << usageText();
                return ExitUsage;
            }
            return s.run(rest);
        }
    }
    QTextStream(stderr) << "meadows: unknown command '" << command << "'\n" << usageText();
    return ExitUsage;
}

} // namespace meadows

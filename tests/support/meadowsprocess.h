#pragma once
// Runs the meadows executable as a user would, headless, for command-line tests.
// Header-only: MEADOWS_EXECUTABLE is defined per test target (meadows_add_test).
#include <QProcess>
#include <QString>
#include <QStringList>

namespace meadows::test {

struct Outcome {
    int code = -1; // -1: did not finish in time; -2: crashed
    QString out;
    QString err;
};

// `standardOutputFile`: where the command's standard output goes (/dev/full, say) instead
// of being captured in Outcome::out.
inline Outcome runMeadows(const QStringList &args, const QString &standardOutputFile = {})
{
    QProcess p;
    if (!standardOutputFile.isEmpty())
        p.setStandardOutputFile(standardOutputFile);
    p.setProgram(QStringLiteral(MEADOWS_EXECUTABLE));
    p.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // the headless commands need no display
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start();
    if (!p.waitForFinished(60000)) {
        p.kill();
        return {};
    }
    Outcome o;
    o.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    o.out = QString::fromUtf8(p.readAllStandardOutput());
    o.err = QString::fromUtf8(p.readAllStandardError());
    return o;
}

} // namespace meadows::test

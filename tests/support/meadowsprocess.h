#pragma once
// Runs the meadows executable as a user would, headless, for command-line tests.
// Header-only: MEADOWS_EXECUTABLE is defined per test target (meadows_add_test).
#include <QProcess>
#include <QString>
#include <QStringList>

namespace meadows::test {

// How long one command may take. Under AddressSanitizer the executable runs 10 to 20 times
// slower (module_tree: 1.9 s of CPU, 28 s under ASan), so a sanitizer build waits ten
// minutes where a normal build waits one. GCC and clang name the sanitizer differently.
#if defined(__SANITIZE_ADDRESS__)
#define MEADOWS_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEADOWS_TEST_SANITIZED 1
#endif
#endif
#ifdef MEADOWS_TEST_SANITIZED
inline constexpr int kCommandWaitMs = 600000;
#else
inline constexpr int kCommandWaitMs = 60000;
#endif

struct Outcome {
    int code = -1; // -1: did not finish within kCommandWaitMs; -2: crashed
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
    if (!p.waitForFinished(kCommandWaitMs)) {
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

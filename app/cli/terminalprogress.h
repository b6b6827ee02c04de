#pragma once
// A progress line for long runs on a terminal: "meadows run: 42% (time 420 of 1000)" on
// standard error, rewritten in place, shown only when standard error is a terminal and
// only once the run has taken more than a second, and erased when the run ends. Never
// written to standard output or a file, so a CSV is the same with or without it.
#include <QElapsedTimer>
#include <QString>

namespace meadows {

class TerminalProgress {
public:
    // `what`: the line's prefix ("meadows run"); start and stop: the run's time span.
    TerminalProgress(QString what, double start, double stop);
    ~TerminalProgress(); // erases the line if one was shown

    // Whether a line will ever be shown: standard error is a terminal.
    bool enabled() const { return m_enabled; }
    // The share of the run done, 0 to 1; cheap when called often.
    void update(double done);

private:
    QString m_what;
    double m_start, m_stop;
    bool m_enabled;
    bool m_shown = false;
    qint64 m_lastDrawn = 0;
    QElapsedTimer m_clock;
};

} // namespace meadows

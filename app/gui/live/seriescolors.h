#pragma once
// A colour per variable that stays with it: the same in every chart and run, after a rename,
// and after the model is saved and opened again (the file keeps it as meadows:color on the
// variable). People learn "orange is the queue".
#include <QColor>
#include <QHash>
#include <QList>
#include <QString>

namespace meadows {

struct Project;
struct Variable;

class SeriesColors {
public:
    // Okabe and Ito's colour-blind-safe palette, without its yellow (unreadable as text on
    // white) and with black last: the order new variables take their colours in.
    static const QList<QColor> &palette();
    // The colour a variable was saved with, if any.
    static QColor storedColor(const Variable &variable);

    // Takes the colours the project's variables carry (they win over those given so far).
    void adopt(const Project &project);
    // The variable's colour; one not yet given takes the first palette colour no other has.
    QColor colorFor(const QString &variable);
    bool has(const QString &variable) const;
    // The variable is now called newName: its colour goes with it.
    void rename(const QString &oldName, const QString &newName);

private:
    QHash<QString, QColor> m_assigned; // variable key -> colour
};

} // namespace meadows

#pragma once
// The layout of a .mdl file: equations "lhs = rhs ~ units ~ comment |", groups
// (*** .name *** headers), macros (:MACRO: ... :END OF MACRO:), and the sketch after
// "\\\---///". Only where things are; the equations are parsed elsewhere.
#include <QString>
#include <QStringList>
#include <vector>

namespace meadows::vensim {

struct Record {
    qsizetype begin = 0, end = 0; // the equation text: [begin, end) of the file's text
    QString units;
    QString comment;
    QString group;
    int macro = -1; // index into MdlLayout::macros, -1 outside any macro
};

// A record's units without the range Vensim may write after them ("Dmnl [0,9,1]" is "Dmnl").
inline QString unitsOf(const QString &units)
{
    const qsizetype bracket = units.indexOf(u'[');
    return (bracket < 0 ? units : units.left(bracket)).trimmed();
}

struct MacroHeader {
    QString name;
    QStringList parameters;
    QStringList outputs; // after ':' in the header
    qsizetype offset = 0;
};

struct MdlLayout {
    std::vector<Record> records;
    std::vector<MacroHeader> macros;
    qsizetype sketchBegin = -1; // just after the "\\\---///" line, -1 when there is no sketch
    struct Problem {
        qsizetype offset;
        QString message;
    };
    std::vector<Problem> errors;
};

MdlLayout splitSections(const QString &text);

} // namespace meadows::vensim

#pragma once
// Reference outputs (Vensim .tab, Stella .csv) and the comparison rule the outside judge
// (shared/tools/sdcompare.py) applies, so the suite can run with no ../shared at all.
#include <QString>
#include <QStringList>
#include <vector>

namespace meadows::test {

struct Table {
    QStringList columns; // normalised names; columns[0] == "time"
    std::vector<std::vector<double>> rows;
};

// Case, quotes, underscores and runs of spaces are ignored; "a[x, y]" equals "a[x,y]".
QString normalizeColumn(const QString &name);
Table parseTable(const QByteArray &data);
Table readTable(const QString &path);

struct Comparison {
    bool ok = false;
    QString message;
    int checked = 0;
};

// Every expected column (but the control variables) must be present in the actual
// output at every expected time, within 1e-4 relative + 1e-6 absolute.
Comparison compareTables(const Table &actual, const Table &expected);

struct ReferenceModel {
    QString model;     // .xmile / .stmx
    QString reference; // output.csv / output.tab
    QString name;      // path relative to the root
};
std::vector<ReferenceModel> referenceModels(const QString &root);

} // namespace meadows::test

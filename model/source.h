#pragma once
// Where things came from in a file, so every error can name file, line and column.
#include <QString>
#include <QStringList>
#include <memory>
#include <utility>
#include <vector>

namespace meadows {

struct SourcePos {
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based
};

// The decoded text of a file, with an index of line starts for offset -> line/column.
class SourceText {
public:
    // Text put into the file's text to repair it (a closing tag it lacked): where it is in
    // text(), and how long. It has no line breaks; positions are those of the file itself.
    struct Insertion {
        qsizetype at = 0;
        qsizetype length = 0;
    };

    SourceText(QString fileName, QString text, std::vector<Insertion> inserted = {});
    const QString &fileName() const { return m_fileName; }
    const QString &text() const { return m_text; }
    SourcePos position(qsizetype offset) const;

private:
    QString m_fileName;
    QString m_text;
    std::vector<qsizetype> m_lineStarts;
    std::vector<Insertion> m_inserted;
};

// A span of raw XML character data (an <eqn> body, say) in a SourceText. Equations are
// parsed from the decoded text, so an error offset in the decoded text is mapped back
// through the entities (&lt; and friends) to the raw file position.
// An equation rewritten from another syntax (a Vensim equation in XMILE's) keeps, for each
// name and call in the rewritten text, where it starts there and where it started in the
// file: (rewritten offset, file offset), in increasing rewritten offsets.
using RewrittenOffsets = std::vector<std::pair<qsizetype, qsizetype>>;

struct SourceRef {
    std::shared_ptr<const SourceText> source;
    qsizetype offset = -1;
    qsizetype length = 0;
    std::shared_ptr<const RewrittenOffsets> rewritten; // null: the equation is the file's text

    bool isValid() const { return source && offset >= 0; }
    // Line and column of the start; line 0 when not from a file.
    SourcePos position() const { return isValid() ? source->position(offset) : SourcePos{}; }
    SourcePos positionOfDecodedOffset(qsizetype decodedOffset) const;
    QString fileName() const { return source ? source->fileName() : QString(); }

    // Where text came from never makes two models differ.
    friend bool operator==(const SourceRef &, const SourceRef &) { return true; }
};

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Diagnostic() = default;
    Diagnostic(Severity severity, QString file, SourcePos pos, QString message)
        : severity(severity), file(std::move(file)), pos(pos), message(std::move(message))
    {
    }

    Severity severity = Severity::Error;
    QString file;
    SourcePos pos;
    QString message;
    // A problem inside one equation says whose (the variable's display name, as the message
    // quotes it) and where in the equation's text (0-based; -1 when not at one place), so
    // editors underline it without reading the message. Empty and -1 otherwise.
    QString variable;
    int equationOffset = -1;
    int equationLength = 0;

    // "FILE:LINE:COL: error: what" (line/column left out when unknown).
    QString format() const;
};

} // namespace meadows

#pragma once
// Reading leniently, as Stella and Simlin do: some files they open are not well-formed XML.
// Two mistakes are repaired, each where the intent is clear, and each is reported:
// - "--" inside a comment (XML forbids it) is read as "- ";
// - a closing tag left out: an XMILE element that never holds one of its own kind (<aux>,
//   <eqn>, <stock>...) is closed when the next of its kind starts, an element is closed
//   when the element holding it closes, and a missing </xmile> at the end is put back.
// Anything else (a closing tag that matches nothing open, a tag that never ends, a file
// that ends inside an element, which was cut short) is left for the XML reader to refuse
// with its position.
#include "source.h"

#include <QString>
#include <optional>
#include <utility>
#include <vector>

namespace meadows {

struct RepairedXml {
    QString text;                                   // the text with the repairs made
    std::vector<SourceText::Insertion> inserted;    // closing tags put into it
    std::vector<std::pair<qsizetype, QString>> notes; // (offset in the original text, what was repaired)
};

// The repaired text, or nullopt when there was nothing this knows how to repair.
std::optional<RepairedXml> repairXml(const QString &text);

} // namespace meadows

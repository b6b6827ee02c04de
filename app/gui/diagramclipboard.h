#pragma once
// Copy and paste of diagram parts as XMILE, so they travel between windows and to other
// programs (as text).
#include <QList>
#include <QPointF>
#include <QString>

class QMimeData;

namespace meadows {

class Document;

namespace DiagramClipboard {

inline constexpr const char *kMimeType = "application/vnd.meadows.xmile+xml";

// The selected elements, the variables they draw, and the connectors among them.
QMimeData *mimeData(const Document &document, const QList<int> &uids);
// Pastes as one undo step; returns the new elements, or sets *error.
QList<int> paste(Document *document, const QMimeData *mime, QPointF offset, QString *error);

} // namespace DiagramClipboard
} // namespace meadows

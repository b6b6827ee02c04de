#include "diagramclipboard.h"

#include "commands/pasteelements.h"
#include "document.h"
#include "model/names.h"
#include "model/xmilereader.h"
#include "model/xmilewriter.h"

#include <QCoreApplication>
#include <QMimeData>
#include <QSet>
#include <QUndoStack>

namespace meadows::DiagramClipboard {

using T = ViewElement::Type;

QMimeData *mimeData(const Document &document, const QList<int> &uids)
{
    QSet<int> chosen(uids.begin(), uids.end());
    QSet<QString> names;
    for (int uid : uids)
        if (const ViewElement *e = document.element(uid); e && (e->type == T::Stock || e->type == T::Flow || e->type == T::Aux || e->type == T::Module))
            names.insert(canonicalName(e->name));
    const auto endKept = [&](const ConnectorEnd &end) {
        return end.aliasUid ? chosen.contains(*end.aliasUid) : names.contains(canonicalName(end.name));
    };
    Project p;
    p.simSpecs = document.project().simSpecs;
    p.extras = document.project().extras;
    p.models.emplace_back();
    Model &m = p.mainModel();
    for (const Variable &v : document.model().variables)
        if (names.contains(canonicalName(v.name)))
            m.variables.push_back(v);
    View view;
    for (const ViewElement &e : document.view().elements) {
        if (!e.uid || e.type == T::Other)
            continue;
        const bool keep = e.type == T::Connector ? endKept(e.from) && endKept(e.to) : chosen.contains(*e.uid);
        if (keep)
            view.elements.push_back(e);
    }
    m.views.push_back(view);
    auto *mime = new QMimeData;
    const QByteArray xmile = writeXmile(p);
    mime->setData(QLatin1String(kMimeType), xmile);
    mime->setText(QString::fromUtf8(xmile));
    return mime;
}

QList<int> paste(Document *document, const QMimeData *mime, QPointF offset, QString *error)
{
    QByteArray data;
    if (mime && mime->hasFormat(QLatin1String(kMimeType)))
        data = mime->data(QLatin1String(kMimeType));
    else if (mime && mime->hasText() && mime->text().contains(QLatin1String("<xmile")))
        data = mime->text().toUtf8();
    if (data.isEmpty()) {
        *error = QCoreApplication::translate("DiagramClipboard", "The clipboard holds no model elements.");
        return {};
    }
    XmileReadResult read = readXmile(data, QCoreApplication::translate("DiagramClipboard", "clipboard"));
    if (!read.project || read.project->models.empty()) {
        *error = QCoreApplication::translate("DiagramClipboard", "The clipboard's model could not be read.");
        return {};
    }
    const Model &source = read.project->mainModel();
    View view;
    for (const View &v : source.views)
        if (v.type.isEmpty() || v.type == QLatin1String("stock_flow")) {
            view = v;
            break;
        }
    auto *command = new PasteElementsCommand(document, source, view, offset);
    const QList<int> added = command->addedUids();
    document->undoStack()->push(command);
    return added;
}

} // namespace meadows::DiagramClipboard

#include "export/pictures/diagramrenderer.h"


#include "model/names.h"
#include "scene/diagramscene.h"
#include "scene/diagramstyle.h"
#include "scene/elementitem.h"

#include <QBuffer>
#include <QGraphicsItem>
#include <QMimeData>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSet>
#include <QSignalBlocker>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>

namespace meadows {

namespace {

// Exported pictures are light whatever the editor's theme: they go into documents.
DiagramStyle exportStyle()
{
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    return DiagramStyle::fromPalette(light);
}

// The scene's top-level items to draw: the chosen elements, and the connectors and flows
// whose ends are all among them (a selection of variables brings its arrows along).
QSet<QGraphicsItem *> itemsToDraw(DiagramScene *scene, const QList<int> &uids)
{
    QSet<QGraphicsItem *> chosen;
    QSet<QString> names;
    QSet<int> chosenUids(uids.begin(), uids.end());
    for (int uid : uids) {
        if (ElementItem *item = scene->itemForUid(uid)) {
            chosen.insert(item);
            if (!item->element().name.isEmpty())
                names.insert(canonicalName(item->element().name));
        }
    }
    const auto inside = [&](const ConnectorEnd &end) {
        return end.aliasUid ? chosenUids.contains(*end.aliasUid) : names.contains(canonicalName(end.name));
    };
    for (QGraphicsItem *item : scene->items()) {
        auto *element = dynamic_cast<ElementItem *>(item);
        if (element && element->elementType() == ViewElement::Type::Connector && inside(element->element().from)
            && inside(element->element().to))
            chosen.insert(item);
    }
    return chosen;
}

} // namespace

// Puts the scene into its export look for as long as it lives, and back after.
class DiagramRenderer::Staging {
public:
    Staging(DiagramScene *scene, const QList<int> &uids) : m_scene(scene), m_style(DiagramStyle::current())
    {
        const QSignalBlocker blocker(scene); // the editor's panels need not hear of this
        DiagramStyle::setCurrent(exportStyle());
        scene->setPlainBackground(true);
        const QSet<QGraphicsItem *> chosen = uids.isEmpty() ? QSet<QGraphicsItem *>() : itemsToDraw(scene, uids);
        for (QGraphicsItem *item : scene->items()) {
            if (item->isSelected()) {
                m_selected << item;
                item->setSelected(false);
            }
            if (auto *element = dynamic_cast<ElementItem *>(item))
                element->clearHover();
            if (item->cacheMode() != QGraphicsItem::NoCache) {
                m_cached.append({item, item->cacheMode()});
                item->setCacheMode(QGraphicsItem::NoCache);
            }
            if (!uids.isEmpty() && !item->parentItem() && item->isVisible() && !chosen.contains(item)) {
                m_hidden << item;
                item->setVisible(false);
            }
        }
        for (QGraphicsItem *item : scene->items()) {
            if (item->isVisible())
                m_bounds |= item->sceneBoundingRect();
        }
        // Whole units: the SVG's size and the PNG's pixels come out exact.
        m_bounds = QRectF(m_bounds.adjusted(-kMargin, -kMargin, kMargin, kMargin).toAlignedRect());
    }

    ~Staging()
    {
        const QSignalBlocker blocker(m_scene);
        for (QGraphicsItem *item : std::as_const(m_hidden))
            item->setVisible(true);
        for (const auto &[item, mode] : std::as_const(m_cached))
            item->setCacheMode(mode);
        for (QGraphicsItem *item : std::as_const(m_selected))
            item->setSelected(true);
        m_scene->setPlainBackground(false);
        DiagramStyle::setCurrent(m_style);
    }

    QRectF bounds() const { return m_bounds; }

private:
    DiagramScene *m_scene;
    DiagramStyle m_style;
    QList<QGraphicsItem *> m_selected, m_hidden;
    QList<QPair<QGraphicsItem *, QGraphicsItem::CacheMode>> m_cached;
    QRectF m_bounds;
};

DiagramRenderer::DiagramRenderer(DiagramScene *scene, const QList<int> &uids) : m_scene(scene), m_uids(uids) {}

template<typename Draw>
void DiagramRenderer::drawWith(Draw &&draw) const
{
    const Staging staging(m_scene, m_uids);
    draw(staging.bounds());
}

QByteArray DiagramRenderer::svg(const QString &title) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    drawWith([&](const QRectF &source) {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setResolution(96); // points to pixels as on screen: text keeps its size
        generator.setSize(source.size().toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
        generator.setTitle(title);
        generator.setDescription(QStringLiteral("Exported by Meadows"));
        QPainter painter(&generator);
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), Qt::white);
        m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    });
    // Qt names the font as the system knows it (the diagram's DejaVu Sans, or "Sans Serif"
    // where that was missing), which may be no CSS family: a browser would fall back to a
    // serif face. Offer the generic family after it.
    static const QRegularExpression family(QStringLiteral("font-family=\"([^\"]*)\""));
    QString text = QString::fromUtf8(bytes);
    text.replace(family, QStringLiteral("font-family=\"\\1, DejaVu Sans, Helvetica, Arial, sans-serif\""));
    text.replace(QLatin1String("DejaVu Sans, DejaVu Sans,"), QLatin1String("DejaVu Sans,"));
    return text.toUtf8();
}

QImage DiagramRenderer::image(double scale) const
{
    QImage image;
    drawWith([&](const QRectF &source) {
        const double pixels = source.width() * source.height() * scale * scale;
        const double side = std::max(source.width(), source.height()) * scale;
        m_scaleUsed = scale * std::min({1.0, pixels > kMaxImagePixels ? std::sqrt(kMaxImagePixels / pixels) : 1.0,
                                        side > kMaxImageSide ? kMaxImageSide / side : 1.0});
        const QSize size = (source.size() * m_scaleUsed).toSize();
        image = QImage(size.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        m_scene->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), source);
    });
    return image;
}

QByteArray DiagramRenderer::png(double scale) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image(scale).save(&buffer, "PNG"))
        return {};
    return bytes;
}

QByteArray DiagramRenderer::pdf(const QString &title) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    drawWith([&](const QRectF &source) {
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Meadows"));
        writer.setResolution(96); // one device unit per diagram unit at 100 %: fonts in step
        const auto orientation = source.width() >= source.height() ? QPageLayout::Landscape : QPageLayout::Portrait;
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), orientation, QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution()).translated(
            -writer.pageLayout().paintRectPixels(writer.resolution()).topLeft());
        // Fit the page, aspect kept; small diagrams grow at most 1.5 times, or their text would shout.
        const double fit = std::min({page.width() / source.width(), page.height() / source.height(), 1.5});
        const QSizeF size = source.size() * fit;
        const QRectF target(page.left() + (page.width() - size.width()) / 2, page.top(), size.width(), size.height());
        QPainter painter(&writer);
        m_scene->render(&painter, target, source);
    });
    return bytes;
}

QMimeData *DiagramRenderer::mimeData(double scale) const
{
    auto *mime = new QMimeData;
    const QImage picture = image(scale);
    mime->setImageData(picture);
    QByteArray encoded;
    QBuffer buffer(&encoded);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");
    mime->setData(QStringLiteral("image/png"), encoded);
    mime->setData(QStringLiteral("image/svg+xml"), svg());
    return mime;
}

} // namespace meadows

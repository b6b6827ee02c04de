#pragma once
// Pictures of the diagram for export and the clipboard: SVG (vector, the names stay text),
// PNG at a chosen scale, PDF fitted to an A4 page. While it draws, the scene shows what a
// reader of the picture needs and nothing of the editor: white background, no grid, no
// selection or hover highlights, no item caches (a cached item would land in an SVG or PDF
// as pixels), and the picture is cropped to what is drawn plus a margin.
#include <QImage>
#include <QList>
#include <QRectF>
#include <QString>

class QMimeData;

namespace meadows {

class DiagramScene;

class DiagramRenderer {
public:
    // `uids`: the elements to draw (and the connectors between them); empty: the whole diagram.
    explicit DiagramRenderer(DiagramScene *scene, const QList<int> &uids = {});

    QByteArray svg(const QString &title = {}) const;
    // At `scale` pixels per unit, lowered to keep within kMaxImagePixels (scaleUsed() says to what).
    QImage image(double scale = 2) const;
    // The encoded files; empty when encoding failed.
    QByteArray png(double scale = 2) const;
    QByteArray pdf(const QString &title = {}) const;
    // PNG and SVG of the picture, for the clipboard.
    QMimeData *mimeData(double scale = 2) const;

    static constexpr double kMargin = 20;
    // 2^28 pixels, a gigabyte: a diagram of 2,000 tiled views asked for 1.2 billion (4.8 GB).
    static constexpr double kMaxImagePixels = 268435456;
    // And no side longer than libpng writes (a million pixels): a diagram of two elements a
    // million units apart is few pixels but too wide to encode.
    static constexpr double kMaxImageSide = 1000000;
    // The scale the last image() drew at.
    double scaleUsed() const { return m_scaleUsed; }

private:
    class Staging;
    template<typename Draw>
    void drawWith(Draw &&draw) const;

    DiagramScene *m_scene;
    QList<int> m_uids;
    mutable double m_scaleUsed = 0;
};

} // namespace meadows

#pragma once
// The "recovers / does not recover" map of a disturbance sweep: one cell per grid point,
// green where the run recovers and red where it does not, the first parameter across and
// the second up (or one row for a single parameter), with the located boundary marked.
#include "solver/analysis/recovery.h"

#include <QWidget>

namespace meadows {

class RecoveryMapView : public QWidget {
    Q_OBJECT
public:
    explicit RecoveryMapView(QWidget *parent = nullptr);

    void setMap(const RecoveryMap &map);
    const RecoveryMap &map() const { return m_map; }
    // The colour the cell of grid point `point` is painted in.
    QColor cellColor(std::size_t point) const;
    // The cell under a position in the widget, as a grid point; -1 when none.
    int pointAt(const QPointF &position) const;

    static QColor recoversColor();
    static QColor staysColor();

    QSize sizeHint() const override { return {360, 260}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRectF plotArea() const;
    QRectF cellRect(std::size_t point) const;

    RecoveryMap m_map;
};

} // namespace meadows

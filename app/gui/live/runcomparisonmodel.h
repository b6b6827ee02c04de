#pragma once
// Two runs side by side: for every variable both have, its final value in each, the
// difference, and each run's peak.
#include "solver/simulation.h"

#include <QAbstractTableModel>
#include <memory>

namespace meadows {

class RunComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Variable, FinalA, FinalB, Difference, PeakA, PeakB, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    void setRuns(const QString &nameA, std::shared_ptr<const Results> a, const QString &nameB, std::shared_ptr<const Results> b);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString name;
        double finalA, finalB, peakA, peakB;
    };
    std::vector<Row> m_rows;
    QString m_nameA, m_nameB;
};

} // namespace meadows

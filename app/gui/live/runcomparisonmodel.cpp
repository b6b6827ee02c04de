#include "runcomparisonmodel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meadows {

namespace {
double peak(const Results &r, std::size_t column)
{
    double best = -std::numeric_limits<double>::infinity();
    for (std::size_t row = 0; row < r.rows(); ++row) {
        const double v = r.at(row, column);
        if (!std::isnan(v))
            best = std::max(best, v);
    }
    return best;
}
} // namespace

void RunComparisonModel::setRuns(const QString &nameA, std::shared_ptr<const Results> a, const QString &nameB,
                                 std::shared_ptr<const Results> b)
{
    beginResetModel();
    m_rows.clear();
    m_nameA = nameA;
    m_nameB = nameB;
    if (a && b && a->rows() && b->rows()) {
        for (std::size_t c = 1; c < a->columns; ++c) {
            const int other = b->column(a->names[c]);
            if (other < 0)
                continue;
            m_rows.push_back({a->names[c], a->at(a->rows() - 1, c), b->at(b->rows() - 1, std::size_t(other)),
                              peak(*a, c), peak(*b, std::size_t(other))});
        }
    }
    endResetModel();
}

int RunComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() != Variable)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (Column(index.column())) {
    case Variable: return r.name;
    case FinalA: return r.finalA;
    case FinalB: return r.finalB;
    case Difference: return r.finalB - r.finalA;
    case PeakA: return r.peakA;
    case PeakB: return r.peakB;
    case ColumnCount: break;
    }
    return {};
}

QVariant RunComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Variable: return tr("Variable");
    case FinalA: return tr("%1 at end").arg(m_nameA);
    case FinalB: return tr("%1 at end").arg(m_nameB);
    case Difference: return tr("Difference");
    case PeakA: return tr("%1 peak").arg(m_nameA);
    case PeakB: return tr("%1 peak").arg(m_nameB);
    case ColumnCount: break;
    }
    return {};
}

} // namespace meadows

#include "ui/sightings/sightingtablemodel.h"

#include "layers/sightinglayer.h"

#include <QColor>

namespace sightline {

void SightingTableModel::setSightings(QList<Sighting> sightings)
{
    beginResetModel();
    mSightings = std::move(sightings);
    endResetModel();
}

int SightingTableModel::rowOf(std::int64_t id) const
{
    for (int i = 0; i < mSightings.size(); ++i)
        if (mSightings[i].id == id)
            return i;
    return -1;
}

int SightingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mSightings.size());
}

int SightingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SightingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // A first click on a column sorts A→Z, oldest first, smallest first (Qt's default is the reverse).
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole)
        return int(Qt::AscendingOrder);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("#");
    case Kind:
        return tr("Kind");
    case ObservedAt:
        return tr("Observed (UTC)");
    case Count:
        return tr("Count");
    case Vessel:
        return tr("Vessel");
    case Grading:
        return tr("Grading");
    case Imagery:
        return tr("Imagery");
    case Analyst:
        return tr("Analyst");
    case Tags:
        return tr("Tags");
    case Notes:
        return tr("Notes");
    default:
        return {};
    }
}

QVariant SightingTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mSightings.size())
        return {};
    const Sighting &s = mSightings[index.row()];
    if (role == IdRole)
        return QVariant::fromValue<qlonglong>(s.id);
    const bool sort = role == SortRole;
    if (role == Qt::DecorationRole && index.column() == Kind)
        return sightingColour(s.kind);
    if (role == Qt::ToolTipRole) {
        if (index.column() == Grading)
            return tr("Source: %1\nInformation: %2")
                .arg(sourceReliabilityMeaning(s.sourceReliability),
                     informationCredibilityMeaning(s.informationCredibility));
        if (index.column() == Notes)
            return s.notes;
    }
    if (role != Qt::DisplayRole && !sort)
        return {};
    switch (index.column()) {
    case Id:
        return QVariant::fromValue<qlonglong>(s.id);
    case Kind:
        return sightingKindLabel(s.kind);
    case ObservedAt:
        if (sort)
            return QVariant::fromValue<qlonglong>(s.observedAtMs);
        return s.observedAtMs
                   ? utcIsoString(s.observedAtMs).left(16).replace(QLatin1Char('T'), QLatin1Char(' '))
                   : tr("unknown");
    case Count:
        if (sort)
            return s.count;
        return s.count > 0 ? QVariant(s.count) : QVariant(QString());
    case Vessel:
        if (!s.vesselMmsi)
            return QString();
        return s.vesselName.isEmpty() ? QString::number(s.vesselMmsi)
                                      : QStringLiteral("%1 (%2)").arg(s.vesselName).arg(s.vesselMmsi);
    case Grading:
        return s.grading();
    case Imagery:
        return s.imagerySource;
    case Analyst:
        return s.analyst;
    case Tags:
        return s.tags.join(QStringLiteral(", "));
    case Notes:
        // One line in the table; the whole text is the tooltip.
        return sort ? s.notes : s.notes.section(QLatin1Char('\n'), 0, 0);
    default:
        return {};
    }
}

} // namespace sightline

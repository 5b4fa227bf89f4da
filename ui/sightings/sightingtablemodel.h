#pragma once

#include "model/sighting.h"

#include <QAbstractTableModel>

namespace sightline {

/// The project's sightings as rows for the Sightings dock: what, when, how many,
/// which vessel, how sure, on which image, by whom, tags and notes.
class SightingTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        Kind,
        ObservedAt,
        Count,
        Vessel,
        Grading,
        Imagery,
        Analyst,
        Tags,
        Notes,
        ColumnCount
    };
    /// The sighting id of a row, under Qt::UserRole; the value to sort by under SortRole.
    static constexpr int IdRole = Qt::UserRole;
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setSightings(QList<Sighting> sightings);
    const QList<Sighting> &sightings() const { return mSightings; }
    /// The row of a sighting id, or -1.
    int rowOf(std::int64_t id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Sighting> mSightings;
};

} // namespace sightline

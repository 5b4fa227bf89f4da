#pragma once

#include "analysis/movementevent.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSortFilterProxyModel>

#include <functional>
#include <optional>
#include <vector>

namespace sightline {

/// The analyses' events as table rows: type, vessel(s), start, end, hours, place,
/// confidence, a gap's likely cause and a one-line summary. Sorts by the real values (times, hours).
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Type,
        Vessel,
        Start,
        End,
        Hours,
        Place,
        Confidence,
        Cause, ///< gaps: switched off, out of coverage or unknown, with the disabling score
        Summary,
        ColumnCount
    };
    static constexpr int kSortRole = Qt::UserRole + 1;
    static constexpr int kIdRole = Qt::UserRole + 2;

    explicit EventTableModel(QObject *parent = nullptr);

    void setEvents(std::vector<MovementEvent> events);
    /// How vessels are named ("ANGARA (273145020)"); the MMSI alone without it.
    void setVesselNames(std::function<QString(std::uint32_t)> nameOf);
    /// The names behind setVesselNames() changed (tracks opened or closed): the Vessel column is
    /// read again, and the views sort and filter by the new names.
    void vesselNamesChanged();
    const std::vector<MovementEvent> &events() const { return mEvents; }
    const MovementEvent *event(int row) const;
    int rowOf(std::int64_t id) const;
    QString vesselText(const MovementEvent &e) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    /// "switched off (0.96)", or the score itself for sorting; nothing for other events.
    static QVariant causeCell(const MovementEvent &e, bool sort);

    std::vector<MovementEvent> mEvents;
    std::function<QString(std::uint32_t)> mNameOf;
};

/// The Events dock's filters: one type, a vessel (name or MMSI, either vessel of an
/// encounter), and a time window the event must overlap.
class EventFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setType(std::optional<EventType> type);
    void setVesselText(const QString &text);
    void setTimeWindow(std::optional<std::pair<std::int64_t, std::int64_t>> window);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<EventType> mType;
    QString mVessel;
    std::optional<std::pair<std::int64_t, std::int64_t>> mWindow;
};

} // namespace sightline

#include "ui/analysis/eventtablemodel.h"

#include <QColor>

namespace sightline {

namespace {
QString utc(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EventTableModel::setEvents(std::vector<MovementEvent> events)
{
    beginResetModel();
    mEvents = std::move(events);
    endResetModel();
}

void EventTableModel::setVesselNames(std::function<QString(std::uint32_t)> nameOf)
{
    beginResetModel();
    mNameOf = std::move(nameOf);
    endResetModel();
}

void EventTableModel::vesselNamesChanged()
{
    if (!mEvents.empty())
        Q_EMIT dataChanged(index(0, Vessel), index(rowCount() - 1, Vessel), {Qt::DisplayRole, kSortRole});
}

const MovementEvent *EventTableModel::event(int row) const
{
    return row >= 0 && row < int(mEvents.size()) ? &mEvents[std::size_t(row)] : nullptr;
}

int EventTableModel::rowOf(std::int64_t id) const
{
    for (std::size_t i = 0; i < mEvents.size(); ++i)
        if (mEvents[i].id == id)
            return int(i);
    return -1;
}

QString EventTableModel::vesselText(const MovementEvent &e) const
{
    // A ship seen in an image that no AIS vessel fits has no MMSI: it is the point, not a "0".
    if (e.type == EventType::VesselDetection && e.mmsi == 0)
        return tr("dark (no AIS)");
    auto name = [&](std::uint32_t mmsi) {
        const QString n = mNameOf ? mNameOf(mmsi) : QString();
        return n.isEmpty() ? QString::number(mmsi) : n;
    };
    return e.otherMmsi ? name(e.mmsi) + QStringLiteral(" · ") + name(e.otherMmsi) : name(e.mmsi);
}

QVariant EventTableModel::causeCell(const MovementEvent &e, bool sort)
{
    const QString cause = e.details.value(QStringLiteral("likely_cause")).toString();
    if (e.type != EventType::Gap || cause.isEmpty())
        return {};
    const double score = e.details.value(QStringLiteral("disabling_score")).toDouble();
    if (sort)
        return score;
    const QString words = cause == QLatin1String("switched_off")      ? tr("switched off")
                          : cause == QLatin1String("out_of_coverage") ? tr("out of coverage")
                                                                      : tr("unknown");
    return QStringLiteral("%1 (%2)").arg(words, QString::number(score, 'f', 2));
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mEvents.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    const MovementEvent *e = event(index.row());
    if (!e)
        return {};
    if (role == kIdRole)
        return qint64(e->id);
    if (role == Qt::DisplayRole || role == kSortRole) {
        const bool sort = role == kSortRole;
        switch (index.column()) {
        case Type:
            return eventTypeLabel(e->type);
        case Vessel:
            return vesselText(*e);
        case Start:
            return sort ? QVariant(qint64(e->startMs)) : QVariant(utc(e->startMs));
        case End:
            return sort ? QVariant(qint64(e->endMs)) : QVariant(utc(e->endMs));
        case Hours:
            return sort ? QVariant(e->durationHours())
                        : QVariant(QString::number(e->durationHours(), 'f', 1));
        case Place:
            return e->place;
        case Confidence:
            return e->confidence ? QVariant(e->confidence) : QVariant();
        case Cause:
            return causeCell(*e, sort);
        case Summary:
            return e->summary();
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Hours || index.column() == Confidence))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && e->isInferredCall())
        return QColor(110, 110, 110); // possible calls while dark read as less certain
    if (role == Qt::ToolTipRole && index.column() == Cause && e->type == EventType::Gap)
        return tr("From the positions of the other vessels: switched off when others were heard where and "
                  "when the vessel should have been; out of coverage when nobody was heard there then. The "
                  "score (0–1) is the share of its path where others were heard.");
    if (role == Qt::ToolTipRole && index.column() == Confidence && e->confidence)
        return tr("1: inferred from a dark period, or only part seen; 2: entry and exit seen; "
                  "3: a stop or a gap in port seen; 4: entry, stay and exit all seen");
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // A first click on a column sorts A→Z, oldest first, smallest first (Qt's default is the reverse).
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole)
        return int(Qt::AscendingOrder);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Type:
        return tr("Type");
    case Vessel:
        return tr("Vessel");
    case Start:
        return tr("Start (UTC)");
    case End:
        return tr("End (UTC)");
    case Hours:
        return tr("Hours");
    case Place:
        return tr("Place");
    case Confidence:
        return tr("Conf.");
    case Cause:
        return tr("Likely cause");
    case Summary:
        return tr("Summary");
    }
    return {};
}

void EventFilterModel::setType(std::optional<EventType> type)
{
    mType = type;
    invalidateFilter();
}

void EventFilterModel::setVesselText(const QString &text)
{
    mVessel = text.trimmed();
    invalidateFilter();
}

void EventFilterModel::setTimeWindow(std::optional<std::pair<std::int64_t, std::int64_t>> window)
{
    mWindow = window;
    invalidateFilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = static_cast<const EventTableModel *>(sourceModel());
    const MovementEvent *e = model->event(sourceRow);
    if (!e)
        return false;
    if (mType && e->type != *mType)
        return false;
    if (mWindow && (e->endMs < mWindow->first || e->startMs > mWindow->second))
        return false;
    if (!mVessel.isEmpty() && !model->vesselText(*e).contains(mVessel, Qt::CaseInsensitive) &&
        !QString::number(e->mmsi).contains(mVessel) && !QString::number(e->otherMmsi).contains(mVessel))
        return false;
    return true;
}

} // namespace sightline

#pragma once

#include "analysis/movementevent.h"

#include <QWidget>

#include <cstdint>
#include <functional>
#include <unordered_set>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;

namespace sightline {

class DateTimeField;

class EventFilterModel;
class EventTableModel;

/// The Events dock: what the movement analyses found, filtered by type, vessel and
/// time window; picking a row zooms the map to the event and selects it there, and
/// shows everything known about it (the evidence, the parameters that produced it).
class EventsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EventsPanel(QWidget *parent = nullptr);

    void setEvents(std::vector<MovementEvent> events);
    void setVesselNames(std::function<QString(std::uint32_t)> nameOf);
    /// The names changed (a project's tracks finished opening after its events, or went):
    /// the table, its filter and the details show the new ones.
    void refreshVesselNames();

    QTableView *table() const { return mTable; }
    QComboBox *typeFilter() const { return mType; }
    QLineEdit *vesselFilter() const { return mVessel; }
    QCheckBox *timeWindow() const { return mUseWindow; }
    DateTimeField *windowFrom() const { return mFrom; }
    DateTimeField *windowTo() const { return mTo; }
    QTextBrowser *details() const { return mDetails; }
    /// The event of the current row; 0 for none.
    std::int64_t currentId() const;
    /// Makes an event the current row (clearing the filters if they hide it).
    void selectEvent(std::int64_t id);
    /// Shows only one type (as the analysis just run), or every type.
    void showType(std::optional<EventType> type);
    /// The ids the filters let through, for the map.
    std::unordered_set<std::int64_t> visibleIds() const;

Q_SIGNALS:
    void zoomRequested(const QRectF &lonLatBox);
    void eventSelected(std::int64_t id);
    void filterChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString detailsHtml(const MovementEvent &event) const;
    void currentChanged();
    void applyFilters();
    /// Columns to their contents; type, vessel and place to their widest text in any row.
    void fitColumns();
    void updateSummary();

    EventTableModel *mModel;
    EventFilterModel *mProxy;
    QComboBox *mType;
    QLineEdit *mVessel;
    QCheckBox *mUseWindow;
    DateTimeField *mFrom;
    DateTimeField *mTo;
    QTableView *mTable;
    QTextBrowser *mDetails;
    QLabel *mSummary;
};

/// The lon/lat box to frame an event: both places, the reachable area of a gap
/// (its ellipse), grown so a point event is not framed at street level.
QRectF eventFrame(const MovementEvent &event);

} // namespace sightline

#pragma once

#include "analysis/movementevent.h"

#include <QWidget>

#include <cstdint>
#include <functional>
#include <unordered_set>

class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace sightline {

class DateTimeField;

class EventFilterModel;
class EventTableModel;

/// The Events dock: what the movement analyses found, filtered by type, vessel and
/// time window; picking a row selects the event on the map (bringing it into sight only
/// when it is entirely off screen, without zooming) and shows everything known about it
/// (the evidence, the parameters that produced it). A double click or Zoom To frames it.
/// Filtering never picks a row.
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
    QPushButton *zoomButton() const { return mZoom; }
    /// The event of the current row; 0 for none.
    std::int64_t currentId() const;
    /// Makes an event the current row (clearing the filters if they hide it).
    void selectEvent(std::int64_t id);
    /// Shows only one type (as the analysis just run), or every type.
    void showType(std::optional<EventType> type);
    /// The ids the filters let through, for the map.
    std::unordered_set<std::int64_t> visibleIds() const;
    /// Frames the current event on the map (Zoom To, a double click).
    void zoomToCurrent();
    /// What another feature offers on an event's right-click menu after Zoom To (Make Sighting
    /// for a vessel seen in an image): called with the event's id and the menu to add to.
    void setContextActions(std::function<void(std::int64_t id, QMenu &menu)> addActions);

Q_SIGNALS:
    /// The user asked to frame an event (a zoom).
    void zoomRequested(const QRectF &lonLatBox);
    /// An event was picked: it should be in sight, at the scale the map has.
    void revealRequested(const QRectF &lonLatBox);
    void eventSelected(std::int64_t id);
    void filterChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString detailsHtml(const MovementEvent &event) const;
    void currentChanged();
    /// The details and the map's selection for the current row; `reveal` when the user picked it.
    void showCurrent(bool reveal);
    /// Makes the user's pick the current row again, quietly, when the rows changed under it (none
    /// when the filters hide it).
    void restorePick();
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
    std::function<void(std::int64_t, QMenu &)> mContextActions;
    QTextBrowser *mDetails;
    QLabel *mSummary;
    QPushButton *mZoom;
    /// Set while the rows change under the table (filters, new events): the current row that
    /// Qt moves along then is no pick of the user's.
    bool mRowsChanging = false;
    /// The event the user picked (0: none); hidden by a filter, it is picked again when shown again.
    std::int64_t mPicked = 0;
};

/// The lon/lat box to frame an event: both places, the reachable area of a gap
/// (its ellipse), grown so a point event is not framed at street level.
QRectF eventFrame(const MovementEvent &event);

} // namespace sightline

#pragma once

#include <QWidget>

#include <cstdint>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace sightline {

class LayerStack;
class ProjectController;
class SightingTableModel;

/// The Sightings dock: the project's sightings in a table to filter (any column)
/// and sort, with zoom to, edit, delete (undoable) and each one's audit history.
/// The row picked is the sighting highlighted on the map.
class SightingPanel : public QWidget
{
    Q_OBJECT
public:
    SightingPanel(ProjectController *project, LayerStack *layers, QWidget *parent = nullptr);

    QTableView *table() const { return mTable; }
    QLineEdit *filter() const { return mFilter; }
    /// The sighting of the current row; 0 for none.
    std::int64_t currentId() const;
    /// Makes a sighting the current row (clearing the filter if it hides it).
    void selectSighting(std::int64_t id);

    void zoomToCurrent();
    void deleteCurrent();
    void showHistoryOfCurrent();

Q_SIGNALS:
    void zoomRequested(const QRectF &lonLatBox);
    /// A row was clicked: its sighting should be in sight, at the scale the map has.
    void revealRequested(const QRectF &lonLatBox);
    void editRequested(std::int64_t id);

private:
    void reload();
    void currentChanged();
    void updateSummary();

    ProjectController *mProject;
    LayerStack *mLayers;
    SightingTableModel *mModel;
    QSortFilterProxyModel *mProxy;
    QLineEdit *mFilter;
    QTableView *mTable;
    QLabel *mSummary;
    QPushButton *mZoom;
    QPushButton *mEdit;
    QPushButton *mDelete;
    QPushButton *mHistory;
};

} // namespace sightline

#pragma once

#include <QAbstractTableModel>
#include <QWidget>

#include <memory>

class QLineEdit;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace sightline {

class LayerStack;
class VectorLayer;

/// The features of a vector layer as rows (feature id, then every field).
class FeatureTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit FeatureTableModel(QObject *parent = nullptr);
    void setLayer(std::shared_ptr<VectorLayer> layer);
    const std::shared_ptr<VectorLayer> &layer() const { return mLayer; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<VectorLayer> mLayer;
};

/// The attribute table of the current vector layer: filter by any text, sort by
/// any column, select rows to highlight their features, double-click to zoom to one.
class AttributeTable : public QWidget
{
    Q_OBJECT
public:
    explicit AttributeTable(LayerStack *layers, QWidget *parent = nullptr);

    void showLayer(const QString &layerId);
    QTableView *view() const { return mView; }
    QLineEdit *filter() const { return mFilter; }
    /// Visible (filtered) row count.
    int visibleRows() const;

Q_SIGNALS:
    /// Zoom the map to these lon/lat bounds.
    void zoomRequested(const QRectF &lonLatBox);

private:
    void applySelection();
    void zoomTo(const QModelIndex &index);

    LayerStack *mLayers;
    FeatureTableModel *mModel;
    QSortFilterProxyModel *mProxy;
    QTableView *mView;
    QLineEdit *mFilter;
    QLabel *mCount;
};

} // namespace sightline

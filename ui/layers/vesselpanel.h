#pragma once

#include <QWidget>

#include <cstdint>

class QLineEdit;
class QTableWidget;

namespace sightline {

class LayerStack;

/// Every vessel of the track layers, searchable by name (any name it used),
/// MMSI, IMO or call sign. Activating a row zooms to and highlights its track.
class VesselPanel : public QWidget
{
    Q_OBJECT
public:
    explicit VesselPanel(LayerStack *layers, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return mSearch; }
    QTableWidget *table() const { return mTable; }

Q_SIGNALS:
    void vesselActivated(const QString &layerId, std::uint32_t mmsi);

private:
    void rebuild();
    void applyFilter();

    LayerStack *mLayers;
    QLineEdit *mSearch;
    QTableWidget *mTable;
};

} // namespace sightline

#pragma once

#include <QDialog>

namespace sightline {

class Layer;

/// Read-only facts about a layer: source, format, CRS, size, bands,
/// overviews, stretch and metadata, selectable for copying.
class LayerPropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LayerPropertiesDialog(const Layer &layer, QWidget *parent = nullptr);
};

} // namespace sightline

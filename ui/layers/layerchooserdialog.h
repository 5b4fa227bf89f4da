#pragma once

#include <QDialog>
#include <QStringList>

class QListWidget;

namespace sightline {

/// Lets the user pick which layers of a multi-layer file (GeoPackage, OSM) to add.
class LayerChooserDialog : public QDialog
{
    Q_OBJECT
public:
    LayerChooserDialog(const QString &source, const QStringList &layers, QWidget *parent = nullptr);
    QStringList selected() const;
    QListWidget *list() const { return mList; }

private:
    QListWidget *mList;
};

} // namespace sightline

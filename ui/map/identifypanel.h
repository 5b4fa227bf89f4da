#pragma once

#include "layers/layer.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace sightline {

/// The fields of what the Identify tool picked on the map.
class IdentifyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit IdentifyPanel(QWidget *parent = nullptr);
    void show(const QString &title, const QList<LayerProperty> &fields);
    void showNothing(const QString &where);
    /// Back to the hint, as before anything was picked (the project it came from went).
    void clear();
    QTableWidget *table() const { return mTable; }
    QString title() const;

private:
    QLabel *mTitle;
    QTableWidget *mTable;
};

} // namespace sightline

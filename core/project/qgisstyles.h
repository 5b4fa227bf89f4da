#pragma once

#include <QList>
#include <QString>

class GDALDataset;

namespace sightline {

/// QGIS keeps a GeoPackage's layer styles in the table layer_styles (its columns as QGIS makes
/// them) and opens a layer in the style marked useAsDefault. Sightline writes one, named
/// kSightlineStyleName, for each of the project's own map tables, in the workbench's colours:
/// events and their paths by type, sightings (each view of sightingviews.h) by kind, track lines
/// and positions by vessel (labelled with its name), so the project opens in QGIS as it looks here.
inline constexpr const char *kLayerStylesTable = "layer_styles";
inline constexpr const char *kSightlineStyleName = "Sightline";

/// One row of layer_styles as Sightline writes it.
struct QgisLayerStyle
{
    QString table;
    QString geometryColumn = QStringLiteral("geom");
    QString description;
    QString qml;
    QString sld;
};

/// Sightline's style for each of the project's map tables and views that `ds` holds; the vessel
/// categories come from its vessels table, so call again after an import.
QList<QgisLayerStyle> projectQgisStyles(GDALDataset *ds);

/// Replaces Sightline's rows of layer_styles with projectQgisStyles(), making the table as QGIS
/// does when it is missing; each is the default unless the user saved a default of their own for
/// that table. Inside the caller's transaction. False, with the reason in `error`, on failure.
bool writeQgisStyles(GDALDataset *ds, QString *error = nullptr);

/// writeQgisStyles on the project file at `path`, in its own connection and transaction (after an
/// import, which adds vessels); a GeoPackage that is not a project is left as it is.
bool refreshQgisStyles(const QString &path, QString *error = nullptr);

} // namespace sightline

#pragma once

#include <QString>

#include <cstdint>

#include <initializer_list>
#include <span>

class GDALDataset;
class OGRFeature;
class OGRLayer;

namespace sightline {

/// Adds a field of `type` (an OGRFieldType) named `name` to a layer being created.
void addOgrField(OGRLayer *layer, const char *name, int type);

struct OgrFieldSpec
{
    const char *name;
    int type;        ///< an OGRFieldType
    int subType = 0; ///< an OGRFieldSubType: OFSTJSON (4) declares a JSON text column to readers like QGIS
};
/// The table `name` of a GeoPackage: the existing one, or a new one with `fields`, an "id"
/// primary key and, unless `geometryType` is wkbNone (100), a "geom" column in EPSG:4326.
/// Null when it cannot be created.
OGRLayer *ensureOgrTable(GDALDataset *ds, const char *name, std::span<const OgrFieldSpec> fields,
                         int geometryType = 100);
inline OGRLayer *ensureOgrTable(GDALDataset *ds, const char *name, std::initializer_list<OgrFieldSpec> fields,
                                int geometryType = 100)
{
    return ensureOgrTable(ds, name, std::span<const OgrFieldSpec>(fields.begin(), fields.size()),
                          geometryType);
}
/// Writes a UTC time in milliseconds into an OFTDateTime field (GeoPackage stores ISO 8601 with Z).
void setOgrUtcTime(OGRFeature &feature, int field, std::int64_t ms);
/// Reads an OFTDateTime field as UTC milliseconds; 0 when it is missing (-1), null or unset.
std::int64_t ogrUtcTime(const OGRFeature &feature, int field);
/// A field's value as text (UTF-8); empty when the field is missing, null or unset.
QString ogrText(const OGRFeature &feature, int field);
QString ogrText(const OGRFeature &feature, const char *name);

} // namespace sightline

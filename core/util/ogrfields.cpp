#include "ogrfields.h"

#include <ogrsf_frmts.h>

#include <QDateTime>

#include <cmath>

namespace sightline {

void addOgrField(OGRLayer *layer, const char *name, int type)
{
    OGRFieldDefn field(name, OGRFieldType(type));
    layer->CreateField(&field);
}

OGRLayer *ensureOgrTable(GDALDataset *ds, const char *name, std::span<const OgrFieldSpec> fields,
                         int geometryType)
{
    if (OGRLayer *l = ds->GetLayerByName(name))
        return l;
    const auto geometry = OGRwkbGeometryType(geometryType);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const char *options[] = {"FID=id", "GEOMETRY_NAME=geom", nullptr};
    OGRLayer *l =
        ds->CreateLayer(name, geometry == wkbNone ? nullptr : &wgs84, geometry, const_cast<char **>(options));
    if (!l)
        return nullptr;
    for (const OgrFieldSpec &f : fields) {
        OGRFieldDefn field(f.name, OGRFieldType(f.type));
        field.SetSubType(OGRFieldSubType(f.subType));
        l->CreateField(&field);
    }
    return l;
}

void setOgrUtcTime(OGRFeature &feature, int field, std::int64_t ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const QDate d = t.date();
    const QTime c = t.time();
    // Time zone flag 100 is UTC in OGR's convention.
    feature.SetField(field, d.year(), d.month(), d.day(), c.hour(), c.minute(),
                     float(c.second() + c.msec() / 1000.0), 100);
}

std::int64_t ogrUtcTime(const OGRFeature &feature, int field)
{
    // OGR indexes its field array with a missing field's -1 unchecked.
    if (field < 0 || !feature.IsFieldSetAndNotNull(field))
        return 0;
    int y, mo, d, h, mi, tz;
    float s;
    if (!const_cast<OGRFeature &>(feature).GetFieldAsDateTime(field, &y, &mo, &d, &h, &mi, &s, &tz))
        return 0;
    const QDateTime t(QDate(y, mo, d), QTime(h, mi, int(s), int(std::lround((s - int(s)) * 1000))), Qt::UTC);
    return t.toMSecsSinceEpoch();
}

QString ogrText(const OGRFeature &feature, int field)
{
    return field >= 0 && feature.IsFieldSetAndNotNull(field)
               ? QString::fromUtf8(feature.GetFieldAsString(field))
               : QString();
}

QString ogrText(const OGRFeature &feature, const char *name)
{
    return ogrText(feature, feature.GetFieldIndex(name));
}

} // namespace sightline

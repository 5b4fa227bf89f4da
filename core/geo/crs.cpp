#include "geo/crs.h"

#include "geo/projcontext.h"

#include <QRegularExpression>

namespace sightline {

namespace {
QString lastProjError(PJ_CONTEXT *ctx)
{
    const int code = proj_context_errno(ctx);
    const QString text = code ? QString::fromUtf8(proj_context_errno_string(ctx, code)) : QString();
    return text.startsWith(QLatin1String("Unknown error")) ? QStringLiteral("not found in the PROJ database")
                                                           : text;
}
} // namespace

Crs Crs::fromUserInput(const QString &text, QString *error)
{
    QString definition = text.trimmed();
    static const QRegularExpression bareCode(QStringLiteral("^\\d{4,6}$"));
    if (bareCode.match(definition).hasMatch())
        definition.prepend(QStringLiteral("EPSG:"));
    // PROJ reads a "+proj=" string as an operation unless told it is a CRS.
    if (definition.startsWith(QLatin1Char('+')) && !definition.contains(QLatin1String("+type=crs")))
        definition += QStringLiteral(" +type=crs");
    if (definition.isEmpty()) {
        if (error)
            *error = QStringLiteral("empty CRS definition");
        return {};
    }

    PJ_CONTEXT *ctx = threadProjContext();
    ProjPtr pj(proj_create(ctx, definition.toUtf8().constData()));
    if (!pj) {
        if (error)
            *error = QStringLiteral("unknown CRS '%1': %2").arg(text, lastProjError(ctx));
        return {};
    }
    const PJ_TYPE type = proj_get_type(pj.get());
    const bool isCrs = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
                       type == PJ_TYPE_GEOCENTRIC_CRS || type == PJ_TYPE_PROJECTED_CRS ||
                       type == PJ_TYPE_COMPOUND_CRS || type == PJ_TYPE_BOUND_CRS ||
                       type == PJ_TYPE_OTHER_CRS || type == PJ_TYPE_GEOGRAPHIC_CRS ||
                       type == PJ_TYPE_ENGINEERING_CRS;
    if (!isCrs) {
        if (error)
            *error = QStringLiteral("'%1' is not a coordinate reference system").arg(text);
        return {};
    }

    Crs crs;
    const char *auth = proj_get_id_auth_name(pj.get(), 0);
    const char *code = proj_get_id_code(pj.get(), 0);
    if (auth && code) {
        crs.mAuthId = QStringLiteral("%1:%2").arg(QString::fromUtf8(auth), QString::fromUtf8(code));
        crs.mDefinition = crs.mAuthId;
    } else {
        // Ask PROJ whether a WKT without an identifier is a known CRS after all,
        // as GDAL-written GeoTIFFs often are.
        int *confidence = nullptr;
        PJ_OBJ_LIST *matches = proj_identify(ctx, pj.get(), "EPSG", nullptr, &confidence);
        if (matches && proj_list_get_count(matches) > 0 && confidence && confidence[0] >= 90) {
            ProjPtr best(proj_list_get(ctx, matches, 0));
            const char *bestCode = proj_get_id_code(best.get(), 0);
            if (bestCode) {
                crs.mAuthId = QStringLiteral("EPSG:%1").arg(QString::fromUtf8(bestCode));
                crs.mDefinition = crs.mAuthId;
            }
        }
        proj_int_list_destroy(confidence);
        proj_list_destroy(matches);
        if (crs.mDefinition.isEmpty()) {
            const char *wkt = proj_as_wkt(ctx, pj.get(), PJ_WKT2_2019, nullptr);
            crs.mDefinition = wkt ? QString::fromUtf8(wkt) : definition;
        }
    }
    if (const char *name = proj_get_name(pj.get()))
        crs.mName = QString::fromUtf8(name);
    crs.mGeographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
                      type == PJ_TYPE_GEOGRAPHIC_CRS;
    if (type == PJ_TYPE_BOUND_CRS) {
        ProjPtr base(proj_get_source_crs(ctx, pj.get()));
        const PJ_TYPE baseType = base ? proj_get_type(base.get()) : PJ_TYPE_UNKNOWN;
        crs.mGeographic = baseType == PJ_TYPE_GEOGRAPHIC_2D_CRS || baseType == PJ_TYPE_GEOGRAPHIC_3D_CRS;
    }
    return crs;
}

Crs Crs::wgs84()
{
    static const Crs crs = fromUserInput(QStringLiteral("EPSG:4326"));
    return crs;
}

Crs Crs::webMercator()
{
    static const Crs crs = fromUserInput(QStringLiteral("EPSG:3857"));
    return crs;
}

QString Crs::description() const
{
    if (!isValid())
        return QStringLiteral("(no CRS)");
    if (mAuthId.isEmpty())
        return mName.isEmpty() ? QStringLiteral("custom CRS") : mName;
    return mName.isEmpty() ? mAuthId : QStringLiteral("%1 – %2").arg(mAuthId, mName);
}

QRectF Crs::areaOfUseWgs84() const
{
    const QRectF world(-180, -90, 360, 180);
    if (!isValid())
        return world;
    ProjPtr pj(proj_create(threadProjContext(), mDefinition.toUtf8().constData()));
    double west = 0, south = 0, east = 0, north = 0;
    if (!pj || !proj_get_area_of_use(threadProjContext(), pj.get(), &west, &south, &east, &north, nullptr) ||
        west < -1000)
        return world;
    if (east < west) // crosses the antimeridian: keep the latitudes, allow all longitudes
        return QRectF(QPointF(-180, south), QPointF(180, north));
    return QRectF(QPointF(west, south), QPointF(east, north));
}

QString Crs::toWkt() const
{
    if (!isValid())
        return {};
    ProjPtr pj(proj_create(threadProjContext(), mDefinition.toUtf8().constData()));
    const char *wkt = pj ? proj_as_wkt(threadProjContext(), pj.get(), PJ_WKT2_2019, nullptr) : nullptr;
    return wkt ? QString::fromUtf8(wkt) : QString();
}

} // namespace sightline

#pragma once

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace sightline {

/// A port as the analyses see it: polygons (outer rings, lon/lat) or a point.
struct Port
{
    QString name;
    std::vector<std::vector<QPointF>> rings; ///< empty for a port given as a point
    QPointF centre;                          ///< the point, or the mean of the polygon's vertices
    QRectF bounds;                           ///< lon/lat box (the point itself for a point port)
    bool isPoint() const { return rings.empty(); }
};

/// The ports an analysis runs against, from polygon and point layers, with a
/// one-degree grid so that ten million positions can ask "which port am I in?"
/// in constant time.
class PortSet
{
public:
    void addPolygon(const QString &name, std::vector<std::vector<QPointF>> rings);
    void addPoint(const QString &name, QPointF lonLat);
    /// Reads every feature of a vector file's layer (the first when `layerName` is empty),
    /// reprojected to WGS84. Polygons become polygon ports, points point ports; the name
    /// comes from a name-like field. Features that cannot be used are listed in `problems`
    /// by file and feature. False, with `error` naming the file, when nothing can be read.
    bool loadFile(const QString &path, const QString &layerName, QString *error,
                  QStringList *problems = nullptr);
    /// Drops point ports within `distanceMetres` of a polygon port: the same port from
    /// a coarser source (Natural Earth's points beside drawn outlines).
    int dropPointsNearPolygons(double distanceMetres);

    std::size_t size() const { return mPorts.size(); }
    bool empty() const { return mPorts.empty(); }
    const Port &at(std::size_t i) const { return mPorts[i]; }
    const std::vector<Port> &ports() const { return mPorts; }
    /// The index of the port called `name` (case-insensitive, or a unique prefix), -1 if none.
    int find(const QString &name) const;

    /// Metres from `p` to port `i`: 0 inside a polygon, else to its nearest edge or its point.
    double distanceTo(std::size_t i, QPointF p) const;
    bool contains(std::size_t i, QPointF p) const;

    struct Nearest
    {
        int index = -1;
        double distanceMetres = 0.0;
    };
    /// The port `p` is in: inside a polygon, or within `pointEntryMetres` of a point port
    /// (the nearest such); -1 when none.
    int portAt(QPointF p, double pointEntryMetres) const;
    /// The nearest port anywhere (a scan over all ports: for the few ends of gaps).
    Nearest nearest(QPointF p) const;

private:
    void index(std::size_t i);
    static int cellOf(double lon, double lat);
    std::vector<Port> mPorts;
    /// Port indices per one-degree cell (360 × 180), each port listed in every cell
    /// its bounds, grown by kIndexMarginDeg, touch.
    std::vector<std::vector<std::uint32_t>> mGrid;
};

} // namespace sightline

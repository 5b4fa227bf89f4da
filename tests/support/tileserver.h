#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QThread>

#include <atomic>

class QTcpServer;

namespace sightline::test {

/// A minimal HTTP tile server on 127.0.0.1 for tests, running in its own
/// thread (GDAL's downloads block the thread that asks for them). It serves
/// /z/x/y.png: 256-px tiles of one colour with markers drawn at lon/lat positions.
class TileServer : public QThread
{
    Q_OBJECT
public:
    TileServer(QColor background, QList<QPointF> redMarkersLonLat);
    ~TileServer() override;

    /// Starts listening on a free port; returns it (0 on failure).
    quint16 startServing();
    QString urlTemplate() const;
    /// The server's WMTS GetCapabilities URL (GoogleMapsCompatible, levels 0–18).
    QString wmtsCapabilitiesUrl() const;
    int requestCount() const { return mRequests.load(); }

protected:
    void run() override;

private:
    QColor mBackground;
    QList<QPointF> mMarkers;
    std::atomic<quint16> mPort{0};
    std::atomic<int> mRequests{0};
};

} // namespace sightline::test

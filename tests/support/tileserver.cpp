#include "tileserver.h"

#include <QBuffer>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>

#include <cmath>

namespace sightline::test {

namespace {
constexpr double kHalfWorld = 20037508.342789244;

QPointF toMercator(QPointF lonLat)
{
    const double x = lonLat.x() * kHalfWorld / 180.0;
    const double y = std::log(std::tan((90.0 + lonLat.y()) * M_PI / 360.0)) * 6378137.0;
    return {x, y};
}
} // namespace

TileServer::TileServer(QColor background, QList<QPointF> redMarkersLonLat)
    : mBackground(background)
    , mMarkers(std::move(redMarkersLonLat))
{
}

TileServer::~TileServer()
{
    quit();
    wait();
}

quint16 TileServer::startServing()
{
    start();
    for (int i = 0; i < 500 && mPort.load() == 0; ++i)
        QThread::msleep(10);
    return mPort.load();
}

QString TileServer::urlTemplate() const
{
    return QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(mPort.load());
}

QString TileServer::wmtsCapabilitiesUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/wmts/WMTSCapabilities.xml").arg(mPort.load());
}

namespace {
QByteArray wmtsCapabilities(quint16 port)
{
    QByteArray matrices;
    for (int z = 0; z <= 18; ++z) {
        const QByteArray n = QByteArray::number(1 << z);
        matrices += "<TileMatrix><ows:Identifier>" + QByteArray::number(z) +
                    "</ows:Identifier><ScaleDenominator>" +
                    QByteArray::number(559082264.0287178 / (1 << z), 'f', 10) +
                    "</ScaleDenominator><TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner>"
                    "<TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>" +
                    n + "</MatrixWidth><MatrixHeight>" + n + "</MatrixHeight></TileMatrix>";
    }
    return "<?xml version=\"1.0\"?><Capabilities xmlns=\"http://www.opengis.net/wmts/1.0\" "
           "xmlns:ows=\"http://www.opengis.net/ows/1.1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
           "version=\"1.0.0\">"
           "<Contents><Layer><ows:Title>Test imagery</ows:Title><ows:Identifier>test</ows:Identifier>"
           "<Style "
           "isDefault=\"true\"><ows:Identifier>default</ows:Identifier></Style><Format>image/png</Format>"
           "<TileMatrixSetLink><TileMatrixSet>GoogleMapsCompatible</TileMatrixSet></TileMatrixSetLink>"
           "<ResourceURL format=\"image/png\" resourceType=\"tile\" template=\"http://127.0.0.1:" +
           QByteArray::number(port) +
           "/{TileMatrix}/{TileCol}/{TileRow}.png\"/></Layer>"
           "<TileMatrixSet><ows:Identifier>GoogleMapsCompatible</ows:Identifier>"
           "<ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>" +
           matrices + "</TileMatrixSet></Contents></Capabilities>";
}
} // namespace

void TileServer::run()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                const QByteArray request = socket->readAll();
                static const QRegularExpression re(
                    QStringLiteral("GET /(?:tms/)?(\\d+)/(\\d+)/(\\d+)\\.png"));
                const auto m = re.match(QString::fromLatin1(request));
                ++mRequests;
                if (request.startsWith("GET /wmts/WMTSCapabilities.xml")) {
                    const QByteArray xml = wmtsCapabilities(mPort.load());
                    socket->write(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\nContent-Length: " +
                        QByteArray::number(xml.size()) + "\r\n\r\n" + xml);
                    socket->disconnectFromHost();
                    return;
                }
                if (request.startsWith("GET /broken/")) {
                    socket->write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: "
                                  "close\r\n\r\n");
                    socket->disconnectFromHost();
                    return;
                }
                if (!m.hasMatch()) {
                    socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                    return;
                }
                const int z = m.captured(1).toInt(), x = m.captured(2).toInt();
                // Under /tms/ rows count from the bottom, as in the TMS specification.
                const int y = request.startsWith("GET /tms/") ? (1 << z) - 1 - m.captured(3).toInt()
                                                              : m.captured(3).toInt();
                const double tileSize = 2 * kHalfWorld / (1 << z);
                const double left = -kHalfWorld + x * tileSize, top = kHalfWorld - y * tileSize;
                QImage tile(256, 256, QImage::Format_ARGB32);
                tile.fill(mBackground);
                QPainter p(&tile);
                for (const QPointF &ll : std::as_const(mMarkers)) {
                    const QPointF merc = toMercator(ll);
                    const double px = (merc.x() - left) / tileSize * 256,
                                 py = (top - merc.y()) / tileSize * 256;
                    p.fillRect(QRectF(std::floor(px) - 2, std::floor(py) - 2, 5, 5), Qt::red);
                }
                p.end();
                QByteArray png;
                QBuffer buffer(&png);
                buffer.open(QIODevice::WriteOnly);
                tile.save(&buffer, "PNG");
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\nContent-Length: " +
                    QByteArray::number(png.size()) + "\r\n\r\n" + png);
                socket->disconnectFromHost();
            });
        }
    });
    mPort = server.serverPort();
    exec();
}

} // namespace sightline::test

#pragma once

#include <QByteArray>
#include <QImage>
#include <QRect>
#include <QSize>
#include <QString>

#include <vector>

class QIODevice;

namespace sightline {

/// Up to 256 colours for a region of an RGB888 image and each pixel's index into them.
struct GifPalette
{
    std::vector<QRgb> colours;
    std::vector<uchar> indices; ///< row by row over the region
};

/// Reduces `region` of `rgb` (Format_RGB888) to at most 256 colours, deterministically (the same
/// pixels always give the same palette). A region with 256 colours or fewer keeps them exactly;
/// otherwise a variance-minimising median cut over a 5-bit-per-channel histogram picks them and
/// k-means passes refine them, with bins weighted by the square root of their pixel count so that
/// small areas of distinct colour (text, tracks) keep colours of their own.
/// No dithering: maps are mostly flat colour and dithering would blur labels.
GifPalette quantiseForGif(const QImage &rgb, const QRect &region);

/// GIF's LZW compression of colour indices (codes of 3..12 bits, a clear code whenever the table
/// fills), as the image data sub-blocks that follow an image descriptor, terminator included.
QByteArray gifLzwEncode(const uchar *indices, qsizetype count, int minimumCodeSize);

/// Writes a looping GIF89a to a device as frames arrive. Each frame after the first carries only
/// the rectangle that changed since the one before (drawn over it), with its own colour table.
class GifEncoder
{
public:
    GifEncoder(QIODevice *device, QSize size, double framesPerSecond);

    bool begin();
    /// `rgb` must be Format_RGB888 and of the encoder's size.
    bool addFrame(const QImage &rgb, int frames);
    bool end();

    int frameCount() const { return mFrames; }
    QString errorString() const { return mError; }

private:
    QRect changedRect(const QImage &rgb) const;
    bool write(const QByteArray &bytes);
    bool fail(const QString &message);

    QIODevice *mDevice;
    QSize mSize;
    double mFramesPerSecond;
    QImage mPrevious;    // the last frame as given, to find what changed
    qint64 mPeriods = 0; // frame periods written so far: delays round without drifting
    int mFrames = 0;
    QString mError;
    QByteArray mOut; // one frame's bytes, reused
};

} // namespace sightline

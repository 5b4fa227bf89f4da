#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

#include <cstdint>

class QIODevice;
class QImage;

namespace sightline {

/// A frame's display time as the fraction APNG's fcTL stores (delay_num / delay_den seconds).
struct ApngDelay
{
    quint16 numerator = 0;
    quint16 denominator = 1;
};

/// The delay of a frame shown for `frames` periods at `framesPerSecond`: exact when the rate is a
/// whole number, else in milliseconds (coarser units only when that overflows 16 bits).
ApngDelay apngDelay(int frames, double framesPerSecond);

/// CRC-32 as PNG chunks use it (ISO 3309, reflected polynomial 0xEDB88320), continuing `crc`.
quint32 pngCrc32(const char *data, qsizetype size, quint32 crc = 0);

/// Writes an animated PNG to a seekable device as frames arrive, holding one frame at a time.
/// Every frame covers the whole image (RGB, 8 bits per channel), replaces the previous one, and
/// the first is also the default image that viewers without APNG support show. The frame count
/// in acTL is only known at the end, so end() seeks back and patches it.
class ApngEncoder
{
public:
    ApngEncoder(QIODevice *device, QSize size, double framesPerSecond);

    bool begin();
    /// `rgb` must be Format_RGB888 and of the encoder's size.
    bool addFrame(const QImage &rgb, int frames);
    bool end();

    int frameCount() const { return mFrames; }
    QString errorString() const { return mError; }

private:
    bool writeChunk(const char type[4], const QByteArray &data);
    bool writeImageData(const QByteArray &zlibStream);
    QByteArray actl(quint32 frames) const;
    bool fail(const QString &message);

    QIODevice *mDevice;
    QSize mSize;
    double mFramesPerSecond;
    qint64 mActlOffset = -1;
    quint32 mSequence = 0; // shared by fcTL and fdAT
    int mFrames = 0;
    QString mError;
    QByteArray mPng;       // the current frame as Qt encodes it, reused
    QByteArray mImageData; // its IDAT payloads, concatenated
    QByteArray mChunk;     // scratch for chunk bytes
};

} // namespace sightline

#pragma once

#include <QSize>
#include <QString>

#include <memory>
#include <optional>

class QImage;
class QSaveFile;

namespace sightline {

class ApngEncoder;
class GifEncoder;
class FfmpegEncoder;

/// Writes an animation frame by frame, so a long one never sits in memory whole.
///
/// Usage: construct, open(), addFrame() for each frame, finish(). Until finish() succeeds the
/// output goes to a temporary file beside the target; destroying an unfinished writer removes it
/// and leaves any existing file at the target untouched.
class AnimationWriter
{
public:
    enum class Format
    {
        Apng, ///< animated PNG, written natively; full colour, lossless
        Gif,  ///< GIF89a, written natively; 256 colours per frame, looping
        Mp4   ///< H.264 (or MPEG-4 Part 2 when ffmpeg lacks libx264) through an ffmpeg process
    };

    /// .png/.apng → Apng, .gif → Gif, .mp4 → Mp4 (any case); nothing for any other suffix.
    static std::optional<Format> formatForPath(const QString &path);
    /// The ffmpeg program: $SIGHTLINE_FFMPEG when set (a path, or a name looked up on PATH), else
    /// `ffmpeg` on PATH; empty when there is none.
    static QString ffmpegProgram();

    /// `framesPerSecond` is the rate of frame periods; addFrame() may show a frame for several.
    AnimationWriter(const QString &path, Format format, QSize size, double framesPerSecond);
    ~AnimationWriter(); // an unfinished writer leaves no file behind
    AnimationWriter(const AnimationWriter &) = delete;
    AnimationWriter &operator=(const AnimationWriter &) = delete;

    /// Starts writing (Mp4: starts ffmpeg; when there is none, false with a message saying to install
    /// Debian's ffmpeg package or write .png/.gif). Errors name the file.
    bool open(QString *error);
    /// One frame, shown for `frames` frame periods (a frame with nothing new can be given once with a
    /// longer duration rather than repeated). The image is converted as needed (transparency is not
    /// kept); its size must be the writer's. False with errorString() set on failure; the writer
    /// then accepts nothing more.
    bool addFrame(const QImage &frame, int frames = 1);
    /// Completes the file: written to a temporary file and renamed into place, so an interrupted export
    /// never leaves half an animation where an old one was. Fails when no frame was added.
    /// Errors name the file.
    bool finish(QString *error);

    int frameCount() const; ///< frames added (not counting repeats)
    QString errorString() const;

    QString path() const { return mPath; }
    Format format() const { return mFormat; }
    QSize size() const { return mSize; }
    double framesPerSecond() const { return mFramesPerSecond; }

private:
    enum class State
    {
        Idle,
        Open,
        Finished,
        Failed
    };

    bool fail(const QString &message, QString *error = nullptr);

    QString mPath;
    Format mFormat;
    QSize mSize;
    double mFramesPerSecond;
    State mState = State::Idle;
    int mFrameCount = 0;
    QString mError;
    std::unique_ptr<QSaveFile> mFile; // Apng and Gif; ffmpeg writes its own temporary
    std::unique_ptr<ApngEncoder> mApng;
    std::unique_ptr<GifEncoder> mGif;
    std::unique_ptr<FfmpegEncoder> mFfmpeg;
};

} // namespace sightline

#include "render/animationwriter.h"

#include "render/apngencoder.h"
#include "render/gifencoder.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <cmath>
#include <filesystem>
#include <system_error>

namespace sightline {

namespace {

constexpr int kStartTimeoutMs = 30'000;
constexpr int kWriteTimeoutMs = 120'000;  // ffmpeg takes frames as fast as it encodes them
constexpr int kFinishTimeoutMs = 600'000; // it still has to encode what it has buffered
constexpr qsizetype kMaxReportedStderr = 2000;

QString ffmpegFromEnvironment()
{
    return qEnvironmentVariable("SIGHTLINE_FFMPEG");
}

/// The last part of ffmpeg's error output: its last lines say what went wrong.
QString stderrTail(const QByteArray &output)
{
    const QByteArray text = output.trimmed();
    if (text.size() <= kMaxReportedStderr)
        return QString::fromLocal8Bit(text);
    return QStringLiteral("…") + QString::fromLocal8Bit(text.right(kMaxReportedStderr));
}

} // namespace

/// Pipes raw RGB24 frames into an ffmpeg process that writes an MP4 to a temporary file beside
/// the target, then renames it into place.
class FfmpegEncoder
{
public:
    FfmpegEncoder(const QString &program, const QString &target, QSize size, double framesPerSecond)
        : mProgram(program)
        , mTarget(target)
        , mSize(size)
        , mFramesPerSecond(framesPerSecond)
    {
    }

    ~FfmpegEncoder()
    {
        if (mProcess.state() != QProcess::NotRunning) {
            mProcess.kill();
            mProcess.waitForFinished(5000);
        }
        // mTemp removes the partial file.
    }

    bool start()
    {
        const QFileInfo target(mTarget);
        mTemp.setFileTemplate(target.dir().filePath(QStringLiteral(".%1.XXXXXX.mp4").arg(target.fileName())));
        if (!mTemp.open())
            return fail(mTemp.errorString());
        mTemp.close(); // ffmpeg writes it; the object only reserves the name and removes it on failure

        const QString codec =
            hasEncoder(QStringLiteral("libx264")) ? QStringLiteral("libx264") : QStringLiteral("mpeg4");
        if (!mError.isEmpty())
            return false;
        QStringList args{
            QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
            QStringLiteral("error"),        QStringLiteral("-y"),
            QStringLiteral("-f"),           QStringLiteral("rawvideo"),
            QStringLiteral("-pix_fmt"),     QStringLiteral("rgb24"),
            QStringLiteral("-s"),           QStringLiteral("%1x%2").arg(mSize.width()).arg(mSize.height()),
            QStringLiteral("-r"),           QString::number(mFramesPerSecond, 'g', 12),
            QStringLiteral("-i"),           QStringLiteral("-")};
        // yuv420p halves chroma resolution, so both sides must be even: pad with a black edge.
        if (mSize.width() % 2 || mSize.height() % 2)
            args << QStringLiteral("-vf") << QStringLiteral("pad=ceil(iw/2)*2:ceil(ih/2)*2");
        args << QStringLiteral("-c:v") << codec;
        if (codec == QStringLiteral("mpeg4"))
            args << QStringLiteral("-q:v") << QStringLiteral("3"); // its default bitrate blurs text
        args << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p") << QStringLiteral("-movflags")
             << QStringLiteral("+faststart") << mTemp.fileName();

        mProcess.setProgram(mProgram);
        mProcess.setArguments(args);
        mProcess.setStandardOutputFile(QProcess::nullDevice());
        mProcess.start(QIODevice::ReadWrite);
        if (!mProcess.waitForStarted(kStartTimeoutMs))
            return fail(QStringLiteral("could not run %1: %2").arg(mProgram, mProcess.errorString()));
        return true;
    }

    bool addFrame(const QImage &rgb, int frames)
    {
        const qsizetype rowBytes = qsizetype(rgb.width()) * 3;
        QByteArray data;
        if (rgb.bytesPerLine() == rowBytes) {
            data = QByteArray::fromRawData(reinterpret_cast<const char *>(rgb.constBits()),
                                           rowBytes * rgb.height());
        } else { // rows are padded to 4 bytes; rawvideo wants them packed
            data.reserve(rowBytes * rgb.height());
            for (int y = 0; y < rgb.height(); ++y)
                data.append(reinterpret_cast<const char *>(rgb.constScanLine(y)), rowBytes);
        }
        for (int i = 0; i < frames; ++i) {
            if (mProcess.write(data) != data.size())
                return failWithProcess(QStringLiteral("could not pass a frame to ffmpeg"));
            // Wait for the pipe to take it, so at most one frame is ever buffered.
            while (mProcess.bytesToWrite() > 0) {
                if (!mProcess.waitForBytesWritten(kWriteTimeoutMs))
                    return failWithProcess(QStringLiteral("ffmpeg stopped taking frames"));
            }
        }
        return true;
    }

    bool finish()
    {
        mProcess.closeWriteChannel();
        if (!mProcess.waitForFinished(kFinishTimeoutMs)) {
            mProcess.kill();
            mProcess.waitForFinished(5000);
            return fail(QStringLiteral("ffmpeg did not finish within %1 s").arg(kFinishTimeoutMs / 1000));
        }
        if (mProcess.exitStatus() != QProcess::NormalExit || mProcess.exitCode() != 0)
            return failWithProcess(QStringLiteral("ffmpeg failed"));
        if (QFileInfo(mTemp.fileName()).size() <= 0)
            return fail(QStringLiteral("ffmpeg wrote no video"));

        // Keep an existing file's permissions, as QSaveFile does; a new file gets the usual ones.
        const QFileInfo existing(mTarget);
        QFile::setPermissions(mTemp.fileName(), existing.exists() ? existing.permissions()
                                                                  : QFile::ReadOwner | QFile::WriteOwner |
                                                                        QFile::ReadGroup | QFile::ReadOther);
        // An atomic replace, so an old animation is never half overwritten.
        std::error_code ec;
        std::filesystem::rename(std::filesystem::path(mTemp.fileName().toStdU16String()),
                                std::filesystem::path(mTarget.toStdU16String()), ec);
        if (ec)
            return fail(QString::fromLocal8Bit(ec.message()));
        mTemp.setAutoRemove(false);
        return true;
    }

    QString errorString() const { return mError; }

private:
    bool fail(const QString &message)
    {
        mError = message;
        return false;
    }

    /// `what` with ffmpeg's exit code and error output when it has ended.
    bool failWithProcess(const QString &what)
    {
        QString message = what;
        if (mProcess.state() == QProcess::Running)
            mProcess.waitForFinished(5000); // it is ending: let it say why
        if (mProcess.state() == QProcess::NotRunning) {
            message += mProcess.exitStatus() == QProcess::CrashExit
                           ? QStringLiteral(" (ffmpeg crashed)")
                           : QStringLiteral(" (ffmpeg exit code %1)").arg(mProcess.exitCode());
        }
        const QString text = stderrTail(mProcess.readAllStandardError());
        if (!text.isEmpty())
            message += QStringLiteral(": ") + text;
        return fail(message);
    }

    /// Whether this ffmpeg was built with `encoder` (Debian's has libx264; minimal builds may not).
    bool hasEncoder(const QString &encoder)
    {
        QProcess probe;
        probe.setStandardInputFile(QProcess::nullDevice());
        probe.start(mProgram, {QStringLiteral("-hide_banner"), QStringLiteral("-encoders")});
        if (!probe.waitForStarted(kStartTimeoutMs)) {
            fail(QStringLiteral("could not run %1: %2").arg(mProgram, probe.errorString()));
            return false;
        }
        if (!probe.waitForFinished(kStartTimeoutMs)) {
            probe.kill();
            probe.waitForFinished(5000);
            return false;
        }
        const QStringList lines =
            QString::fromLocal8Bit(probe.readAllStandardOutput()).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            // " V....D libx264    libx264 H.264 / AVC ...": the second column is the name.
            const QStringList fields = line.simplified().split(QLatin1Char(' '));
            if (fields.size() >= 2 && fields.at(1) == encoder)
                return true;
        }
        return false;
    }

    QString mProgram, mTarget;
    QSize mSize;
    double mFramesPerSecond;
    QTemporaryFile mTemp; // declared before mProcess: ffmpeg is stopped before its file is removed
    QProcess mProcess;
    QString mError;
};

std::optional<AnimationWriter::Format> AnimationWriter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("png") || suffix == QStringLiteral("apng"))
        return Format::Apng;
    if (suffix == QStringLiteral("gif"))
        return Format::Gif;
    if (suffix == QStringLiteral("mp4"))
        return Format::Mp4;
    return std::nullopt;
}

QString AnimationWriter::ffmpegProgram()
{
    const QString configured = ffmpegFromEnvironment();
    if (configured.isEmpty())
        return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    const QFileInfo file(configured);
    if (file.exists())
        return file.isFile() && file.isExecutable() ? file.absoluteFilePath() : QString();
    if (configured.contains(QLatin1Char('/')) || configured.contains(QDir::separator()))
        return {};
    return QStandardPaths::findExecutable(configured);
}

AnimationWriter::AnimationWriter(const QString &path, Format format, QSize size, double framesPerSecond)
    : mPath(path)
    , mFormat(format)
    , mSize(size)
    , mFramesPerSecond(framesPerSecond)
{
}

AnimationWriter::~AnimationWriter() = default;

bool AnimationWriter::fail(const QString &message, QString *error)
{
    mError = QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(mPath), message);
    if (error)
        *error = mError;
    mState = State::Failed;
    // Dropping the encoders and the unfinished temporary file leaves nothing behind.
    mApng.reset();
    mGif.reset();
    mFfmpeg.reset();
    mFile.reset();
    return false;
}

bool AnimationWriter::open(QString *error)
{
    if (mState != State::Idle)
        return fail(QStringLiteral("the writer was already opened"), error);
    if (!(mFramesPerSecond > 0) || !std::isfinite(mFramesPerSecond))
        return fail(QStringLiteral("the frame rate %1 is not a positive number").arg(mFramesPerSecond),
                    error);
    if (mSize.isEmpty())
        return fail(QStringLiteral("the frame size %1×%2 is empty").arg(mSize.width()).arg(mSize.height()),
                    error);

    if (mFormat == Format::Mp4) {
        const QString program = ffmpegProgram();
        if (program.isEmpty()) {
            const QString configured = ffmpegFromEnvironment();
            const QString why = configured.isEmpty()
                                    ? QStringLiteral("MP4 needs ffmpeg, which was not found on PATH")
                                    : QStringLiteral("MP4 needs ffmpeg, and SIGHTLINE_FFMPEG (%1) is not a "
                                                     "program")
                                          .arg(configured);
            return fail(why + QStringLiteral(". Install Debian's ffmpeg package (sudo apt install ffmpeg), "
                                             "or write an animated .png or a .gif instead."),
                        error);
        }
        mFfmpeg = std::make_unique<FfmpegEncoder>(program, mPath, mSize, mFramesPerSecond);
        if (!mFfmpeg->start())
            return fail(mFfmpeg->errorString(), error);
        mState = State::Open;
        return true;
    }

    mFile = std::make_unique<QSaveFile>(mPath);
    if (!mFile->open(QIODevice::WriteOnly))
        return fail(mFile->errorString(), error);
    bool begun = false;
    if (mFormat == Format::Apng) {
        mApng = std::make_unique<ApngEncoder>(mFile.get(), mSize, mFramesPerSecond);
        begun = mApng->begin();
    } else {
        mGif = std::make_unique<GifEncoder>(mFile.get(), mSize, mFramesPerSecond);
        begun = mGif->begin();
    }
    if (!begun)
        return fail(mApng ? mApng->errorString() : mGif->errorString(), error);
    mState = State::Open;
    return true;
}

bool AnimationWriter::addFrame(const QImage &frame, int frames)
{
    if (mState != State::Open) {
        if (mState != State::Failed) // after a failure the first error stays the one reported
            fail(mState == State::Idle ? QStringLiteral("frames were added before open()")
                                       : QStringLiteral("frames were added after finish()"));
        return false;
    }
    const int number = mFrameCount + 1;
    if (frames < 1)
        return fail(QStringLiteral("frame %1 is to be shown for %2 periods; it must be at least 1")
                        .arg(number)
                        .arg(frames));
    if (frame.size() != mSize)
        return fail(QStringLiteral("frame %1 is %2×%3 pixels; the animation is %4×%5")
                        .arg(number)
                        .arg(frame.width())
                        .arg(frame.height())
                        .arg(mSize.width())
                        .arg(mSize.height()));
    // One format for all frames: APNG frames must match IHDR, and GIF and ffmpeg read RGB24.
    const QImage rgb =
        frame.format() == QImage::Format_RGB888 ? frame : frame.convertToFormat(QImage::Format_RGB888);
    bool ok = false;
    QString reason;
    switch (mFormat) {
    case Format::Apng:
        ok = mApng->addFrame(rgb, frames);
        reason = mApng->errorString();
        break;
    case Format::Gif:
        ok = mGif->addFrame(rgb, frames);
        reason = mGif->errorString();
        break;
    case Format::Mp4:
        ok = mFfmpeg->addFrame(rgb, frames);
        reason = mFfmpeg->errorString();
        break;
    }
    if (!ok)
        return fail(QStringLiteral("frame %1: %2").arg(number).arg(reason));
    ++mFrameCount;
    return true;
}

bool AnimationWriter::finish(QString *error)
{
    if (mState != State::Open) {
        if (mState == State::Failed) {
            if (error)
                *error = mError;
            return false;
        }
        return fail(mState == State::Idle ? QStringLiteral("finish() was called before open()")
                                          : QStringLiteral("finish() was called twice"),
                    error);
    }
    bool ok = false;
    QString reason;
    switch (mFormat) {
    case Format::Apng:
        ok = mApng->end();
        reason = mApng->errorString();
        break;
    case Format::Gif:
        ok = mGif->end();
        reason = mGif->errorString();
        break;
    case Format::Mp4:
        ok = mFrameCount > 0 && mFfmpeg->finish();
        reason = mFrameCount > 0 ? mFfmpeg->errorString() : QStringLiteral("no frames were added");
        break;
    }
    if (!ok)
        return fail(reason, error);
    if (mFile && !mFile->commit())
        return fail(mFile->errorString(), error);
    mApng.reset();
    mGif.reset();
    mFfmpeg.reset();
    mFile.reset();
    mState = State::Finished;
    return true;
}

int AnimationWriter::frameCount() const
{
    return mFrameCount;
}

QString AnimationWriter::errorString() const
{
    return mError;
}

} // namespace sightline

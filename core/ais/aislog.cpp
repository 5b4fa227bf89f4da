#include "ais/aislog.h"

#include "ais/aisdecoder.h"

#include <QFile>
#include <QFileInfo>

#include <cstring>

namespace sightline::ais {

QString AisLogSummary::describe() const
{
    QString text = QStringLiteral("%1: %2 lines, %3 AIS sentences, %4 messages decoded")
                       .arg(file)
                       .arg(reader.lines)
                       .arg(reader.sentences)
                       .arg(decoded);
    if (shortPositionReports > 0)
        text += QStringLiteral(" (warning: %1 type 1–3 reports shorter than 168 bits, the missing bits read as zero)")
                    .arg(shortPositionReports);
    if (withoutTime > 0)
        text += QStringLiteral(", %1 without a receive time").arg(withoutTime);
    text += QStringLiteral(", %1 rejected").arg(reader.rejectedTotal());
    for (int r = 0; r < int(Rejection::Count); ++r) {
        if (reader.rejected[r] == 0)
            continue;
        text += QStringLiteral("\n  %1: %2")
                    .arg(QString::fromLatin1(rejectionName(Rejection(r))))
                    .arg(reader.rejected[r]);
        for (const auto &e : reader.examples[r])
            text +=
                QStringLiteral("\n    %1:%2: %3").arg(file).arg(e.line).arg(QString::fromStdString(e.detail));
    }
    return text;
}

bool readAisLogData(const char *data, std::size_t size, const AisMessageSink &sink, AisLogSummary &summary,
                    const AisProgress &progress)
{
    constexpr std::int64_t kLinesPerProgress = 1 << 16;
    bool stopped = false;
    NmeaReader reader;
    AisMessage message;
    auto onRaw = [&](const RawMessage &raw) {
        switch (decode(*raw.bits, message)) {
        case DecodeStatus::Ok:
            ++summary.decoded;
            ++summary.byType[std::size_t(message.type)];
            if (isShortPositionReport(message.type, raw.bits->size()))
                ++summary.shortPositionReports;
            if (raw.timeSource == TimeSource::None)
                ++summary.withoutTime;
            sink(message, raw);
            break;
        case DecodeStatus::NotDecoded:
            reader.reject(Rejection::UnknownType, raw.line,
                          "message type 24 part " + std::to_string(raw.bits->u(38, 2)) + " (reserved)");
            break;
        case DecodeStatus::TooShort: {
            const int bits = raw.bits->size();
            // Under 38 bits not even the header (type, repeat, MMSI) is whole.
            const int need = bits < 38 ? 38 : lengthLimits(message.type, *raw.bits).fewest;
            reader.reject(
                Rejection::TooShort, raw.line,
                (bits < 38 ? std::string("message") : "type " + std::to_string(message.type) + " message") +
                    " has " + std::to_string(bits) + " bits, needs " + std::to_string(need));
            break;
        }
        case DecodeStatus::TooLong: {
            const int bits = raw.bits->size();
            const LengthLimits limits = lengthLimits(message.type, *raw.bits);
            reader.reject(Rejection::TooLong, raw.line,
                          "type " + std::to_string(message.type) + " message has " + std::to_string(bits) +
                              (message.type == 27 ? std::string(" bits, needs 96 or 168")
                                                  : " bits, at most " + std::to_string(limits.most)));
            break;
        }
        case DecodeStatus::UnknownType:
            reader.reject(Rejection::UnknownType, raw.line, "message type " + std::to_string(message.type));
            break;
        }
    };
    const char *p = data, *end = data + size;
    std::int64_t lineNumber = 0;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
        const char *lineEnd = nl ? nl : end;
        reader.feed(std::string_view(p, std::size_t(lineEnd - p)), ++lineNumber, onRaw);
        p = nl ? nl + 1 : end;
        if (progress && lineNumber % kLinesPerProgress == 0 && !progress(double(p - data) / double(size))) {
            stopped = true;
            break;
        }
    }
    reader.finish();
    summary.reader = reader.stats();
    return !stopped;
}

bool readAisLog(const QString &path, const AisMessageSink &sink, AisLogSummary &summary, QString *error,
                const AisProgress &progress)
{
    summary.file = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                QStringLiteral("'%1': %2")
                    .arg(path, QFileInfo::exists(path) ? file.errorString() : QStringLiteral("no such file"));
        return false;
    }
    const qint64 size = file.size();
    if (size == 0) {
        readAisLogData("", 0, sink, summary);
        return true;
    }
    // Mapped, not read: a log of gigabytes costs no copy.
    const uchar *data = file.map(0, size);
    if (!data) {
        const QByteArray all = file.readAll();
        summary.stopped = !readAisLogData(all.constData(), std::size_t(all.size()), sink, summary, progress);
        return true;
    }
    const bool finished =
        readAisLogData(reinterpret_cast<const char *>(data), std::size_t(size), sink, summary, progress);
    file.unmap(const_cast<uchar *>(data));
    summary.stopped = !finished;
    return true;
}

} // namespace sightline::ais

#include "tracks/aisimport.h"

#include "ais/aismessage.h"
#include "tracks/aisbroadcasts.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "util/utctime.h"

#include <cmath>
#include <cstdlib>

namespace sightline {

namespace {
constexpr int kMaxExamples = 3;

// Unix milliseconds of a base station's reported UTC, or -1 when it gave none.
std::int64_t baseStationTimeMs(const ais::AisMessage &m)
{
    if (m.year < 1970 || m.month < 1 || m.month > 12 || m.day < 1 || m.day > 31 || m.hour > 23 ||
        m.minute > 59 || m.utcSecond > 59)
        return -1;
    return unixMsFromUtc(m.year, m.month, m.day, m.hour, m.minute, m.utcSecond);
}
} // namespace

const char *AisImportReport::reasonText(Reason r)
{
    switch (r) {
    case NoTime:
        return "no time (the log gives none for the line)";
    case NoPosition:
        return "position not available (lon 181 / lat 91)";
    case InvalidMmsi:
        return "invalid MMSI";
    case ReasonCount:
        break;
    }
    return "?";
}

QString AisImportReport::describe() const
{
    QString text = log.describe();
    text += QStringLiteral("\n%1 positions kept").arg(positionsKept);
    if (baseStations || aidsToNavigation || safetyMessages)
        text += QStringLiteral("; %1 receivers (base stations), %2 aids to navigation, %3 safety messages")
                    .arg(baseStations)
                    .arg(aidsToNavigation)
                    .arg(safetyMessages);
    if (duplicatesRemoved)
        text += QStringLiteral(", %1 repeated positions merged").arg(duplicatesRemoved);
    if (timedFromBaseStation)
        text +=
            QStringLiteral(", %1 timed from base-station UTC (type 4) because the log has no receive times")
                .arg(timedFromBaseStation);
    for (int r = 0; r < ReasonCount; ++r) {
        if (!rejected[r])
            continue;
        QStringList where;
        for (std::int64_t line : exampleLines[r])
            where << QStringLiteral("%1:%2").arg(log.file).arg(line);
        text += QStringLiteral("\n  not kept, %1: %2 (first at %3)")
                    .arg(QString::fromLatin1(reasonText(Reason(r))))
                    .arg(rejected[r])
                    .arg(where.join(QStringLiteral(", ")));
    }
    if (cancelled)
        text += QStringLiteral("\nimport cancelled: the rest of the file was not read");
    return text;
}

bool importAisLog(const QString &path, TrackStore &store, VesselRegistry &registry, AisImportReport &report,
                  const AisImportOptions &options, const std::function<bool(double)> &progress,
                  QString *error)
{
    AisBroadcasts ignored;
    return importAisLog(path, store, registry, ignored, report, options, progress, error);
}

namespace {

// Where the sender's own positions put it at `timeMs`: the nearest in time (the earlier on a tie), within an hour.
void placeSafetyMessage(SafetyMessage &s, const TrackStore &store)
{
    constexpr std::int64_t kNearEnoughMs = 3'600'000;
    const VesselTrack *t = s.timeMs >= 0 ? store.track(s.mmsi) : nullptr;
    if (!t || t->empty())
        return;
    const std::size_t after = t->rangeForTime(s.timeMs, t->lastTimeMs()).first;
    std::size_t best = after < t->size() ? after : t->size() - 1;
    if (after > 0 && (after == t->size() || s.timeMs - t->timeMs(after - 1) <= t->timeMs(after) - s.timeMs))
        best = after - 1;
    if (std::llabs(t->timeMs(best) - s.timeMs) > kNearEnoughMs)
        return;
    s.lon = t->lon(best);
    s.lat = t->lat(best);
}

} // namespace

bool importAisLog(const QString &path, TrackStore &store, VesselRegistry &registry, AisBroadcasts &broadcasts,
                  AisImportReport &report, const AisImportOptions &options,
                  const std::function<bool(double)> &progress, QString *error)
{
    std::int64_t baseTimeMs = -1;
    auto reject = [&report](AisImportReport::Reason r, std::int64_t line) {
        ++report.rejected[r];
        if (int(report.exampleLines[r].size()) < kMaxExamples)
            report.exampleLines[r].push_back(line);
    };
    auto sink = [&](const ais::AisMessage &m, const ais::RawMessage &raw) {
        const bool hasTime = raw.timeSource != ais::TimeSource::None;
        const std::int64_t timeMs = hasTime ? std::llround(raw.time * 1000.0) : 0;
        switch (m.type) {
        case 4:
            if (options.baseStationTimeFallback) {
                const std::int64_t t = baseStationTimeMs(m);
                if (t >= 0)
                    baseTimeMs = t;
            }
            // With no receive time, a base station's own UTC is when it was heard.
            broadcasts.note(m, hasTime ? timeMs : baseStationTimeMs(m), raw.station, raw.channel);
            return;
        case 12:
        case 14:
        case 21: // an aid to navigation is a mark, not a vessel: its own table and layer
            broadcasts.note(m, hasTime ? timeMs : baseTimeMs, raw.station, raw.channel);
            return;
        case 5:
        case 19:
        case 24:
            registry.noteStatic(m, timeMs);
            if (m.type != 19)
                return;
            break; // type 19 carries a position too
        case 1:
        case 2:
        case 3:
        case 18:
        case 27:
            break;
        default:
            return; // SAR aircraft (9), UTC answers (11): not vessel tracks
        }
        if (m.mmsi < 1000000 || m.mmsi > 999999999) {
            reject(AisImportReport::InvalidMmsi, raw.line);
            return;
        }
        if (!m.hasPosition()) {
            reject(AisImportReport::NoPosition, raw.line);
            return;
        }
        TrackStore::Position p{m.mmsi, timeMs, m.lon, m.lat};
        if (!hasTime) {
            if (baseTimeMs < 0) {
                reject(AisImportReport::NoTime, raw.line);
                return;
            }
            // The report's own UTC second placed in the base station's minute, rolling over when it wrapped.
            std::int64_t t =
                baseTimeMs / 60000 * 60000 + (m.second >= 0 && m.second < 60 ? m.second : 0) * 1000;
            if (t < baseTimeMs - 30000)
                t += 60000;
            p.timeMs = t;
            p.flags |= VesselTrack::TimeFromBaseStation;
            ++report.timedFromBaseStation;
        }
        p.sog = m.speed;
        p.cog = m.course;
        p.heading = m.heading;
        p.status = m.status;
        const bool classB = m.type == 18 || m.type == 19;
        if (classB)
            p.flags |= VesselTrack::ClassB;
        if (raw.ownShip)
            p.flags |= VesselTrack::OwnShip;
        p.source = raw.station;
        p.channel = raw.channel;
        store.append(p);
        registry.notePosition(m.mmsi, classB);
        ++report.positionsKept;
    };
    if (!ais::readAisLog(path, sink, report.log, error, progress))
        return false;
    report.cancelled = report.log.stopped;
    report.duplicatesRemoved = std::int64_t(store.finalize());
    report.positionsKept -= report.duplicatesRemoved;
    for (SafetyMessage &s : broadcasts.safetyMessages())
        placeSafetyMessage(s, store);
    report.baseStations = std::int64_t(broadcasts.baseStations().size());
    report.aidsToNavigation = std::int64_t(broadcasts.aidsToNavigation().size());
    report.safetyMessages = std::int64_t(broadcasts.safetyMessages().size());
    return true;
}

} // namespace sightline
